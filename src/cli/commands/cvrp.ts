import type { Command } from 'commander';
import { registerBenchmarkCommand, type BenchmarkCommandDeps } from './vrptw.ts';

/**
 * `picon cvrp INSTANCE.vrp`: solves a CVRPLIB (X set) instance; arcs are Euclidean rounded to the nearest
 * integer as in the published BKS, there are no windows, and the fleet is a generous bound (X has none).
 */
export function registerCvrp(program: Command, deps: Partial<BenchmarkCommandDeps> = {}): Command {
  return registerBenchmarkCommand(
    program,
    {
      name: 'cvrp',
      description: 'Solve a CVRPLIB EUC_2D instance, e.g. the X set (benchmark mode)',
      argument: 'CVRPLIB .vrp instance',
      format: 'cvrplib',
    },
    deps,
  );
}
