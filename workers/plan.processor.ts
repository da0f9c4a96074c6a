import type { SandboxedJob } from 'bullmq';
import { Queue, UnrecoverableError, WaitingChildrenError } from 'bullmq';
import type { Plan, PlanTaskResult } from '../src/contracts/index.ts';
import { formatIssues, planTaskResultSchema } from '../src/contracts/index.ts';
import {
  assemblePlan,
  cleanFleetMayReroute,
  cleanFleetTasks,
  exactGameCoalitions,
  gameChunks,
  planGameParts,
  planTasks,
  solveContext,
} from '../src/planner/index.ts';
import { toJobFailure } from '../src/queue/job-errors.ts';
import { childJobOptions } from '../src/queue/job-options.ts';
import type { CoalitionJobData, PlanJobData, TaskJobData } from '../src/queue/job-payloads.ts';
import {
  ASSEMBLE_PERCENT,
  coalitionResultSchema,
  flowProgress,
  planJobSchema,
} from '../src/queue/job-payloads.ts';
import { childJobId, JOB_NAMES, parseChildJobId, QUEUES } from '../src/queue/queue-names.ts';
import type { ResultRef } from '../src/queue/result-store.ts';
import {
  config,
  effectiveTimeLimit,
  gamePartsStore,
  loadCity,
  resultStore,
  sandboxRedis,
  solveOptions,
} from './sandbox-context.ts';

let tasksQueue: Queue | undefined;
function tasks(): Queue {
  tasksQueue ??= new Queue(QUEUES.tasks, { connection: sandboxRedis(), prefix: config.queue.prefix });
  return tasksQueue;
}

/**
 * Sandboxed processor of a plan flow parent, run once per step (BullMQ's "process step jobs" pattern):
 * 1. split: the day's independent tasks (`planTasks`: carriers' rounds and hubs' pooled runs, per zone) become
 *    children in the `tasks` queue, `{planId}-t{i}`; the parent then waits for them (WaitingChildrenError);
 * 2. second wave, from the tasks' results: the clean-fleet counterfactual's re-routes (`cleanFleetTasks`: on a
 *    large day as much work as the baseline) become task children `{planId}-r{i}`, and, when the allocation
 *    needs an exact cost game, the game's parts are stored once in Redis and the coalitions to price become
 *    children `{planId}-g{k}` in chunks (coalition.processor.ts); any worker takes them; the parent waits again;
 * 3. assemble: the tasks' results, in task order, the re-routes and the priced coalitions are merged by
 *    `assemblePlan` (a re-route or coalition no child solved is solved by the assembly itself).
 * The step is read from the flow itself (which children it has, and whether they are done), so a crash at any
 * point resumes correctly: children ids are deterministic, so re-adding them is a no-op, and a coalition no
 * child priced is priced by the assembly itself. All steps are CPU work (the split zones the day, the game
 * step and the assembly route the unpooled orders and the trunk), hence the sandbox.
 */
export default async function processPlanJob(job: SandboxedJob, token?: string): Promise<ResultRef> {
  const payload = planJobSchema.safeParse(job.data);
  if (!payload.success)
    throw new UnrecoverableError(`invalid plan job payload:\n${formatIssues(payload.error)}`);
  const data = payload.data;
  const waitForChildren = async () => {
    if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
  };
  try {
    const counts = await job.getDependenciesCount();
    const failed = (counts.failed ?? 0) + (counts.ignored ?? 0);
    if (failed > 0) throw new UnrecoverableError(`${failed} child job(s) of this plan failed`);
    if ((counts.processed ?? 0) + (counts.unprocessed ?? 0) === 0) {
      await split(job, data);
      await waitForChildren();
    } else if ((counts.unprocessed ?? 0) > 0) await waitForChildren();
    let children = await readChildren(job);
    if (children.secondWave === 0 && (await startSecondWave(job, data, children.tasks))) {
      await waitForChildren();
      children = await readChildren(job); // only when the second wave was done before the parent waited
    }
    return await resultStore().put(await assemble(job, data, children));
  } catch (err) {
    throw toJobFailure(err, 'cannot plan this scenario');
  }
}

async function split(job: SandboxedJob, data: PlanJobData) {
  await job.updateProgress({ percent: 0, phase: 'split', bestCost: null });
  const { scenario, city } = await loadCity(data.scenarioHash, data.seed, limit(data));
  const list = planTasks(city);
  // what the API needs to show progress without moving back when the game's children are added later
  const flow = {
    tasks: list.length,
    gameChunks: gameChunks(exactGameCoalitions(city, scenario)).length,
    mayReroute: cleanFleetMayReroute(city),
  };
  await job.updateData({ ...data, flow });
  await tasks().addBulk(taskChildren(job, data, list, 'task'));
  await job.updateProgress({ ...flowProgress(0, list.length, flow), bestCost: null });
}

/**
 * Adds the second wave of children once the tasks are solved: the clean-fleet counterfactual's re-routes
 * (longest first, as the tasks) and, when the allocation needs an exact game, its coalitions in chunks. False
 * when there is neither (no carrier to re-route; pro rata by kg, one carrier, or too many carriers for an exact
 * game: sampled in the assembly).
 */
async function startSecondWave(
  job: SandboxedJob,
  data: PlanJobData,
  results: readonly PlanTaskResult[],
): Promise<boolean> {
  const { scenario, city } = await loadCity(data.scenarioHash, data.seed, limit(data));
  const reroutes = cleanFleetTasks(city, results);
  const chunks = gameChunks(exactGameCoalitions(city, scenario));
  if (reroutes.length === 0 && chunks.length === 0) return false;
  const parent = { id: job.id, queue: job.queueQualifiedName };
  const rerouteChildren = taskChildren(job, data, reroutes, 'reroute');
  let gameChildren: FlowChildren = [];
  if (chunks.length > 0) {
    const parts = planGameParts(city, scenario, results, solveContext(city, solveOptions()));
    const partsHash = await gamePartsStore().put(parts);
    gameChildren = chunks.map((coalitions, k) => {
      const child: CoalitionJobData = { ...childBase(data), schemaVersion: 1, partsHash, coalitions };
      return {
        name: JOB_NAMES.coalitions,
        data: child,
        opts: { ...childJobOptions(config, childJobId(job.id, 'game', k)), parent },
      };
    });
  }
  await tasks().addBulk([...rerouteChildren, ...gameChildren]);
  const added = reroutes.length + chunks.length;
  const total = (data.flow?.tasks ?? results.length) + added;
  await job.updateProgress({ ...flowProgress(total - added, total, data.flow), bestCost: null });
  return true;
}

type FlowChildren = Parameters<Queue['addBulk']>[0];

/**
 * Routing tasks as children of the plan, `{planId}-t{i}` or `{planId}-r{i}` (i: the task's index in `list`),
 * queued longest first (LPT): the hubs' pooled runs get most of the work and are the critical path; with
 * several workers the short carrier rounds then fill in around them.
 */
function taskChildren(
  job: SandboxedJob,
  data: PlanJobData,
  list: readonly { readonly task: TaskJobData['task']; readonly budget: TaskJobData['budget'] }[],
  kind: 'task' | 'reroute',
): FlowChildren {
  const parent = { id: job.id, queue: job.queueQualifiedName };
  return list
    .map((_, i) => i)
    .sort((x, y) => list[y]!.budget.iterations - list[x]!.budget.iterations || x - y)
    .map((i) => {
      const { task, budget } = list[i]!;
      const child: TaskJobData = { ...childBase(data), schemaVersion: 2, task, budget };
      return {
        name: JOB_NAMES.task,
        data: child,
        opts: { ...childJobOptions(config, childJobId(job.id, kind, i)), parent },
      };
    });
}

interface Children {
  /** The tasks' results in task order. */
  readonly tasks: PlanTaskResult[];
  /** The counterfactual's re-routes the second wave solved (any order: the assembly finds each by its task). */
  readonly rerouted: PlanTaskResult[];
  /** Coalition costs the game's children priced, by bitmask. */
  readonly known: Map<number, number>;
  readonly knownTimeCapped: boolean;
  /** Children of the second wave found (re-routes and game chunks): 0 before it starts. */
  readonly secondWave: number;
}

async function readChildren(job: SandboxedJob): Promise<Children> {
  const store = resultStore();
  const returned = Object.entries(await job.getChildrenValues<unknown>());
  const values = await Promise.all(
    returned.map(async ([key, value]) => [key, await store.resolve(value)] as const),
  );
  const byIndex = new Map<number, PlanTaskResult>();
  const known = new Map<number, number>();
  const rerouted: PlanTaskResult[] = [];
  let knownTimeCapped = false;
  let secondWave = 0;
  for (const [key, value] of values) {
    const id = parseChildJobId(key.slice(key.lastIndexOf(':') + 1));
    if (id?.kind === 'game') {
      const priced = coalitionResultSchema.safeParse(value);
      if (!priced.success) throw new UnrecoverableError(`unreadable cost-game result ${key}`);
      for (const c of priced.data.costs) known.set(c.coalition, c.costEur);
      knownTimeCapped ||= priced.data.timeCapped;
      secondWave++;
      continue;
    }
    const result = planTaskResultSchema.safeParse(value);
    if (!id || !result.success) throw new UnrecoverableError(`unreadable task result ${key}`);
    if (id.kind === 'reroute') {
      rerouted.push(result.data);
      secondWave++;
    } else byIndex.set(id.index, result.data);
  }
  const results = [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) as PlanTaskResult);
  // distinct indices, so they are 0..n-1 unless one is n or more
  if ([...byIndex.keys()].some((i) => i >= results.length))
    throw new UnrecoverableError(`task results are incomplete (${byIndex.size} found)`);
  return { tasks: results, rerouted, known, knownTimeCapped, secondWave };
}

async function assemble(job: SandboxedJob, data: PlanJobData, children: Children): Promise<Plan> {
  await job.updateProgress({ percent: ASSEMBLE_PERCENT, phase: 'assemble', bestCost: null });
  const { scenario, city } = await loadCity(data.scenarioHash, data.seed, limit(data));
  const plan = assemblePlan(
    city,
    scenario,
    children.tasks,
    solveContext(city, solveOptions()),
    { known: children.known, knownTimeCapped: children.knownTimeCapped },
    { rerouted: children.rerouted },
  );
  await job.updateProgress({ percent: 100, phase: 'consolidated', bestCost: null });
  return plan;
}

const limit = (data: PlanJobData): number => effectiveTimeLimit(data.timeLimitSeconds);

/** What every child names: the stored scenario, the seed and the time cap. */
const childBase = (data: PlanJobData) => ({
  scenarioHash: data.scenarioHash,
  seed: data.seed,
  timeLimitSeconds: limit(data),
});
