import { describe, expect, it } from 'vitest';
import type { City } from '../../src/domain/city.ts';
import { allocateCosts, type CostAllocation } from '../../src/planner/cost-allocation.ts';
import type { GrandPlanParts } from '../../src/planner/coalition-pricing.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';

// allocateCosts on hand-made games (docs/model/cooperation.md): the price function stands for the coalition
// pricer, so every c(S) is known and each share, marginal cost, excess and text can be worked out by hand.

/** Only the carriers' ids and the seed are read. */
const cityOf = (ids: readonly string[], seed = 3) =>
  ({ carriers: ids.map((id) => ({ id })), seed }) as unknown as City;

const partsOf = (standaloneEur: readonly number[], grandEur: number): GrandPlanParts => ({
  standaloneEur,
  residualEur: standaloneEur.map(() => 0),
  grandEur,
  pooled: [],
});

const GAME_TEXT =
  ' of a cost game whose c(S) is the cost of coalition S pooling its orders, the others absent (pooled runs ' +
  "warm-started from the plan, its own trunk, the hubs it uses, its members' own rounds for unpooled orders), " +
  "never above its members' stand-alone costs; c(N) is the plan's cost (docs/model/cooperation.md)";

describe('an exact game of two carriers', () => {
  // c({A}) = 100.004, c({B}) = 60.002, c(N) = 130 (the plan's cost, from the parts, never priced); the stand-alone
  // costs of the rows come from the parts (110 and 70), not from the game's singletons.
  const singles: Record<string, number> = { '0': 100.004, '1': 60.002 };
  const asked: string[] = [];
  const price = (members: readonly number[]): number => {
    asked.push(members.join(','));
    const cost = singles[members.join(',')];
    if (cost === undefined) throw new Error(`priced [${members}]`);
    return cost;
  };
  let shares: CostAllocation;
  // allocated in the tests' run, not while the file is collected, so that a mutant is active when it runs
  beforeAllOrFail(() => {
    shares = allocateCosts(cityOf(['A', 'B']), 'shapley', partsOf([110, 70], 130), price);
  });

  it('prices each singleton once and takes c(N) from the plan', () => {
    expect(asked).toEqual(['0', '1']);
  });

  it('shares by Shapley: half of each carrier alone, half of what it adds to the other', () => {
    // phi_A = (100.004 + (130 - 60.002)) / 2 = 85.001, phi_B = (60.002 + (130 - 100.004)) / 2 = 44.999
    expect(shares.rows).toEqual([
      // marginal costs in cents: c(N) - c({B}) = 13000 - 6000, c(N) - c({A}) = 13000 - 10000
      {
        carrierId: 'A',
        standaloneCost: 110,
        marginalCost: 70,
        allocatedCost: 85,
        saving: 25,
        method: 'shapley',
      },
      {
        carrierId: 'B',
        standaloneCost: 70,
        marginalCost: 30,
        allocatedCost: 45,
        saving: 25,
        method: 'shapley',
      },
    ]);
    expect(shares.warnings).toEqual([]);
    expect(shares.method).toBe('shapley: the Shapley value (exact, every coalition priced)' + GAME_TEXT);
  });

  it('lists every coalition with its cost to the cent, and checks the core on them', () => {
    expect(shares.game).toEqual({
      carrierIds: ['A', 'B'],
      exact: true,
      coalitions: [
        { members: [0], costEur: 100 }, // 100.004 to the cent
        { members: [1], costEur: 60 },
        { members: [0, 1], costEur: 130 },
      ],
    });
    // excesses: A 85 - 100.004 = -15.004, B 45 - 60.002 = -15.002 (the largest, in cents rounded: -15.00);
    // least core: x_A - 100.004 = x_B - 60.002 = t, x_A + x_B = 130 -> t = (130 - 160.006) / 2 = -15.003
    expect(shares.core).toStrictEqual({
      rule: 'shapley',
      exact: true,
      maxExcessEur: -15,
      coalition: ['B'],
      inCore: true,
      coreEmpty: false,
      leastCoreEpsilonEur: -15,
    });
  });

  it('takes a coalition already priced from `known` instead of pricing it', () => {
    asked.length = 0;
    // c({A}) = 90 known: phi_A = (90 + 130 - 60.002) / 2 = 79.999, phi_B = (60.002 + 130 - 90) / 2 = 50.001
    const known = allocateCosts(
      cityOf(['A', 'B']),
      'shapley',
      partsOf([110, 70], 130),
      price,
      new Map([[1, 90]]),
    );
    expect(asked).toEqual(['1']);
    expect(known.rows.map((r) => [r.allocatedCost, r.marginalCost])).toEqual([
      [80, 70],
      [50, 40], // 130 - 90
    ]);
    expect(known.game.coalitions[0]).toEqual({ members: [0], costEur: 90 });
  });

  it('uses the rule asked for and says which, in words', () => {
    const texts: Record<string, string> = {
      proportional: 'shares in proportion to stand-alone costs',
      scrb: 'separable costs, remaining benefits (SCRB)',
      nucleolus: 'the nucleolus',
    };
    for (const rule of ['proportional', 'scrb', 'nucleolus'] as const) {
      const other = allocateCosts(cityOf(['A', 'B']), rule, partsOf([110, 70], 130), price);
      expect(other.core.rule).toBe(rule);
      expect(other.rows.map((r) => r.method)).toEqual([rule, rule]);
      expect(other.method).toBe(`${rule}: ${texts[rule]}${GAME_TEXT}`);
    }
    // proportional: 130 * 100.004 / 160.006 = 81.2494..., 130 * 60.002 / 160.006 = 48.7506...
    const proportional = allocateCosts(cityOf(['A', 'B']), 'proportional', partsOf([110, 70], 130), price);
    expect(proportional.rows.map((r) => r.allocatedCost)).toEqual([81.25, 48.75]);
  });
});

describe('an exact game whose core is empty', () => {
  // three carriers, 10 EUR alone or in any pair, 18 EUR together: every pair would pay 12 of an even split,
  // 2 above its own 10, and no split does better (x_i + x_j <= 10 for every pair means x(N) <= 15 < 18)
  const price = (members: readonly number[]): number => (members.length <= 2 ? 10 : NaN);
  let shares: CostAllocation;
  beforeAllOrFail(() => {
    shares = allocateCosts(cityOf(['A', 'B', 'C']), 'shapley', partsOf([10, 10, 10], 18), price);
  });
  const fallback =
    'the core is empty (some coalition pays at least 2.00 EUR above its own cost under any split): ' +
    'least-core allocation instead of shapley';

  it('falls back to the least core, and says so in the plan and in its warnings', () => {
    expect(shares.rows.map((r) => [r.allocatedCost, r.saving, r.method])).toEqual([
      [6, 4, 'least-core'],
      [6, 4, 'least-core'],
      [6, 4, 'least-core'],
    ]);
    expect(shares.core).toEqual({
      rule: 'shapley',
      exact: true,
      maxExcessEur: 2, // 6 + 6 - 10, first attained by {A, B} in coalition order
      coalition: ['A', 'B'],
      inCore: false,
      coreEmpty: true,
      leastCoreEpsilonEur: 2,
      fallback,
    });
    expect(shares.warnings).toEqual([`cost allocation: ${fallback}`]);
    expect(shares.method).toBe('least-core: the least core (the core is empty)' + GAME_TEXT);
    expect(shares.game.coalitions.map((c) => c.costEur)).toEqual([10, 10, 10, 10, 10, 10, 18]);
  });
});

describe('a game of thirteen carriers, sampled', () => {
  // c(S) = 100 |S| - k max(0, |S \ {c0}| - 1): each carrier costs 100 alone; c0 always adds 100, any other
  // carrier saves k when it joins one of c1..c12. So c0's marginal cost is always 100 (standard error 0); another
  // carrier's is 100 when it comes before the others of c1..c12 in an order, 100 - k otherwise. Over m orders,
  // one first among them in j orders has the standard error k sqrt(j (m - j) / (m (m - 1))) / sqrt(m). The
  // tolerance is 1 % of the mean stand-alone cost: 0.01 * 100 = 1 EUR.
  const ids = Array.from({ length: 13 }, (_, i) => `c${i}`);
  const game = (k: number, rule: 'shapley' | 'nucleolus' = 'shapley') => {
    const priced: number[][] = [];
    const shares = allocateCosts(
      cityOf(ids),
      rule,
      partsOf(
        ids.map(() => 100),
        1300 - 11 * k,
      ),
      (members) => {
        if (members.length === 13) throw new Error('c(N) is the plan’s');
        priced.push([...members]);
        const others = members.filter((i) => i !== 0).length;
        return 100 * members.length - k * Math.max(0, others - 1);
      },
    );
    return { shares, priced };
  };

  it('stops at the minimum of 30 orders when every standard error is within 1 EUR', () => {
    // k = 10, m = 30: at most 10 * sqrt(15 * 15 / (30 * 29)) / sqrt(30) = 0.93 EUR, whatever the sample
    const { shares } = game(10);
    expect(shares.game.permutations).toBe(30);
    expect(shares.warnings).toEqual([
      `cost allocation: 13 carriers are more than 12, so the Shapley value is estimated from 30 random orders ` +
        `of the carriers (largest standard error ${shares.game.maxStandardErrorEur} EUR) and the core is checked ` +
        `on the ${shares.game.coalitions.length} coalitions priced`,
    ]);
    expect(shares.game.exact).toBe(false);
    expect(shares.core.exact).toBe(false);
    expect(shares.core.rule).toBe('shapley');
    expect(shares.method).toBe(
      'shapley-sampled: the Shapley value estimated by sampling orders of the carriers (Castro et al. 2009)' +
        GAME_TEXT,
    );
  });

  it('samples up to 100 orders while a standard error stays above 1 EUR, and says how it estimated', () => {
    // k = 100: some carrier of c1..c12 comes first among them at least once (j >= 1), so its error is at least
    // 100 sqrt((m - 1) / (m (m - 1))) / sqrt(m) = 100 / m > 1 for every m < 100: the cap stops it;
    // the largest error at m = 100 is at most 100 sqrt(50 * 50 / (100 * 99)) / 10 = 5.03 (c0's is 0)
    const { shares } = game(100, 'nucleolus');
    const se = shares.game.maxStandardErrorEur!;
    expect(shares.game.permutations).toBe(100);
    expect(se).toBeGreaterThanOrEqual(1);
    expect(se).toBeLessThanOrEqual(5.03);
    expect(Math.abs(se * 100 - Math.round(se * 100))).toBeLessThan(1e-6); // to the cent
    expect(shares.warnings).toEqual([
      `cost allocation: 13 carriers are more than 12, so the Shapley value is estimated from 100 random orders ` +
        `of the carriers (largest standard error ${se} EUR) and the core is checked on the ` +
        `${shares.game.coalitions.length} coalitions priced; nucleolus needs every coalition and was not applied`,
    ]);
    expect(shares.core.rule).toBe('nucleolus');
    expect(shares.rows.every((r) => r.method === 'shapley-sampled')).toBe(true);
  });

  it('lists each coalition priced once, c(N \\ {i}) of every carrier among them, and the marginal costs follow', () => {
    const { shares, priced } = game(10);
    const keys = shares.game.coalitions.map((c) => c.members.join(','));
    expect(new Set(keys).size).toBe(keys.length);
    // every coalition the price function saw is listed, and only those (plus c(N), from the plan)
    expect(keys.filter((k) => k.split(',').length < 13).sort()).toEqual(
      priced.map((m) => m.join(',')).sort(),
    );
    for (const c of shares.game.coalitions) {
      const others = c.members.filter((i) => i !== 0).length;
      expect(c.costEur, `[${c.members}]`).toBe(100 * c.members.length - 10 * Math.max(0, others - 1));
    }
    shares.rows.forEach((row, i) => {
      expect(keys).toContain(ids.flatMap((_, j) => (j === i ? [] : [j])).join(','));
      // c(N) - c(N \ {i}): c0 (1300 - 110) - (1200 - 110) = 100; the others (1300 - 110) - (1200 - 100) = 90
      expect(row.marginalCost).toBe(i === 0 ? 100 : 90);
      expect(row.standaloneCost).toBe(100);
    });
    // every order charges c0 100, the first of c1..c12 100 and the 11 others 90: the shares add up to
    // c(N) = 1190, c0's is 100, the others' between 90 and 100
    expect(shares.rows.reduce((s, r) => s + Math.round(r.allocatedCost * 100), 0)).toBe(119_000);
    expect(shares.rows[0]?.allocatedCost).toBe(100);
    for (const r of shares.rows) {
      expect(r.allocatedCost).toBeGreaterThanOrEqual(90);
      expect(r.allocatedCost).toBeLessThanOrEqual(100);
    }
  });

  it('prices the c(N \\ {i}) no sampled order passed through, and checks the core on what was priced', () => {
    // an additive game (k = 0): every error is 0, sampling stops at 30 orders, and some of the 13 carriers is
    // last in none of them; every share is the carrier's own 100, every excess 0
    const { shares } = game(0);
    expect(shares.game.permutations).toBe(30);
    expect(shares.game.maxStandardErrorEur).toBe(0);
    expect(shares.rows.every((r) => r.allocatedCost === 100 && r.marginalCost === 100)).toBe(true);
    expect(shares.core).toMatchObject({ exact: false, maxExcessEur: 0, inCore: true });
    const keys = new Set(shares.game.coalitions.map((c) => c.members.join(',')));
    for (const [i] of ids.entries())
      expect(keys.has(ids.flatMap((_, j) => (j === i ? [] : [j])).join(','))).toBe(true);
  });
});

/** An additive game of `players` carriers c0, c1, ... paying `eurEach` each, alone or together (Shapley rule). */
function additive(players: number, eurEach: number) {
  const ids = Array.from({ length: players }, (_, i) => `c${i}`);
  const total = eurEach * players;
  return allocateCosts(
    cityOf(ids),
    'shapley',
    partsOf(
      ids.map(() => eurEach),
      total,
    ),
    (members) => eurEach * members.length,
  );
}

describe('the largest exact game', () => {
  it('prices all 4,095 coalitions of twelve carriers', () => {
    // each pays its own 50 and saves nothing
    const shares = additive(12, 50);
    expect(shares.game.exact).toBe(true);
    expect(shares.game.coalitions).toHaveLength(4095);
    expect(shares.rows.every((r) => r.allocatedCost === 50 && r.method === 'shapley')).toBe(true);
  });
});

describe('rounding of the sampled coalitions', () => {
  it('prints each coalition cost to the cent', () => {
    // 10.004 per carrier: a singleton prints 10, a pair 20.01 (20.008), c(N) 130.05 (13 * 10.004 = 130.052)
    const shares = additive(13, 10.004);
    for (const c of shares.game.coalitions)
      expect(c.costEur, `[${c.members}]`).toBe(Math.round(1000.4 * c.members.length) / 100);
    expect(shares.game.coalitions.find((c) => c.members.length === 1)?.costEur).toBe(10);
  });
});
