import { hostname } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../src/config/env.ts';
import { ConfigError, loadConfig, processEnv } from '../src/config/env.ts';
import { ConnectionStateLog, createRedis, isRedisUnavailable } from '../src/queue/connection.ts';
import { contentTtlSeconds } from '../src/queue/content-store.ts';
import { QUEUES } from '../src/queue/queue-names.ts';
import { ResultStore } from '../src/queue/result-store.ts';
import { processComparisonJob } from './comparison.processor.ts';
import { keepHealthFile } from './health-file.ts';
import { MemoryCappedWorker } from './memory-capped-worker.ts';

/**
 * The sandboxed processors sit beside this module, with its extension: `.ts` when it runs from source (tsx,
 * tests), `.js` when it runs from the build in dist/ (`npm run build`), so a built worker's children load
 * JavaScript and compile nothing.
 */
const OWN_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
export const PLAN_PROCESSOR = fileURLToPath(new URL(`./plan.processor${OWN_EXTENSION}`, import.meta.url));
export const TASK_PROCESSOR = fileURLToPath(new URL(`./task.processor${OWN_EXTENSION}`, import.meta.url));

/**
 * The sandbox children's node flags: the heap cap, and, for `.ts` processors only, a TypeScript loader. Under
 * `tsx` (CLI) the loader is already in execArgv; under the programmatic `register()` of bin/picon.mjs it is
 * not, so add it by absolute URL (works from any cwd). Built processors need none: no loader, no compiling.
 */
export function childExecArgv(maxOldSpaceMb: number, processorExtension = OWN_EXTENSION): string[] {
  // the parent's own heap flag (if any) must not override the children's cap
  const argv = process.execArgv.filter((a) => !a.startsWith('--max-old-space-size'));
  argv.push(`--max-old-space-size=${maxOldSpaceMb}`);
  if (processorExtension === '.ts' && !argv.some((a) => a.includes('tsx')))
    argv.push('--import', import.meta.resolve('tsx'));
  return argv;
}

export interface RunningWorkers {
  readonly plans: Worker;
  readonly tasks: Worker;
  readonly comparisons: Worker;
  /** Task jobs this process has started (attempts included). */
  tasksTaken(): number;
  /** Stops taking jobs, waits for running solves to finish, closes connections. */
  close(): Promise<void>;
}

/**
 * Starts the three workers of a process: plan flow parents (split, then assemble) and tasks, both in sandboxed
 * processes, `concurrency` at a time each, and the comparison aggregator in-process. Any number of such
 * processes, on one machine or many sharing Redis, take tasks as they come: that is the whole scale-out.
 * `lockDuration` exceeds the maximum solve time; a crashed worker's job is moved back to waiting by another
 * worker's stalled-job check after the lock expires.
 */
export async function startWorkers(
  config: Config,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<RunningWorkers> {
  // an outage is two lines (lost, back), not one per failed reconnect or per worker
  const state = new ConnectionStateLog(log, 'picon worker');
  const connection = createRedis(config.redis.url, 'blocking', (err) => state.lost(err));
  connection.on('ready', () => state.restored());
  const common = {
    connection,
    prefix: config.queue.prefix,
    lockDuration: config.worker.lockDurationMs,
    stalledInterval: config.worker.stalledIntervalMs,
    maxStalledCount: 1,
    // Recorded on each job as `processedBy`: which machine and process took it (Bull Board shows it too).
    name: `${hostname()}:${process.pid}`,
  };
  const sandboxed = {
    ...common,
    concurrency: config.worker.concurrency,
    useWorkerThreads: false,
    workerForkOptions: { execArgv: childExecArgv(config.worker.maxOldSpaceMb) },
  };
  const cap = config.worker.maxOldSpaceMb;
  const plans = new MemoryCappedWorker(QUEUES.plans, PLAN_PROCESSOR, sandboxed, cap);
  const tasks = new MemoryCappedWorker(QUEUES.tasks, TASK_PROCESSOR, sandboxed, cap);
  const results = new ResultStore(connection, config.queue.prefix, contentTtlSeconds(config.queue));
  const comparisons = new Worker(QUEUES.comparisons, (job) => processComparisonJob(job, results), {
    ...common,
    concurrency: 4,
  });
  let taken = 0;
  tasks.on('active', () => void taken++);
  for (const w of [plans, tasks, comparisons]) {
    w.on('failed', (job, err) =>
      log(
        `picon worker: ${w.name} job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`,
      ),
    );
    w.on('error', (err) =>
      isRedisUnavailable(connection, err) ? state.lost(err) : log(`picon worker: ${w.name}: ${err.message}`),
    );
  }
  await Promise.all([plans.waitUntilReady(), tasks.waitUntilReady(), comparisons.waitUntilReady()]);
  return {
    plans,
    tasks,
    comparisons,
    tasksTaken: () => taken,
    async close() {
      await Promise.allSettled([plans.close(), tasks.close(), comparisons.close()]);
      connection.disconnect();
    },
  };
}

/**
 * True while every worker runs and Redis answers a PING on `probe` (its own fail-fast connection: a PING on a
 * worker's blocking connection would wait behind its blocking reads). What `--health-file` reports.
 */
export async function workersHealthy(workers: RunningWorkers, probe: Redis): Promise<boolean> {
  const all = [workers.plans, workers.tasks, workers.comparisons];
  return all.every((w) => w.isRunning()) && (await probe.ping()) === 'PONG';
}

/**
 * Runs until SIGTERM/SIGINT, then closes gracefully (running solves finish; a second signal exits at once).
 * With `healthFile`, keeps that file fresh while healthy (see health-file.ts).
 */
export async function runWorkerProcess(config: Config, opts: { healthFile?: string } = {}): Promise<void> {
  const workers = await startWorkers(config);
  const probe = opts.healthFile ? createRedis(config.redis.url, 'producer') : undefined;
  probe?.on('error', () => undefined); // an outage shows as a missing health file, not as a log flood
  const health =
    opts.healthFile && probe
      ? keepHealthFile(opts.healthFile, () => workersHealthy(workers, probe))
      : undefined;
  process.stderr.write(
    `picon worker: ${process.pid} ready (queue prefix ${config.queue.prefix}, concurrency ${config.worker.concurrency}, lock ${config.worker.lockDurationMs} ms)\n`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`picon worker: ${signal}, finishing running jobs\n`);
      void Promise.all([health?.stop(), workers.close()]).then(() => {
        probe?.disconnect();
        resolve();
      });
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await runWorkerProcess(loadConfig(processEnv()));
  } catch (err) {
    process.stderr.write(`picon worker: ${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
