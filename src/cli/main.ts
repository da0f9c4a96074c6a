import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT_CODES } from './cli-error.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { registerCommands } from './commands/index.ts';

/** Runs the `picon` command line; returns the process exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('picon')
    .description('Physical-internet consolidation optimiser for last-kilometre city freight')
    .version(packageVersion(), '-V, --version', "print picon's version")
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return commanderExitCode(err);
    // loaded on failure only: it knows the contracts (zod), which `--help` need not load
    const { cliFailure } = await import('./cli-failure.ts');
    const { exitCode, message } = cliFailure(err);
    process.stderr.write(`picon: ${message}\n`);
    return exitCode;
  }
}

/** The version in package.json (shipped beside src/ and dist/ in the package and the image). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Commander has printed its message already; only the code is picon's: `--help` and `--version` are no error
 * (its code 0), and anything else it refuses (unknown option or command, missing argument, no command at all)
 * is the user's to fix, like any input.
 */
function commanderExitCode(err: CommanderError): number {
  return err.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.input;
}
