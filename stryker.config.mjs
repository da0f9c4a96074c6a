/**
 * Mutation testing (docs/QUALITY.md): `npm run test:mutation` for the whole scope, or on some files only:
 * `npm run test:mutation -- --mutate src/energy/energy-model.ts`. Incremental: results are kept in
 * test/mutation/stryker-incremental.json (checked in), so a run only re-tests the mutants whose code or
 * covering tests changed since the recorded run; `-- --force` re-tests everything.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // the machine is shared by several engineers and has 2 cores
  concurrency: 1,
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  mutate: [
    'src/planner/**/*.ts',
    'src/consolidation/**/*.ts',
    'src/energy/**/*.ts',
    'src/solver/evaluation/**/*.ts',
    '!src/**/index.ts',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // a busy machine: give slow mutants room before calling them timeouts
  timeoutFactor: 2,
  timeoutMS: 10_000,
  // the initial run of a solver file's related suite exceeds the default 5 minutes here under load
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['reports', 'out', 'dist', 'dist.next', 'coverage', '.redis-test', 'docs', 'test/mutation'],
};
