import type { Rng } from '../rng.ts';
import { DEFAULT_STRING_RUIN } from '../search/ruin-strings.ts';
import { WARP_EPS, type FleetState } from './fleet-state.ts';
import { penalisedLocalSearch } from './penalised-local-search.ts';
import { recreatePenalised } from './penalised-recreate.ts';
import { initialWeights, PenaltyAdapter, type PenaltyWeights } from './penalty-weights.ts';
import { ruinFleetStrings } from './string-ruin.ts';

/** Probability to skip a position during insertion (SISR: 0.01). */
const BLINK_RATE = 0.01;
/** Nearest customers the local search tries per customer (as SISR's granular local search). */
const LS_NEIGHBOURS = 10;
/** Cap on local-search moves per iteration (a safety net). */
const LS_MAX_MOVES = 1000;
/** Share of infeasible candidates repaired (HGS: 0.5), and the penalty factors of the repair (HGS: 10, 100). */
const REPAIR_SHARE = 0.5;
const REPAIR_FACTORS = [10, 100];
/** Arc-cost improvements smaller than this fraction of the cost are rounding. */
const REL_EPS = 1e-12;
/**
 * Candidates in a row without a feasible one after which the search goes back to the best feasible
 * solution: raising the weights alone did not bring it back (on r1_2_2, weights from 1 x, no feasible
 * candidate in 1,000 iterations while the warp weight rose from 1,150 x to 44,000 x the cost of a second of
 * driving).
 */
export const STALL_RESTART = 300;

export interface FixedFleetControl {
  readonly rng: Rng;
  /** Annealing temperature at the phase's progress in [0, 1] (polled once per iteration). */
  readonly temperature: (phase: number) => number;
  /** Progress of the phase in [0, 1]; at 1 or above the search ends. */
  readonly phase: () => number;
  /** Called once per iteration (the unit of work). */
  readonly onStep: () => void;
  /** Called when a better feasible solution is found. */
  readonly onImproved?: (cost: number) => void;
  readonly weights?: PenaltyWeights;
}

/** Total arc cost of the routes. */
export function arcCost(st: FleetState): number {
  const m = st.model;
  const n1 = m.n + 1;
  let c = 0;
  for (const seq of st.seqs)
    for (let p = 0; p + 1 < seq.length; p++) c += m.cost[seq[p]! * n1 + seq[p + 1]!]!;
  return c;
}

/** Arc cost plus the weighted time warp and load excess of every route. */
export function penalisedCost(st: FleetState, w: PenaltyWeights): number {
  let c = arcCost(st);
  for (let r = 0; r < st.count; r++) c += w.warp * st.timeWarp(r) + w.load * st.excess(r);
  return c;
}

export function allFeasible(st: FleetState): boolean {
  for (let r = 0; r < st.count; r++) if (st.timeWarp(r) > WARP_EPS || st.excess(r) > 0) return false;
  return true;
}

/**
 * Distance search at a fixed fleet through infeasible solutions: SISR's ruin (adjacent strings) and
 * recreate (greedy with blinks) under simulated annealing, where recreate may place a customer at a
 * position that violates windows or capacity and the annealing compares arc cost + weighted time warp +
 * weighted load excess (weights adapted towards a share of feasible candidates, see penalty-weights.ts).
 * The number of routes never grows (routes emptied by the ruin stay available). Only feasible solutions
 * become the best; the state ends at the best feasible solution (at worst the feasible start). Returns its
 * arc cost.
 */
export function searchFixedFleet(st: FleetState, ctl: FixedFleetControl): number {
  const { rng } = ctl;
  const weights = ctl.weights ?? initialWeights(st.model);
  const adapter = new PenaltyAdapter(weights);
  st.commit();
  let best = st.snapshot();
  let bestCost = allFeasible(st) ? arcCost(st) : Infinity;
  let sinceFeasible = 0;
  for (;;) {
    const phase = ctl.phase();
    if (phase >= 1) break;
    const current = penalisedCost(st, weights);
    const removed = ruinFleetStrings(st, rng, DEFAULT_STRING_RUIN);
    recreatePenalised(st, removed, weights, rng, BLINK_RATE);
    const touched: number[] = [];
    for (const r of st.touched()) for (const k of st.seqs[r]!) if (k !== 0) touched.push(k);
    penalisedLocalSearch(st, touched, weights, rng, LS_NEIGHBOURS, LS_MAX_MOVES);
    ctl.onStep();
    adapter.record(st);
    if (!allFeasible(st) && rng.next() < REPAIR_SHARE) repair(st, weights, rng);
    const feasible = allFeasible(st);
    const candidate = penalisedCost(st, weights);
    const t = ctl.temperature(phase);
    if (candidate < current - t * Math.log(rng.next() || Number.MIN_VALUE)) {
      st.commit();
      if (feasible) {
        const cost = arcCost(st);
        // From an infeasible start bestCost is Infinity, and Infinity - REL_EPS x Infinity is NaN: without
        // the first test no feasible solution would ever be kept. Until 2d8ba29 a crossover child's whole run
        // was lost so; no caller starts infeasible since the crossover went (2026-12-07), but one may.
        if (bestCost === Infinity || cost < bestCost - REL_EPS * Math.abs(bestCost)) {
          bestCost = cost;
          best = st.snapshot();
          ctl.onImproved?.(cost);
        }
      }
    } else st.rollback();
    sinceFeasible = feasible ? 0 : sinceFeasible + 1;
    if (sinceFeasible >= STALL_RESTART && bestCost < Infinity) {
      st.restore(best);
      sinceFeasible = 0;
    }
  }
  st.restore(best);
  return bestCost;
}

/**
 * HGS's repair: the local search again over the customers of the violating routes with the penalty
 * weights multiplied by each of REPAIR_FACTORS in turn while the candidate stays infeasible (HGS: 10, then
 * 100), which pushes it towards feasibility.
 */
export function repair(st: FleetState, weights: PenaltyWeights, rng: Rng): void {
  for (const factor of REPAIR_FACTORS) {
    const nodes: number[] = [];
    for (let r = 0; r < st.count; r++)
      if (!st.feasible(r)) for (const k of st.seqs[r]!) if (k !== 0) nodes.push(k);
    if (nodes.length === 0) return;
    const strong = { warp: weights.warp * factor, load: weights.load * factor };
    penalisedLocalSearch(st, nodes, strong, rng, LS_NEIGHBOURS, LS_MAX_MOVES);
  }
}
