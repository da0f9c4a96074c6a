import { Worker } from 'node:worker_threads';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import type { BenchmarkInstance } from '../io/benchmark/benchmark-instance.ts';
import { parseCvrplib } from '../io/benchmark/cvrplib.ts';
import { customerRoutes, routesDistance, unassignedCustomers } from '../io/benchmark/solution-routes.ts';
import { parseSolomon } from '../io/benchmark/solomon.ts';
import type { SolveParams } from '../solver/api.ts';
import { threadModule } from './thread-module.ts';

/** The instance file formats of the benchmark commands, by the name a thread is told. */
export const BENCHMARK_FORMATS = {
  solomon: (text: string, source: string): BenchmarkInstance => parseSolomon(text, source),
  cvrplib: (text: string, source: string): BenchmarkInstance => parseCvrplib(text, source),
} as const;
export type BenchmarkFormat = keyof typeof BENCHMARK_FORMATS;

/** Independent runs at most, one per thread (a run holds one instance: a few MB). */
export const MAX_RUNS = 64;

/**
 * Run k of seed s searches with seed s + k x RUN_SEED_STRIDE (mod 2^32, the seeds' range): run 0 is the
 * single run of that seed, so `--threads 1` is the command without threads, and the runs of nearby seeds
 * (1, 2, 3...) do not share a stream until seed 7,920.
 */
export const RUN_SEED_STRIDE = 7919;

export function runSeed(seed: number, run: number): number {
  return (seed + run * RUN_SEED_STRIDE) % 2 ** 32;
}

/** One run's answer in the file's terms. */
export interface RunOutcome {
  readonly routes: number[][];
  readonly unassigned: number[];
  /** Recomputed from the routes with the instance's rounding. */
  readonly distance: number;
  readonly iterations: number;
}

export function runOutcome(
  instance: BenchmarkInstance,
  solution: RoutingSolution,
  customerOfJob: readonly number[],
): RunOutcome {
  const routes = customerRoutes(solution, customerOfJob);
  return {
    routes,
    unassigned: unassignedCustomers(solution, customerOfJob),
    distance: routesDistance(instance, routes),
    iterations: solution.stats.iterations,
  };
}

/**
 * Index of the best run: fewest customers left out, then (objective vehicles) fewest routes, then least
 * distance; ties go to the lower run, so the choice does not depend on which thread finished first.
 */
export function bestRun(runs: readonly RunOutcome[], objective: SolveParams['objective']): number {
  const key = (r: RunOutcome): readonly number[] =>
    objective === 'vehicles'
      ? [r.unassigned.length, r.routes.length, r.distance]
      : [r.unassigned.length, r.distance, r.routes.length];
  let best = 0;
  for (let i = 1; i < runs.length; i++) {
    const a = key(runs[i]!);
    const b = key(runs[best]!);
    const j = a.findIndex((x, k) => x !== b[k]);
    if (j >= 0 && a[j]! < b[j]!) best = i;
  }
  return best;
}

/** What a run's thread is given: the file's text, its format, and the solve params without the clock. */
export interface RunThreadData {
  readonly text: string;
  readonly source: string;
  readonly format: BenchmarkFormat;
  readonly params: Omit<SolveParams, 'clock' | 'onProgress'>;
  /**
   * When the command started, in ms since the epoch (performance.timeOrigin + performance.now(): a clock every
   * thread shares): a run's time cap counts from there, so the threads' start-up is inside the command's cap.
   */
  readonly startedAtMs: number;
}

export type RunThreadReply =
  | { readonly kind: 'done'; readonly outcome: RunOutcome }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * `runs` independent searches of the instance, one per worker thread (benchmark-run.thread.ts), run k
 * with runSeed(seed, k) and the same budget; resolves with every run's outcome in run order. Each run is
 * a function of its seed and budget alone (the wall clock is only the cap each thread measures itself), so
 * the set of outcomes does not depend on the machine or its load when the iteration budget binds.
 */
export async function solveRuns(data: RunThreadData, runs: number): Promise<RunOutcome[]> {
  const { seed } = data.params;
  const workers: Worker[] = [];
  const answers = Array.from({ length: runs }, (_, k) => {
    const workerData: RunThreadData = { ...data, params: { ...data.params, seed: runSeed(seed, k) } };
    return new Promise<RunOutcome>((resolve, reject) => {
      const worker = new Worker(threadModule('benchmark-run.thread'), { eval: true, workerData });
      workers.push(worker);
      worker.once('message', (reply: RunThreadReply) => {
        if (reply.kind === 'done') resolve(reply.outcome);
        else reject(new Error(`run ${k} (seed ${workerData.params.seed}) failed: ${reply.message}`));
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`run ${k} ended with exit code ${code} before its answer`)),
      );
    });
  });
  try {
    return await Promise.all(answers);
  } catch (err) {
    // one failed run fails the command: the others are not left searching until their cap
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
}
