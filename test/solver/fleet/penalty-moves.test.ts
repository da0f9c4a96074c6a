import { describe, expect, it } from 'vitest';
import type { FleetState } from '../../../src/solver/fleet/fleet-state.ts';
import {
  applyMove,
  costDelta,
  evaluateMove,
  MOVE_KINDS,
  newOutcome,
  type MoveOutcome,
  warpWith,
} from '../../../src/solver/fleet/moves.ts';
import {
  applyPairMove,
  evaluatePairMove,
  PAIR_AFTER,
  PAIR_AFTER_REVERSED,
  PAIR_BEFORE_REVERSED,
  PAIR_KINDS,
  pairApplies,
  pairCostDelta,
} from '../../../src/solver/fleet/pair-moves.ts';
import { randomState, replay } from './replay-oracle.ts';

/**
 * The squeeze penalty (capacity excess + alpha x time warp) and arc cost of every route-elimination move,
 * evaluated in O(1) from segments, against an oracle that rebuilds the routes and replays them.
 */

/** The routes after a move, built from job lists (v, w are job indices). */
function moved(a: number[], b: number[], kind: number, v: number, w: number): [number[], number[]] {
  const i = a.indexOf(v);
  const j = b.indexOf(w);
  switch (kind) {
    case 0:
      return [a.filter((x) => x !== v), [...b.slice(0, j + 1), v, ...b.slice(j + 1)]];
    case 1:
      return [a.filter((x) => x !== v), [...b.slice(0, j), v, ...b.slice(j)]];
    case 2:
      return [a.map((x) => (x === v ? w : x)), b.map((x) => (x === w ? v : x))];
    case 3:
      return [
        [...a.slice(0, i + 1), ...b.slice(j)],
        [...b.slice(0, j), ...a.slice(i + 1)],
      ];
    default:
      return [
        [...a.slice(0, i), ...b.slice(j + 1)],
        [...b.slice(0, j + 1), ...a.slice(i)],
      ];
  }
}

const jobsOf = (st: FleetState, r: number): number[] => st.seqs[r]!.slice(1, -1).map((k) => k - 1);

/** A family of inter-route moves; `build` makes the routes after the move from job lists (job indices). */
interface Family {
  readonly kinds: number;
  applies(st: FleetState, v: number): boolean;
  build(a: number[], b: number[], kind: number, v: number, w: number): [number[], number[]];
  evaluate(st: FleetState, kind: number, v: number, w: number, out: MoveOutcome): void;
  cost(st: FleetState, kind: number, v: number, w: number): number;
  apply(st: FleetState, kind: number, v: number, w: number): void;
}

/**
 * Random moves of the family on random states (asymmetric travel on even seeds when `skew`): predicted
 * time warp, excess and arc cost change against the replay of the routes built by hand, and every tenth
 * move applied. Returns the number of moves checked.
 */
function checkAgainstReplay(f: Family, skew: boolean): number {
  const out = newOutcome();
  let warped = 0;
  let checked = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const { p, st, rng } = randomState(seed, skew && seed % 2 === 0);
    for (let trial = 0; trial < 300; trial++) {
      const v = rng.int(1, st.model.n);
      const w = rng.int(1, st.model.n);
      const ra = st.routeOf[v]!;
      const rb = st.routeOf[w]!;
      if (ra === rb) continue;
      const a = jobsOf(st, ra);
      const b = jobsOf(st, rb);
      if (!f.applies(st, v)) continue;
      const kind = rng.int(0, f.kinds - 1);
      const [na, nb] = f.build(a, b, kind, v - 1, w - 1);
      const oa = replay(p, na);
      const ob = replay(p, nb);
      f.evaluate(st, kind, v, w, out);
      expect(out.twA).toBeCloseTo(oa.warp, 6);
      expect(out.twB).toBeCloseTo(ob.warp, 6);
      expect(out.excessA).toBeCloseTo(oa.excess, 9);
      expect(out.excessB).toBeCloseTo(ob.excess, 9);
      const before = replay(p, a).cost + replay(p, b).cost;
      expect(f.cost(st, kind, v, w)).toBeCloseTo(oa.cost + ob.cost - before, 6);
      if (oa.warp + ob.warp > 0) warped++;
      checked++;
      if (trial % 10 === 0) {
        f.apply(st, kind, v, w);
        expect(jobsOf(st, ra)).toEqual(na);
        expect(jobsOf(st, rb)).toEqual(nb);
        expect(st.timeWarp(ra)).toBeCloseTo(oa.warp, 6);
        expect(st.timeWarp(rb)).toBeCloseTo(ob.warp, 6);
      }
    }
  }
  // The instances must exercise the time-warp arithmetic, not only feasible routes.
  expect(warped).toBeGreaterThan(checked / 4);
  return checked;
}

describe('route elimination: penalty and cost of moves against a replaying oracle', () => {
  it('time warp and excess of every route match the replay', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { p, st } = randomState(seed);
      for (let r = 0; r < st.count; r++) {
        const o = replay(p, jobsOf(st, r));
        expect(st.timeWarp(r)).toBeCloseTo(o.warp, 6);
        expect(st.excess(r)).toBeCloseTo(o.excess, 9);
      }
    }
  });

  it('every move kind predicts both routes penalty and the cost change; applying it agrees', () => {
    checkAgainstReplay(
      {
        kinds: MOVE_KINDS,
        applies: () => true,
        build: (a, b, kind, v, w) => moved(a, b, kind, v, w),
        evaluate: evaluateMove,
        cost: costDelta,
        apply: applyMove,
      },
      false,
    );
  });

  it('pair relocations predict both routes penalty and the cost change; applying them agrees', () => {
    // Asymmetric travel for half the seeds: a reversed pair is driven the other way round.
    const checked = checkAgainstReplay(
      {
        kinds: PAIR_KINDS,
        applies: pairApplies,
        build: (a, b, kind, v, w) => {
          const i = a.indexOf(v);
          const x = a[i + 1]!;
          const reversed = kind === PAIR_AFTER_REVERSED || kind === PAIR_BEFORE_REVERSED;
          const at = b.indexOf(w) + (kind === PAIR_AFTER || kind === PAIR_AFTER_REVERSED ? 1 : 0);
          return [
            a.filter((_, k) => k !== i && k !== i + 1),
            [...b.slice(0, at), ...(reversed ? [x, v] : [v, x]), ...b.slice(at)],
          ];
        },
        evaluate: evaluatePairMove,
        cost: pairCostDelta,
        apply: applyPairMove,
      },
      true,
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('insertion time warp (squeeze and insertion-ejection scans) matches the replay', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { p, st } = randomState(seed);
      const [k] = st.removeRoute(0);
      for (let r = 0; r < st.count; r++) {
        const jobs = jobsOf(st, r);
        for (let pos = 0; pos <= jobs.length; pos++) {
          const o = replay(p, [...jobs.slice(0, pos), k! - 1, ...jobs.slice(pos)]);
          expect(warpWith(st, r, pos, k!, r, pos + 1)).toBeCloseTo(o.warp, 6);
        }
      }
    }
  });

  it('rollback restores journaled routes and the pool', () => {
    const { st } = randomState(3);
    const before = st.snapshot();
    st.save(0);
    st.save(1);
    const v = st.seqs[0]![1]!;
    const w = st.seqs[1]![1]!;
    applyMove(st, 2, v, w);
    st.rollback();
    expect(st.snapshot()).toEqual(before);
    expect(st.routeOf[v]).toBe(0);
    expect(st.posOf[w]).toBe(1);
  });
});
