import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { buildFleetModel } from '../../../src/solver/fleet/fleet-model.ts';
import { FleetState } from '../../../src/solver/fleet/fleet-state.ts';
import { buildInstance } from '../../../src/solver/model/instance.ts';
import { buildNeighbours } from '../../../src/solver/model/neighbours.ts';
import { Rng } from '../../../src/solver/rng.ts';
import { replay } from './replay-oracle.ts';
import { euclidean, job, vehicle, vehicleType } from '../fixtures.ts';

/**
 * SWAP* under time warp written out from its description (swap-star-tw.ts's header), brute force over every
 * candidate and every position, each route priced from scratch by the replay (replay-oracle.ts): no segments,
 * no cache, no stamps. Routes are node ids (0 = depot, k = job k - 1).
 */

const NONE = -1;
const EPS = 1e-9;

/** Arc cost and time warp by the replay; load excess over every dimension from the problem's jobs. */
function priced(p: RoutingProblem, seq: readonly number[]): { arcs: number; warp: number; excess: number } {
  const jobs = seq.slice(1, -1).map((k) => k - 1);
  const o = replay(p, jobs);
  const capacity = p.vehicleTypes[0]!.capacity;
  let excess = 0;
  for (let d = 0; d < p.dimensions; d++) {
    let total = 0;
    for (const j of jobs) total += p.jobs[j]!.delivery[d]! + p.jobs[j]!.pickup[d]!;
    excess += Math.max(0, total - capacity[d]!);
  }
  return { arcs: o.cost, warp: o.warp, excess };
}

/** seq with the customer at index x taken out. */
const without = (seq: readonly number[], x: number): number[] => seq.filter((_, i) => i !== x);

/** seq with k inserted after index p. */
const inserted = (seq: readonly number[], p: number, k: number): number[] => [
  ...seq.slice(0, p + 1),
  k,
  ...seq.slice(p + 1),
];

/** seq with the customer at x taken out and k put in its place (at = NONE) or after index `at` of seq. */
export function swappedIn(seq: readonly number[], x: number, k: number, at: number): number[] {
  if (at === NONE) return seq.map((c, i) => (i === x ? k : c));
  const out: number[] = [];
  seq.forEach((c, i) => {
    if (i !== x) out.push(c);
    if (i === at) out.push(k);
  });
  return out;
}

export interface Weights {
  warp: number;
  load: number;
}

/** Arc cost + weighted time warp (no load) of a route. */
function arcsAndWarp(p: RoutingProblem, seq: readonly number[], w: Weights): number {
  const o = priced(p, seq);
  return o.arcs + w.warp * o.warp;
}

/** Full penalised cost of a route. */
export function penalised(p: RoutingProblem, seq: readonly number[], w: Weights): number {
  const o = priced(p, seq);
  return o.arcs + w.warp * o.warp + w.load * o.excess;
}

/**
 * The three cheapest places to insert k in seq as it stands (after index 0 .. length - 2), cheapest first,
 * the earlier place first among equal costs.
 */
export function cheapestThree(
  p: RoutingProblem,
  seq: readonly number[],
  k: number,
  w: Weights,
): { at: number; cost: number }[] {
  const base = arcsAndWarp(p, seq, w);
  const places = [];
  for (let at = 0; at < seq.length - 1; at++)
    places.push({ at, cost: arcsAndWarp(p, inserted(seq, at, k), w) - base });
  return places.sort((a, b) => a.cost - b.cost || a.at - b.at).slice(0, 3);
}

/**
 * Estimated cost of putting k into seq in place of the customer at x: in x's place, priced exactly, or at the
 * first of k's three cheapest places (in seq with x still in) that is not next to x, if cheaper.
 */
export function insertionEstimate(
  p: RoutingProblem,
  seq: readonly number[],
  k: number,
  x: number,
  w: Weights,
): { cost: number; at: number } {
  const rest = without(seq, x);
  const inPlace = arcsAndWarp(p, swappedIn(seq, x, k, NONE), w) - arcsAndWarp(p, rest, w);
  const other = cheapestThree(p, seq, k, w).find((e) => e.at !== x - 1 && e.at !== x);
  return other !== undefined && other.cost < inPlace ? other : { cost: inPlace, at: NONE };
}

export interface Swap {
  ra: number;
  rb: number;
  na: number[];
  nb: number[];
}

/**
 * The swap SWAP* applies for customer v of `seqs` (undefined: none), by its description: the routes B of v's
 * first `neighbours` near customers in order (not v's route, each once); in B, as w every customer at or next
 * to one of those near customers, each once, in order of the near customer then position; the estimate of
 * (v, w) adds load x the change of both routes' excess, taking v out of A and w out of B (arc cost + warp x
 * time warp, exact), and each one's insertion estimate; a partial sum not below the best so far drops the
 * candidate (the operator's screen). B's best estimate below -1e-9 is applied if its exact penalised cost
 * falls by more than 1e-9, else the next B.
 */
export function expectedSwap(
  p: RoutingProblem,
  seqs: readonly (readonly number[])[],
  near: ArrayLike<number>,
  v: number,
  w: Weights,
  neighbours: number,
): Swap | undefined {
  const routeOf = (k: number): number => seqs.findIndex((s) => s.includes(k));
  const ra = routeOf(v);
  if (ra < 0) return undefined;
  const a = seqs[ra]!;
  const i = a.indexOf(v);
  const limit = Math.min(neighbours, near.length);
  const first = Array.from({ length: limit }, (_, y) => near[y]!);
  const excessOf = (s: readonly number[]): number => priced(p, s).excess;
  const removeV = arcsAndWarp(p, without(a, i), w) - arcsAndWarp(p, a, w);
  const tried = new Set<number>();
  for (const u of first) {
    const rb = routeOf(u);
    if (rb < 0 || rb === ra || tried.has(rb)) continue;
    tried.add(rb);
    const b = seqs[rb]!;
    const ws: number[] = [];
    for (const k of first) {
      if (!b.includes(k)) continue;
      const q = b.indexOf(k);
      for (const j of [q - 1, q, q + 1])
        if (j >= 1 && j <= b.length - 2 && !ws.includes(b[j]!)) ws.push(b[j]!);
    }
    let best = -EPS;
    let chosen: Swap | undefined;
    for (const wk of ws) {
      const j = b.indexOf(wk);
      let delta =
        w.load *
          (excessOf(swappedIn(a, i, wk, NONE)) -
            excessOf(a) +
            excessOf(swappedIn(b, j, v, NONE)) -
            excessOf(b)) +
        removeV +
        arcsAndWarp(p, without(b, j), w) -
        arcsAndWarp(p, b, w);
      if (delta >= best) continue;
      const insV = insertionEstimate(p, b, v, j, w);
      delta += insV.cost;
      if (delta >= best) continue;
      const insW = insertionEstimate(p, a, wk, i, w);
      delta += insW.cost;
      if (delta >= best) continue;
      best = delta;
      chosen = { ra, rb, na: swappedIn(a, i, wk, insW.at), nb: swappedIn(b, j, v, insV.at) };
    }
    if (chosen === undefined) continue;
    const gain =
      penalised(p, chosen.na, w) + penalised(p, chosen.nb, w) - penalised(p, a, w) - penalised(p, b, w);
    if (gain < -EPS) return chosen;
  }
  return undefined;
}

export interface DayShape {
  /** Load dimensions (1 or 2). */
  dims: number;
  /** Window widths drawn from [min, max]. */
  window: [number, number];
  /** Travel 1.5 x longer from a higher location index to a lower one (no triangle inequality then). */
  skewed: boolean;
  /**
   * Points on a 5 m grid, travel by Manhattan distance at 1 m/s: every cost, time and warp is then exact in
   * floating point, and equal costs (ties between places, swaps, gains of 0) are frequent.
   */
  grid?: boolean;
}

/** Random VRPTW of 30 customers (as replay-oracle.ts's problem), with the shape's dimensions and windows. */
export function shapedProblem(seed: number, shape: DayShape): RoutingProblem {
  const rng = new Rng(seed);
  const points: [number, number][] = [[50, 50]];
  for (let i = 0; i < 30; i++)
    points.push(
      shape.grid === true ? [5 * rng.int(0, 20), 5 * rng.int(0, 20)] : [rng.int(0, 100), rng.int(0, 100)],
    );
  const jobs = points.slice(1).map((_, i) => {
    const open = rng.int(0, 300);
    const delivery = Array.from({ length: shape.dims }, () => rng.int(1, 20));
    return job(i + 1, {
      delivery,
      pickup: delivery.map(() => 0),
      serviceS: rng.int(0, 10),
      windows: [[open, open + rng.int(shape.window[0], shape.window[1])]],
    });
  });
  const manhattan = (a: number, b: number): number =>
    Math.abs(points[a]![0] - points[b]![0]) + Math.abs(points[a]![1] - points[b]![1]);
  const base =
    shape.grid === true
      ? { size: points.length, distance: manhattan, duration: manhattan }
      : euclidean(points, [1.3]);
  const skew = (a: number, b: number): number => (shape.skewed && a > b ? 1.5 : 1);
  return {
    dimensions: shape.dims,
    travel: {
      size: base.size,
      distance: (a, b) => base.distance(a, b) * skew(a, b),
      duration: (a, b, profile) => base.duration(a, b, profile) * skew(a, b),
    },
    jobs,
    vehicleTypes: [vehicleType({ capacity: shape.dims === 1 ? [60] : [60, 45], costPerSecond: 0.5 })],
    vehicles: Array.from({ length: 6 }, () => vehicle({ shiftStartS: 0, shiftEndS: 500 })),
  };
}

/**
 * A state of p: `pooled` customers left out of every route, the others dealt to `routes` routes at random
 * (so some routes are empty or hold one customer), and the rng after it.
 */
export function dealtState(
  p: RoutingProblem,
  seed: number,
  routes: number,
  pooled: number,
): { st: FleetState; rng: Rng } {
  const inst = buildInstance(p);
  const rng = new Rng(seed + 2000);
  const model = buildFleetModel(inst, buildNeighbours(inst, rng));
  const order = rng.shuffle(Array.from({ length: inst.n }, (_, j) => j + 1));
  const seqs: number[][] = Array.from({ length: routes }, () => [0]);
  for (const k of order.slice(pooled)) seqs[rng.int(0, routes - 1)]!.push(k);
  return {
    st: new FleetState(
      model,
      seqs.map((s) => [...s, 0]),
    ),
    rng,
  };
}
