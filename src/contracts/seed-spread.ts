import { z } from 'zod';
import { effortSchema } from './scenario.ts';

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
