import { describe, expect, it } from 'vitest';
import { childParts, crossRoutes } from '../../../src/solver/fleet/route-crossover.ts';
import type { PenaltyWeights } from '../../../src/solver/fleet/penalty-weights.ts';
import { Rng } from '../../../src/solver/rng.ts';
import { ScriptedRng } from '../scripted-rng.ts';
import { randomState } from './replay-oracle.ts';

const W: PenaltyWeights = { warp: 3, load: 2 };

/** Route of b by a customer's place in the shuffled order: uneven sizes, so "fullest first" is an order. */
const BUCKET = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4];

/** Two parents over one model: a's five routes, and b's = a's customers dealt again into five of uneven size. */
function parents(seed: number) {
  const { p, st: a, rng } = randomState(seed);
  const order = rng.shuffle(Array.from({ length: a.model.n }, (_, k) => k + 1));
  const b = a.seqs.map((_, r) => [0, ...order.filter((_, i) => BUCKET[i % BUCKET.length] === r), 0]);
  return { p, model: a.model, a: a.seqs.map((s) => s.slice()), b };
}

/** Euclidean distance of the problem's locations of customers (node = job + 1), as the oracle sees them. */
const near = (p: ReturnType<typeof parents>['p'], x: number, y: number): number =>
  p.travel.distance(p.jobs[x - 1]!.location, p.jobs[y - 1]!.location);

/** rng.int(lo, hi) draws next() and returns lo + floor(next * (hi - lo + 1)): the draw that gives v. */
const drawFor = (v: number, lo: number, hi: number): number => (v - lo + 0.5) / (hi - lo + 1);

describe("route crossover: the parents' parts", () => {
  it("keeps the routes of a nearest the drawn customer, fills up with the fullest of b's remainders, lists the rest", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { p, model, a, b } = parents(seed);
      const n = model.n;
      for (const [customer, keep] of [
        [1 + (seed % n), 1],
        [7, 2],
        [n, a.length - 1],
      ] as const) {
        const rng = new ScriptedRng([drawFor(customer, 1, n), drawFor(keep, 1, a.length - 1)]);
        const { routes, missing } = childParts(model, a, b, rng);
        expect(rng.taken).toHaveLength(2);
        // a's routes by their customer nearest the drawn one (travel cost per unit is the same for all arcs here)
        const byNearness = a
          .map((seq) => ({
            seq,
            d: Math.min(...seq.filter((k) => k !== 0).map((k) => near(p, customer, k))),
          }))
          .sort((x, y) => x.d - y.d)
          .map((x) => x.seq);
        expect(routes.slice(0, keep)).toEqual(byNearness.slice(0, keep));
        const kept = new Set(routes.slice(0, keep).flat());
        const remainders = b.map((seq) => seq.filter((k) => k === 0 || !kept.has(k)));
        const fullest = [...remainders].sort((x, y) => y.length - x.length);
        expect(routes).toHaveLength(a.length);
        expect(routes.slice(keep)).toEqual(fullest.slice(0, a.length - keep));
        expect(missing.sort((x, y) => x - y)).toEqual(
          fullest
            .slice(a.length - keep)
            .flat()
            .filter((k) => k !== 0)
            .sort((x, y) => x - y),
        );
        // every customer once, in a route or among the missing
        const all = [...routes.flat().filter((k) => k !== 0), ...missing].sort((x, y) => x - y);
        expect(all).toEqual(Array.from({ length: n }, (_, k) => k + 1));
      }
    }
  });

  it('copies the kept routes: changing the child leaves the parent alone', () => {
    const { model, a, b } = parents(2);
    const before = a.map((s) => s.slice());
    const { routes } = childParts(model, a, b, new ScriptedRng([0.5, 0.99]));
    for (const r of routes) r.splice(1, r.length - 2);
    expect(a).toEqual(before);
  });
});

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
