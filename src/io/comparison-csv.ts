import type { ComparisonVariant } from '../contracts/index.ts';
import {
  BREAKDOWN_KPIS,
  CAUSES,
  causeSaving,
  changePct,
  kpiValue,
  reportedKpiRows,
} from './comparison-rows.ts';
import { csvTextCell } from './spreadsheet-cells.ts';

const HEADER = [
  'variant',
  'metric',
  'carrier',
  'unit',
  'baseline',
  'consolidated',
  'change',
  'change_pct',
  'saved_by_vehicle_technology',
  'saved_by_consolidation',
];

/** A text cell (variant names and carrier ids come from the user's files): neutralised, then quoted. */
export const textCell = (value: string): string => csvTextCell(value);

/** A number cell: plain digits a spreadsheet reads as a number (a minus sign here is a number, not a formula). */
function numberCell(value: number | undefined, digits = 3): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(Number(value.toFixed(digits)));
}

/**
 * The comparison for a planner's spreadsheet, long format (one row per variant and metric, so a pivot table
 * or a filter gives any view): each KPI's baseline, consolidated, change and change in percent
 * (consolidated − baseline: negative is a reduction), the saving by cause on vehicle-km, energy and CO2e (positive
 * is a reduction), then each carrier's cost alone (baseline) and its share pooled (consolidated), in EUR/day.
 */
export function comparisonToCsv(variants: readonly ComparisonVariant[]): string {
  const lines = [HEADER.join(',')];
  const kpiRows = reportedKpiRows(variants);
  for (const v of variants) {
    for (const row of kpiRows) {
      const before = kpiValue(v.kpis.baseline, row.key);
      const after = kpiValue(v.kpis.consolidated, row.key);
      const both = before !== undefined && after !== undefined;
      const split = BREAKDOWN_KPIS.includes(row);
      const byCause = CAUSES.map((c) => (split ? numberCell(causeSaving(v, c.key, row)) : ''));
      lines.push(
        [
          textCell(v.name),
          row.key,
          '',
          row.unit,
          numberCell(before),
          numberCell(after),
          both ? numberCell(after - before) : '',
          both ? numberCell(changePct(before, after), 1) : '',
          ...byCause,
        ].join(','),
      );
    }
    lines.push(
      [
        textCell(v.name),
        'ordersNotPooled',
        '',
        'orders',
        '',
        numberCell(v.ordersNotPooled),
        '',
        '',
        '',
        '',
      ].join(','),
    );
    for (const a of v.allocation) {
      lines.push(
        [
          textCell(v.name),
          'carrierCost',
          textCell(a.carrierId),
          'EUR/day',
          numberCell(a.standaloneCost, 2),
          numberCell(a.allocatedCost, 2),
          numberCell(a.allocatedCost - a.standaloneCost, 2),
          numberCell(changePct(a.standaloneCost, a.allocatedCost), 1),
          '',
          '',
        ].join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}
