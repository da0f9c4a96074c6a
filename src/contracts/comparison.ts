import { z } from 'zod';
import { kpisSchema, planSchema, type Plan } from './plan.ts';

/** The saving of one cause, per KPI (positive: the cause reduces it). */
const causeSavingSchema = z.object({ vehicleKm: z.number(), energyKWh: z.number(), co2eKg: z.number() });

/**
 * The total saving split by cause (see the plan's `ownRoundsCleanFleet`): vehicle technology = baseline −
 * carriers' own rounds with the pooled fleet's vehicles; consolidation = those own rounds − consolidated.
 */
export const savingsBreakdownSchema = z.object({
  vehicleTechnology: causeSavingSchema,
  consolidation: causeSavingSchema,
});
export type SavingsBreakdown = z.infer<typeof savingsBreakdownSchema>;

/** One variant of a comparison: its plan's KPIs, savings and allocation, without routes. */
export const comparisonVariantSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  /** The plan's identity: name, date, seed and effort (a plan is a pure function of these and the scenario). */
  scenario: planSchema.shape.scenario,
  kpis: z.object({ baseline: kpisSchema, consolidated: kpisSchema }),
  savings: planSchema.shape.savings,
  /** Absent from plans made before the savings were split by cause. */
  savingsBreakdown: savingsBreakdownSchema.optional(),
  allocation: planSchema.shape.allocation,
  /** Orders the hub could not pool (served by their carrier, or by nobody): see the plan's consolidated.unassigned. */
  ordersNotPooled: z.number().int().min(0),
  /** True when the wall-clock cap cut a solve short: this variant then depends on the machine's speed. */
  timeCapped: z.boolean(),
});
export type ComparisonVariant = z.infer<typeof comparisonVariantSchema>;

/** `picon compare --json` and the result of `GET /v1/comparisons/{id}` (which adds each variant's planId). */
export const comparisonSchema = z.object({ variants: z.array(comparisonVariantSchema) });
export type ComparisonResult = z.infer<typeof comparisonSchema>;

/** The comparison row of one variant's plan: the same function for the CLI and the service's workers. */
export function comparisonVariant(name: string, plan: Plan, description?: string): ComparisonVariant {
  const breakdown = (plan as Plan & { savingsBreakdown?: SavingsBreakdown }).savingsBreakdown;
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    scenario: plan.scenario,
    kpis: { baseline: plan.baseline.kpis, consolidated: plan.consolidated.kpis },
    savings: plan.savings,
    ...(breakdown !== undefined ? { savingsBreakdown: breakdown } : {}),
    allocation: plan.allocation,
    ordersNotPooled: plan.consolidated.unassigned.length,
    timeCapped: plan.meta.timeCapped,
  };
}
