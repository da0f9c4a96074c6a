import { join } from 'node:path';

/**
 * The few public benchmark instances the tests read, vendored in fixtures/benchmarks so tests never
 * depend on files outside the repository (the full sets stay in shared/, read by the bench scripts).
 */
const ROOT = join(import.meta.dirname, '../../fixtures/benchmarks');

export function solomonDir(): string {
  return join(ROOT, 'solomon');
}

export function cvrpDir(): string {
  return join(ROOT, 'cvrp-x');
}
