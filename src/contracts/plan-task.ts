import { z } from 'zod';
import { idSchema } from './primitives.ts';
import { routeSchema, unassignedSchema } from './plan.ts';

/**
 * One independent piece of a plan: a carrier's own rounds (baseline) or a hub's pooled runs, each
 * possibly cut into geographic zones for large days. Tasks run in-process one after the other, or as
 * child jobs of a BullMQ flow on any number of workers; `assemblePlan` merges their results.
 */
export const planTaskSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('baseline'),
    carrierId: idSchema,
    zone: z.number().int().min(0),
    zones: z.number().int().min(1),
    /** The carrier's own rounds with this type instead of its baseline type (the clean-fleet counterfactual). */
    vehicleType: idSchema.optional(),
  }),
  z.object({
    kind: z.literal('pooled'),
    hubId: idSchema,
    zone: z.number().int().min(0),
    zones: z.number().int().min(1),
  }),
]);

export const planTaskResultSchema = z.object({
  task: planTaskSchema,
  routes: z.array(routeSchema),
  unassigned: z.array(unassignedSchema),
  solveSeconds: z.number().min(0),
  /** Search iterations the task's solves ran (deterministic for a seed and effort). */
  iterations: z.number().int().min(0),
  /** True when the wall-clock cap, not the iteration budget, ended a solve: the result then depends on the machine. */
  timeCapped: z.boolean(),
});

/** A task's search budget: iterations decide; the wall-clock limit is a safety cap. */
export const taskBudgetSchema = z.object({
  iterations: z.number().int().min(1),
  timeLimitMs: z.number().min(0),
});

export type PlanTask = z.infer<typeof planTaskSchema>;
export type PlanTaskResult = z.infer<typeof planTaskResultSchema>;
export type TaskBudget = z.infer<typeof taskBudgetSchema>;
