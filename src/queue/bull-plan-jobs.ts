import { EventEmitter } from 'node:events';
import type { Job, JobsOptions } from 'bullmq';
import { FlowProducer, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import type { Kpis, Plan, Scenario } from '../contracts/index.ts';
import { createRedis } from './connection.ts';
import type { ComparisonJobData, PlanJobData } from './job-payloads.ts';
import { planProgressSchema } from './job-payloads.ts';
import { JOB_NAMES, QUEUES } from './queue-names.ts';

// These types mirror the PlanJobs port of src/api (queue must not import api); `picon serve` assigns
// a BullPlanJobs to a PlanJobs, so the compiler checks they agree.
type Status = 'queued' | 'active' | 'completed' | 'failed';
interface Progress {
  percent: number;
  bestCost: number | null;
  phase?: string;
}
interface PlanInput {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly timeLimitSeconds: number;
}
type PlanEventOut =
  | { type: 'active' }
  | { type: 'progress'; progress: Progress }
  | { type: 'completed' }
  | { type: 'failed'; error: string };
export interface ComparisonVariant {
  name: string;
  planId: string;
  kpis: { baseline: Kpis; consolidated: Kpis };
  savings: Plan['savings'];
}

function statusOf(state: string): Status {
  if (state === 'active') return 'active';
  if (state === 'completed') return 'completed';
  if (state === 'failed') return 'failed';
  return 'queued'; // waiting, delayed (incl. retry backoff), prioritized, waiting-children, unknown
}

function progressOf(raw: unknown): Progress {
  const p = planProgressSchema.safeParse(raw);
  if (!p.success) return { percent: typeof raw === 'number' ? raw : 0, bestCost: null };
  return {
    percent: p.data.percent,
    bestCost: p.data.bestCost ?? null,
    ...(p.data.phase ? { phase: p.data.phase } : {}),
  };
}

/** Job options from config: retries with exponential backoff, retention by age and count. */
export function jobOptions(config: Config): JobsOptions {
  const q = config.queue;
  return {
    attempts: q.attempts,
    backoff: { type: 'exponential', delay: q.backoffMs },
    removeOnComplete: { age: q.keepCompleted.age, count: q.keepCompleted.count },
    removeOnFail: { age: q.keepFailed.age, count: q.keepFailed.count },
  };
}

/**
 * The BullMQ implementation of the API's PlanJobs port. One instance per process: it owns one Queue per queue
 * name, one FlowProducer and one QueueEvents (never one per request), and must be closed on shutdown.
 */
export class BullPlanJobs {
  readonly plans: Queue;
  readonly comparisons: Queue;
  private readonly flow: FlowProducer;
  private readonly events: QueueEvents;
  private readonly eventsConnection: Redis;
  private readonly bus = new EventEmitter();
  private readonly finishedListeners: ((e: {
    queue: string;
    status: 'completed' | 'failed';
    durationSeconds: number;
  }) => void)[] = [];

  constructor(
    private readonly config: Config,
    private readonly connection: Redis,
  ) {
    const prefix = config.queue.prefix;
    this.plans = new Queue(QUEUES.plans, { connection, prefix });
    this.comparisons = new Queue(QUEUES.comparisons, { connection, prefix });
    this.flow = new FlowProducer({ connection, prefix });
    this.eventsConnection = createRedis(config.redis.url, 'blocking');
    this.events = new QueueEvents(QUEUES.plans, { connection: this.eventsConnection, prefix });
    this.bus.setMaxListeners(0);
    this.events.on('active', ({ jobId }) => this.bus.emit(jobId, { type: 'active' } satisfies PlanEventOut));
    this.events.on('progress', ({ jobId, data }) =>
      this.bus.emit(jobId, { type: 'progress', progress: progressOf(data) } satisfies PlanEventOut),
    );
    this.events.on('completed', ({ jobId }) => {
      this.bus.emit(jobId, { type: 'completed' } satisfies PlanEventOut);
      void this.reportFinished(jobId, 'completed');
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.bus.emit(jobId, { type: 'failed', error: failedReason } satisfies PlanEventOut);
      void this.reportFinished(jobId, 'failed');
    });
    this.events.on('error', () => {
      // Reconnects by itself; readiness is reported by /readyz.
    });
  }

  /** Waits until the event stream is subscribed (tests and SSE rely on not missing early events). */
  async ready(): Promise<void> {
    await Promise.all([
      this.plans.waitUntilReady(),
      this.comparisons.waitUntilReady(),
      this.events.waitUntilReady(),
    ]);
  }

  private async reportFinished(jobId: string, status: 'completed' | 'failed'): Promise<void> {
    if (this.finishedListeners.length === 0) return;
    try {
      const job = await this.plans.getJob(jobId);
      if (!job?.processedOn || !job.finishedOn) return;
      const durationSeconds = (job.finishedOn - job.processedOn) / 1000;
      for (const l of this.finishedListeners) l({ queue: QUEUES.plans, status, durationSeconds });
    } catch {
      // metrics are best effort
    }
  }

  async submitPlan(id: string, input: PlanInput): Promise<{ id: string; created: boolean }> {
    const existing = await this.plans.getJob(id);
    if (existing) {
      if ((await existing.getState()) === 'failed') await existing.retry('failed');
      return { id, created: false };
    }
    const data: PlanJobData = { schemaVersion: 1, ...input };
    await this.plans.add(JOB_NAMES.plan, data, { ...jobOptions(this.config), jobId: id });
    return { id, created: true };
  }

  async getPlan(id: string) {
    const job = (await this.plans.getJob(id)) as Job<PlanJobData, Plan> | undefined;
    if (!job) return undefined;
    const status = statusOf(await job.getState());
    return {
      id,
      status,
      progress: progressOf(job.progress),
      ...(status === 'completed' ? { result: job.returnvalue } : {}),
      ...(status === 'failed' ? { error: job.failedReason } : {}),
    };
  }

  watchPlan(id: string, listener: (event: PlanEventOut) => void): () => void {
    this.bus.on(id, listener);
    return () => this.bus.off(id, listener);
  }

  async submitComparison(
    id: string,
    variants: readonly { name: string; input: PlanInput }[],
  ): Promise<{ id: string; created: boolean }> {
    const existing = await this.comparisons.getJob(id);
    if (existing) return { id, created: false };
    const opts = jobOptions(this.config);
    const parent: ComparisonJobData = { schemaVersion: 1, names: variants.map((v) => v.name) };
    await this.flow.add({
      name: JOB_NAMES.comparison,
      queueName: QUEUES.comparisons,
      data: parent,
      opts: { ...opts, jobId: id },
      children: variants.map((v, index) => ({
        name: JOB_NAMES.variant,
        queueName: QUEUES.plans,
        data: { schemaVersion: 1, ...v.input, variant: { index, name: v.name } } satisfies PlanJobData,
        opts: { ...opts, jobId: `${id}-v${index}`, failParentOnFailure: true },
      })),
    });
    return { id, created: true };
  }

  async getComparison(id: string) {
    const job = (await this.comparisons.getJob(id)) as
      Job<ComparisonJobData, { variants: ComparisonVariant[] }> | undefined;
    if (!job) return undefined;
    const status = statusOf(await job.getState());
    const counts = await job.getDependenciesCount();
    const done = counts.processed ?? 0;
    const variants = done + (counts.unprocessed ?? 0) + (counts.failed ?? 0) + (counts.ignored ?? 0);
    return {
      id,
      status,
      progress: { variantsDone: done, variants: variants || job.data.names.length },
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
    const [plans, comparisons] = await Promise.all([
      this.plans.getJobCounts(...states),
      this.comparisons.getJobCounts(...states),
    ]);
    return { [QUEUES.plans]: plans, [QUEUES.comparisons]: comparisons };
  }

  onJobFinished(
    listener: (e: { queue: string; status: 'completed' | 'failed'; durationSeconds: number }) => void,
  ): void {
    this.finishedListeners.push(listener);
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  /** Closes queues, flow producer and event stream; the shared producer connection belongs to the caller. */
  async close(): Promise<void> {
    await Promise.allSettled([
      this.events.close(),
      this.flow.close(),
      this.plans.close(),
      this.comparisons.close(),
    ]);
    this.eventsConnection.disconnect();
  }
}
