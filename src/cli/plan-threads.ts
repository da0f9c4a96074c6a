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

/** What fixes the city a thread plans for: the options `planScenario` builds it with. */
export interface PlanThreadDay {
  readonly seed?: number;
  readonly timeLimitSeconds?: number;
  readonly effort?: Effort;
  readonly maxIterations?: number;
}

/** What the parent sends a thread (plan.thread.ts). */
export type ThreadRequest =
  | { readonly kind: 'task'; readonly id: number; readonly task: PlanTask; readonly budget: TaskBudget }
  | { readonly kind: 'coalitions'; readonly id: number; readonly chunk: readonly number[] }
  | { readonly kind: 'parts'; readonly parts: GrandPlanParts };

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
 * A task's result and a coalition's cost are functions of the day alone, so which thread did what does not
 * change the plan: it is `planScenario`'s on one thread, and the service's.
 */
export async function withPlanThreads<T>(
  scenario: Scenario,
  day: PlanThreadDay,
  threads: number,
  plan: (offload: PlanOffload) => Promise<T>,
): Promise<T> {
  const pool = new PlanThreads(scenario, day, threads);
  try {
    return await plan(pool);
  } finally {
    await pool.close();
  }
}

/**
 * `threads` worker threads (plan.thread.ts), started on first use, each building the day once and taking the
 * next request when it has answered one. A request that fails fails the plan, with the error's own kind.
 */
export class PlanThreads implements PlanOffload {
  private workers: Worker[] | undefined;
  /** The day's hub choice, sent to the threads as they start so that none solves the facility model again. */
  private facilities: FacilityChoice | undefined;
  /** Why a thread stopped, if one did: no later request can be answered. */
  private failure: Error | undefined;

  constructor(
    private readonly scenario: Scenario,
    private readonly day: PlanThreadDay,
    private readonly threads: number,
  ) {}

  readonly solveTasks: TaskSolver = async (tasks, onProgress) => {
    const results: PlanTaskResult[] = [];
    // the longest first, so that no long task starts last while the other threads have nothing left to do
    const iterations = (i: number) => this.day.maxIterations ?? tasks[i]?.budget.iterations ?? 0;
    const order = tasks.map((_, i) => i).sort((a, b) => iterations(b) - iterations(a) || a - b);
    await this.dispatch(
      order.map((id): ThreadRequest => ({ kind: 'task', id, ...(tasks[id] as (typeof tasks)[number]) })),
      (reply) => {
        if (reply.kind === 'progress') onProgress(reply.id, reply.fraction, reply.bestCost);
        else if (reply.kind === 'task') results[reply.id] = reply.result;
      },
    );
    return results;
  };

  readonly priceGame: GamePricer = async (parts, chunks, onChunk) => {
    const costs = new Map<number, number>();
    let timeCapped = false;
    let priced = 0;
    // each thread keeps the parts for the chunks that follow (a port delivers messages in order)
    for (const worker of this.pool()) worker.postMessage({ kind: 'parts', parts } satisfies ThreadRequest);
    await this.dispatch(
      chunks.map((chunk, id): ThreadRequest => ({ kind: 'coalitions', id, chunk })),
      (reply) => {
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
    this.facilities ??= choice;
  };

  /** No more requests will come: the threads end now (a request after this fails). */
  readonly release = (): Promise<void> => this.close();

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = undefined;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pool(): Worker[] {
    this.workers ??= Array.from({ length: this.threads }, () =>
      new Worker(THREAD_MODULE, {
        eval: true,
        workerData: { scenario: this.scenario, day: this.day, facilities: this.facilities },
      })
        // an idle thread's failure fails the next dispatch; never an unhandled 'error' event
        .on('error', (err) => (this.failure ??= err))
        .on('exit', (code) => (this.failure ??= stopped(code))),
    );
    return this.workers;
  }

  /** Gives each request to the next idle thread; resolves when all are answered, rejects on the first failure. */
  private dispatch(requests: readonly ThreadRequest[], onReply: (reply: ThreadReply) => void): Promise<void> {
    const pool = this.pool();
    return new Promise((resolve, reject) => {
      let next = 0;
      let answered = 0;
      const listeners = pool.map((worker) => {
        const give = () => {
          const request = requests[next++];
          if (request) worker.postMessage(request);
        };
        const message = (reply: ThreadReply) => {
          if (reply.kind === 'failed') return finish(threadError(reply.error));
          onReply(reply);
          if (reply.kind === 'progress') return;
          if (++answered === requests.length) finish();
          else give();
        };
        const error = (err: Error) => finish(err);
        const exit = (code: number) => finish(stopped(code));
        worker.on('message', message).on('error', error).on('exit', exit);
        return { worker, give, message, error, exit };
      });
      function finish(err?: Error): void {
        for (const l of listeners)
          l.worker.off('message', l.message).off('error', l.error).off('exit', l.exit);
        if (err === undefined) resolve();
        else reject(err);
      }
      if (requests.length === 0 || this.failure) return finish(this.failure);
      for (const l of listeners) l.give();
    });
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

/**
 * The thread's module beside this one, with this module's extension: `.js` from the build in dist/, `.ts` from
 * the sources, which the thread first registers tsx to load (a thread inherits no loader registered in code,
 * and Node 20 takes no `--import` in a thread's execArgv).
 */
const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const THREAD_URL = new URL(`./plan.thread${OWN_EXTENSION}`, import.meta.url).href;
const THREAD_MODULE =
  OWN_EXTENSION === '.ts'
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD_URL)}); });`
    : `import(${JSON.stringify(THREAD_URL)});`;
