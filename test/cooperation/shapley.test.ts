import { describe, expect, it } from 'vitest';
import {
  costTable,
  gameFromFunction,
  grandCoalition,
  type CostTable,
} from '../../src/cooperation/cost-game.ts';
import { shapley, shapleyEur } from '../../src/cooperation/shapley.ts';
import { airport, glove, heavyNear, heavyNearKg, randomGame } from './games.ts';
import { proportional } from '../../src/cooperation/proportional.ts';

/** Independent oracle: the average marginal cost over all n! orders, enumerated (Shapley's definition). */
function shapleyByOrders(table: CostTable): number[] {
  const n = table.players;
  const phi = new Array<number>(n).fill(0);
  let orders = 0;
  const permute = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) {
      orders++;
      let s = 0;
      for (const i of prefix) {
        phi[i]! += (table.costsEur[s | (1 << i)] as number) - (table.costsEur[s] as number);
        s |= 1 << i;
      }
      return;
    }
    rest.forEach((i, k) => permute([...prefix, i], [...rest.slice(0, k), ...rest.slice(k + 1)]));
  };
  permute(
    [],
    Array.from({ length: n }, (_, i) => i),
  );
  return phi.map((p) => p / orders);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('exact Shapley value', () => {
  it('matches the airport game (Littlechild & Owen 1973) and the glove game', () => {
    expect(shapley(airport).sharesCents).toEqual([1000, 2500, 8500]);
    expect(shapley(glove).sharesCents).toEqual([2000, 5000, 5000]);
  });

  it('agrees with the average over all n! orders on random games up to 6 players', () => {
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const game = randomGame(n, 100 + n);
      const exact = shapleyEur(game);
      shapleyByOrders(game).forEach((v, i) => expect(exact[i]).toBeCloseTo(v, 9));
    }
  });

  it('is efficient to the cent, with awkward float costs', () => {
    for (const seed of [1, 2, 3]) {
      const game = randomGame(7, seed);
      const a = shapley(game);
      expect(sum(a.sharesCents)).toBe(Math.round((game.costsEur[grandCoalition(7)] as number) * 100));
      expect(a.totalCents).toBe(Math.round((game.costsEur[grandCoalition(7)] as number) * 100));
      // each share within a cent of the exact value
      shapleyEur(game).forEach((v, i) => expect(Math.abs(a.sharesCents[i]! - v * 100)).toBeLessThan(1));
    }
  });

  it('treats symmetric players alike', () => {
    // players 1 and 2 interchangeable: c depends on whether 0 is in S and on how many of {1, 2} are
    const game = gameFromFunction(
      4,
      (m) =>
        (m.includes(0) ? 50 : 0) +
        30 * Math.sqrt(m.filter((i) => i === 1 || i === 2).length) +
        (m.includes(3) ? 17 : 0),
    );
    const phi = shapleyEur(game);
    expect(phi[1]).toBeCloseTo(phi[2]!, 12);
  });

  it('charges a dummy player its stand-alone cost (zero for a null player)', () => {
    // player 3 adds exactly 13 to every coalition
    const base = randomGame(3, 9);
    const game = gameFromFunction(4, (m) => {
      const others = m.filter((i) => i < 3).reduce((s, i) => s | (1 << i), 0);
      return (base.costsEur[others] as number) + (m.includes(3) ? 13 : 0);
    });
    expect(shapleyEur(game)[3]).toBeCloseTo(13, 12);
    expect(shapley(game).sharesCents[3]).toBe(1300);
  });

  it('is additive: phi(c + d) = phi(c) + phi(d)', () => {
    const c = randomGame(5, 21);
    const d = randomGame(5, 22);
    const both = costTable(
      5,
      Array.from(c.costsEur, (x, s) => x + (d.costsEur[s] as number)),
    );
    const [pc, pd, pb] = [shapleyEur(c), shapleyEur(d), shapleyEur(both)];
    pb.forEach((v, i) => expect(v).toBeCloseTo(pc[i]! + pd[i]!, 9));
  });

  it('keeps every carrier at or below its stand-alone cost where pro-rata by kg does not', () => {
    expect(proportional(heavyNear, heavyNearKg).sharesCents).toEqual([9450, 1050]); // carrier 0: 94.50 > 10
    const s = shapley(heavyNear).sharesCents;
    expect(s).toEqual([750, 9750]);
    expect(s[0]).toBeLessThanOrEqual(1000);
    expect(s[1]).toBeLessThanOrEqual(10000);
  });
});
