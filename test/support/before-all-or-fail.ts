import { beforeAll, beforeEach } from 'vitest';

/**
 * Runs `setUp` once before the file's tests (as `beforeAll`), but an error it throws is rethrown before every
 * test, so each of them fails. Mutation testing needs this: a planner that throws while a file is collected or
 * in a `beforeAll` leaves vitest with no test result, which Stryker counts as a surviving mutant (measured on
 * src/planner/report-road-trips.ts: even its emptied body survived).
 */
export function beforeAllOrFail(setUp: () => void): void {
  let failure: { error: unknown } | undefined;
  beforeAll(() => {
    try {
      setUp();
    } catch (error) {
      failure = { error };
    }
  });
  beforeEach(() => {
    if (failure !== undefined) throw failure.error;
  });
}
