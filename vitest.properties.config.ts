import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:properties`: the property-based suite alone at its nightly size, 10,000 cases per property
 * (`npm test` runs the same files with a few hundred). Spread, not mergeConfig, which would append `include`
 * to the base's and run the whole suite.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/properties/**/*.test.ts'],
    provide: { propertyRuns: 10_000 },
    testTimeout: 3_600_000,
  },
});
