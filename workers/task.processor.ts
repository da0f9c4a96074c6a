import type { SandboxedJob } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { PlanTaskResult } from '../src/contracts/index.ts';
import { formatIssues } from '../src/contracts/index.ts';
import { runPlanTask, solveContext } from '../src/planner/index.ts';
import { JOB_NAMES } from '../src/queue/queue-names.ts';
import { processCoalitionJob } from './coalition.processor.ts';
import { toJobFailure } from '../src/queue/job-errors.ts';
import { taskJobSchema } from '../src/queue/job-payloads.ts';
import type { ResultRef } from '../src/queue/result-store.ts';
import { loadCity, resultStore, solveOptions, throttledProgress } from './sandbox-context.ts';

/**
 * Sandboxed processor of the `tasks` queue (own process): routing tasks, and the cost game's chunks of
 * coalitions (coalition.processor.ts), which come after them in the same flow. Both return their result by
 * reference (result-store.ts).
 */
export default async function processChildJob(job: SandboxedJob): Promise<ResultRef> {
  const result =
    job.name === JOB_NAMES.coalitions ? await processCoalitionJob(job) : await processTaskJob(job);
  return await resultStore().put(result);
}

/**
 * A task child: solves one carrier's rounds or one hub's runs in one
 * zone with `runPlanTask`, the CPU-bound part of a plan, and returns the wire result the parent assembles.
 * Progress: the task's share of its budget and its best cost, which the API folds into the plan's progress.
 */
async function processTaskJob(job: SandboxedJob): Promise<PlanTaskResult> {
  const payload = taskJobSchema.safeParse(job.data);
  if (!payload.success)
    throw new UnrecoverableError(`invalid task job payload:\n${formatIssues(payload.error)}`);
  const { scenarioHash, seed, timeLimitSeconds, task, budget } = payload.data;
  try {
    const { city } = await loadCity(scenarioHash, seed, timeLimitSeconds);
    const options = solveOptions();
    const phase = task.kind === 'baseline' ? 'baseline' : 'consolidated';
    const report = throttledProgress(job);
    return runPlanTask(
      city,
      task,
      budget,
      solveContext(city, options, (p) =>
        report(() => ({
          percent: Math.min(99, Math.round(100 * p.fraction)),
          phase,
          bestCost: Number.isFinite(p.bestCost) ? p.bestCost : null,
        })),
      ),
    );
  } catch (err) {
    throw toJobFailure(err, 'cannot solve this task');
  }
}
