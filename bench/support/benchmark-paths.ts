import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `shared/` sits beside the repository's clone (developers' machines and CI alike). */
const BESIDE_REPO = join(import.meta.dirname, '../../../shared/benchmarks');

/**
 * Where the benchmark instances live: `$PICON_BENCHMARKS` (a folder holding `solomon/` and `cvrp-x/`),
 * else the team's shared copy beside the clone. The files are not vendored into the repository.
 */
export function benchmarksRoot(): string {
  return process.env.PICON_BENCHMARKS ?? BESIDE_REPO;
}

export function solomonDir(): string {
  return join(benchmarksRoot(), 'solomon');
}

export function cvrpDir(): string {
  return join(benchmarksRoot(), 'cvrp-x');
}

/** True when the instance files are present. */
export function haveBenchmarks(): boolean {
  return existsSync(join(solomonDir(), 'C101.txt')) && existsSync(join(cvrpDir(), 'X-n101-k25.vrp'));
}
