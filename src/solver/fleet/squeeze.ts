import type { Rng } from '../rng.ts';
import type { FleetState } from './fleet-state.ts';
import {
  applyMove,
  evaluateMove,
  insertNode,
  MOVE_KINDS,
  newOutcome,
  RELOCATE_AFTER,
  RELOCATE_BEFORE,
  warpWith,
} from './moves.ts';

/** Nagata and Bräysy: alpha x 0.99 or / 0.99 after each failed squeeze. */
const ALPHA_STEP = 0.99;
/**
 * Repair steps per squeeze. Each strictly lowers the penalty, but by ever smaller amounts when alpha is
 * large: on RC2 (50 customers a route) an unbounded squeeze ran 30 s; successful squeezes take a few steps.
 */
const MAX_REPAIR_STEPS = 100;
/** Bounds on alpha, so a long run of failures cannot make the penalty all time warp (or all capacity). */
const ALPHA_MIN = 1e-3;
const ALPHA_MAX = 1e3;
/** Penalty decreases smaller than this are rounding, not progress. */
const DELTA_EPS = 1e-9;

/** Weight of time warp against capacity excess in the squeeze penalty, adapted across calls. */
export interface PenaltyWeight {
  alpha: number;
}

const outcome = newOutcome();

/**
 * Squeeze (Nagata and Bräysy 2009, section 3.2): insert node k where the penalty
 * F = capacity excess + alpha x time warp grows least, then repair: pick an infeasible route at random and
 * apply the move of N_near (see moves.ts) between one of its customers and a nearby customer of another
 * route that lowers F most; succeed when every route is feasible, fail (and undo) when no move lowers F.
 * On failure alpha grows if time warp dominates what is left, and shrinks otherwise.
 */
export function squeeze(st: FleetState, k: number, weight: PenaltyWeight, rng: Rng): boolean {
  st.commit();
  const alpha = weight.alpha;
  let bestF = Infinity;
  let bestR = -1;
  let bestP = -1;
  const m = st.model;
  for (let r = 0; r < st.count; r++) {
    const len = st.seqs[r]!.length;
    if (len <= 2) continue;
    let excess = 0;
    for (let d = 0; d < m.dims; d++) {
      const over = st.loadOf(r, d) + m.load[k * m.dims + d]! - m.capacity[d]!;
      if (over > 0) excess += over;
    }
    if (excess >= bestF) continue;
    for (let p = 0; p < len - 1; p++) {
      const f = excess + alpha * warpWith(st, r, p, k, r, p + 1);
      if (f < bestF) {
        bestF = f;
        bestR = r;
        bestP = p;
      }
    }
  }
  if (bestR < 0) return false;
  st.save(bestR);
  insertNode(st, bestR, bestP, k);

  const infeasible: number[] = [];
  for (let step = 0; step < MAX_REPAIR_STEPS; step++) {
    infeasible.length = 0;
    for (let r = 0; r < st.count; r++) if (!st.feasible(r)) infeasible.push(r);
    if (infeasible.length === 0) {
      st.commit();
      return true;
    }
    const r = infeasible[rng.int(0, infeasible.length - 1)]!;
    if (!repairStep(st, r, alpha)) break;
  }
  adaptAlpha(st, weight);
  st.rollback();
  return false;
}

/** Applies the best F-lowering move between route r and a nearby route; false when none lowers F. */
function repairStep(st: FleetState, r: number, alpha: number): boolean {
  const seq = st.seqs[r]!;
  let bestDelta = -DELTA_EPS;
  let bestKind = -1;
  let bestV = -1;
  let bestW = -1;
  for (let i = 1; i < seq.length - 1; i++) {
    const v = seq[i]!;
    for (const w of st.model.near[v]!) {
      const rb = st.routeOf[w]!;
      if (rb < 0 || rb === r) continue;
      const before = st.penalty(r, alpha) + st.penalty(rb, alpha);
      for (let kind = 0; kind < MOVE_KINDS + 2; kind++) {
        // Kinds beyond MOVE_KINDS move w into route r (Nagata and Bräysy's in-relocate).
        const inward = kind >= MOVE_KINDS;
        const a = inward ? w : v;
        const b = inward ? v : w;
        const mk = inward ? (kind === MOVE_KINDS ? RELOCATE_AFTER : RELOCATE_BEFORE) : kind;
        evaluateMove(st, mk, a, b, outcome);
        const delta = outcome.excessA + outcome.excessB + alpha * (outcome.twA + outcome.twB) - before;
        if (delta < bestDelta) {
          bestDelta = delta;
          bestKind = mk;
          bestV = a;
          bestW = b;
        }
      }
    }
  }
  if (bestKind < 0) return false;
  st.save(st.routeOf[bestV]!);
  st.save(st.routeOf[bestW]!);
  applyMove(st, bestKind, bestV, bestW);
  return true;
}

function adaptAlpha(st: FleetState, weight: PenaltyWeight): void {
  let excess = 0;
  let warp = 0;
  for (let r = 0; r < st.count; r++) {
    excess += st.excess(r);
    warp += st.timeWarp(r);
  }
  const next = excess < warp ? weight.alpha / ALPHA_STEP : weight.alpha * ALPHA_STEP;
  weight.alpha = Math.min(ALPHA_MAX, Math.max(ALPHA_MIN, next));
}
