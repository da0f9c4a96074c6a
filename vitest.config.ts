import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core. Vitest's default in run mode is one fewer than the cores, which on the 2-core
    // machines CI runs on is one file at a time: the suite took 475 s of wall for 489 s of CPU.
    maxWorkers: availableParallelism(),
  },
});
