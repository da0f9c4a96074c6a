import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { buildCity, exactGameCoalitions, planScenario } from '../../src/planner/index.ts';
import {
  allocationChoice,
  defaultGameWork,
  MAX_DEFAULT_GAME_ORDER_PRICINGS,
} from '../../src/planner/allocation-rule.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import lille from '../../fixtures/lille/day.json' with { type: 'json' };
import twoShops from '../../fixtures/tiny/two-shops.json' with { type: 'json' };

/** Σ over every proper coalition of the orders of its members, enumerated coalition by coalition. */
function enumeratedWork(ordersPerCarrier: readonly number[]): number {
  const n = ordersPerCarrier.length;
  let sum = 0;
  for (let mask = 1; mask < 2 ** n - 1; mask++)
    for (let i = 0; i < n; i++) if (mask & (1 << i)) sum += ordersPerCarrier[i]!;
  return sum;
}

// a 20,000-receiver day's default cost game had not finished after 34 minutes of worker time: a default must
// not make anyone wait hours, and a game asked for by name is priced however long it takes
describe('the default cost-sharing rule', () => {
  it("counts the exact game's work as the sum of every proper coalition's orders", () => {
    for (const perCarrier of [[3], [1, 2], [5, 0, 7], [100, 40, 3, 9, 12, 70, 1, 0, 8, 44]]) {
      const total = perCarrier.reduce((a, b) => a + b, 0);
      expect(defaultGameWork(perCarrier.length, total)).toBe(enumeratedWork(perCarrier));
    }
    // above 12 carriers: 100 permutations of n coalitions, half the orders each on average
    expect(defaultGameWork(20, 1000)).toBe(100 * 20 * 500);
  });

  it('is Shapley on the Lille day, pro rata by kg with a warning on a day whose game is too large', () => {
    const day = lille as unknown as Scenario;
    expect(allocationChoice(day)).toEqual({ rule: 'shapley' });
    const orders = Array.from({ length: 10_000 }, (_, i) => ({
      ...day.orders[i % day.orders.length]!,
      id: `o${i}`,
    }));
    const big = { ...day, orders };
    // 511 × 10,000 = 5.11 million order pricings: just above the bound
    expect(defaultGameWork(10, 10_000)).toBeGreaterThan(MAX_DEFAULT_GAME_ORDER_PRICINGS);
    const choice = allocationChoice(big);
    expect(choice.rule).toBe('pro-rata-by-kg');
    expect(choice.warning).toMatch(
      /options\.allocation is unset.*10 carriers over 10000 orders.*5\.1 million/,
    );
    // asked for by name: priced, whatever the size
    for (const rule of ['shapley', 'nucleolus', 'pro-rata-by-kg'] as const)
      expect(allocationChoice({ ...big, options: { ...big.options, allocation: rule } })).toEqual({ rule });
    expect(choice.warning).toMatch(/set options\.allocation to "shapley" to price it anyway$/);
    // just under the bound: the game; and at it exactly (2 carriers: 1 × 5,000,000)
    expect(allocationChoice({ ...big, orders: orders.slice(0, 9_784) }).rule).toBe('shapley');
    expect(defaultGameWork(2, MAX_DEFAULT_GAME_ORDER_PRICINGS)).toBe(MAX_DEFAULT_GAME_ORDER_PRICINGS);
    const atBound = {
      ...big,
      carriers: big.carriers.slice(0, 2),
      orders: Array.from({ length: 5_000_000 }),
    } as never;
    expect(allocationChoice(atBound).rule).toBe('shapley');
  });

  it('decides which coalitions the service and the CLI price', () => {
    // 1,500 receivers: about 10,000 orders, a game above the bound
    const day = scenarioSchema.parse(generateCityDay({ city: 'lille', receivers: 1500, seed: 7 }));
    expect(defaultGameWork(day.carriers.length, day.orders.length)).toBeGreaterThan(
      MAX_DEFAULT_GAME_ORDER_PRICINGS,
    );
    expect(exactGameCoalitions(buildCity(day), day)).toEqual([]);
    const asked = { ...day, options: { ...day.options, allocation: 'shapley' as const } };
    expect(exactGameCoalitions(buildCity(asked), asked)).toHaveLength(2 ** day.carriers.length - 2);
  });

  it('is what the plan applies, and the plan says why', () => {
    // 12 carriers, 2,500 small orders at three shops: 2,047 × 2,500 = 5.1 million order pricings, a plan of seconds
    const carriers = Array.from({ length: 12 }, (_, i) => ({
      ...twoShops.carriers[i % 2]!,
      id: `c${i}`,
      name: `C${i}`,
    }));
    const orders = Array.from({ length: 2_500 }, (_, i) => ({
      id: `o${i}`,
      carrierId: `c${i % 12}`,
      receiverId: twoShops.receivers[i % 3]!.id,
      kind: 'delivery',
      size: { kg: 0.1, m3: 0.0005, units: 1 },
    }));
    const day = scenarioSchema.parse({
      ...twoShops,
      carriers,
      orders,
      fleet: [{ ...twoShops.fleet[0]!, count: 4 }],
      options: { ...twoShops.options, effort: 'quick' },
    });
    const plan = planScenario(day);
    expect(plan.meta.allocationMethod).toMatch(/^pro-rata-by-kg: /);
    expect(plan.allocation.map((r) => r.method)).toEqual(Array(12).fill('pro-rata-by-kg'));
    expect(plan.meta.warnings).toContainEqual(
      expect.stringMatching(/^cost shares are pro rata by kg, not Shapley/),
    );
  });
});
