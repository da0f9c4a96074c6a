import { describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlanDetailed } from '../support/audit/index.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

/**
 * Issue 8's criterion for other cities: on a generated day, consolidated vehicle-km (trunk included) is below
 * the baseline whenever the facility model opens a hub; when it opens none, it says why and the plan is the
 * baseline (every order back to its carrier as `hub-closed`). Small days at a small budget: the criterion is
 * about the hub decision, not the search. Figures are the independent auditor's, not the plan's.
 */
const BUDGET = { seed: 1, maxIterations: 150 } as const;
const RECEIVERS = 60;

function day(city: 'lille' | 'lyon', seed: number): Scenario {
  return withoutCostGame(generateCityDay({ city, receivers: RECEIVERS, seed, carriers: 8 }));
}

/** Lyon with its river port as the only candidate: the case (hub south, depots east and north). */
function portOnly(s: Scenario): Scenario {
  return {
    ...s,
    hubs: s.hubs.filter((h) => h.id === 'PEH'),
    fleet: s.fleet.filter((f) => f.hubId === 'PEH'),
  };
}

/** Every candidate hub at a prohibitive daily cost: no hub is worth opening. */
function costlyHubs(s: Scenario): Scenario {
  return { ...s, hubs: s.hubs.map((h) => ({ ...h, fixedCostEurPerDay: 100_000 })) };
}

/** Asserts the criterion on an audited plan; returns the auditor's vehicle-km, baseline and consolidated. */
function expectCriterion(scenario: Scenario, plan: Plan): { baselineKm: number; consolidatedKm: number } {
  const audit = auditPlanDetailed(scenario, plan);
  expect(audit.violations).toEqual([]);
  const baselineKm = audit.baseline.kpis.vehicleKm;
  const consolidatedKm = audit.consolidated.kpis.vehicleKm;
  const hubs = plan.consolidated.hubs;
  expect(hubs.map((h) => h.id)).toEqual(scenario.hubs.map((h) => h.id));
  if (hubs.some((h) => h.open)) {
    expect(consolidatedKm, `${scenario.name}: a hub opens, so vehicle-km must fall`).toBeLessThan(baselineKm);
  } else {
    for (const h of hubs) expect(h.reason).toMatch(/^closed: /);
    expect(plan.consolidated.routes).toEqual(plan.baseline.routes);
    expect(plan.consolidated.trunk).toEqual([]);
    expect(consolidatedKm).toBeCloseTo(baselineKm, 9);
    expect(plan.consolidated.unassigned.map((u) => u.orderId).sort()).toEqual(
      scenario.orders.map((o) => o.id).sort(),
    );
    expect(plan.consolidated.unassigned.every((u) => u.reason === 'hub-closed')).toBe(true);
  }
  return { baselineKm, consolidatedKm };
}

describe('generated days of other cities (issue 8)', () => {
  it('Lyon, port and east site as candidates: hubs open and vehicle-km fall', () => {
    const scenario = day('lyon', 69001);
    expect(scenario.hubs.map((h) => h.id)).toEqual(['PEH', 'SOIE']);
    const plan = planScenario(scenario, BUDGET);
    expect(plan.consolidated.hubs.some((h) => h.open)).toBe(true);
    expectCriterion(scenario, plan);
  });

  it('Lyon, the river port south of the centre as the only hub: vehicle-km fall despite the detour', () => {
    const scenario = portOnly(day('lyon', 69002));
    const plan = planScenario(scenario, BUDGET);
    expect(plan.consolidated.hubs).toEqual([expect.objectContaining({ id: 'PEH', open: true })]);
    expectCriterion(scenario, plan);
  });

  it('Lille: the CMDU opens and vehicle-km fall', () => {
    const scenario = day('lille', 59001);
    const plan = planScenario(scenario, BUDGET);
    expect(plan.consolidated.hubs).toEqual([expect.objectContaining({ id: 'CMDU', open: true })]);
    expectCriterion(scenario, plan);
  });

  it('Lyon with hubs not worth opening: the facility model says so and the plan is the baseline', () => {
    const scenario = costlyHubs(day('lyon', 69001));
    const plan = planScenario(scenario, BUDGET);
    expect(plan.consolidated.hubs.every((h) => !h.open)).toBe(true);
    for (const h of plan.consolidated.hubs) expect(h.reason).toMatch(/fixed cost \(100000 EUR a day\)/);
    expectCriterion(scenario, plan);
  });
});
