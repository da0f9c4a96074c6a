import { z } from 'zod';
import { kpisSchema, planSchema, savingsBreakdownSchema, type Plan } from './plan.ts';

/** One variant of a comparison: its plan's KPIs, savings and allocation, without routes. */
export const comparisonVariantSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  /** The plan's identity: name, date, seed and effort (a plan is a pure function of these and the scenario). */
  scenario: planSchema.shape.scenario,
  kpis: z.object({
    baseline: kpisSchema,
    consolidated: kpisSchema,
    /** The counterfactual the saving is split by: each carrier's own rounds with the pooled fleet's vehicles. */
    ownRoundsCleanFleet: kpisSchema,
  }),
  savings: planSchema.shape.savings,
  savingsBreakdown: savingsBreakdownSchema,
  allocation: planSchema.shape.allocation,
  /** Orders the hub could not pool (served by their carrier, or by nobody): see the plan's consolidated.unassigned. */
  ordersNotPooled: z.number().int().min(0),
  /** What a reader of this variant's figures must know (the plan's meta.warnings). */
  warnings: z.array(z.string()),
  /** True when the wall-clock cap cut a solve short: this variant then depends on the machine's speed. */
  timeCapped: z.boolean(),
});
export type ComparisonVariant = z.infer<typeof comparisonVariantSchema>;

/** `picon compare --json` and the result of `GET /v1/comparisons/{id}` (which adds each variant's planId). */
export const comparisonSchema = z.object({ variants: z.array(comparisonVariantSchema) });
export type ComparisonResult = z.infer<typeof comparisonSchema>;

/** The comparison row of one variant's plan: the same function for the CLI and the service's workers. */
export function comparisonVariant(name: string, plan: Plan, description?: string): ComparisonVariant {
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    scenario: plan.scenario,
    kpis: {
      baseline: plan.baseline.kpis,
      consolidated: plan.consolidated.kpis,
      ownRoundsCleanFleet: plan.ownRoundsCleanFleet.kpis,
    },
    savings: plan.savings,
    savingsBreakdown: plan.savingsBreakdown,
    allocation: plan.allocation,
    ordersNotPooled: plan.consolidated.unassigned.length,
    warnings: plan.meta.warnings,
    timeCapped: plan.meta.timeCapped,
  };
}
