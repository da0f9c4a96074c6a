import type { PlanJobs } from '../../src/contracts/ports.ts';

/**
 * Makes whole-plan reads of `jobs` wait until `release()` (then read as before, or fail once with `failNext`);
 * status-only reads (`withResult: false`) pass. Tests of the bound on plan reads use it so that which requests
 * overlap is decided by the test, not by timing. `restore()` puts the store's own read back.
 */
export function holdPlanReads(jobs: Pick<PlanJobs, 'getPlan'>) {
  const read = jobs.getPlan.bind(jobs);
  const waiting: (() => void)[] = [];
  const held = {
    /** Whole-plan reads that have reached the store. */
    entered: 0,
    failNext: false,
    release: () => {
      for (const go of waiting.splice(0)) go();
    },
    restore: () => {
      jobs.getPlan = read;
    },
  };
  jobs.getPlan = async (id, options) => {
    if (options?.withResult === false) return await read(id, options);
    held.entered += 1;
    await new Promise<void>((go) => waiting.push(go));
    if (held.failNext) {
      held.failNext = false;
      throw new Error('store failed mid-read');
    }
    return await read(id, options);
  };
  return held;
}

export type HeldPlanReads = ReturnType<typeof holdPlanReads>;
