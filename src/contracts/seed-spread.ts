import { z } from 'zod';
import type { ComparisonVariant } from './comparison.ts';
import type { Kpis } from './plan.ts';
import { effortSchema } from './scenario.ts';
import { InternalError } from '../domain/errors.ts';

/** One figure over several seeds: its median and range (search noise you can see). */
export const spreadSchema = z.object({ median: z.number(), min: z.number(), max: z.number() });

const kpiSpreadSchema = z.record(z.string(), spreadSchema);

/**
 * `picon plan --seeds N`: the same scenario and effort planned with N seeds (seed, seed+1, …); every KPI of
 * each plan part and every saving as median and min–max. The per-seed plans are written by `--out`.
 */
export const seedSpreadSchema = z.object({
  scenario: z.object({ name: z.string(), date: z.string(), effort: effortSchema }),
  seeds: z.array(z.number().int()),
  kpis: z.object({
    baseline: kpiSpreadSchema,
    ownRoundsCleanFleet: kpiSpreadSchema,
    consolidated: kpiSpreadSchema,
  }),
  /** Reductions in percent of the baseline, per KPI (positive = saving). */
  savingsPct: kpiSpreadSchema,
  savingsBreakdown: z.object({ vehicleTechnology: kpiSpreadSchema, consolidation: kpiSpreadSchema }),
  /** Warnings of any of the plans, each once. */
  warnings: z.array(z.string()),
  /** True when the wall-clock cap cut a solve short in some plan: the spread then mixes in machine speed. */
  timeCapped: z.boolean(),
});

export type Spread = z.infer<typeof spreadSchema>;
export type SeedSpread = z.infer<typeof seedSpreadSchema>;

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** Median (mean of the two middle values for an even count), min and max. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: 0, min: 0, max: 0 };
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { median: round(median), min: round(s[0] as number), max: round(s[s.length - 1] as number) };
}

/** Every numeric field of `rows`, spread over the rows. */
function spreadOf<T extends object>(rows: readonly T[]): Record<string, Spread> {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) =>
    rows.every((r) => typeof (r as Record<string, unknown>)[k] === 'number'),
  );
  return Object.fromEntries(
    keys.map((k) => [k, spread(rows.map((r) => (r as Record<string, number>)[k] as number))]),
  );
}

const SAVING_KPIS = [
  'vehicleKm',
  'vehicleHours',
  'energyKWh',
  'co2eKg',
  'tripsIncludingTrunk',
  'vehicles',
] as const;

/** Reductions in percent of the baseline (positive = saving) for the KPIs a saving is quoted on. */
function savingsPct(baseline: Kpis, consolidated: Kpis): Record<string, number> {
  return Object.fromEntries(
    SAVING_KPIS.map((k) => [
      k,
      baseline[k] === 0 ? 0 : round((100 * (baseline[k] - consolidated[k])) / baseline[k], 2),
    ]),
  );
}

/**
 * The seed spread of one scenario and effort planned with several seeds, from each plan's comparison row
 * (the CLI's plans and the service's comparison variants alike).
 */
export function seedSpread(rows: readonly ComparisonVariant[]): SeedSpread {
  const first = rows[0];
  if (!first) throw new InternalError('BROKEN_INVARIANT', 'a seed spread needs at least one plan');
  return {
    scenario: { name: first.scenario.name, date: first.scenario.date, effort: first.scenario.effort },
    seeds: rows.map((r) => r.scenario.seed),
    kpis: {
      baseline: spreadOf(rows.map((r) => r.kpis.baseline)),
      ownRoundsCleanFleet: spreadOf(rows.map((r) => r.kpis.ownRoundsCleanFleet)),
      consolidated: spreadOf(rows.map((r) => r.kpis.consolidated)),
    },
    savingsPct: spreadOf(rows.map((r) => savingsPct(r.kpis.baseline, r.kpis.consolidated))),
    savingsBreakdown: {
      vehicleTechnology: spreadOf(rows.map((r) => r.savingsBreakdown.vehicleTechnology)),
      consolidation: spreadOf(rows.map((r) => r.savingsBreakdown.consolidation)),
    },
    warnings: [...new Set(rows.flatMap((r) => r.warnings))],
    timeCapped: rows.some((r) => r.timeCapped),
  };
}

/** True when the rows are one scenario and effort planned with distinct seeds (what a spread means). */
export function areSeedsOfOneScenario(rows: readonly ComparisonVariant[]): boolean {
  const first = rows[0];
  if (!first) return false;
  const same = (r: ComparisonVariant) =>
    r.scenario.name === first.scenario.name &&
    r.scenario.date === first.scenario.date &&
    r.scenario.effort === first.scenario.effort;
  return rows.every(same) && new Set(rows.map((r) => r.scenario.seed)).size === rows.length;
}
