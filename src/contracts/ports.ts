/**
 * The ports between the HTTP API and the job system, in one place: src/api depends on these interfaces only,
 * src/queue implements them with BullMQ and Redis (`implements`, so the compiler checks each adapter here),
 * the workers return the result shapes, and API tests use fakes. Neither side imports the other.
 */
import type { Kpis, Order, Plan, Scenario } from './index.ts';

/** Lifecycle of a plan or comparison as the API reports it (BullMQ's finer states are folded into these). */
export type JobStatus = 'queued' | 'active' | 'completed' | 'failed';

export interface JobProgress {
  /** 0..100 */
  readonly percent: number;
  /** Best objective of the current solve phase; null before the first solution. */
  readonly bestCost: number | null;
  readonly phase?: string;
}

/** What a worker needs to plan: the scenario plus the effective seed and (capped) time limit. */
export interface PlanJobInput {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly timeLimitSeconds: number;
}

export interface PlanView {
  readonly id: string;
  readonly status: JobStatus;
  readonly progress: JobProgress;
  readonly result?: Plan;
  readonly error?: string;
}

/** One event of a plan's life, as streamed over SSE. */
export type PlanEvent =
  | { readonly type: 'active' }
  | { readonly type: 'progress'; readonly progress: JobProgress }
  | { readonly type: 'completed' }
  | { readonly type: 'failed'; readonly error: string };

export interface ComparisonVariantResult {
  readonly name: string;
  /** Plan id of this variant (GET /v1/plans/{planId} for routes, GeoJSON, run sheets). */
  readonly planId: string;
  readonly kpis: { readonly baseline: Kpis; readonly consolidated: Kpis };
  readonly savings: Plan['savings'];
}

export interface Comparison {
  readonly variants: readonly ComparisonVariantResult[];
}

export interface ComparisonView {
  readonly id: string;
  readonly status: JobStatus;
  readonly progress: { readonly variantsDone: number; readonly variants: number };
  readonly result?: Comparison;
  readonly error?: string;
}

export interface JobFinished {
  readonly queue: string;
  readonly status: 'completed' | 'failed';
  readonly durationSeconds: number;
}

/**
 * The port between HTTP and the job system. src/queue implements it with BullMQ; API tests use a fake.
 * Ids are chosen by the caller (content or idempotency-key hashes), so submitting twice yields one job.
 */
export interface PlanJobs {
  /** Enqueues unless a job with this id exists (a failed one is retried). `created` is false for a duplicate. */
  submitPlan(id: string, input: PlanJobInput): Promise<{ id: string; created: boolean }>;
  getPlan(id: string): Promise<PlanView | undefined>;
  /** Calls `listener` for each later event of plan `id`; returns the unsubscribe function. */
  watchPlan(id: string, listener: (event: PlanEvent) => void): () => void;
  submitComparison(
    id: string,
    variants: readonly { name: string; input: PlanJobInput }[],
  ): Promise<{ id: string; created: boolean }>;
  getComparison(id: string): Promise<ComparisonView | undefined>;
  /** Job counts per queue and state, for /metrics. */
  queueDepth(): Promise<Record<string, Record<string, number>>>;
  /** Registers a listener for finished jobs (durations for /metrics). */
  onJobFinished(listener: (event: JobFinished) => void): void;
  /** Resolves when the job store answers; rejects otherwise (for /readyz). */
  ping(): Promise<void>;
}

/** Orders submitted by carriers, per hub and day. Idempotent by (carrierId, order id). */
export interface OrderStore {
  /** Inserts or replaces; returns how many were new. */
  upsertOrders(
    hubId: string,
    date: string,
    orders: readonly Order[],
  ): Promise<{ created: number; replaced: number }>;
  /** All orders of the day at the hub, or only one carrier's. Sorted by carrier then order id. */
  listOrders(hubId: string, date: string, carrierId?: string): Promise<Order[]>;
  ping(): Promise<void>;
}

/** Hubs with their fleet, carriers, receivers (windows, access rules), vehicle types: a scenario minus its orders. */
export type ReferenceData = Omit<Scenario, 'orders'>;

/**
 * Where the reference data lives (Redis in `picon serve`, so several API processes agree; memory in tests).
 * `version` changes with every save, so readers can cache.
 */
export interface ReferenceStore {
  version(): Promise<string>;
  load(): Promise<{ version: string; data: ReferenceData | undefined }>;
  save(data: ReferenceData): Promise<void>;
}
