import type {
  JobFinished,
  PlanEvent,
  PlanJobInput,
  PlanJobs,
  PlanView,
  ComparisonView,
} from '../../src/contracts/ports.ts';

/** In-memory PlanJobs: records submissions; tests drive state with `emit`/`complete`. */
export class FakePlanJobs implements PlanJobs {
  readonly submitted: { id: string; input: PlanJobInput }[] = [];
  readonly plans = new Map<string, PlanView>();
  readonly comparisons = new Map<string, ComparisonView>();
  readonly listeners = new Map<string, Set<(e: PlanEvent) => void>>();
  finished: ((e: JobFinished) => void)[] = [];
  down = false;

  async submitPlan(id: string, input: PlanJobInput) {
    this.submitted.push({ id, input });
    if (this.plans.has(id)) return { id, created: false };
    this.plans.set(id, { id, status: 'queued', progress: { percent: 0, bestCost: null } });
    return { id, created: true };
  }
  async getPlan(id: string) {
    return this.plans.get(id);
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
  async submitComparison(id: string, variants: readonly { name: string; input: PlanJobInput }[]) {
    if (this.comparisons.has(id)) return { id, created: false };
    this.comparisons.set(id, {
      id,
      status: 'queued',
      progress: { variantsDone: 0, variants: variants.length },
    });
    return { id, created: true };
  }
  async getComparison(id: string) {
    return this.comparisons.get(id);
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
