import type { SandboxedJob } from 'bullmq';
import { Queue, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import type { Plan, PlanTaskResult } from '../src/contracts/index.ts';
import { formatIssues, planTaskResultSchema } from '../src/contracts/index.ts';
import { assemblePlan, planTasks, solveContext } from '../src/planner/index.ts';
import { toJobFailure } from '../src/queue/job-errors.ts';
import { childJobOptions } from '../src/queue/job-options.ts';
import type { TaskJobData } from '../src/queue/job-payloads.ts';
import { ASSEMBLE_PERCENT, planJobSchema, taskPhasePercent } from '../src/queue/job-payloads.ts';
import { JOB_NAMES, parseTaskJobId, QUEUES, taskJobId } from '../src/queue/queue-names.ts';
import { config, effectiveTimeLimit, loadCity, sandboxRedis, solveOptions } from './sandbox-context.ts';

let tasksQueue: Queue | undefined;
function tasks(): Queue {
  tasksQueue ??= new Queue(QUEUES.tasks, { connection: sandboxRedis(), prefix: config.queue.prefix });
  return tasksQueue;
}

/**
 * Sandboxed processor of a plan flow parent, run twice per plan (BullMQ's "process step jobs" pattern):
 * 1. split: the day's independent tasks (`planTasks`: carriers' rounds and hubs' pooled runs, per zone) become
 *    children in the `tasks` queue, `{planId}-t{i}`; the parent then waits for them (WaitingChildrenError);
 * 2. assemble: once every child is done, their results, in task order, are merged by `assemblePlan`.
 * The step is read from the flow itself (does the parent have children yet?), so a crash at any point resumes
 * correctly: children ids are deterministic, so re-adding them is a no-op. Both steps are CPU work (the split
 * zones the day, assembly routes the unpooled orders), hence the sandbox.
 */
export default async function processPlanJob(job: SandboxedJob, token?: string): Promise<Plan> {
  const payload = planJobSchema.safeParse(job.data);
  if (!payload.success)
    throw new UnrecoverableError(`invalid plan job payload:\n${formatIssues(payload.error)}`);
  const { scenarioHash, seed } = payload.data;
  const timeLimitSeconds = effectiveTimeLimit(payload.data.timeLimitSeconds);
  try {
    const counts = await job.getDependenciesCount();
    const failed = (counts.failed ?? 0) + (counts.ignored ?? 0);
    if (failed > 0) throw new UnrecoverableError(`${failed} task(s) of this plan failed`);
    if ((counts.processed ?? 0) + (counts.unprocessed ?? 0) === 0) {
      await split(job, scenarioHash, seed, timeLimitSeconds);
      if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
    } else if ((counts.unprocessed ?? 0) > 0) {
      if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
    }
    return await assemble(job, scenarioHash, seed, timeLimitSeconds);
  } catch (err) {
    throw toJobFailure(err, 'cannot plan this scenario');
  }
}

async function split(job: SandboxedJob, scenarioHash: string, seed: number, timeLimitSeconds: number) {
  await job.updateProgress({ percent: 0, phase: 'split', bestCost: null });
  const { city } = await loadCity(scenarioHash, seed, timeLimitSeconds);
  const list = planTasks(city);
  const parent = { id: job.id, queue: job.queueQualifiedName };
  // Queued longest first (LPT): the hubs' pooled runs get most of the work and are the critical path;
  // with several workers the short carrier rounds then fill in around them. Ids keep the plan order.
  const order = list
    .map((_, i) => i)
    .sort((x, y) => list[y]!.budget.iterations - list[x]!.budget.iterations || x - y);
  await tasks().addBulk(
    order.map((i) => {
      const { task, budget } = list[i]!;
      const data: TaskJobData = { schemaVersion: 2, scenarioHash, seed, timeLimitSeconds, task, budget };
      return {
        name: JOB_NAMES.task,
        data,
        opts: { ...childJobOptions(config, taskJobId(job.id, i)), parent },
      };
    }),
  );
  await job.updateProgress({ percent: taskPhasePercent(0, list.length), phase: 'tasks', bestCost: null });
}

async function assemble(
  job: SandboxedJob,
  scenarioHash: string,
  seed: number,
  timeLimitSeconds: number,
): Promise<Plan> {
  await job.updateProgress({ percent: ASSEMBLE_PERCENT, phase: 'assemble', bestCost: null });
  const values = await job.getChildrenValues<unknown>();
  const byIndex = new Map<number, PlanTaskResult>();
  for (const [key, value] of Object.entries(values)) {
    const id = parseTaskJobId(key.slice(key.lastIndexOf(':') + 1));
    const result = planTaskResultSchema.safeParse(value);
    if (!id || !result.success) throw new UnrecoverableError(`unreadable task result ${key}`);
    byIndex.set(id.index, result.data);
  }
  const results = [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) as PlanTaskResult);
  if (results.length > 0 && Math.max(...byIndex.keys()) !== results.length - 1)
    throw new UnrecoverableError(`task results are incomplete (${byIndex.size} found)`);
  const { scenario, city } = await loadCity(scenarioHash, seed, timeLimitSeconds);
  const options = solveOptions();
  const plan = assemblePlan(city, scenario, results, solveContext(city, options));
  await job.updateProgress({ percent: 100, phase: 'consolidated', bestCost: null });
  return plan;
}
