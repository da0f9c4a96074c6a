import { describe, expect, it } from 'vitest';
import { formatPlan } from '../../src/cli/format-plan.ts';
import { planScenario } from '../../src/planner/index.ts';
import { mixedFleetScenario } from '../support/audit-scenarios.ts';
import { smallScenario } from '../support/small-scenario.ts';

const BUDGET = { seed: 3, maxIterations: 200, timeLimitSeconds: 60 };

describe("the plan table's cost allocation", () => {
  it('prints each carrier alone, marginal, pooled and saving, and says the split is in the core', () => {
    const plan = planScenario(smallScenario(), BUDGET);
    const text = formatPlan(plan);
    expect(text).toContain('Cost allocation (shapley):');
    expect(text).toMatch(/Carrier\s+Alone \(EUR\)\s+Marginal \(EUR\)\s+Pooled \(EUR\)\s+Saving \(EUR\)/);
    for (const r of plan.allocation)
      expect(text).toMatch(
        new RegExp(
          `${r.carrierId}\\s+${r.standaloneCost.toFixed(0)}\\s+${r.marginalCost?.toFixed(0)}\\s+${r.allocatedCost.toFixed(0)}`,
        ),
      );
    expect(plan.allocationCore?.inCore).toBe(true);
    expect(text).toContain('In the core: no group of carriers pays more than it would pooling alone');
  });

  it('says when the core is empty and the least core replaced the rule', () => {
    const plan = planScenario(mixedFleetScenario(), BUDGET);
    expect(plan.allocationCore?.coreEmpty).toBe(true);
    expect(formatPlan(plan)).toContain('The core is empty');
  });

  it('says there is no core check under pro-rata-by-kg', () => {
    const plan = planScenario({ ...smallScenario(), options: { allocation: 'pro-rata-by-kg' } }, BUDGET);
    expect(formatPlan(plan)).toContain('No cost game: pro-rata-by-kg prices no coalition');
  });
});
