import type { Rng } from '../rng.ts';
import type { FleetModel } from './fleet-model.ts';
import { FleetState } from './fleet-state.ts';
import { penalisedLocalSearch } from './penalised-local-search.ts';
import { recreatePenalised } from './penalised-recreate.ts';
import { repair } from './penalised-sisr.ts';
import type { PenaltyWeights } from './penalty-weights.ts';

/** Nearest customers the child's local search tries per customer (as the distance search's). */
const LS_NEIGHBOURS = 10;

/** A child's routes before any repair: `a`'s kept routes, `b`'s remainders, and the customers left out. */
export interface ChildParts {
  readonly routes: number[][];
  readonly missing: number[];
}

/**
 * The parents' part of the crossover: keep the routes of `a` nearest a random customer (the route's nearest
 * customer to it counts; between one and all but one of them), take from `b` the routes that keep the most
 * customers once those kept are removed, until the count is back to `a`'s, and list the customers in neither.
 */
export function childParts(
  model: FleetModel,
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
  rng: Rng,
): ChildParts {
  const n1 = model.n + 1;
  const seed = rng.int(1, model.n);
  const distance = a.map((seq) => {
    let d = Infinity;
    for (const k of seq) if (k !== 0) d = Math.min(d, model.cost[seed * n1 + k]!);
    return d;
  });
  const order = a.map((_, r) => r).sort((x, y) => distance[x]! - distance[y]!);
  const keep = rng.int(1, Math.max(1, a.length - 1));
  const kept = new Uint8Array(n1);
  const routes: number[][] = [];
  for (let i = 0; i < keep; i++) {
    const seq = a[order[i]!]!;
    routes.push(seq.slice());
    for (const k of seq) kept[k] = 1;
  }
  const rest = b
    .map((seq) => seq.filter((k) => k === 0 || kept[k] === 0))
    .sort((x, y) => y.length - x.length);
  const missing: number[] = [];
  rest.forEach((seq, i) => {
    if (i < a.length - keep) routes.push(seq);
    else for (const k of seq) if (k !== 0) missing.push(k);
  });
  return { routes, missing };
}

/**
 * A route-based crossover of two solutions with the same number of routes (in the spirit of Nagata's
 * SREX and HGS): the parents' parts (childParts), the customers left over inserted with the penalised
 * greedy insertion, then the penalised local search and HGS's repair over every customer. The child may
 * violate windows or capacity.
 */
export function crossRoutes(
  model: FleetModel,
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
  weights: PenaltyWeights,
  rng: Rng,
): FleetState {
  const { routes, missing } = childParts(model, a, b, rng);
  const st = new FleetState(model, routes);
  recreatePenalised(st, missing, weights, rng, 0);
  const all: number[] = [];
  for (let k = 1; k <= model.n; k++) all.push(k);
  penalisedLocalSearch(st, all, weights, rng, LS_NEIGHBOURS, Infinity);
  repair(st, weights, rng);
  st.commit();
  return st;
}
