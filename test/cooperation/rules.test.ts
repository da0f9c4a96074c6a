import { describe, expect, it } from 'vitest';
import { costTable } from '../../src/cooperation/cost-game.ts';
import { proportional } from '../../src/cooperation/proportional.ts';
import { scrb, scrbEur } from '../../src/cooperation/scrb.ts';
import { shapleyEur } from '../../src/cooperation/shapley.ts';
import { allocationCore, allocationRows, rowsFromCosts } from '../../src/cooperation/allocation-rows.ts';
import { coreCheck } from '../../src/cooperation/core-check.ts';
import { leastCore, leastCoreValueEur } from '../../src/cooperation/nucleolus.ts';
import { allocate } from '../../src/cooperation/allocate.ts';
import { shapley } from '../../src/cooperation/shapley.ts';
import { airport, emptyCore, randomGame } from './games.ts';

describe('proportional to stand-alone cost', () => {
  it('splits c(N) by c({i}) to the cent', () => {
    // stand-alone 30, 60, 120 (sum 210), c(N) = 120: 120 x 30/210 = 17.142857.. etc.
    expect(proportional(airport).sharesCents).toEqual([1714, 3429, 6857]);
  });

  it('splits equally when every weight is zero, and rejects bad weights naming the field', () => {
    expect(proportional(costTable(2, [0, 0, 0, 9]), [0, 0]).sharesCents).toEqual([450, 450]);
    expect(() => proportional(airport, [1, 2])).toThrow(/weights/);
    expect(() => proportional(airport, [1, Number.NaN, 2])).toThrow(/weights/);
  });
});

describe('SCRB (separable costs, remaining benefits)', () => {
  it('matches the airport game by hand', () => {
    // separable s = (120 - 120, 120 - 120, 120 - 60) = (0, 0, 60); remaining r = (30, 60, 60) (sum 150);
    // non-separable 120 - 60 = 60, split 30:60:60 -> x = (12, 24, 60 + 24) = (12, 24, 84)
    expect(scrb(airport).sharesCents).toEqual([1200, 2400, 8400]);
  });

  it('equals the Shapley value (split the savings equally) for two players', () => {
    // A known coincidence for n = 2 (Tijs & Driessen 1986): both give x_i = c({i}) - (c1 + c2 - c12) / 2.
    for (const seed of [1, 2, 3]) {
      const g = randomGame(2, seed);
      const [a, b] = [scrbEur(g), shapleyEur(g)];
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));
    }
  });

  it('is efficient to the cent on awkward games', () => {
    for (const seed of [4, 5]) {
      const g = randomGame(8, seed);
      const x = scrb(g);
      expect(x.sharesCents.reduce((p, q) => p + q, 0)).toBe(Math.round((g.costsEur[255] as number) * 100));
    }
  });
});

describe('allocation rows', () => {
  it('reports stand-alone, marginal, allocated cost and saving per carrier', () => {
    const rows = allocationRows(airport, scrb(airport), ['a', 'b', 'c']);
    expect(rows).toEqual([
      { carrierId: 'a', standaloneCost: 30, marginalCost: 0, allocatedCost: 12, saving: 18, method: 'scrb' },
      { carrierId: 'b', standaloneCost: 60, marginalCost: 0, allocatedCost: 24, saving: 36, method: 'scrb' },
      {
        carrierId: 'c',
        standaloneCost: 120,
        marginalCost: 60,
        allocatedCost: 84,
        saving: 36,
        method: 'scrb',
      },
    ]);
    expect(() => allocationRows(airport, scrb(airport), ['a'])).toThrow(/carrier id/);
    // the same rows from the 2n + 1 costs alone (games above 12 players)
    expect(
      rowsFromCosts(
        { totalEur: 120, standaloneEur: [30, 60, 120], withoutEur: [120, 120, 60] },
        scrb(airport),
        ['a', 'b', 'c'],
      ),
    ).toEqual(allocationRows(airport, scrb(airport), ['a', 'b', 'c']));
  });

  it('keeps saving = standalone - allocated exact in cents with float costs', () => {
    const g = costTable(2, [0, 0.1 + 0.2, 0.7, 0.9]);
    const rows = allocationRows(g, proportional(g), ['x', 'y']);
    for (const r of rows)
      expect(Math.round(r.saving * 100)).toBe(
        Math.round(r.standaloneCost * 100) - Math.round(r.allocatedCost * 100),
      );
    expect(rows.map((r) => Math.round(r.allocatedCost * 100)).reduce((a, b) => a + b, 0)).toBe(90);
  });
});

describe('allocate (rule, then the fallbacks of issue 9)', () => {
  it('keeps the rule when the core is non-empty and everyone is at or below stand-alone', () => {
    const chosen = allocate(airport, 'shapley');
    expect(chosen.fallback).toBeUndefined();
    expect(chosen.allocation.sharesCents).toEqual([1000, 2500, 8500]);
    expect(chosen.core.inCore).toBe(true);
  });

  it('falls back to the least core when the core is empty, and says so', () => {
    const chosen = allocate(emptyCore, 'proportional');
    expect(chosen.coreEmpty).toBe(true);
    expect(chosen.allocation.method).toBe('least-core');
    expect(chosen.fallback).toMatch(/core is empty.*6\.67 EUR.*instead of proportional/);
    expect(chosen.core.inCore).toBe(false);
  });

  it('falls back to the nucleolus when the rule charges someone above stand-alone', () => {
    // player 2 pairs badly (c({0, 2}) = c({1, 2}) = 40 > 10 + 10) but the core is the one point (10, 10, 10);
    // Shapley charges player 2: 10/3 + 30/6 + 30/6 + 10/3 = 16.67 > 10.
    const game = costTable(3, [0, 10, 10, 20, 10, 40, 40, 30]);
    expect(shapley(game).sharesCents).toEqual([667, 667, 1666]); // tied remainders: the cents go to 0 and 1
    const chosen = allocate(game, 'shapley');
    expect(chosen.fallback).toMatch(/shapley charges player 2 more than its stand-alone cost/);
    expect(chosen.allocation.method).toBe('nucleolus');
    expect(chosen.allocation.sharesCents).toEqual([1000, 1000, 1000]);
    expect(chosen.core.inCore).toBe(true);
  });
});

describe('least-core value and the plan-facing core row', () => {
  it('gives the same least-core value from one LP as from the full sequence', () => {
    for (const g of [airport, emptyCore, randomGame(6, 31), randomGame(9, 32)])
      expect(leastCoreValueEur(g)).toBeCloseTo(leastCore(g).epsilonEur, 5);
    expect(leastCoreValueEur(emptyCore)).toBeCloseTo(20 / 3, 6);
  });

  it('names the coalition of the core check by carrier ids', () => {
    const check = coreCheck(emptyCore, shapley(emptyCore));
    const row = allocationCore(check, ['north', 'south', 'east']);
    expect(row.coalition).toEqual(check.coalition.map((i) => ['north', 'south', 'east'][i]));
    expect(row).toMatchObject({ exact: true, inCore: false, maxExcessEur: check.maxExcessEur });
    expect(() => allocationCore(check, [])).toThrow(/no carrier id/);
  });
});
