import type { Rng } from '../rng.ts';
import { WARP_EPS, type FleetState } from './fleet-state.ts';
import { applyMove, costDelta, evaluateMove, MOVE_KINDS, newOutcome } from './moves.ts';

const outcome = newOutcome();

/**
 * Perturbation (Nagata and Bräysy 2009, section 3.4): `attempts` random moves of N_near between a random
 * customer and one of its near customers in another route, each applied only if both routes stay
 * feasible and, with `descent`, only if it does not raise the arc cost. It diversifies the solution between
 * insertion-ejections.
 */
export function perturb(st: FleetState, attempts: number, rng: Rng, descent: boolean): void {
  const m = st.model;
  for (let t = 0; t < attempts; t++) {
    const v = rng.int(1, m.n);
    const rv = st.routeOf[v]!;
    if (rv < 0) continue;
    const near = m.near[v]!;
    if (near.length === 0) continue;
    const w = near[rng.int(0, near.length - 1)]!;
    const rw = st.routeOf[w]!;
    if (rw < 0 || rw === rv) continue;
    const kind = rng.int(0, MOVE_KINDS - 1);
    evaluateMove(st, kind, v, w, outcome);
    if (
      outcome.twA <= WARP_EPS &&
      outcome.twB <= WARP_EPS &&
      outcome.excessA <= 0 &&
      outcome.excessB <= 0 &&
      (!descent || costDelta(st, kind, v, w) <= 0)
    )
      applyMove(st, kind, v, w);
  }
}
