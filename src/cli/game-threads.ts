import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../contracts/index.ts';
import type { Effort } from '../domain/city.ts';
import type { GamePricer, PricedCoalitions } from '../planner/index.ts';

/** What fixes the city a thread prices for: the options `planScenario` builds it with. */
export interface GameThreadDay {
  readonly seed?: number;
  readonly timeLimitSeconds?: number;
  readonly effort?: Effort;
  readonly maxIterations?: number;
}

/** Threads worth starting on this machine: one per core, none when there is only one. */
export function gameThreadCount(): number {
  const cores = availableParallelism();
  return cores > 1 ? cores : 0;
}

/**
 * Prices the cost game's chunks on `threads` worker threads (price-coalitions.thread.ts), each building the
 * day once and taking the next chunk when it is done with one. c(S) is a function of the day and the parts, so
 * which thread priced which chunk does not change the plan: it is `picon plan`'s without threads, and the
 * service's. A thread that fails fails the plan.
 */
export function threadGamePricer(scenario: Scenario, day: GameThreadDay, threads: number): GamePricer {
  return (parts, chunks, onChunk) =>
    new Promise((resolve, reject) => {
      const costs = new Map<number, number>();
      let timeCapped = false;
      let next = 0;
      let priced = 0;
      let finished = 0;
      const count = Math.max(1, Math.min(threads, chunks.length));
      const pool: Worker[] = [];
      const stop = () => Promise.all(pool.map((w) => w.terminate()));
      const give = (worker: Worker) => {
        const chunk = chunks[next++];
        if (chunk) worker.postMessage(chunk);
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(THREAD_MODULE, { eval: true, workerData: { scenario, day, parts } });
        pool.push(worker);
        worker.on('message', (result: PricedCoalitions) => {
          for (const c of result.costs) costs.set(c.coalition, c.costEur);
          timeCapped ||= result.timeCapped;
          priced += result.costs.length;
          onChunk(priced);
          if (++finished === chunks.length) void stop().then(() => resolve({ costs, timeCapped }));
          else give(worker);
        });
        worker.on('error', (err) => void stop().then(() => reject(err)));
        give(worker);
      }
    });
}

/**
 * The thread's module beside this one, with this module's extension: `.js` from the build in dist/, `.ts` from
 * the sources, which the thread first registers tsx to load (a thread inherits no loader registered in code,
 * and Node 20 takes no `--import` in a thread's execArgv).
 */
const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const THREAD_URL = new URL(`./price-coalitions.thread${OWN_EXTENSION}`, import.meta.url).href;
const THREAD_MODULE =
  OWN_EXTENSION === '.ts'
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
      `.then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD_URL)}); });`
    : `import(${JSON.stringify(THREAD_URL)});`;
