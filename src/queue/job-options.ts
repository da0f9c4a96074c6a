import type { JobsOptions } from 'bullmq';
import type { Config } from '../config/env.ts';

/** Job options from config: retries with exponential backoff, retention by age and count. */
export function jobOptions(config: Pick<Config, 'queue'>): JobsOptions {
  const q = config.queue;
  return {
    attempts: q.attempts,
    backoff: { type: 'exponential', delay: q.backoffMs },
    removeOnComplete: { age: q.keepCompleted.age, count: q.keepCompleted.count },
    removeOnFail: { age: q.keepFailed.age, count: q.keepFailed.count },
  };
}

/**
 * Options of a flow child (a task of a plan, a plan of a comparison): once its attempts are spent the parent
 * fails too, instead of waiting for ever. Its result lives on in the parent's processed set after removal.
 */
export function childJobOptions(config: Pick<Config, 'queue'>, jobId: string): JobsOptions {
  return { ...jobOptions(config), jobId, failParentOnFailure: true };
}
