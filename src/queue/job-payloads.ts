import { z } from 'zod';
import { planTaskResultSchema, planTaskSchema, taskBudgetSchema } from '../contracts/index.ts';

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
  /** Written by the split step: how many task children, and how many cost-game children will follow them. */
  flow: z
    .object({
      tasks: z.number().int().min(0),
      gameChunks: z.number().int().min(0),
      /** The clean-fleet counterfactual may re-route carriers (children after the tasks); absent in older jobs. */
      mayReroute: z.boolean().optional(),
    })
    .optional(),
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

/**
 * Data of a cost-game child: coalitions (bitmasks over the scenario's carriers) to price against the plan's
 * game parts, stored once in Redis under their content hash (`partsHash`, see game-parts-store.ts).
 */
export const coalitionJobSchema = z.object({
  schemaVersion: z.literal(1),
  scenarioHash,
  seed: z.number().int().min(0),
  timeLimitSeconds: z.number().positive(),
  partsHash: scenarioHash,
  coalitions: z.array(z.number().int().min(1)).min(1).max(4096),
});
export type CoalitionJobData = z.infer<typeof coalitionJobSchema>;

/** What a cost-game child returns: each coalition's cost, and whether a wall-clock cap cut any of its solves. */
export const coalitionResultSchema = z.object({
  costs: z.array(z.object({ coalition: z.number().int().min(1), costEur: z.number() })),
  timeCapped: z.boolean(),
});
export type CoalitionResult = z.infer<typeof coalitionResultSchema>;

/** The parts of a cost game (planner's GrandPlanParts) as stored for the cost-game children. */
export const gamePartsSchema = z.object({
  standaloneEur: z.array(z.number()).readonly(),
  residualEur: z.array(z.number()).readonly(),
  grandEur: z.number(),
  pooled: z.array(planTaskResultSchema).readonly(),
});
export type GameParts = z.infer<typeof gamePartsSchema>;

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
function taskPhasePercent(done: number, total: number): number {
  return total <= 0 ? 2 : Math.round(2 + (93 * done) / total);
}

/**
 * Share of a plan done and its phase, from its children done and total and the split's `flow` record. When a
 * second wave of children may follow the tasks (the cost game's chunks, the counterfactual's re-routes), tasks
 * take 2–50 % and the second wave 50–95 %, so the bar never moves back when those children are added; the
 * second wave's size is what the flow holds beyond its tasks. A day whose second wave turns out empty jumps
 * from 50 % to the assembly's 95 %.
 */
export function flowProgress(
  done: number,
  total: number,
  flow: PlanJobData['flow'],
): { percent: number; phase: 'tasks' | 'cost-game' | 'clean-fleet' } {
  if (!flow || (flow.gameChunks === 0 && flow.mayReroute !== true))
    return { percent: taskPhasePercent(done, total), phase: 'tasks' };
  if (total <= flow.tasks)
    return { percent: Math.round(2 + (48 * done) / Math.max(1, flow.tasks)), phase: 'tasks' };
  const secondDone = Math.max(0, done - flow.tasks);
  return {
    percent: Math.round(50 + (45 * secondDone) / (total - flow.tasks)),
    phase: flow.gameChunks > 0 ? 'cost-game' : 'clean-fleet',
  };
}
export const ASSEMBLE_PERCENT = 95;
