import { Worker } from 'node:worker_threads';
import type { SandboxedJob } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig, processEnv } from '../src/config/env.ts';
import type { Scenario } from '../src/contracts/index.ts';
import type { PlanProgressData } from '../src/queue/job-payloads.ts';
import type { PlanOptions } from '../src/planner/index.ts';
import { buildCity } from '../src/planner/index.ts';
import { createRedis } from '../src/queue/connection.ts';
import { contentTtlSeconds } from '../src/queue/content-store.ts';
import { GamePartsStore } from '../src/queue/game-parts-store.ts';
import { ResultStore } from '../src/queue/result-store.ts';
import { ScenarioStore } from '../src/queue/scenario-store.ts';

/**
 * What the sandboxed processors (plan parents and task children) share inside one child process: the config,
 * one Redis connection (opened on first use) and the last scenario read, with its City. BullMQ reuses a
 * sandbox process for job after job, so the many tasks of one large day load and validate the day once.
 */
export const config = loadConfig(processEnv());

let redis: Redis | undefined;
export function sandboxRedis(): Redis {
  redis ??= createRedis(config.redis.url, 'blocking');
  return redis;
}

const store = () => new ScenarioStore(sandboxRedis(), config.queue.prefix, contentTtlSeconds(config.queue));

/** Cost games' parts, stored by a plan parent for its coalition children. */
export const gamePartsStore = () =>
  new GamePartsStore(sandboxRedis(), config.queue.prefix, contentTtlSeconds(config.queue));

/** Plan and task results, returned by reference (result-store.ts). */
export const resultStore = () =>
  new ResultStore(sandboxRedis(), config.queue.prefix, contentTtlSeconds(config.queue));

type City = ReturnType<typeof buildCity>;
let cached: { key: string; scenario: Scenario; city: City } | undefined;

/** The stored scenario and its City for this seed and time limit (cached: one entry, the last one). */
export async function loadCity(
  scenarioHash: string,
  seed: number,
  timeLimitSeconds: number,
): Promise<{ scenario: Scenario; city: City }> {
  const key = `${scenarioHash}/${seed}/${timeLimitSeconds}`;
  if (cached?.key === key) return cached;
  cached = undefined; // let a previous large day be collected before the next one is parsed
  const scenario = await store().get(scenarioHash);
  if (!scenario) throw new UnrecoverableError(`scenario ${scenarioHash} is no longer stored (expired?)`);
  cached = { key, scenario, city: buildCity(scenario, { seed, timeLimitSeconds }) };
  return cached;
}

/** The time limit a job may use: the one it asks for, capped by this deployment's maximum. */
export function effectiveTimeLimit(requestedSeconds: number): number {
  return Math.min(requestedSeconds, config.planner.maxTimeLimitSeconds);
}

/** The worker that forked this sandbox. */
const workerPid = process.ppid;
/**
 * This sandbox's wall clock, which ends the process once its worker is gone. A sandbox solves synchronously
 * for minutes, so nothing tells it when its worker dies (SIGKILL, the OOM killer): on the service bench two
 * orphans went on pricing a cost game for 40 minutes of CPU after theirs was killed. A dead parent shows at once
 * as a new parent process id, and the solver reads the clock every iteration. Ending the solve instead (the
 * clock jumping past every cap, as before) was not enough: a cost game's chunk goes on to its next coalitions,
 * whose constructions and trunk plans read no clock (an orphan priced on for a minute on 12-05).
 */
function sandboxClock(): number {
  if (process.ppid !== workerPid) process.exit(1);
  return performance.now();
}
// Between solves, the end of the IPC channel says the same: nothing is left to send a result to.
process.once('disconnect', () => process.exit(1));

/**
 * And whatever the main thread is doing (an LP, a construction: work that reads no clock), a watchdog thread
 * checks the parent every second and kills this process once it is gone: an orphan from the service bench had
 * computed for 7 minutes after its worker was killed. A thread has its own event loop, so it runs while the
 * main one is busy; `unref` lets the sandbox end normally.
 */
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
   setInterval(() => { if (process.ppid !== workerData.parent) process.kill(workerData.self, 'SIGKILL'); }, 1000);`,
  { eval: true, workerData: { parent: workerPid, self: process.pid } },
);
watchdog.unref();

/**
 * Solve options of this deployment: PICON_MAX_ITERATIONS replaces the effort's iteration budgets. Plans are
 * reproducible either way (iterations decide; the wall clock is only a cap), so the service's plan equals
 * `picon plan`'s for the same scenario, seed and effort.
 */
export function solveOptions(): Pick<PlanOptions, 'clock' | 'maxIterations'> {
  return {
    clock: sandboxClock,
    ...(config.planner.maxIterations ? { maxIterations: config.planner.maxIterations } : {}),
  };
}

/** At most one progress write per this many ms: each is a Redis write and an event to every listener. */
const PROGRESS_EVERY_MS = 250;

/**
 * A progress reporter for a synchronous solve: sends at most one update per PROGRESS_EVERY_MS (the IPC message
 * is written at once and forwarded by the worker).
 */
export function throttledProgress(job: SandboxedJob): (progress: () => PlanProgressData) => void {
  let lastSent = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (now - lastSent < PROGRESS_EVERY_MS) return;
    lastSent = now;
    void job.updateProgress(progress());
  };
}
