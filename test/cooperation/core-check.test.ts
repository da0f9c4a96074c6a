import { describe, expect, it } from 'vitest';
import { grandCoalition } from '../../src/cooperation/cost-game.ts';
import { coreCheck, sampledCoreCheck } from '../../src/cooperation/core-check.ts';
import { roundShares } from '../../src/cooperation/allocation.ts';
import { proportional } from '../../src/cooperation/proportional.ts';
import { shapley } from '../../src/cooperation/shapley.ts';
import { airport, emptyCore, heavyNear, heavyNearKg, randomGame } from './games.ts';

describe('core check', () => {
  it('finds the largest excess and its coalition', () => {
    // pro-rata by kg charges carrier 0 94.50 against 10 alone: excess 84.50 on {0}
    expect(coreCheck(heavyNear, proportional(heavyNear, heavyNearKg))).toEqual({
      exact: true,
      maxExcessEur: 84.5,
      coalition: [0],
      inCore: false,
    });
    // Shapley (7.50, 97.50): largest excess is -2.50 on {0} and on {1} alike; the first in coalition order is reported
    expect(coreCheck(heavyNear, shapley(heavyNear))).toEqual({
      exact: true,
      maxExcessEur: -2.5,
      coalition: [0],
      inCore: true,
    });
  });

  it('agrees with a brute-force maximum over all coalitions', () => {
    for (const seed of [11, 12, 13]) {
      const g = randomGame(7, seed);
      const x = shapley(g);
      let best = -Infinity;
      for (let s = 1; s < grandCoalition(7); s++) {
        let paid = 0;
        for (let i = 0; i < 7; i++) if ((s >> i) & 1) paid += x.sharesCents[i]!;
        best = Math.max(best, paid / 100 - (g.costsEur[s] as number));
      }
      const check = coreCheck(g, x);
      expect(check.maxExcessEur).toBeCloseTo(best, 2);
      const excessOfReported =
        check.coalition.reduce((a, i) => a + x.sharesCents[i]!, 0) / 100 -
        (g.costsEur[check.coalition.reduce((s, i) => s | (1 << i), 0)] as number);
      expect(excessOfReported).toBeCloseTo(best, 9);
    }
  });

  it('reports the empty core of the 3-carrier game whatever the allocation', () => {
    const check = coreCheck(emptyCore, shapley(emptyCore));
    expect(check.inCore).toBe(false);
    expect(check.maxExcessEur).toBeGreaterThanOrEqual(6.66);
  });

  it('tolerates one cent of rounding per player at the boundary, not more', () => {
    // airport core boundary point (30, 30, 60): e({0}) = 0. One cent over on player 0 is tolerated (n = 3 cents);
    // four cents is not.
    expect(coreCheck(airport, roundShares('shapley', 120, [30.01, 29.99, 60])).inCore).toBe(true);
    expect(coreCheck(airport, roundShares('shapley', 120, [30.04, 29.96, 60])).inCore).toBe(false);
  });

  it('checks only the sampled coalitions when told, and says so', () => {
    const x = proportional(heavyNear, heavyNearKg);
    const sampled = sampledCoreCheck(
      [
        { members: [1], costEur: 100 },
        { members: [0, 1], costEur: 105 },
      ],
      x,
    );
    expect(sampled).toEqual({ exact: false, maxExcessEur: -89.5, coalition: [1], inCore: true });
  });
});
