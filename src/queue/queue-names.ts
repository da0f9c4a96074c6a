/** Queue names; every Queue, Worker, QueueEvents and FlowProducer also uses config.queue.prefix (`{picon}`). */
export const QUEUES = {
  /** One job per plan (and per comparison variant); processed by the sandboxed solver. */
  plans: 'plans',
  /** Comparison parents: aggregate their variant children once all are done. */
  comparisons: 'comparisons',
} as const;

export const JOB_NAMES = { plan: 'plan', variant: 'variant', comparison: 'comparison' } as const;
