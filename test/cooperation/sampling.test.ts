import { describe, expect, it } from 'vitest';
import { membersOf } from '../../src/cooperation/cost-game.ts';
import { sampledShapley } from '../../src/cooperation/shapley-sampling.ts';
import { shapleyEur } from '../../src/cooperation/shapley.ts';
import { Rng } from '../../src/solver/rng.ts';
import { randomGame } from './games.ts';

const game = randomGame(6, 606);
const costOf = (members: readonly number[]): number =>
  game.costsEur[members.reduce((s, i) => s | (1 << i), 0)] as number;
const seeded = (seed: number): (() => number) => {
  const rng = new Rng(seed);
  return () => rng.next();
};

describe('Shapley value by permutation sampling', () => {
  it('converges to the exact value within its stated standard error (6 players)', () => {
    const exact = shapleyEur(game);
    const est = sampledShapley(6, costOf, {
      random: seeded(1),
      toleranceEur: 0.25,
      maxPermutations: 100_000,
    });
    expect(est.stoppedBy).toBe('tolerance');
    expect(Math.max(...est.standardErrorEur)).toBeLessThanOrEqual(0.25);
    // each player within 3 standard errors (a 0.3 % event per player for a normal mean: fixed seed, so not flaky)
    est.meanEur.forEach((m, i) =>
      expect(Math.abs(m - exact[i]!)).toBeLessThanOrEqual(3 * est.standardErrorEur[i]!),
    );
  });

  it('is efficient to the cent whatever the sample', () => {
    const est = sampledShapley(6, costOf, {
      random: seeded(2),
      toleranceEur: 1e-9,
      minPermutations: 5,
      maxPermutations: 7,
    });
    expect(est.stoppedBy).toBe('cap');
    expect(est.permutations).toBe(7);
    expect(est.allocation.sharesCents.reduce((a, b) => a + b, 0)).toBe(
      Math.round(costOf([0, 1, 2, 3, 4, 5]) * 100),
    );
    expect(est.allocation.method).toBe('shapley-sampled');
  });

  it('is reproducible for a seed and prices each coalition once', () => {
    const calls = new Map<string, number>();
    const counting = (m: readonly number[]): number => {
      calls.set(m.join(','), (calls.get(m.join(',')) ?? 0) + 1);
      return costOf(m);
    };
    const a = sampledShapley(6, counting, { random: seeded(3), toleranceEur: 0.5, maxPermutations: 2000 });
    const b = sampledShapley(6, costOf, { random: seeded(3), toleranceEur: 0.5, maxPermutations: 2000 });
    expect(a).toEqual(b);
    expect(Math.max(...calls.values())).toBe(1);
    expect(a.sampledCoalitions.length).toBe(calls.size);
    for (const c of a.sampledCoalitions) expect(c.costEur).toBe(costOf(c.members));
  });

  it('estimates exactly when every order gives the same marginals (additive game)', () => {
    const est = sampledShapley(20, (m) => m.reduce((s, i) => s + i + 1, 0), {
      random: seeded(4),
      toleranceEur: 0.01,
      maxPermutations: 100,
    });
    expect(est.permutations).toBe(30); // minPermutations, then SE = 0
    expect(est.allocation.sharesCents).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 100));
  });

  it('rejects options out of range, naming them', () => {
    const ok = { random: seeded(5), toleranceEur: 0.1, maxPermutations: 100 };
    expect(() => sampledShapley(0, costOf, ok)).toThrow(/players/);
    expect(() => sampledShapley(6, costOf, { ...ok, toleranceEur: 0 })).toThrow(/toleranceEur/);
    expect(() => sampledShapley(6, costOf, { ...ok, maxPermutations: 10 })).toThrow(/maxPermutations/);
    expect(() => sampledShapley(6, costOf, { ...ok, minPermutations: 1 })).toThrow(/minPermutations/);
    expect(() => sampledShapley(6, () => Number.NaN, ok)).toThrow(/finite/);
  });

  it('keeps membersOf and the sampled coalitions consistent (ascending members)', () => {
    const est = sampledShapley(6, costOf, { random: seeded(6), toleranceEur: 1, maxPermutations: 50 });
    for (const c of est.sampledCoalitions)
      expect(c.members).toEqual(membersOf(c.members.reduce((s, i) => s | (1 << i), 0)));
  });
});
