import { z } from 'zod';
import { scenarioSchema } from '../contracts/index.ts';

/**
 * Data of a plan job (and of a comparison variant). Re-validated by the processor before solving.
 * The scenario travels in the job: fine for a day of a few thousand orders (~1 MB);
 * beyond that, store it under its content hash and pass the id.
 */
export const planJobSchema = z.object({
  schemaVersion: z.literal(1),
  scenario: scenarioSchema,
  seed: z.number().int().min(0),
  timeLimitSeconds: z.number().positive(),
  variant: z.object({ index: z.number().int().min(0), name: z.string() }).optional(),
});
export type PlanJobData = z.infer<typeof planJobSchema>;

/** Data of a comparison parent: the variant names in request order. */
export const comparisonJobSchema = z.object({
  schemaVersion: z.literal(1),
  names: z.array(z.string()).min(1),
});
export type ComparisonJobData = z.infer<typeof comparisonJobSchema>;

/** What the solver reports through job.updateProgress. */
export const planProgressSchema = z.object({
  percent: z.number(),
  phase: z.string().optional(),
  bestCost: z.number().nullable().optional(),
});
