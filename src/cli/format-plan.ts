import type { Kpis, Plan } from '../contracts/index.ts';
import { textTable } from '../io/text-table.ts';
import { formatEmissionElements } from './format-emissions.ts';

const ROWS: { label: string; key: keyof Kpis; digits: number }[] = [
  { label: 'Vehicles in the centre', key: 'vehicles', digits: 0 },
  { label: 'Trips from the hub or depot', key: 'routes', digits: 0 },
  { label: 'Trips incl. trunk trips', key: 'tripsIncludingTrunk', digits: 0 },
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

/** The human before/after table printed by `picon plan`. */
export function formatPlan(plan: Plan): string {
  const b = plan.baseline.kpis;
  const c = plan.consolidated.kpis;
  const kpiRows = ROWS.map(({ label, key, digits }) => {
    const before = Number(b[key] ?? 0);
    const after = Number(c[key] ?? 0);
    return [label, before.toFixed(digits), after.toFixed(digits), change(before, after)];
  });
  const road = plan.consolidated.trunk.filter((t) => t.mode === 'road');
  const trunkKm = road.reduce((s, t) => s + t.distanceKm, 0);
  const water = plan.consolidated.trunk.filter((t) => t.mode !== 'road');
  const schedule = plan.consolidated.trunk.some((t) => t.day < 0) ? 'the evening before' : 'the same day';
  const notes = [
    `Consolidated figures include ${road.length} trunk trips (${trunkKm.toFixed(1)} km, ${c.trunkVehicles ?? 0} ` +
      `vehicles, ${schedule}) from carrier depots to the hub` +
      (c.hubHandlingKWh ? ` and ${c.hubHandlingKWh.toFixed(1)} kWh of hub handling.` : '.'),
    ...(water.length > 0
      ? [
          `Barge and rail: ${water.length} sailing(s), ${water
            .reduce((s, t) => s + t.tonneKm, 0)
            .toFixed(
              1,
            )} tonne-km (not vehicle-km), ${water.reduce((s, t) => s + t.co2eKg, 0).toFixed(1)} kg CO2e.`,
        ]
      : []),
    plan.consolidated.unassigned.length === 0
      ? 'Every order was pooled.'
      : `${plan.consolidated.unassigned.length} orders could not be pooled (see unassigned in --json); their carriers' own rounds are counted.`,
  ];
  const bd = plan.savingsBreakdown;
  const total = plan.savings;
  const ofBaseline = (part: number): string =>
    total.co2eKg.before === 0 ? '' : `${((-100 * part) / total.co2eKg.before).toFixed(1)} %`;
  const causeRow = (label: string, c: typeof bd.vehicleTechnology): string[] => [
    label,
    c.vehicleKm.toFixed(1),
    c.energyKWh.toFixed(1),
    c.co2eKg.toFixed(1),
    ofBaseline(c.co2eKg),
  ];
  const breakdown = textTable(
    ['Saving by cause (baseline − plan)', 'Vehicle-km', 'Energy (kWh)', 'CO2e (kg)', 'CO2e change'],
    [
      causeRow('Vehicle technology (own rounds, clean fleet)', bd.vehicleTechnology),
      causeRow('Consolidation (hub, pooled runs, trunk)', bd.consolidation),
      [
        'Total',
        (total.vehicleKm.before - total.vehicleKm.after).toFixed(1),
        (total.energyKWh.before - total.energyKWh.after).toFixed(1),
        (total.co2eKg.before - total.co2eKg.after).toFixed(1),
        ofBaseline(total.co2eKg.before - total.co2eKg.after),
      ],
    ],
  );
  const rerouted = plan.ownRoundsCleanFleet.carriers.filter((c) => c.method === 'rerouted').length;
  const cleanNote =
    `Clean-fleet counterfactual: each carrier's own rounds with ${[...new Set(plan.ownRoundsCleanFleet.carriers.map((c) => c.vehicleType))].join(', ')}` +
    (rerouted > 0
      ? ` (${rerouted} carrier(s) re-routed: the clean type could not drive their rounds as they were).`
      : ' (same rounds, stop for stop).');
  const allocation = textTable(
    ['Carrier', 'Alone (EUR)', 'Marginal (EUR)', 'Pooled (EUR)', 'Saving (EUR)'],
    plan.allocation.map((a) => [
      a.carrierId,
      a.standaloneCost.toFixed(0),
      a.marginalCost === undefined ? '' : a.marginalCost.toFixed(0),
      a.allocatedCost.toFixed(0),
      a.saving.toFixed(0),
    ]),
  );
  const core = plan.allocationCore;
  const coreNote = core
    ? core.inCore
      ? `In the core${core.exact ? '' : ' (of the sampled coalitions)'}: no group of carriers pays more than it would ` +
        `pooling alone (tightest: ${core.coalition.join(', ') || 'none'}, ${(-core.maxExcessEur).toFixed(2)} EUR below its own cost).`
      : core.coreEmpty
        ? `The core is empty: under any split some group of carriers pays more than it would alone; the ` +
          `least-core split holds the largest excess to ${core.maxExcessEur.toFixed(2)} EUR (${core.coalition.join(', ')}).`
        : `NOT in the core: ${core.coalition.join(', ')} pay ${core.maxExcessEur.toFixed(2)} EUR more together ` +
          'than they would pooling alone.'
    : 'No cost game: pro-rata-by-kg prices no coalition, so no core check.';
  return [
    `${plan.scenario.name} — ${plan.scenario.date}: ${plan.meta.orders} orders to ${plan.meta.receivers} receivers (seed ${plan.scenario.seed}, ${plan.scenario.effort} effort: ${plan.meta.iterations} iterations in ${plan.meta.solveSeconds.toFixed(1)} s${plan.meta.timeCapped ? '; CUT SHORT by the wall-clock cap: not reproducible' : ''})`,
    '',
    textTable(['KPI', 'Baseline', 'Consolidated', 'Change'], kpiRows),
    '',
    ...notes,
    '',
    breakdown,
    cleanNote,
    '',
    `Cost allocation (${plan.meta.allocationMethod.split(':')[0]}):`,
    allocation,
    coreNote,
    '',
    formatEmissionElements(plan),
    '',
  ].join('\n');
}
