import { describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { DRAFT_WARNING } from '../../src/planner/assemble-plan.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';

/**
 * Effort `draft` (issue 13, item 5: a first feasible whole-day plan fast): every solve stops at its
 * construction. The plan is still whole (baseline, consolidated with trunk, counterfactual, savings, the
 * exact cost game of 5 carriers) and passes the independent auditor, with no search work at all.
 */
const scenario: Scenario = generateCityDay({ city: 'lille', receivers: 80, seed: 5, carriers: 5 });
const SEED = 3;

/** The plan without its wall-clock time, the one field that may differ between two runs. */
function timeless(plan: Plan): unknown {
  const { solveSeconds: _ignored, ...meta } = plan.meta;
  return { ...plan, meta };
}

let draft: Plan;
let quick: Plan;
beforeAllOrFail(() => {
  draft = planScenario(scenario, { seed: SEED, effort: 'draft' });
  quick = planScenario(scenario, { seed: SEED, effort: 'quick' });
});

describe('effort draft on a generated day of 80 receivers and 5 carriers', () => {
  it('is a whole plan the independent auditor finds nothing wrong with', () => {
    expect(auditPlan(scenario, draft)).toEqual([]);
    expect(draft.scenario.effort).toBe('draft');
    expect(draft.baseline.routes.length).toBeGreaterThan(0);
    expect(draft.consolidated.routes.length).toBeGreaterThan(0);
    expect(draft.allocation.map((a) => a.carrierId).sort()).toEqual(
      scenario.carriers.map((c) => c.id).sort(),
    );
  });

  it('does no search work, and quick does some on the same day', () => {
    expect(draft.meta.iterations).toBe(0);
    expect(quick.meta.iterations).toBeGreaterThan(0);
    expect(draft.meta.timeCapped).toBe(false);
  });

  it("delivers what quick delivers, and its carriers' rounds drive no fewer km than quick's", () => {
    const unassigned = (p: Plan) => p.consolidated.unassigned.map((u) => u.orderId).sort();
    expect(unassigned(draft)).toEqual(unassigned(quick));
    // each search starts from this very construction and keeps the best solution it sees (by its own cost,
    // not vehicle-km: so only on a day like this one, where the two agree)
    expect(draft.baseline.kpis.vehicleKm).toBeGreaterThanOrEqual(quick.baseline.kpis.vehicleKm);
  });

  it('warns that its savings are not to be quoted, and quick does not', () => {
    expect(draft.meta.warnings).toContain(DRAFT_WARNING);
    expect(quick.meta.warnings).not.toContain(DRAFT_WARNING);
  });

  it('gives the same plan for the same scenario and seed', () => {
    expect(timeless(planScenario(scenario, { seed: SEED, effort: 'draft' }))).toEqual(timeless(draft));
  });
});
