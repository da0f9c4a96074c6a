import { EventEmitter } from 'node:events';
import type { Job } from 'bullmq';
import { FlowProducer, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import type { Plan } from '../contracts/index.ts';
import type {
  Comparison,
  ComparisonJobVariant,
  ComparisonView,
  JobFinished,
  JobProgress,
  JobStatus,
  PlanEvent,
  PlanJobInput,
  PlanJobs,
  PlanView,
  Submission,
  SubmitResult,
} from '../contracts/ports.ts';
import { createRedis } from './connection.ts';
import { childJobOptions, jobOptions } from './job-options.ts';
import type { ComparisonJobData, PlanJobData } from './job-payloads.ts';
import { flowProgress, planProgressSchema } from './job-payloads.ts';
import { JOB_NAMES, parseChildJobId, QUEUES } from './queue-names.ts';
import { contentTtlSeconds } from './content-store.ts';
import { ResultStore } from './result-store.ts';
import { ScenarioStore } from './scenario-store.ts';

export { jobOptions } from './job-options.ts';

const hashOf = (requestHash: string | undefined) => (requestHash !== undefined ? { requestHash } : {});

function statusOf(state: string): JobStatus {
  // A flow parent waiting for its children is being worked on.
  if (state === 'active' || state === 'waiting-children') return 'active';
  if (state === 'completed') return 'completed';
  if (state === 'failed') return 'failed';
  return 'queued'; // waiting, delayed (incl. retry backoff), prioritized, unknown
}

function progressOf(raw: unknown): JobProgress {
  const p = planProgressSchema.safeParse(raw);
  if (!p.success) return { percent: typeof raw === 'number' ? raw : 0, bestCost: null };
  return {
    percent: p.data.percent,
    bestCost: p.data.bestCost ?? null,
    ...(p.data.phase ? { phase: p.data.phase } : {}),
  };
}

/** Children of a flow parent: done and total. */
async function childCounts(job: Job): Promise<{ done: number; total: number }> {
  const c = await job.getDependenciesCount();
  const done = c.processed ?? 0;
  return { done, total: done + (c.unprocessed ?? 0) + (c.failed ?? 0) + (c.ignored ?? 0) };
}
/** Best cost last reported by each running task of a plan, by task index. */
type TaskCosts = Map<number, { phase: string; cost: number }>;

/**
 * The BullMQ implementation of the PlanJobs port (src/contracts/ports.ts). A plan is a flow: its parent job (id = plan id) in
 * `plans` is split by a worker into `tasks` children, which any worker solves, then assembled by the parent.
 * One instance per process: it owns one Queue per queue name, one FlowProducer and two QueueEvents (never one
 * per request), and must be closed on shutdown.
 *
 * Two connections, both the caller's (connection.ts): `producer` for small commands, which fail within a second
 * when Redis hangs, and `bulk` for what carries a plan, a comparison or a scenario. A 20,000-receiver plan
 * (about 200 MB) could not be read within the producer's second on a loaded machine: GET /v1/plans/{id}
 * answered 503 while Redis was fine, and the service bench, reading the same job, crashed. Every bulk command
 * is preceded by a small producer command (the job's state), so a hung Redis is still detected within a second.
 */
export class BullPlanJobs implements PlanJobs {
  readonly plans: Queue;
  readonly tasks: Queue;
  readonly comparisons: Queue;
  readonly scenarios: ScenarioStore;
  /** Plans, which plan jobs return by reference (result-store.ts). */
  readonly results: ResultStore;
  /** The same queues on the bulk connection: reads of whole jobs, whose return value is a plan. */
  private readonly plansBulk: Queue;
  private readonly comparisonsBulk: Queue;
  private readonly flow: FlowProducer;
  private readonly events: QueueEvents;
  private readonly taskEvents: QueueEvents;
  private readonly eventsConnections: Redis[];
  private readonly bus = new EventEmitter();
  private readonly taskCosts = new Map<string, TaskCosts>();
  private readonly finishedListeners: ((e: JobFinished) => void)[] = [];

  private readonly connection: Redis;

  constructor(
    private readonly config: Config,
    connections: { producer: Redis; bulk: Redis },
    onError: (err: Error) => void = () => {},
  ) {
    const prefix = config.queue.prefix;
    const { producer: connection, bulk } = connections;
    this.connection = connection;
    this.plans = new Queue(QUEUES.plans, { connection, prefix });
    this.tasks = new Queue(QUEUES.tasks, { connection, prefix });
    this.comparisons = new Queue(QUEUES.comparisons, { connection, prefix });
    this.plansBulk = new Queue(QUEUES.plans, { connection: bulk, prefix });
    this.comparisonsBulk = new Queue(QUEUES.comparisons, { connection: bulk, prefix });
    this.scenarios = new ScenarioStore(bulk, prefix, contentTtlSeconds(config.queue));
    this.results = new ResultStore(bulk, prefix, contentTtlSeconds(config.queue));
    this.flow = new FlowProducer({ connection, prefix });
    const planEventsConnection = createRedis(config.redis.url, 'blocking');
    const taskEventsConnection = createRedis(config.redis.url, 'blocking');
    this.eventsConnections = [planEventsConnection, taskEventsConnection];
    this.events = new QueueEvents(QUEUES.plans, { connection: planEventsConnection, prefix });
    this.taskEvents = new QueueEvents(QUEUES.tasks, { connection: taskEventsConnection, prefix });
    this.bus.setMaxListeners(0);
    this.events.on('active', ({ jobId }) => this.bus.emit(jobId, { type: 'active' } satisfies PlanEvent));
    this.events.on('progress', ({ jobId, data }) =>
      this.bus.emit(jobId, { type: 'progress', progress: progressOf(data) } satisfies PlanEvent),
    );
    this.events.on('completed', ({ jobId }) => {
      this.taskCosts.delete(jobId);
      this.bus.emit(jobId, { type: 'completed' } satisfies PlanEvent);
      void this.reportFinished(jobId, 'completed');
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.taskCosts.delete(jobId);
      this.bus.emit(jobId, { type: 'failed', error: failedReason } satisfies PlanEvent);
      void this.reportFinished(jobId, 'failed');
    });
    // A task's progress or completion is progress of its plan: share of tasks done, best costs reported.
    this.taskEvents.on('progress', ({ jobId, data }) => void this.forwardTaskEvent(jobId, data));
    this.taskEvents.on('completed', ({ jobId }) => void this.forwardTaskEvent(jobId, undefined));
    // Each reconnects by itself; an 'error' without a listener would be printed by BullMQ on every attempt
    // (the flood of issue 11): the owner of the connection logs the outage once (ConnectionStateLog).
    for (const e of [this.events, this.taskEvents]) e.on('error', onError);
    for (const q of [this.plans, this.tasks, this.comparisons, this.plansBulk, this.comparisonsBulk])
      q.on('error', onError);
    this.flow.on('error', onError);
  }

  /** Waits until the event streams are subscribed (tests and SSE rely on not missing early events). */
  async ready(): Promise<void> {
    await Promise.all([
      this.plans.waitUntilReady(),
      this.tasks.waitUntilReady(),
      this.comparisons.waitUntilReady(),
      this.plansBulk.waitUntilReady(),
      this.comparisonsBulk.waitUntilReady(),
      this.events.waitUntilReady(),
      this.taskEvents.waitUntilReady(),
    ]);
  }

  private async forwardTaskEvent(childJobId: string, data: unknown): Promise<void> {
    const parsed = parseChildJobId(childJobId);
    if (!parsed || this.bus.listenerCount(parsed.planId) === 0) return;
    const { planId, index } = parsed;
    try {
      let phase: string | undefined;
      if (data !== undefined && parsed.kind === 'task') {
        const p = progressOf(data);
        phase = p.phase;
        if (p.bestCost !== null) {
          const costs: TaskCosts = this.taskCosts.get(planId) ?? new Map();
          costs.set(index, { phase: p.phase ?? 'tasks', cost: p.bestCost });
          this.taskCosts.set(planId, costs);
        }
      }
      const job = (await this.plans.getJob(planId)) as Job<PlanJobData> | undefined;
      if (!job) return;
      const { done, total } = await childCounts(job);
      const flow = flowProgress(done, total, job.data.flow);
      let bestCost: number | null = null;
      if (phase !== undefined) {
        for (const c of this.taskCosts.get(planId)?.values() ?? [])
          if (c.phase === phase) bestCost = (bestCost ?? 0) + c.cost;
      }
      const progress: JobProgress = {
        percent: flow.percent,
        bestCost,
        phase: flow.phase === 'cost-game' ? flow.phase : (phase ?? flow.phase),
      };
      this.bus.emit(planId, { type: 'progress', progress } satisfies PlanEvent);
    } catch {
      // progress is best effort
    }
  }

  private async reportFinished(jobId: string, status: 'completed' | 'failed'): Promise<void> {
    if (this.finishedListeners.length === 0) return;
    try {
      // two fields, not the whole job: a completed plan's return value may be hundreds of MB
      const [timestamp, finishedOn] = await this.connection.hmget(
        this.plans.toKey(jobId),
        'timestamp',
        'finishedOn',
      );
      if (!timestamp || !finishedOn) return;
      // A flow parent is processed twice (split, assemble): measure from submission, which is what users wait.
      const durationSeconds = (Number(finishedOn) - Number(timestamp)) / 1000;
      for (const l of this.finishedListeners) l({ queue: QUEUES.plans, status, durationSeconds });
    } catch {
      // metrics are best effort
    }
  }

  /**
   * The job's state over the producer connection (a hung Redis fails that small command within a second), then
   * the whole job, with its return value, over the bulk one. The job is read after its state, so a completed
   * state always comes with the result. Undefined for an unknown id.
   */
  private async wholeJob<T extends Job>(
    small: Queue,
    bulk: Queue,
    id: string,
  ): Promise<{ job: T; state: string } | undefined> {
    const state = await small.getJobState(id);
    if (state === 'unknown') return undefined;
    const job = (await bulk.getJob(id)) as T | undefined;
    return job ? { job, state } : undefined;
  }

  async submitPlan(id: string, input: PlanJobInput, submission: Submission): Promise<SubmitResult> {
    const existing = await this.wholeJob<Job<PlanJobData>>(this.plans, this.plansBulk, id);
    if (existing) {
      const recorded = existing.job.data.submission?.requestHash;
      // another request under the same Idempotency-Key: leave the job alone, the API refuses the reuse
      if (recorded !== undefined && recorded !== submission.requestHash)
        return { id, created: false, requestHash: recorded };
      if (existing.state !== 'failed') return { id, created: false, ...hashOf(recorded) };
      // A failed flow is planned afresh: the parent and whatever children remain are removed first.
      await existing.job.remove({ removeChildren: true });
    }
    const data = await this.planJobData(input, submission);
    await this.plans.add(JOB_NAMES.plan, data, { ...jobOptions(this.config), jobId: id });
    return { id, created: !existing, requestHash: submission.requestHash };
  }

  private async planJobData(input: PlanJobInput, submission: Submission): Promise<PlanJobData> {
    return {
      schemaVersion: 2,
      scenarioHash: await this.scenarios.put(input.scenario),
      seed: input.seed,
      timeLimitSeconds: input.timeLimitSeconds,
      submission,
    };
  }

  async getPlan(id: string, { withResult = true } = {}): Promise<PlanView | undefined> {
    const read = await this.wholeJob<Job<PlanJobData, Plan>>(this.plans, this.plansBulk, id);
    if (!read) return undefined;
    const { job, state } = read;
    const status = statusOf(state);
    let progress = progressOf(job.progress);
    if (state === 'waiting-children') {
      const { done, total } = await childCounts(job);
      progress = { ...flowProgress(done, total, job.data.flow), bestCost: null };
    } else if (status === 'completed') progress = { ...progress, percent: 100 };
    return {
      id,
      ...(job.data.submission ? { owner: job.data.submission.owner } : {}),
      status,
      progress,
      ...(status === 'completed' && withResult
        ? { result: (await this.results.resolve(job.returnvalue)) as Plan }
        : {}),
      ...(status === 'failed' ? { error: job.failedReason } : {}),
    };
  }

  watchPlan(id: string, listener: (event: PlanEvent) => void): () => void {
    this.bus.on(id, listener);
    return () => {
      this.bus.off(id, listener);
      if (this.bus.listenerCount(id) === 0) this.taskCosts.delete(id);
    };
  }

  /**
   * A comparison is a flow of flows: the comparison parent's children are plan parents (`{id}-v{index}`),
   * each of which splits into task children when a worker takes it.
   */
  async submitComparison(
    id: string,
    variants: readonly ComparisonJobVariant[],
    submission: Submission,
  ): Promise<SubmitResult> {
    const existing = await this.wholeJob<Job<ComparisonJobData>>(this.comparisons, this.comparisonsBulk, id);
    if (existing) return { id, created: false, ...hashOf(existing.job.data.submission?.requestHash) };
    const parent: ComparisonJobData = {
      schemaVersion: 1,
      submission,
      names: variants.map((v) => v.name),
      ...(variants.some((v) => v.description !== undefined)
        ? { descriptions: variants.map((v) => v.description ?? null) }
        : {}),
    };
    const children = await Promise.all(
      variants.map(async (v, index) => ({
        name: JOB_NAMES.variant,
        queueName: QUEUES.plans,
        data: {
          ...(await this.planJobData(v.input, submission)),
          variant: { index, name: v.name },
        } satisfies PlanJobData,
        opts: childJobOptions(this.config, `${id}-v${index}`),
      })),
    );
    await this.flow.add({
      name: JOB_NAMES.comparison,
      queueName: QUEUES.comparisons,
      data: parent,
      opts: { ...jobOptions(this.config), jobId: id },
      children,
    });
    return { id, created: true };
  }

  async getComparison(id: string): Promise<ComparisonView | undefined> {
    type ComparisonJob = Job<ComparisonJobData, Comparison>;
    const read = await this.wholeJob<ComparisonJob>(this.comparisons, this.comparisonsBulk, id);
    if (!read) return undefined;
    const { job } = read;
    const status = statusOf(read.state);
    const { done, total } = await childCounts(job);
    return {
      id,
      ...(job.data.submission ? { owner: job.data.submission.owner } : {}),
      status,
      progress: { variantsDone: done, variants: total || job.data.names.length },
      ...(status === 'completed' ? { result: job.returnvalue } : {}),
      ...(status === 'failed' ? { error: job.failedReason } : {}),
    };
  }

  async queueDepth(): Promise<Record<string, Record<string, number>>> {
    const states = [
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'waiting-children',
      'completed',
      'failed',
    ] as const;
    const [plans, tasks, comparisons] = await Promise.all([
      this.plans.getJobCounts(...states),
      this.tasks.getJobCounts(...states),
      this.comparisons.getJobCounts(...states),
    ]);
    return { [QUEUES.plans]: plans, [QUEUES.tasks]: tasks, [QUEUES.comparisons]: comparisons };
  }

  onJobFinished(listener: (e: JobFinished) => void): void {
    this.finishedListeners.push(listener);
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  /** Closes queues, flow producer and event streams; the producer and bulk connections belong to the caller. */
  async close(): Promise<void> {
    await Promise.allSettled([
      this.events.close(),
      this.taskEvents.close(),
      this.flow.close(),
      this.plans.close(),
      this.tasks.close(),
      this.comparisons.close(),
      this.plansBulk.close(),
      this.comparisonsBulk.close(),
    ]);
    for (const c of this.eventsConnections) c.disconnect();
  }
}
