/** Queue names; every Queue, Worker, QueueEvents and FlowProducer also uses config.queue.prefix (`{picon}`). */
export const QUEUES = {
  /**
   * Flow parents, one per plan (and per comparison variant); the job id is the plan id. A parent splits its
   * day into task children, waits for them, then assembles the plan (sandboxed: both steps are CPU work).
   */
  plans: 'plans',
  /** Flow children: one independent routing task each (a carrier's rounds or a hub's runs, per zone). */
  tasks: 'tasks',
  /** Comparison parents: aggregate their variant children (plan parents) once all are done. */
  comparisons: 'comparisons',
} as const;

export const JOB_NAMES = {
  plan: 'plan',
  variant: 'variant',
  task: 'task',
  comparison: 'comparison',
} as const;

/** Id of the `index`-th task child of plan `planId`: the plan id stays recoverable from the child's id. */
export function taskJobId(planId: string, index: number): string {
  return `${planId}-t${index}`;
}

/** Plan id and task index of a task child id, or undefined for any other id. */
export function parseTaskJobId(jobId: string): { planId: string; index: number } | undefined {
  const m = /^(.+)-t(\d+)$/.exec(jobId);
  return m ? { planId: m[1] as string, index: Number(m[2]) } : undefined;
}
