/**
 * The ports between the HTTP API and the job system, in one place: src/api depends on these interfaces only,
 * src/queue implements them with BullMQ and Redis (`implements`, so the compiler checks each adapter here),
 * the workers return the result shapes, and API tests use fakes. Neither side imports the other.
 */
import type { ComparisonVariant, Order, Plan, Scenario } from './index.ts';

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

/** Who submitted a plan or comparison: its owner sees it, and so does every reader of its hub. */
export interface JobOwner {
  /** The submitting key's fingerprint (a short hash, never the key). */
  readonly fingerprint: string;
  /** The hub of a hub-day plan: its dispatchers see it. Absent for a planner's scenario. */
  readonly hubId?: string;
}

/** What a submission records beside its input: the owner, and a hash of the request to detect key reuse. */
export interface Submission {
  readonly owner: JobOwner;
  /** Canonical hash of the submitted content: one Idempotency-Key must always carry the same content. */
  readonly requestHash: string;
}

/** The answer to a submission: `requestHash` is the one recorded with the job (the first submission's). */
export interface SubmitResult {
  readonly id: string;
  readonly created: boolean;
  readonly requestHash?: string;
}

export interface PlanView {
  readonly id: string;
  /** Absent on jobs queued before owners were recorded (admins only see those). */
  readonly owner?: JobOwner;
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

/** A variant of a comparison, as `picon compare --json` prints it, plus the id of its plan. */
export interface ComparisonVariantResult extends ComparisonVariant {
  /** Plan id of this variant (GET /v1/plans/{planId} for routes, GeoJSON, run sheets). */
  readonly planId: string;
}

/** One variant of a submitted comparison: its name, optional description and what its plan needs. */
export interface ComparisonJobVariant {
  readonly name: string;
  readonly description?: string;
  readonly input: PlanJobInput;
}

export interface Comparison {
  readonly variants: readonly ComparisonVariantResult[];
}

export interface ComparisonView {
  readonly id: string;
  readonly owner?: JobOwner;
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
  /**
   * Enqueues unless a job with this id exists (a failed one is retried). `created` is false for a duplicate;
   * a duplicate whose recorded requestHash differs is left untouched (the caller refuses the reuse).
   */
  submitPlan(id: string, input: PlanJobInput, submission: Submission): Promise<SubmitResult>;
  /**
   * The plan's view; with `withResult: false` without its result, which is the whole plan once completed
   * (hundreds of MB for a big day): status, progress and owner are read without it.
   */
  getPlan(id: string, options?: { readonly withResult?: boolean }): Promise<PlanView | undefined>;
  /** Calls `listener` for each later event of plan `id`; returns the unsubscribe function. */
  watchPlan(id: string, listener: (event: PlanEvent) => void): () => void;
  submitComparison(
    id: string,
    variants: readonly ComparisonJobVariant[],
    submission: Submission,
  ): Promise<SubmitResult>;
  getComparison(id: string): Promise<ComparisonView | undefined>;
  /** Job counts per queue and state, for /metrics. */
  queueDepth(): Promise<Record<string, Record<string, number>>>;
  /** Registers a listener for finished jobs (durations for /metrics). */
  onJobFinished(listener: (event: JobFinished) => void): void;
  /** Resolves when the job store answers; rejects otherwise (for /readyz). */
  ping(): Promise<void>;
}

/** An order as stored, not yet re-validated: a stored value that no longer parses is reported, never dropped. */
export interface StoredOrder {
  readonly carrierId: string;
  readonly id: string;
  readonly value: unknown;
}

/** How a write is bounded: orders one carrier may hold at a hub on a day, and how long the day is kept. */
export interface OrderWriteLimits {
  readonly maxPerCarrier: number;
  /** The day's keys expire after this many seconds (retention of past days). */
  readonly ttlSeconds: number;
}

export type UpsertOrdersResult =
  | { readonly created: number; readonly replaced: number }
  /** Nothing was written: `carrierId` would hold more than `limit` orders (it holds `stored`). */
  | { readonly refused: { readonly carrierId: string; readonly stored: number; readonly limit: number } };

export interface OrdersPage {
  readonly orders: Order[];
  /** Cursor of the next page; absent on the last page. */
  readonly next?: string;
}

/**
 * Orders submitted by carriers, per hub, day and carrier. Idempotent by (carrierId, order id): ids are unique
 * per carrier and day, and two carriers may use the same id.
 */
export interface OrderStore {
  /**
   * Inserts or replaces, all or nothing per carrier; refuses (writing nothing) when a carrier would exceed
   * `limits.maxPerCarrier`.
   */
  upsertOrders(
    hubId: string,
    date: string,
    orders: readonly Order[],
    limits: OrderWriteLimits,
  ): Promise<UpsertOrdersResult>;
  /** One page of the day's orders (or one carrier's), sorted by carrier then order id. */
  listOrders(
    hubId: string,
    date: string,
    page: { readonly carrierId?: string; readonly after?: string; readonly limit: number },
  ): Promise<OrdersPage>;
  /** Every stored order of the day, sorted by carrier then order id, unvalidated (for the day's plan). */
  dayOrders(hubId: string, date: string): Promise<StoredOrder[]>;
  /** Deletes a carrier's orders by id (every one of its orders of the day when `ids` is 'all'); returns those deleted. */
  cancelOrders(
    hubId: string,
    date: string,
    carrierId: string,
    ids: readonly string[] | 'all',
  ): Promise<string[]>;
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

/** Requests per API key and time window, shared by every API process (Redis in `picon serve`). */
export interface RateLimiter {
  /** Counts one request of `caller`; `allowed` false once the window's budget is spent. */
  hit(caller: string): Promise<{ readonly allowed: boolean; readonly retryAfterSeconds: number }>;
}
