import { Command, CommanderError } from 'commander';
import { cliFailure } from './cli-error.ts';
import { registerCommands } from './commands/index.ts';

/** Runs the `picon` command line; returns the process exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('picon')
    .description('Physical-internet consolidation optimiser for last-kilometre city freight')
    .exitOverride();
  registerCommands(program);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    const { exitCode, message } = cliFailure(err);
    process.stderr.write(`picon: ${message}\n`);
    return exitCode;
  }
}
