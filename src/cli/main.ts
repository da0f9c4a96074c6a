import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error.ts';
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
    if (err instanceof CliError) {
      process.stderr.write(`picon: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`picon: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
