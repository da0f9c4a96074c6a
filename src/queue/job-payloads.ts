import { z } from 'zod';
import { planTaskSchema, taskBudgetSchema } from '../contracts/index.ts';

const scenarioHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');

const submissionSchema = z.object({
  owner: z.object({ fingerprint: z.string(), hubId: z.string().optional() }),
  requestHash: z.string(),
});

/**
 * Data of a plan flow parent (and of a comparison variant). The scenario itself is stored once in Redis under
 * its content hash (see scenario-store.ts): a 10,000-receiver day is ~11 MB, too big to copy into every job.
 * Re-validated by the processor.
 */
export const planJobSchema = z.object({
  schemaVersion: z.literal(2),
  scenarioHash,
  seed: z.number().int().min(0),
  timeLimitSeconds: z.number().positive(),
  variant: z.object({ index: z.number().int().min(0), name: z.string() }).optional(),
  /** Added later (owner and request hash, see ports.ts Submission): older jobs have none. */
  submission: submissionSchema.optional(),
});
export type PlanJobData = z.infer<typeof planJobSchema>;

/** Data of a task child: which scenario, which task of it and the task's budget (iterations, time cap). */
export const taskJobSchema = z.object({
  schemaVersion: z.literal(2),
  scenarioHash,
  seed: z.number().int().min(0),
  timeLimitSeconds: z.number().positive(),
  task: planTaskSchema,
  budget: taskBudgetSchema,
});
export type TaskJobData = z.infer<typeof taskJobSchema>;

/** Data of a comparison parent: the variant names (and descriptions, if any) in request order. */
export const comparisonJobSchema = z.object({
  schemaVersion: z.literal(1),
  names: z.array(z.string()).min(1),
  /** Added later: jobs queued before it have none. */
  descriptions: z.array(z.string().nullable()).optional(),
  submission: submissionSchema.optional(),
});
export type ComparisonJobData = z.infer<typeof comparisonJobSchema>;

/** What processors report through job.updateProgress. */
export const planProgressSchema = z.object({
  percent: z.number(),
  phase: z.string().optional(),
  bestCost: z.number().nullable().optional(),
});
export type PlanProgressData = z.infer<typeof planProgressSchema>;

/**
 * Share of a plan done, from its flow: 0–2 % split, 2–95 % tasks (by children done), 95–100 % assembly.
 * Every process (API, workers) computes it the same way.
 */
export function taskPhasePercent(done: number, total: number): number {
  return total <= 0 ? 2 : Math.round(2 + (93 * done) / total);
}
export const ASSEMBLE_PERCENT = 95;
