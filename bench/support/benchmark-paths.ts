import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the benchmark instances live: `$PICON_BENCHMARKS` (a folder holding `solomon/` and `cvrp-x/`),
 * else the team's shared copy. The files are not vendored into the repository.
 */
export function benchmarksRoot(): string {
  return process.env.PICON_BENCHMARKS ?? '/work/shared/benchmarks';
}

export function solomonDir(): string {
  return join(benchmarksRoot(), 'solomon');
}

export function cvrpDir(): string {
  return join(benchmarksRoot(), 'cvrp-x');
}

/** True when the instance files are present (tests that read them are skipped otherwise). */
export function haveBenchmarks(): boolean {
  return existsSync(join(solomonDir(), 'C101.txt')) && existsSync(join(cvrpDir(), 'X-n101-k25.vrp'));
}
