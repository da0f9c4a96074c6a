import type { Kpis, Plan } from '../contracts/index.ts';

const ROWS: { label: string; key: keyof Kpis; digits: number }[] = [
  { label: 'Vehicles in the centre', key: 'vehicles', digits: 0 },
  { label: 'Routes (trips)', key: 'routes', digits: 0 },
  { label: 'Vehicle-km', key: 'vehicleKm', digits: 1 },
  { label: 'Vehicle-hours', key: 'vehicleHours', digits: 1 },
  { label: 'Energy (kWh)', key: 'energyKWh', digits: 1 },
  { label: 'CO2e WTW (kg)', key: 'co2eKg', digits: 1 },
  { label: 'Stops', key: 'stops', digits: 0 },
  { label: 'Deliveries per receiver', key: 'deliveriesPerReceiver', digits: 2 },
  { label: 'Fill rate', key: 'fillRate', digits: 2 },
];

function change(before: number, after: number): string {
  if (before === 0) return '';
  const pct = (100 * (after - before)) / before;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)} %`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The human before/after table printed by `picon plan`. */
export function formatPlan(plan: Plan): string {
  const b = plan.baseline.kpis;
  const c = plan.consolidated.kpis;
  const kpiRows = ROWS.map(({ label, key, digits }) => {
    const before = Number(b[key] ?? 0);
    const after = Number(c[key] ?? 0);
    return [label, before.toFixed(digits), after.toFixed(digits), change(before, after)];
  });
  const trunkKm = plan.consolidated.trunk.reduce((s, t) => s + t.distanceKm, 0);
  const trunkTrips = plan.consolidated.trunk.reduce((s, t) => s + t.trips, 0);
  const notes = [
    `Consolidated figures include ${trunkTrips} trunk trips (${trunkKm.toFixed(1)} km) from carrier depots to the hub` +
      (c.hubHandlingKWh ? ` and ${c.hubHandlingKWh.toFixed(1)} kWh of hub handling.` : '.'),
    plan.consolidated.unassigned.length === 0
      ? 'Every order was pooled.'
      : `${plan.consolidated.unassigned.length} orders could not be pooled (see unassigned in --json); their carriers' own rounds are counted.`,
  ];
  const allocation = table(
    ['Carrier', 'Alone (EUR)', 'Pooled (EUR)', 'Saving (EUR)'],
    plan.allocation.map((a) => [
      a.carrierId,
      a.standaloneCost.toFixed(0),
      a.allocatedCost.toFixed(0),
      a.saving.toFixed(0),
    ]),
  );
  return [
    `${plan.scenario.name} — ${plan.scenario.date}: ${plan.meta.orders} orders to ${plan.meta.receivers} receivers (solved in ${plan.meta.solveSeconds.toFixed(1)} s, seed ${plan.scenario.seed})`,
    '',
    table(['KPI', 'Baseline', 'Consolidated', 'Change'], kpiRows),
    '',
    ...notes,
    '',
    `Cost allocation (${plan.meta.allocationMethod.split(':')[0]}):`,
    allocation,
    '',
  ].join('\n');
}
