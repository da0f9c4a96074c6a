/** Queue names; every Queue, Worker, QueueEvents and FlowProducer also uses config.queue.prefix (`{picon}`). */
export const QUEUES = {
  /**
   * Flow parents, one per plan (and per comparison variant); the job id is the plan id. A parent splits its
   * day into task children, waits for them, then assembles the plan (sandboxed: both steps are CPU work).
   */
  plans: 'plans',
  /**
   * Flow children: one independent routing task each (a carrier's rounds or a hub's runs, per zone), then, once
   * they are done, a second wave: the clean-fleet counterfactual's re-routes (job name `task` too) and the cost
   * game's coalitions in chunks (job name `coalitions`).
   */
  tasks: 'tasks',
  /** Comparison parents: aggregate their variant children (plan parents) once all are done. */
  comparisons: 'comparisons',
} as const;

export const JOB_NAMES = {
  plan: 'plan',
  variant: 'variant',
  task: 'task',
  coalitions: 'coalitions',
  comparison: 'comparison',
} as const;

/**
 * The letter that marks each kind of flow child in its id: `{planId}-t3` is task 3, `{planId}-g3` game chunk 3,
 * `{planId}-r3` the counterfactual's re-route 3.
 */
const CHILD_MARK = { task: 't', game: 'g', reroute: 'r' } as const;
export type ChildKind = keyof typeof CHILD_MARK;
const KIND_OF_MARK = new Map<string, ChildKind>(
  Object.entries(CHILD_MARK).map(([kind, mark]) => [mark, kind as ChildKind]),
);

/** Id of the `index`-th child of plan `planId` of this kind: the plan id stays recoverable from it. */
export function childJobId(planId: string, kind: ChildKind, index: number): string {
  return `${planId}-${CHILD_MARK[kind]}${index}`;
}

/** Id of the `index`-th task child of plan `planId`. */
export function taskJobId(planId: string, index: number): string {
  return childJobId(planId, 'task', index);
}

/** Plan id, kind and index of a flow child's id, or undefined for any other id. */
export function parseChildJobId(
  jobId: string,
): { planId: string; kind: ChildKind; index: number } | undefined {
  const m = /^(.+)-([tgr])(\d+)$/.exec(jobId);
  if (!m) return undefined;
  return { planId: m[1] as string, kind: KIND_OF_MARK.get(m[2] as string) as ChildKind, index: Number(m[3]) };
}

/** Plan id and task index of a task child id, or undefined for any other id. */
export function parseTaskJobId(jobId: string): { planId: string; index: number } | undefined {
  const child = parseChildJobId(jobId);
  return child?.kind === 'task' ? { planId: child.planId, index: child.index } : undefined;
}
