import type { Kpis, Plan, SeedSpread, Spread } from '../contracts/index.ts';
import { InternalError } from '../domain/errors.ts';

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

/** The seed spread of plans of one scenario and effort, one plan per seed. */
export function seedSpread(plans: readonly Plan[]): SeedSpread {
  const first = plans[0];
  if (!first) throw new InternalError('BROKEN_INVARIANT', 'a seed spread needs at least one plan');
  return {
    scenario: { name: first.scenario.name, date: first.scenario.date, effort: first.scenario.effort },
    seeds: plans.map((p) => p.scenario.seed),
    kpis: {
      baseline: spreadOf(plans.map((p) => p.baseline.kpis)),
      ownRoundsCleanFleet: spreadOf(plans.map((p) => p.ownRoundsCleanFleet.kpis)),
      consolidated: spreadOf(plans.map((p) => p.consolidated.kpis)),
    },
    savingsPct: spreadOf(plans.map((p) => savingsPct(p.baseline.kpis, p.consolidated.kpis))),
    savingsBreakdown: {
      vehicleTechnology: spreadOf(plans.map((p) => p.savingsBreakdown.vehicleTechnology)),
      consolidation: spreadOf(plans.map((p) => p.savingsBreakdown.consolidation)),
    },
    warnings: [...new Set(plans.flatMap((p) => p.meta.warnings))],
    timeCapped: plans.some((p) => p.meta.timeCapped),
  };
}
