import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'bullmq';
import type { Config } from '../src/config/env.ts';
import { ConfigError, loadConfig, processEnv } from '../src/config/env.ts';
import { createRedis } from '../src/queue/connection.ts';
import { QUEUES } from '../src/queue/queue-names.ts';
import { processComparisonJob } from './comparison.processor.ts';

const PROCESSOR_FILE = fileURLToPath(new URL('./plan.processor.ts', import.meta.url));

/**
 * The sandbox child must load .ts files. Under `tsx` (CLI) the loader is already in execArgv; under the
 * programmatic `register()` of bin/picon.mjs it is not, so add it by absolute URL (works from any cwd).
 */
function childExecArgv(): string[] {
  const argv = [...process.execArgv];
  if (!argv.some((a) => a.includes('tsx'))) argv.push('--import', import.meta.resolve('tsx'));
  return argv;
}

export interface RunningWorkers {
  readonly plans: Worker;
  readonly comparisons: Worker;
  /** Stops taking jobs, waits for running solves to finish, closes connections. */
  close(): Promise<void>;
}

/**
 * Starts the plan worker (sandboxed solver processes, `concurrency` at a time) and the comparison
 * aggregator. `lockDuration` exceeds the maximum solve time; a crashed worker's job is moved back to
 * waiting by another worker's stalled-job check after the lock expires.
 */
export async function startWorkers(
  config: Config,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<RunningWorkers> {
  const connection = createRedis(config.redis.url, 'blocking');
  const common = {
    connection,
    prefix: config.queue.prefix,
    lockDuration: config.worker.lockDurationMs,
    stalledInterval: config.worker.stalledIntervalMs,
    maxStalledCount: 1,
  };
  const plans = new Worker(QUEUES.plans, PROCESSOR_FILE, {
    ...common,
    concurrency: config.worker.concurrency,
    useWorkerThreads: false,
    workerForkOptions: { execArgv: childExecArgv() },
  });
  const comparisons = new Worker(QUEUES.comparisons, processComparisonJob, { ...common, concurrency: 4 });
  for (const w of [plans, comparisons]) {
    w.on('failed', (job, err) =>
      log(
        `picon worker: ${w.name} job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`,
      ),
    );
    w.on('error', (err) => log(`picon worker: ${w.name}: ${err.message}`));
  }
  await Promise.all([plans.waitUntilReady(), comparisons.waitUntilReady()]);
  return {
    plans,
    comparisons,
    async close() {
      await Promise.allSettled([plans.close(), comparisons.close()]);
      connection.disconnect();
    },
  };
}

/** Runs until SIGTERM/SIGINT, then closes gracefully (running solves finish; a second signal exits at once). */
export async function runWorkerProcess(config: Config): Promise<void> {
  const workers = await startWorkers(config);
  process.stderr.write(
    `picon worker: ${process.pid} ready (queue prefix ${config.queue.prefix}, concurrency ${config.worker.concurrency}, lock ${config.worker.lockDurationMs} ms)\n`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`picon worker: ${signal}, finishing running jobs\n`);
      void workers.close().then(resolve);
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
