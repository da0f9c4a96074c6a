import { describe, expect, it, vi } from 'vitest';
import { FleetState } from '../../../src/solver/fleet/fleet-state.ts';
import { penalisedRouteCost, swapStar } from '../../../src/solver/fleet/swap-star-tw.ts';
import { replaced } from '../../../src/solver/search/operators/swap-star.ts';
import { randomCustomers, randomState, replay } from './replay-oracle.ts';
import { dealtState, expectedSwap, shapedProblem, type DayShape } from './swap-star-tw-oracle.ts';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import type { Rng } from '../../../src/solver/rng.ts';

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

/** Day shapes for the brute-force comparison: windows loose and tight, one and two load dimensions, skewed travel. */
const SHAPES: DayShape[] = [
  { dims: 1, window: [10, 80], skewed: false },
  { dims: 1, window: [0, 15], skewed: false },
  { dims: 2, window: [10, 80], skewed: false },
  { dims: 1, window: [10, 80], skewed: true },
  { dims: 2, window: [0, 30], skewed: true },
  { dims: 1, window: [0, 40], skewed: false, grid: true },
  { dims: 2, window: [10, 80], skewed: true, grid: true },
];

interface Tally {
  applied: number;
  /** Applied swaps where v or w went elsewhere than the other's place. */
  moved: number;
  none: number;
}

/**
 * 60 random customers of st in turn, each swap the operator applies (or none) compared with the brute force's,
 * the state and the operator's caches kept from one to the next.
 */
function compareTrials(p: RoutingProblem, st: FleetState, rng: Rng, tally: Tally): void {
  for (let trial = 0; trial < 60; trial++) {
    const v = rng.int(1, st.model.n);
    // The weights change between trials: the insertion caches must follow them.
    const w = { warp: [3, 0.5, 30][trial % 3]!, load: [2, 10][trial % 2]! };
    const neighbours = [10, 4, 30][trial % 3]!;
    const before = st.snapshot();
    const expected = expectedSwap(p, before, st.model.granular[v]!, v, w, neighbours);
    const got = swapStar(st, v, w.warp, w.load, neighbours);
    st.commit();
    if (expected === undefined) {
      tally.none++;
      expect(got).toBeUndefined();
      expect(st.snapshot()).toEqual(before);
      continue;
    }
    tally.applied++;
    const wk = expected.na.find((k) => !before[expected.ra]!.includes(k))!;
    if (
      expected.na.indexOf(wk) !== before[expected.ra]!.indexOf(v) ||
      expected.nb.indexOf(v) !== before[expected.rb]!.indexOf(wk)
    )
      tally.moved++;
    expect(got).toEqual([expected.ra, expected.rb]);
    expect(st.seqs[expected.ra]).toEqual(expected.na);
    expect(st.seqs[expected.rb]).toEqual(expected.nb);
  }
}

/** Exact (grid) days: on 1 dimension with windows of 0-40 s and 0-15 s, and 2 dimensions with skewed travel. */
const GRID_WIDE: DayShape = { dims: 1, window: [0, 40], skewed: false, grid: true };
const GRID_SKEWED: DayShape = { dims: 2, window: [10, 80], skewed: true, grid: true };
const GRID_TIGHT: DayShape = { dims: 1, window: [0, 15], skewed: false, grid: true };

describe('SWAP* under time warp against brute force', () => {
  it('applies exactly the swap the brute force of its description picks (or none), with warm caches', () => {
    const tally = { applied: 0, moved: 0, none: 0 };
    SHAPES.forEach((shape, s) => {
      for (let seed = 1; seed <= 3; seed++) {
        const p = shapedProblem(10 * s + seed, shape);
        // 5 routes of 6 on average; 12 routes with empty and one-customer ones and 3 customers unrouted.
        const { st, rng } = seed === 2 ? dealtState(p, seed, 12, 3) : dealtState(p, seed, 5, 0);
        compareTrials(p, st, rng, tally);
      }
    });
    // 917 applied (714 of them not both in place) and 343 none when written.
    expect(tally.applied).toBeGreaterThan(400);
    expect(tally.moved).toBeGreaterThan(tally.applied / 2);
    expect(tally.none).toBeGreaterThan(100);
  });

  /**
   * Days where costs are exact and equal ones meet the operator's comparisons, each found (by a search over 480
   * grid days) to tell apart a variant that breaks a tie the other way: the third cheapest place kept on an equal
   * cost (cases 1-2), the second (3-4), a route's best estimate of exactly 0 given the exact check (5-6), a
   * screen letting an equal partial sum through (7-9), a swap of exact gain 0 applied (10-11).
   */
  it('breaks ties as its description says: earlier place, first candidate, strict gains', () => {
    const cases: [DayShape, number, number, number][] = [
      [GRID_WIDE, 5, 5, 12],
      [GRID_SKEWED, 44, 34, 5],
      [GRID_WIDE, 14, 14, 5],
      [GRID_WIDE, 31, 31, 5],
      [GRID_SKEWED, 12, 2, 12],
      [GRID_SKEWED, 16, 6, 8],
      [GRID_SKEWED, 41, 31, 12],
      [GRID_SKEWED, 13, 3, 12],
      [GRID_SKEWED, 45, 35, 8],
      [GRID_TIGHT, 51, 31, 12],
      [GRID_TIGHT, 55, 35, 5],
    ];
    const tally = { applied: 0, moved: 0, none: 0 };
    for (const [shape, problemSeed, dealSeed, routes] of cases) {
      const p = shapedProblem(problemSeed, shape);
      const { st, rng } = dealtState(p, dealSeed, routes, routes === 12 ? 3 : 0);
      compareTrials(p, st, rng, tally);
    }
    expect(tally.applied).toBeGreaterThan(100);
  });
});

describe('SWAP* under time warp: its insertion tables', () => {
  /**
   * A table scan prices the route's time warp once (st.timeWarp); a call otherwise asks it once for A and once
   * per route B tried. So a call that scans nothing asks 1 + (routes B) times.
   */
  it('scans a route for a customer once per route version and warp weight', () => {
    let cold = 0;
    let calls = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const p = shapedProblem(seed, { dims: 1, window: [10, 80], skewed: false });
      const { st, rng } = dealtState(p, seed, 5, 0);
      const asked = vi.spyOn(st, 'timeWarp');
      for (let trial = 0; trial < 60; trial++) {
        const v = rng.int(1, st.model.n);
        const w = { warp: WARP, load: LOAD };
        if (expectedSwap(p, st.snapshot(), st.model.granular[v]!, v, w, 10) !== undefined) {
          // Apply it: the calls that find none come once the routes are better.
          expect(swapStar(st, v, w.warp, w.load, 10)).toBeDefined();
          st.commit();
          continue;
        }
        if (
          expectedSwap(p, st.snapshot(), st.model.granular[v]!, v, { ...w, warp: 10 * WARP }, 10) !==
          undefined
        )
          continue;
        const ra = st.routeOf[v]!;
        const routesB = new Set(
          Array.from(st.model.granular[v]!.subarray(0, 10), (k) => st.routeOf[k]!).filter((r) => r !== ra),
        ).size;
        const count = (warp: number): number => {
          asked.mockClear();
          expect(swapStar(st, v, warp, LOAD, 10)).toBeUndefined();
          return asked.mock.calls.length;
        };
        calls++;
        const first = count(WARP);
        if (first > 1 + routesB) cold++;
        // Nothing changed: every table it needs is cached.
        expect(count(WARP)).toBe(1 + routesB);
        // Another weight: at least v's table in the first route B is scanned again, then kept.
        expect(count(10 * WARP)).toBeGreaterThan(1 + routesB);
        expect(count(10 * WARP)).toBe(1 + routesB);
        // A route put back as an equal copy is a new version: scanned again.
        const rb = st.routeOf[st.model.granular[v]!.find((k) => st.routeOf[k] !== ra)!]!;
        st.set(rb, st.seqs[rb]!.slice());
        expect(count(10 * WARP)).toBeGreaterThan(1 + routesB);
      }
    }
    expect(calls).toBeGreaterThan(20);
    expect(cold).toBeGreaterThan(20);
  });
});
