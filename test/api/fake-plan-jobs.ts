import type {
  ComparisonJobVariant,
  JobFinished,
  PlanEvent,
  PlanJobInput,
  PlanJobs,
  PlanView,
  ComparisonView,
  Submission,
} from '../../src/contracts/ports.ts';

/** In-memory PlanJobs: records submissions; tests drive state with `emit`/`complete`. */
export class FakePlanJobs implements PlanJobs {
  readonly submitted: { id: string; input: PlanJobInput }[] = [];
  readonly plans = new Map<string, PlanView>();
  readonly comparisons = new Map<string, ComparisonView>();
  readonly submittedComparisons: { id: string; variants: readonly ComparisonJobVariant[] }[] = [];
  readonly listeners = new Map<string, Set<(e: PlanEvent) => void>>();
  finished: ((e: JobFinished) => void)[] = [];
  down = false;

  /** Submissions (owner, request hash) by job id, kept apart so tests may replace a plan's view freely. */
  readonly submissions = new Map<string, Submission>();

  private record(id: string, submission: Submission) {
    const first = this.submissions.get(id);
    if (!first) this.submissions.set(id, submission);
    return { requestHash: (first ?? submission).requestHash };
  }
  async submitPlan(id: string, input: PlanJobInput, submission: Submission) {
    this.submitted.push({ id, input });
    const recorded = this.record(id, submission);
    if (this.plans.has(id)) return { id, created: false, ...recorded };
    this.plans.set(id, { id, status: 'queued', progress: { percent: 0, bestCost: null } });
    return { id, created: true, ...recorded };
  }
  /** How many reads asked for the result: the status-only reads (`withResult: false`) are not counted. */
  resultReads = 0;
  async getPlan(id: string, { withResult = true } = {}) {
    const stored = this.plans.get(id);
    if (!stored) return undefined;
    if (withResult) this.resultReads += 1;
    const { result: _result, ...status } = stored;
    const view: PlanView = withResult ? stored : status;
    // a comparison's variant plans belong to the comparison's submitter, as in BullPlanJobs
    const owner = this.submissions.get(id.replace(/-v\d+$/, ''))?.owner;
    return owner ? { ...view, owner } : view;
  }
  watchPlan(id: string, listener: (e: PlanEvent) => void) {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }
  emit(id: string, e: PlanEvent, view?: Partial<PlanView>) {
    const current = this.plans.get(id);
    if (current && view) this.plans.set(id, { ...current, ...view });
    for (const l of this.listeners.get(id) ?? []) l(e);
  }
  async submitComparison(id: string, variants: readonly ComparisonJobVariant[], submission: Submission) {
    this.submittedComparisons.push({ id, variants });
    const recorded = this.record(id, submission);
    if (this.comparisons.has(id)) return { id, created: false, ...recorded };
    this.comparisons.set(id, {
      id,
      status: 'queued',
      progress: { variantsDone: 0, variants: variants.length },
    });
    return { id, created: true, ...recorded };
  }
  async getComparison(id: string) {
    const view = this.comparisons.get(id);
    const owner = this.submissions.get(id)?.owner;
    return view && owner ? { ...view, owner } : view;
  }
  async queueDepth() {
    return { plans: { waiting: this.plans.size, active: 0 } };
  }
  onJobFinished(listener: (e: JobFinished) => void) {
    this.finished.push(listener);
  }
  async ping() {
    if (this.down) throw new Error('redis down');
  }
}
