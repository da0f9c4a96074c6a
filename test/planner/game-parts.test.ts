import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { planScenario } from '../../src/planner/index.ts';
import { exactGameCoalitions } from '../../src/planner/game-parts.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';

// The game's parts and the coalitions to price, exercised inside the tests (not at collection time), so that
// each figure they feed (stand-alone, residual, c(N), the pooled tasks) is checked by the auditor's own
// recomputation of the game while the code under test runs.
describe("a plan's cost game, from its parts", () => {
  it('prices c(S) from the plan’s parts so that the auditor’s game checks hold (c(S) ≤ members alone, shares)', () => {
    const day = generateCityDay({ city: 'lille', receivers: 12, seed: 4, carriers: 5 });
    const scenario = { ...day, options: { ...day.options, effort: 'quick' as const, seed: 4 } };
    const plan = planScenario(scenario, { maxIterations: 40 });
    expect(plan.allocationGame?.coalitions).toHaveLength(31);
    expect(auditPlan(scenario, plan)).toEqual([]);
    // every carrier has orders here, so every coalition pays something: a game priced from no pooled runs
    // (c(S) = 0) would still add up and pass the table's own consistency checks
    for (const c of plan.allocationGame!.coalitions) expect(c.costEur, `[${c.members}]`).toBeGreaterThan(0);
    const standalone = plan.allocation.map((r) => r.standaloneCost);
    // the singletons' costs never exceed each carrier's own rounds, and the grand coalition is the plan's cost
    for (const [i, cost] of standalone.entries()) {
      const single = plan.allocationGame!.coalitions.find(
        (c) => c.members.length === 1 && c.members[0] === i,
      );
      expect(single!.costEur).toBeLessThanOrEqual(cost + 0.01);
    }
  });

  it('lists every proper coalition of an exact game, and none without a game', () => {
    const cityOf = (n: number) =>
      ({ carriers: Array.from({ length: n }, (_, i) => ({ id: `c${i}` })) }) as unknown as City;
    const shapley = { options: { allocation: 'shapley' } } as never;
    expect(exactGameCoalitions(cityOf(3), shapley)).toEqual([1, 2, 3, 4, 5, 6]);
    // unset: the default game, unless it would price more than 5 million orders (allocation-rule.ts)
    const unset = (orders: number) =>
      ({ options: {}, carriers: cityOf(3).carriers, orders: Array.from({ length: orders }) }) as never;
    expect(exactGameCoalitions(cityOf(3), unset(1_000))).toHaveLength(6);
    expect(exactGameCoalitions(cityOf(3), unset(1_700_000))).toEqual([]);
    expect(exactGameCoalitions(cityOf(12), shapley)).toHaveLength(4094);
    expect(exactGameCoalitions(cityOf(13), shapley)).toEqual([]);
    expect(exactGameCoalitions(cityOf(1), shapley)).toEqual([]);
    expect(exactGameCoalitions(cityOf(3), { options: { allocation: 'pro-rata-by-kg' } } as never)).toEqual(
      [],
    );
  });
});
