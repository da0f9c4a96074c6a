import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'run a worker: splits plans into tasks, solves tasks and assembles plans in sandboxed processes; run as many as you like on any machine sharing Redis (REDIS_URL, PICON_WORKER_CONCURRENCY)',
    )
    .option('--concurrency <n>', 'tasks solved at the same time (default PICON_WORKER_CONCURRENCY or 1)')
    .option(
      '--health-file <path>',
      'rewrite this file every 10 s while the workers run and Redis answers, remove it otherwise (container health checks)',
    )
    .action(async (opts: { concurrency?: string; healthFile?: string }) => {
      // loaded when the command runs: BullMQ and the config schema are no concern of `--help`
      const [{ ConfigError, loadConfig, processEnv }, { runWorkerProcess }] = await Promise.all([
        import('../../config/env.ts'),
        import('../../../workers/plan.worker.ts'),
      ]);
      const env = {
        ...processEnv(),
        ...(opts.concurrency ? { PICON_WORKER_CONCURRENCY: opts.concurrency } : {}),
      };
      try {
        await runWorkerProcess(loadConfig(env), opts.healthFile ? { healthFile: opts.healthFile } : {});
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError(err.message);
        throw err;
      }
    });
}
