import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Cases per property: set by vitest.properties.config.ts (`npm run test:properties`). */
    propertyRuns?: number;
  }
}

/**
 * Cases per property: a few hundred in `npm test`, the nightly size (10,000) under `npm run test:properties`,
 * which provides it through the config rather than an environment variable. `scale` lowers it for properties
 * whose cases are expensive (an HTTP request, a Redis round trip).
 */
export function runs(defaultRuns = 300): number {
  return inject('propertyRuns') ?? defaultRuns;
}

/** fast-check parameters: seeded by fast-check per run (printed on failure, with the path to replay it). */
export const params = (defaultRuns = 300) => ({ numRuns: runs(defaultRuns) });
