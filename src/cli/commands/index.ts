import type { Command } from 'commander';

/** Every subcommand registers itself here: one file per command under src/cli/commands/. */
export function registerCommands(_program: Command): void {}
