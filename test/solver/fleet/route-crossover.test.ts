import { describe, expect, it } from 'vitest';
import { crossRoutes } from '../../../src/solver/fleet/route-crossover.ts';
import type { PenaltyWeights } from '../../../src/solver/fleet/penalty-weights.ts';
import { Rng } from '../../../src/solver/rng.ts';
import { randomState } from './replay-oracle.ts';

const W: PenaltyWeights = { warp: 3, load: 2 };

describe('route crossover', () => {
  it('keeps the number of routes and routes every customer exactly once, deterministically', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { st: a, rng } = randomState(seed);
      const { st: b } = randomState(seed + 100);
      // both parents over the same model: b's routes are a's customers dealt again
      const order = rng.shuffle(Array.from({ length: a.model.n }, (_, k) => k + 1));
      const bSeqs = b.seqs.map((_, r) => [0, ...order.filter((_, i) => i % b.count === r), 0]);
      const child = crossRoutes(a.model, a.seqs, bSeqs, W, new Rng(seed));
      const again = crossRoutes(a.model, a.seqs, bSeqs, W, new Rng(seed));
      expect(child.count).toBe(a.count);
      const seen = child.seqs.flatMap((s) => s.slice(1, -1)).sort((x, y) => x - y);
      expect(seen).toEqual(Array.from({ length: a.model.n }, (_, k) => k + 1));
      for (const s of child.seqs) expect([s[0], s[s.length - 1]]).toEqual([0, 0]);
      expect(again.seqs).toEqual(child.seqs);
    }
  });
});
