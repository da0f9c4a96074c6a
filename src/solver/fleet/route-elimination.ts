import type { Rng } from '../rng.ts';
import { WARP_EPS, type FleetState } from './fleet-state.ts';
import { applyInsertionEjection, bestInsertionEjection } from './insertion-ejection.ts';
import { insertNode, warpWith } from './moves.ts';
import { perturb } from './perturb.ts';
import { squeeze, type PenaltyWeight } from './squeeze.ts';
import { pushAll } from '../../domain/arrays.ts';

/** Nagata and Bräysy's settings: at most 5 ejections per insertion, 1,000 random moves per perturbation. */
export const K_MAX = 5;
export const PERTURB_ATTEMPTS = 1000;
/**
 * Perturbation moves must also not raise the arc cost (Nagata and Bräysy accept any feasible move). The
 * cost phase that follows has seconds, not minutes: starting it from a randomised solution cost 2-30 %
 * of distance on the 200-customer instances at 12,000 iterations (RC2 and C1 worst), and the
 * fleet found was the same.
 */
export const PERTURB_DESCENT = true;

export interface EliminationControl {
  readonly rng: Rng;
  /** Polled before each ejection-pool step; true ends the search (the last attempt is undone). */
  readonly stop: () => boolean;
  /** Called once per ejection-pool step (the phase's unit of work). */
  readonly onStep: () => void;
  /** Called after each route removed, with the routes left. */
  readonly onRemoved?: (routes: number) => void;
  /** No attempt below this many routes. */
  readonly lowerBound: number;
  readonly kMax?: number;
  readonly perturbAttempts?: number;
}

/**
 * Route elimination with an ejection pool (Nagata and Bräysy 2009, "A powerful route minimization
 * heuristic for the VRPTW", Operations Research Letters 37(5)). Repeatedly: remove a random route and put
 * its customers in the pool; take customers from the pool (last in, first out) and insert each at a random
 * feasible position, else by squeeze, else by the insertion-ejection with the least P_sum (the ejected go to
 * the pool, k's failure counter grows) followed by a perturbation (here cost-non-increasing: see
 * PERTURB_DESCENT). The attempt succeeds when the pool is
 * empty; when `stop` fires first the state returns to the last solution with every customer routed.
 */
export function eliminateRoutes(st: FleetState, ctl: EliminationControl): void {
  const { rng } = ctl;
  const kMax = ctl.kMax ?? K_MAX;
  const attempts = ctl.perturbAttempts ?? PERTURB_ATTEMPTS;
  const failures = new Int32Array(st.model.n + 1).fill(1);
  const weight: PenaltyWeight = { alpha: 1 };
  st.dropEmpty();
  while (st.count > ctl.lowerBound && !ctl.stop()) {
    const snap = st.snapshot();
    const pool = st.removeRoute(rng.int(0, st.count - 1));
    while (pool.length > 0 && !ctl.stop()) {
      ctl.onStep();
      const k = pool.pop()!;
      if (insertFeasible(st, k, rng) || squeeze(st, k, weight, rng)) continue;
      failures[k]!++;
      const ie = bestInsertionEjection(st, k, failures, kMax, weight.alpha, rng);
      // No set of kMax customers frees room for k: retry it last, after the perturbation.
      if (ie === undefined) pool.unshift(k);
      else {
        applyInsertionEjection(st, k, ie);
        pushAll(pool, ie.ejected);
      }
      perturb(st, attempts, rng, PERTURB_DESCENT);
    }
    if (pool.length > 0) {
      st.restore(snap);
      return;
    }
    st.dropEmpty();
    ctl.onRemoved?.(st.count);
  }
}

/** Inserts node k at a position drawn uniformly from the feasible ones; false when there is none. */
export function insertFeasible(st: FleetState, k: number, rng: Rng): boolean {
  const m = st.model;
  let seen = 0;
  let pickR = -1;
  let pickP = -1;

  for (let r = 0; r < st.count; r++) {
    const len = st.seqs[r]!.length;
    if (len <= 2) continue;
    let fits = true;
    for (let d = 0; d < m.dims; d++)
      if (st.loadOf(r, d) + m.load[k * m.dims + d]! > m.capacity[d]!) fits = false;
    if (!fits) continue;
    for (let p = 0; p < len - 1; p++) {
      if (warpWith(st, r, p, k, r, p + 1) > WARP_EPS) continue;
      // Reservoir sampling: uniform over the feasible positions in one pass.
      seen++;
      if (rng.int(1, seen) === 1) {
        pickR = r;
        pickP = p;
      }
    }
  }
  if (pickR < 0) return false;
  insertNode(st, pickR, pickP, k);
  return true;
}
