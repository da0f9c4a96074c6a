import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * Files that plan whole days in their describe body (measured alone on this machine: 6-19 s each, most of
 * it collecting). Vitest's cache times tests only, not collection, so these must be named to go last.
 */
const SLOW_TO_COLLECT = [
  'test/planner/two-shops.test.ts',
  'test/planner/plan-scenario.test.ts',
  'test/solver/solve-small.test.ts',
  'test/planner/savings-breakdown.test.ts',
  'test/planner/zones.test.ts',
  'test/planner/lille-day.test.ts',
  'test/planner/access-zones.test.ts',
  'test/planner/reproducible.test.ts',
];

/**
 * Runs the quickest files first. Stryker stops a mutant's run at its first failing test, and most
 * mutants here are "static" (module-level tables, or code the describe bodies above run), so each runs
 * every related file: in vitest's default order (slowest tests first, collection not counted) a mutant an
 * energy unit test kills in milliseconds would first wait for the Lille day to be planned.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number =>
      SLOW_TO_COLLECT.findIndex((slow) => f.moduleId.endsWith(slow));
    return (await super.sort(files)).reverse().sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * The suite as mutation testing runs it (stryker.config.mjs): every unit and component test, without
 * - the suites that need a real Redis or Chromium (they start servers per file, which a mutant run cannot afford);
 * - the tests that run picon or the linters in another process (`picon plan` spawned, dependency-cruiser
 *   and ESLint over the tree): Stryker activates a mutant inside the test process only, so those can never
 *   kill one, and they cost half the suite's time;
 * - the solution-quality runs (30 s, and a cost regression says nothing about which figure a mutant broke).
 * All of them still run in `npm test`. A score measured without them is a lower bound.
 */
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'node_modules/**',
        'test/integration/**',
        'test/browser/**',
        'test/cli/plan-command.test.ts',
        'test/cli/plan-warnings.test.ts',
        'test/house/layers.test.ts',
        'test/quality/**',
      ],
      sequence: { sequencer: QuickestFirst },
    },
  }),
);

/**
 * `PICON_MUTATION_TESTS=test/solver/**,test/energy/x.test.ts npm run test:mutation -- --mutate FILE`: only these
 * test files may kill mutants. On this 2-core machine the full related suite of solver code takes over 5 minutes
 * per surviving mutant; a score measured on fewer tests is a lower bound of the full suite's (docs/QUALITY.md
 * says which tests each recorded score used).
 */
const only = process.env['PICON_MUTATION_TESTS']?.split(',').filter((g) => g !== '');
if (only !== undefined && only.length > 0) config.test = { ...config.test, include: only };

export default config;
