import type { SeedSpread, Spread } from '../contracts/index.ts';
import { textTable } from '../io/text-table.ts';

const ROWS: { label: string; key: string; digits: number }[] = [
  { label: 'Vehicles in the centre', key: 'vehicles', digits: 0 },
  { label: 'Trips incl. trunk trips', key: 'tripsIncludingTrunk', digits: 0 },
  { label: 'Vehicle-km', key: 'vehicleKm', digits: 1 },
  { label: 'Vehicle-hours', key: 'vehicleHours', digits: 1 },
  { label: 'Energy (kWh)', key: 'energyKWh', digits: 1 },
  { label: 'CO2e WTW (kg)', key: 'co2eKg', digits: 1 },
  { label: 'Deliveries per receiver', key: 'deliveriesPerReceiver', digits: 2 },
];

/** `median [min–max]`, or the single value when every seed gave the same. */
function cell(s: Spread | undefined, digits: number, unit = ''): string {
  if (!s) return '';
  const f = (x: number): string => x.toFixed(digits);
  return s.min === s.max ? `${f(s.median)}${unit}` : `${f(s.median)}${unit} [${f(s.min)}–${f(s.max)}]`;
}

/** The table printed by `picon plan --seeds N`: every figure as median [min–max] over the seeds. */
export function formatSpread(s: SeedSpread): string {
  const kpiRows = ROWS.map(({ label, key, digits }) => [
    label,
    cell(s.kpis.baseline[key], digits),
    cell(s.kpis.ownRoundsCleanFleet[key], digits),
    cell(s.kpis.consolidated[key], digits),
    cell(s.savingsPct[key], 1, ' %'),
  ]);
  const causeLabels = { vehicleKm: 'Vehicle-km', energyKWh: 'Energy (kWh)', co2eKg: 'CO2e (kg)' } as const;
  const causes = (['vehicleKm', 'energyKWh', 'co2eKg'] as const).map((k) => [
    causeLabels[k],
    cell(s.savingsBreakdown.vehicleTechnology[k], 1),
    cell(s.savingsBreakdown.consolidation[k], 1),
  ]);
  return [
    `${s.scenario.name} — ${s.scenario.date}: ${s.seeds.length} seeds (${s.seeds.join(', ')}), ${s.scenario.effort} effort; median [min–max]` +
      (s.timeCapped ? '; SOME SOLVES CUT SHORT by the wall-clock cap' : ''),
    '',
    textTable(['KPI', 'Baseline', 'Own rounds, clean fleet', 'Consolidated', 'Saving'], kpiRows),
    '',
    textTable(['Saving by cause (baseline − plan)', 'Vehicle technology', 'Consolidation'], causes),
    ...s.warnings.map((w) => `warning: ${w}`),
    '',
  ].join('\n');
}
