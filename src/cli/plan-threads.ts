import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanTask, PlanTaskResult, Scenario, TaskBudget } from '../contracts/index.ts';
import type { Effort } from '../domain/city.ts';
import {
  InputError,
  InternalError,
  type ErrorKind,
  type InputErrorCode,
  type InternalErrorCode,
} from '../domain/errors.ts';
import type {
  FacilityChoice,
  GamePricer,
  GrandPlanParts,
  PlanOffload,
  PricedCoalitions,
  TaskSolver,
} from '../planner/index.ts';
import { threadModule } from './thread-module.ts';

/** What fixes the city a thread plans for: the options `planScenario` builds it with. */
export interface PlanThreadDay {
  readonly seed?: number;
  readonly timeLimitSeconds?: number;
  readonly effort?: Effort;
  readonly maxIterations?: number;
}

/** What a thread starts with: the day to build, as JSON, and the hub choice when the parent has it already. */
export interface ThreadData {
  readonly scenarioJson: string;
  readonly day: PlanThreadDay;
  readonly facilities: FacilityChoice | undefined;
}

/** What the parent sends a thread (plan.thread.ts). */
export type ThreadRequest =
  | { readonly kind: 'task'; readonly id: number; readonly task: PlanTask; readonly budget: TaskBudget }
  | { readonly kind: 'coalitions'; readonly id: number; readonly chunk: readonly number[] }
  | { readonly kind: 'parts'; readonly parts: GrandPlanParts }
  | { readonly kind: 'facilities'; readonly choice: FacilityChoice };

/** A request a thread answers (the others only set its state for the requests after them). */
type Question = Extract<ThreadRequest, { id: number }>;

/** The error that stopped a request, with its kind when it was a PlanningError. */
export interface ThreadError {
  readonly message: string;
  readonly kind?: ErrorKind;
  readonly code?: string;
  readonly field?: string;
}

/** What a thread answers: progress while it solves a task, then the task's or the chunk's result, or a failure. */
export type ThreadReply =
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number; readonly bestCost: number }
  | { readonly kind: 'task'; readonly id: number; readonly result: PlanTaskResult }
  | { readonly kind: 'coalitions'; readonly id: number; readonly priced: PricedCoalitions }
  | { readonly kind: 'failed'; readonly id: number; readonly error: ThreadError };

/** Threads worth starting on this machine: one per core, none when there is only one. */
export function planThreadCount(): number {
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

/**
 * Runs `plan(offload)` with a plan's routing tasks and cost game on `threads` worker threads, then ends them.
 * The threads start at once, so that they load and build the day while the caller builds its own. A task's
 * result and a coalition's cost are functions of the day alone, so which thread did what does not change the
 * plan: it is `planScenario`'s on one thread, and the service's.
 */
export async function withPlanThreads<T>(
  scenario: Scenario,
  day: PlanThreadDay,
  threads: number,
  plan: (offload: PlanOffload) => Promise<T>,
): Promise<T> {
  const pool = new PlanThreads(scenario, day, threads);
  try {
    pool.start();
    return await plan(pool);
  } finally {
    await pool.close();
  }
}

/** A batch of requests (one call's), answered in any order, settled when all are or one fails. */
interface Batch {
  left: number;
  readonly onReply: (index: number, reply: ThreadReply) => void;
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
}

/** A request waiting for a thread: the longest work first, then in the order asked. */
interface Queued {
  readonly request: Question;
  readonly work: number;
}

/**
 * `threads` worker threads (plan.thread.ts), each building the day once, and one queue of requests: an idle
 * thread takes the waiting request with the most work (ties in the order asked), whichever call it came from,
 * so that batches asked for at different times (the carriers' rounds, then the pooled runs once the facility
 * model is solved) share the threads. A request that fails fails every open call, with the error's own kind.
 */
export class PlanThreads implements PlanOffload {
  private workers: Worker[] | undefined;
  private idle: Worker[] = [];
  private queue: Queued[] = [];
  /** Each asked request's batch and index in it, until answered. */
  private readonly open = new Map<number, { readonly batch: Batch; readonly index: number }>();
  private nextId = 0;
  /** The day's hub choice: sent to running threads, and given to later ones as they start. */
  private facilities: FacilityChoice | undefined;
  /** Why a thread stopped, if one did: no later request can be answered. */
  private failure: Error | undefined;
  private closed = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly day: PlanThreadDay,
    private readonly threads: number,
  ) {}

  /** Starts the threads now rather than on the first request. */
  start(): void {
    this.pool();
  }

  readonly solveTasks: TaskSolver = async (tasks, onProgress) => {
    const results: PlanTaskResult[] = [];
    await this.ask(
      tasks.map((t) => ({
        ask: (id: number): Question => ({ kind: 'task', id, task: t.task, budget: t.budget }),
        work: this.day.maxIterations ?? t.budget.iterations,
      })),
      (i, reply) => {
        if (reply.kind === 'progress') onProgress(i, reply.fraction, reply.bestCost);
        else if (reply.kind === 'task') results[i] = reply.result;
      },
    );
    return results;
  };

  readonly priceGame: GamePricer = async (parts, chunks, onChunk) => {
    const costs = new Map<number, number>();
    let timeCapped = false;
    let priced = 0;
    // each thread keeps the parts for the chunks that follow (a port delivers messages in order)
    this.broadcast({ kind: 'parts', parts });
    await this.ask(
      chunks.map((chunk) => ({
        ask: (id: number): Question => ({ kind: 'coalitions', id, chunk }),
        work: 0,
      })),
      (_, reply) => {
        if (reply.kind !== 'coalitions') return;
        for (const c of reply.priced.costs) costs.set(c.coalition, c.costEur);
        timeCapped ||= reply.priced.timeCapped;
        priced += reply.priced.costs.length;
        onChunk(priced);
      },
    );
    return { costs, timeCapped };
  };

  readonly adoptFacilities = (choice: FacilityChoice): void => {
    if (this.facilities) return;
    this.facilities = choice;
    // before any pooled task that follows (a port delivers messages in order); later threads get it at start
    if (this.workers) this.broadcast({ kind: 'facilities', choice });
  };

  /** No more requests will come: the threads end now (a request after this fails). */
  readonly release = (): Promise<void> => this.close();

  /** Ends the threads; calls still open are abandoned (their caller has stopped waiting). */
  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.closed = true;
    this.workers = undefined;
    this.idle = [];
    this.queue = [];
    this.open.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pool(): Worker[] {
    if (this.closed) throw new InternalError('BROKEN_INVARIANT', 'plan threads asked for work after closing');
    if (!this.workers) {
      // one string for every thread, each parsing its own copy: cloning the scenario object for each thread
      // here took 0.2-0.3 s of this thread apiece on a 10,000-receiver day, before any could start
      const scenarioJson = JSON.stringify(this.scenario);
      this.workers = Array.from({ length: this.threads }, () => {
        const worker = new Worker(THREAD_MODULE, {
          eval: true,
          workerData: { scenarioJson, day: this.day, facilities: this.facilities } satisfies ThreadData,
        });
        return worker
          .on('message', (reply: ThreadReply) => this.answered(worker, reply))
          .on('error', (err) => this.fail(err))
          .on('exit', (code) => this.fail(stopped(code)));
      });
      this.idle = [...this.workers];
    }
    return this.workers;
  }

  private broadcast(message: Exclude<ThreadRequest, Question>): void {
    for (const worker of this.pool()) worker.postMessage(message);
  }

  /** Queues `requests` as one batch; resolves when all are answered, rejects on the first failure. */
  private ask(
    requests: readonly { readonly ask: (id: number) => Question; readonly work: number }[],
    onReply: Batch['onReply'],
  ): Promise<void> {
    this.pool();
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (requests.length === 0) return resolve();
      const batch: Batch = { left: requests.length, onReply, resolve, reject };
      requests.forEach(({ ask, work }, index) => {
        const request = ask(this.nextId++);
        this.open.set(request.id, { batch, index });
        this.queue.push({ request, work });
      });
      // stable: equal work keeps the order asked
      this.queue.sort((a, b) => b.work - a.work);
      this.pump();
    });
  }

  /** Gives each idle thread the next waiting request. */
  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift() as Worker;
      worker.postMessage((this.queue.shift() as Queued).request);
    }
  }

  private answered(worker: Worker, reply: ThreadReply): void {
    const owner = this.open.get(reply.id);
    if (!owner) return; // an abandoned call's
    if (reply.kind === 'failed') return this.fail(threadError(reply.error));
    owner.batch.onReply(owner.index, reply);
    if (reply.kind === 'progress') return;
    this.open.delete(reply.id);
    this.idle.push(worker);
    if (--owner.batch.left === 0) owner.batch.resolve();
    this.pump();
  }

  /** A thread failed or stopped: every open call fails with the first such error, and so does any later one. */
  private fail(err: Error): void {
    if (this.closed) return;
    this.failure ??= err;
    const batches = new Set([...this.open.values()].map((o) => o.batch));
    this.open.clear();
    this.queue = [];
    for (const batch of batches) batch.reject(this.failure);
  }
}

function stopped(exitCode: number): Error {
  return new InternalError('BROKEN_INVARIANT', `a plan thread stopped (exit code ${exitCode})`);
}

/** The error a thread reported, as the class the edges map (an input error stays an input error). */
function threadError(e: ThreadError): Error {
  const field = e.field !== undefined ? { field: e.field } : {};
  if (e.kind === 'input') return new InputError(e.code as InputErrorCode, e.message, field);
  if (e.kind === 'internal') return new InternalError(e.code as InternalErrorCode, e.message, field);
  return new InternalError('BROKEN_INVARIANT', `a plan thread failed: ${e.message}`);
}

const THREAD_MODULE = threadModule('plan.thread');
