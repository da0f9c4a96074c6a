import type { Command } from 'commander';
import { registerCompare } from './compare.ts';
import { registerCvrp } from './cvrp.ts';
import { registerGenerate } from './generate.ts';
import { registerPlan } from './plan.ts';
import { registerReport } from './report.ts';
import { registerServe } from './serve.ts';
import { registerVrptw } from './vrptw.ts';
import { registerWorker } from './worker.ts';

/** Every subcommand registers itself here: one file per command under src/cli/commands/. */
export function registerCommands(program: Command): void {
  registerPlan(program);
  registerReport(program);
  registerCompare(program);
  registerGenerate(program);
  registerVrptw(program);
  registerCvrp(program);
  registerServe(program);
  registerWorker(program);
}
