import type { ComparisonVariant } from '../contracts/index.ts';
import { textTable } from './text-table.ts';
import {
  allocationCarriers,
  BREAKDOWN_KPIS,
  CAUSES,
  causeSaving,
  changePct,
  kpiValue,
  reportedKpiRows,
  trunkRows,
} from './comparison-rows.ts';

const fixed = (x: number | undefined, digits: number): string => (x === undefined ? '–' : x.toFixed(digits));

function pct(x: number | undefined): string {
  if (x === undefined) return '';
  return `${x > 0 ? '+' : ''}${x.toFixed(1)} %`;
}

/**
 * The side-by-side table printed by `picon compare`: variants as numbered columns (named in a legend above),
 * each KPI's baseline, consolidated and change, the consolidated plan's trunk (trips, tonne-km by mode, each
 * echelon's figures), the saving split by cause, the orders the hub could not pool and each carrier's
 * allocated saving.
 */
export function formatComparison(variants: readonly ComparisonVariant[], title = 'Comparison'): string {
  const header = ['', ...variants.map((_, i) => String(i + 1))];
  const rows: (string[] | string)[] = [];
  for (const row of reportedKpiRows(variants)) {
    const before = variants.map((v) => kpiValue(v.kpis.baseline, row.key));
    const after = variants.map((v) => kpiValue(v.kpis.consolidated, row.key));
    rows.push(`${row.label} (${row.unit})`);
    rows.push(['  baseline', ...before.map((x) => fixed(x, row.digits))]);
    rows.push(['  consolidated', ...after.map((x) => fixed(x, row.digits))]);
    rows.push([
      '  change',
      ...before.map((b, i) => {
        const a = after[i];
        return b === undefined || a === undefined ? '' : pct(changePct(b, a));
      }),
    ]);
  }
  if (variants.some((v) => v.kpis.consolidated.trunkTrips !== undefined)) {
    rows.push('Trunk of the consolidated plan (vehicle-km above include its road trips)');
    for (const row of trunkRows(variants))
      rows.push([
        `  ${row.label}`,
        ...variants.map((v) => fixed(row.value(v.kpis.consolidated), row.digits)),
      ]);
  }
  rows.push('Saving by cause (positive = less; the two add up to baseline − consolidated)');
  for (const kpi of BREAKDOWN_KPIS)
    for (const cause of CAUSES)
      rows.push([
        `  ${kpi.short} (${kpi.unit}), ${cause.label}`,
        ...variants.map((v) => fixed(causeSaving(v, cause.key, kpi), kpi.digits)),
      ]);
  rows.push(['Orders not pooled', ...variants.map((v) => String(v.ordersNotPooled))]);
  const carriers = allocationCarriers(variants);
  if (carriers.length > 0) {
    rows.push('Carrier saving (EUR/day: alone − pooled share)');
    for (const id of carriers)
      rows.push([
        `  ${id}`,
        ...variants.map((v) => fixed(v.allocation.find((a) => a.carrierId === id)?.saving, 0)),
      ]);
  }
  const legend = variants.map((v, i) => {
    const capped = v.timeCapped ? ' [cut short by the time cap: not reproducible]' : '';
    return `  ${String(i + 1).padStart(2)}  ${v.name}${v.description ? ` — ${v.description}` : ''}${capped}`;
  });
  const seeds = [...new Set(variants.map((v) => `seed ${v.scenario.seed}, effort ${v.scenario.effort}`))];
  return [`${title} (${seeds.join('; ')})`, ...legend, '', textTable(header, rows), ''].join('\n');
}
