import type { Command } from 'commander';
import type { LevelWithSilent } from '../../api/access-log.ts';
import { CliError } from '../cli-error.ts';
import type { ServeOptions } from './serve-run.ts';

/** Registers `picon serve`; the server is composed in serve-run.ts, loaded when it runs (express, BullMQ, …). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the HTTP API (needs Redis: REDIS_URL; keys: PICON_API_KEYS_FILE; reference data: PICON_SEED_FILE)',
    )
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .option('--host <host>', 'interface to bind (default HOST, or 0.0.0.0; with --dev 127.0.0.1)')
    .option('--dev', 'start without a keys file, printing a generated admin key (binds 127.0.0.1 by default)')
    .option(
      '--log-level <level>',
      'JSON logs on stdout from this level: trace, debug, info (default: one line per request), warn, error, silent',
      logLevel,
      'info',
    )
    .action(async (opts: ServeOptions) => {
      const { runServe } = await import('./serve-run.ts');
      await runServe(opts);
    });
}

const LOG_LEVELS: readonly LevelWithSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
function logLevel(value: string): LevelWithSilent {
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}
