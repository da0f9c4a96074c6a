import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** `npm run test:properties`: the property-based suite at its nightly size, 10,000 cases per property. */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/properties/**/*.test.ts'],
      provide: { propertyRuns: 10_000 },
      testTimeout: 3_600_000,
    },
  }),
);
