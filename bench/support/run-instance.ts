/**
 * Child-process entry of the benchmark runners: `node --import tsx bench/support/run-instance.ts vrptw|cvrp FILE
 * [options]` runs the very `picon vrptw` / `picon cvrp` command (same registration, same output) and exits, so
 * each instance gets a fresh heap and a crash or a runaway search costs one instance, not the suite.
 */
import { Command, CommanderError } from 'commander';
import { CliError } from '../../src/cli/cli-error.ts';
import { registerCvrp } from '../../src/cli/commands/cvrp.ts';
import { registerVrptw } from '../../src/cli/commands/vrptw.ts';

const program = new Command('picon').exitOverride();
registerVrptw(program);
registerCvrp(program);
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (err) {
  if (err instanceof CliError) process.stderr.write(`picon: ${err.message}\n`);
  else if (!(err instanceof CommanderError)) {
    process.stderr.write(
      `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exitCode = err instanceof CliError || err instanceof CommanderError ? err.exitCode : 1;
}
