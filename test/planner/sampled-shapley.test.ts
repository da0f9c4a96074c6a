import { describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import type { City } from '../../src/domain/city.ts';
import { planScenario } from '../../src/planner/index.ts';
import { allocateCosts } from '../../src/planner/cost-allocation.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import type { ViolationCode } from '../support/audit/violations.ts';

// Above 12 carriers (MAX_EXACT_PLAYERS) the planner estimates the Shapley value from random orders of the
// carriers instead of pricing all 2^n - 1 coalitions (docs/model/cooperation.md, "Above 12 carriers"): a
// generated Lille day of 13 carriers and 47 orders (1 to 6 each), at the quick effort and 20 iterations per
// solve so that a plan takes seconds.
const scenario: Scenario = (() => {
  const day = generateCityDay({ city: 'lille', receivers: 6, seed: 59000, carriers: 13 });
  return { ...day, options: { ...day.options, effort: 'quick', seed: 1 } };
})();
const BUDGET = { maxIterations: 20 };
const plan = planScenario(scenario, BUDGET);
const game = plan.allocationGame!;
const n = scenario.carriers.length;

/** The docs' stopping rule: at least 30 orders of the carriers, at most 100. */
const MIN_PERMUTATIONS = 30;
const MAX_PERMUTATIONS = 100;

describe('the sampled Shapley value of a 13-carrier day', () => {
  it('is sampled: orders within the stated bounds, a standard error and a warning that says so', () => {
    expect(n).toBe(13);
    expect(new Set(scenario.orders.map((o) => o.carrierId)).size).toBe(13);
    expect(game.exact).toBe(false);
    expect(plan.allocationCore?.exact).toBe(false);
    expect(game.permutations).toBeGreaterThanOrEqual(MIN_PERMUTATIONS);
    expect(game.permutations).toBeLessThanOrEqual(MAX_PERMUTATIONS);
    expect(game.maxStandardErrorEur).toBeGreaterThan(0);
    expect(plan.allocation.every((r) => r.method === 'shapley-sampled')).toBe(true);
    // fewer coalitions than the 8,191 of the exact game: n per order at most
    expect(game.coalitions.length).toBeLessThanOrEqual(game.permutations! * (n - 1) + n);
    const warning = plan.meta.warnings.find((w) => w.startsWith('cost allocation: 13 carriers'));
    expect(warning).toBe(
      `cost allocation: 13 carriers are more than 12, so the Shapley value is estimated from ` +
        `${game.permutations} random orders of the carriers (largest standard error ` +
        `${game.maxStandardErrorEur} EUR) and the core is checked on the ${game.coalitions.length} coalitions ` +
        'priced',
    );
  });

  it("shares out the plan's cost to the cent, no coalition costs more than its members alone, and it passes the auditor", () => {
    const grand = game.coalitions.find((c) => c.members.length === n)!.costEur;
    const cents = plan.allocation.reduce((s, r) => s + Math.round(r.allocatedCost * 100), 0);
    expect(cents).toBe(Math.round(grand * 100));
    const alone = plan.allocation.map((r) => r.standaloneCost);
    for (const c of game.coalitions) {
      if (c.members.length === n) continue; // c(N) is the plan as it is (it may exceed that; the plan warns)
      const sum = c.members.reduce((s, i) => s + alone[i]!, 0);
      // each printed figure is rounded to the cent: half a cent each
      expect(c.costEur, `[${c.members}]`).toBeLessThanOrEqual(sum + (c.members.length + 1) * 0.005);
    }
    expect(auditPlan(scenario, plan)).toEqual([]);
  });

  it('is reproducible: the same seed gives the same sample and the same shares', () => {
    const again = planScenario(scenario, BUDGET);
    expect(again.allocation).toEqual(plan.allocation);
    expect(again.allocationGame).toEqual(plan.allocationGame);
    expect(again.allocationCore).toEqual(plan.allocationCore);
  });
});

describe('the auditor on a sampled game', () => {
  /** The auditor's codes for a copy of the plan with one planted fault. */
  const codesWith = (plant: (p: Plan) => void): ViolationCode[] => {
    const copy = structuredClone(plan);
    plant(copy);
    return auditPlan(scenario, copy).map((v) => v.code);
  };
  /** Moves `eur` from one carrier's share to another's: the shares still add up to the plan's cost. */
  const move = (p: Plan, from: number, to: number, eur: number) => {
    for (const [i, d] of [
      [from, -eur],
      [to, eur],
    ] as const) {
      const row = p.allocation[i]!;
      row.allocatedCost = Math.round((row.allocatedCost + d) * 100) / 100;
      row.saving = Math.round((row.standaloneCost - row.allocatedCost) * 100) / 100;
    }
  };

  it('recomputes the core check over the sampled coalitions', () => {
    expect(codesWith((p) => (p.allocationCore!.maxExcessEur -= 40))).toContain('ALLOCATION_CORE_MISMATCH');
    expect(codesWith((p) => (p.allocationCore!.inCore = !p.allocationCore!.inCore))).toContain(
      'ALLOCATION_CORE_MISMATCH',
    );
    // a carrier charged 50 EUR above its own listed coalition's cost: that coalition's excess is 50 EUR, not
    // the reported one, and the share is out of the range of the carrier's marginal costs
    const single = game.coalitions.find((c) => c.members.length === 1)!;
    const i = single.members[0]!;
    const codes = codesWith((p) =>
      move(p, (i + 1) % n, i, single.costEur + 50 - plan.allocation[i]!.allocatedCost),
    );
    expect(codes).toContain('ALLOCATION_CORE_MISMATCH');
    expect(codes).toContain('ALLOCATION_RULE_MISMATCH');
  });

  it('recomputes the marginal costs and checks the rule and the shape of the sample', () => {
    expect(codesWith((p) => (p.allocation[3]!.marginalCost! += 1))).toContain('ALLOCATION_MARGINAL_MISMATCH');
    expect(codesWith((p) => p.allocation.forEach((r) => (r.method = 'shapley')))).toContain(
      'ALLOCATION_RULE_MISMATCH',
    );
    // three orders price at most 3 x 12 proper coalitions
    expect(codesWith((p) => (p.allocationGame!.permutations = 3))).toContain('COST_GAME_SHAPE');
    expect(codesWith((p) => delete p.allocationGame!.maxStandardErrorEur)).toContain('COST_GAME_SHAPE');
    // a coalition no sampled order passes through (none of its subsets one smaller is listed)
    const listed = new Set(game.coalitions.map((c) => c.members.join()));
    const stray = [0, 2, 4, 6, 8, 10, 12];
    // asserted, so that the plant below is one: neither it nor any of its 6-subsets was sampled
    expect(listed.has(stray.join())).toBe(false);
    expect(stray.filter((m) => listed.has(stray.filter((x) => x !== m).join()))).toEqual([]);
    expect(
      codesWith((p) =>
        p.allocationGame!.coalitions.push({
          members: stray,
          costEur: stray.reduce((s, j) => s + plan.allocation[j]!.standaloneCost, 0),
        }),
      ),
    ).toContain('COST_GAME_SHAPE');
  });
});

describe('a sampled game that stops early', () => {
  // an additive game (pooling saves nothing): every share's standard error is 0, so sampling stops at the
  // minimum of 30 orders, and some carrier is last in none of them: its c(N \ {i}) is no sampled prefix
  const players = 13;
  const standaloneEur = Array.from({ length: players }, (_, i) => 100 + 7 * i);
  const city = { carriers: standaloneEur.map((_, i) => ({ id: `c${i}` })), seed: 3 } as unknown as City;
  const parts = {
    standaloneEur,
    residualEur: standaloneEur.map(() => 0),
    grandEur: standaloneEur.reduce((a, b) => a + b, 0),
    pooled: [],
  };
  const shares = allocateCosts(city, 'shapley', parts, (members) =>
    members.reduce((s, i) => s + standaloneEur[i]!, 0),
  );

  it('lists every c(N \\ {i}) behind a marginal cost, sampled or not, and the marginal costs follow', () => {
    expect(shares.game.permutations).toBe(MIN_PERMUTATIONS);
    const listed = new Map(shares.game.coalitions.map((c) => [c.members.join(','), c.costEur]));
    shares.rows.forEach((row, i) => {
      const without = Array.from({ length: players }, (_, j) => j).filter((j) => j !== i);
      expect(listed.get(without.join(',')), row.carrierId).toBeDefined();
      expect(row.marginalCost).toBeCloseTo(parts.grandEur - listed.get(without.join(','))!, 2);
      expect(row.allocatedCost).toBeCloseTo(standaloneEur[i]!, 2);
    });
  });
});
