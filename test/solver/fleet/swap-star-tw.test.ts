import { describe, expect, it } from 'vitest';
import { FleetState } from '../../../src/solver/fleet/fleet-state.ts';
import { penalisedRouteCost, swapStar } from '../../../src/solver/fleet/swap-star-tw.ts';
import { replaced } from '../../../src/solver/search/operators/swap-star.ts';
import { randomCustomers, randomState, replay } from './replay-oracle.ts';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';

/** SWAP* under time warp against the replaying oracle (replay-oracle.ts). */

const WARP = 3;
const LOAD = 2;

const jobsOf = (seq: readonly number[]): number[] => seq.slice(1, -1).map((k) => k - 1);

/** Oracle: arc cost + WARP x time warp + LOAD x excess of a route of node ids, replayed from scratch. */
function oracle(p: RoutingProblem, seq: readonly number[]): number {
  const o = replay(p, jobsOf(seq));
  return o.cost + WARP * o.warp + LOAD * o.excess;
}

describe('SWAP* under time warp', () => {
  it('prices a route exactly (arc cost, weighted time warp and load excess) as the replay does', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { p, st } = randomState(seed, seed % 2 === 0);
      for (let r = 0; r < st.count; r++)
        expect(penalisedRouteCost(st, st.seqs[r]!, WARP, LOAD)).toBeCloseTo(oracle(p, st.seqs[r]!), 6);
    }
  });

  it('puts a customer in the place of another or after a position', () => {
    const seq = [0, 1, 2, 3, 4, 0];
    expect(replaced(seq, 2, 9, -1)).toEqual([0, 1, 9, 3, 4, 0]);
    expect(replaced(seq, 2, 9, 3)).toEqual([0, 1, 3, 9, 4, 0]);
    expect(replaced(seq, 2, 9, 4)).toEqual([0, 1, 3, 4, 9, 0]);
    expect(replaced(seq, 3, 9, 0)).toEqual([0, 9, 1, 2, 4, 0]);
  });

  it('applied swaps trade v and w between their routes and lower the replayed penalised cost', () => {
    let applied = 0;
    let moved = 0;
    for (const { p, st, v } of randomCustomers(8, 200)) {
      const ra = st.routeOf[v]!;
      const beforeSeqs = st.snapshot();
      const changed = swapStar(st, v, WARP, LOAD, 10);
      st.commit();
      if (changed === undefined) {
        expect(st.snapshot()).toEqual(beforeSeqs);
        continue;
      }
      applied++;
      const [a, b] = changed;
      expect(a).toBe(ra);
      const na = st.seqs[a]!;
      const nb = st.seqs[b]!;
      const oa = beforeSeqs[a]!;
      const ob = beforeSeqs[b]!;
      // v went to B, exactly one customer w of B came to A, the others kept their order.
      expect(st.routeOf[v]).toBe(b);
      const w = na.find((k) => k !== 0 && !oa.includes(k))!;
      expect(ob).toContain(w);
      expect(na.filter((k) => k !== w)).toEqual(oa.filter((k) => k !== v));
      expect(nb.filter((k) => k !== v)).toEqual(ob.filter((k) => k !== w));
      if (na.indexOf(w) !== oa.indexOf(v) || nb.indexOf(v) !== ob.indexOf(w)) moved++;
      expect(oracle(p, na) + oracle(p, nb)).toBeLessThan(oracle(p, oa) + oracle(p, ob) - 1e-9);
      // The state's segments agree with the replay.
      expect(st.timeWarp(a)).toBeCloseTo(replay(p, jobsOf(na)).warp, 6);
      expect(st.timeWarp(b)).toBeCloseTo(replay(p, jobsOf(nb)).warp, 6);
    }
    expect(applied).toBeGreaterThan(100);
    // Not only exchanges in place: the cheapest other position is used too.
    expect(moved).toBeGreaterThan(applied / 4);
  });

  it('gives the same swap with warm insertion caches as on a fresh copy of the state', () => {
    let applied = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const { st, rng } = randomState(seed, seed % 2 === 1);
      for (let trial = 0; trial < 200; trial++) {
        const v = rng.int(1, st.model.n);
        const warp = trial % 50 < 25 ? WARP : 10 * WARP;
        const fresh = new FleetState(st.model, st.snapshot());
        const expected = swapStar(fresh, v, warp, LOAD, 10);
        const got = swapStar(st, v, warp, LOAD, 10);
        st.commit();
        expect(got).toEqual(expected);
        expect(st.snapshot()).toEqual(fresh.snapshot());
        if (got !== undefined) applied++;
      }
    }
    expect(applied).toBeGreaterThan(50);
  });
});
