import type { FleetState } from './fleet-state.ts';
import { WARP_EPS } from './fleet-state.ts';
import type { FleetModel } from './fleet-model.ts';

/**
 * Prices of infeasibility in the fixed-fleet distance search, in cost units per second of time warp and
 * per unit of load above capacity. Adapted as in HGS (Vidal et al. 2013, section 5.2; Vidal 2022): after
 * every `ADAPT_EVERY` candidates each weight is raised when fewer candidates than the target share are
 * feasible for its constraint, and lowered when clearly more are.
 */
export interface PenaltyWeights {
  warp: number;
  load: number;
}

/**
 * Start high and let the adaptation lower the weights: on R101 at its best-known 19 routes, weights of
 * 1 x or 10 x let the first ruins drift into infeasible solutions that the recreate never left again
 * (0 and 5 feasible candidates in 1,050 iterations); at 100 x, 156.
 */
const INITIAL_FACTOR = 100;
/** Candidates between two weight updates (HGS: 100; budgets here are a few thousand iterations). */
export const ADAPT_EVERY = 50;
/** Share of candidates that should be feasible for each constraint (HGS targets 0.2 after its repair). */
export const TARGET_FEASIBLE = 0.4;
const RAISE = 1.2;
const LOWER = 0.85;
/** Band above the target inside which a weight is left alone. */
const BAND = 0.1;
const WEIGHT_MIN = 1e-6;
const WEIGHT_MAX = 1e6;

/**
 * Starting weights: one second of time warp costs INITIAL_FACTOR seconds of driving (at the mean cost per
 * second), one unit of excess load INITIAL_FACTOR x (mean arc cost / mean customer load).
 */
export function initialWeights(m: FleetModel): PenaltyWeights {
  const n1 = m.n + 1;
  let cost = 0;
  let time = 0;
  for (let i = 0; i < n1 * n1; i++) {
    cost += m.cost[i]!;
    time += m.time[i]!;
  }
  const costPerSecond = time > 0 ? cost / time : 1;
  let load = 0;
  for (let k = 1; k <= m.n; k++) for (let d = 0; d < m.dims; d++) load += m.load[k * m.dims + d]!;
  const meanArc = cost / Math.max(1, n1 * n1 - n1);
  const meanLoad = load / Math.max(1, m.n);
  return {
    warp: INITIAL_FACTOR * costPerSecond,
    load: INITIAL_FACTOR * (meanLoad > 0 ? meanArc / meanLoad : 1),
  };
}

/** Counts how many candidates met each constraint and moves the weights every ADAPT_EVERY candidates. */
export class PenaltyAdapter {
  private seen = 0;
  private warpOk = 0;
  private loadOk = 0;

  constructor(readonly weights: PenaltyWeights) {}

  record(st: FleetState): void {
    let warp = 0;
    let excess = 0;
    for (let r = 0; r < st.count; r++) {
      warp += st.timeWarp(r);
      excess += st.excess(r);
    }
    this.seen++;
    if (warp <= WARP_EPS) this.warpOk++;
    if (excess <= 0) this.loadOk++;
    if (this.seen < ADAPT_EVERY) return;
    this.weights.warp = adapt(this.weights.warp, this.warpOk / this.seen);
    this.weights.load = adapt(this.weights.load, this.loadOk / this.seen);
    this.seen = 0;
    this.warpOk = 0;
    this.loadOk = 0;
  }
}

function adapt(weight: number, feasibleShare: number): number {
  let w = weight;
  if (feasibleShare < TARGET_FEASIBLE) w *= RAISE;
  else if (feasibleShare > TARGET_FEASIBLE + BAND) w *= LOWER;
  return Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, w));
}
