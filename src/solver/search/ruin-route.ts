import type { Rng } from '../rng.ts';
import { removeRange } from './removal.ts';
import { ruinStrings, type StringRuinParams } from './ruin-strings.ts';
import type { Solution } from './solution.ts';

/** Route removal's parameters. */
export interface RouteRuinParams {
  /** Used routes sampled; the one with the fewest jobs is emptied (3: small routes, not always the smallest). */
  readonly tournament: number;
  /** The string removal around the emptied route, which makes room for its jobs in the routes nearby. */
  readonly strings: StringRuinParams;
}

/**
 * Route removal (Ropke & Pisinger's ALNS, and the route emptying of SISR's fleet minimisation): empties the
 * smallest of `tournament` used routes sampled at random, then removes adjacent strings around one of its jobs.
 * String removal alone takes a route's last jobs only when every string of it is drawn at once, so it rarely
 * saves a vehicle's fixed cost; this move tries it outright. With one route used (nothing to merge into) it
 * is the string removal. Returns the removed jobs.
 */
export function ruinRoute(
  sol: Solution,
  neighbours: readonly Int32Array[],
  rng: Rng,
  params: RouteRuinParams,
): number[] {
  const used: number[] = [];
  for (let v = 0; v < sol.routes.length; v++) if (sol.routes[v]!.jobs > 0) used.push(v);
  if (used.length <= 1) return ruinStrings(sol, neighbours, rng, params.strings);
  let pick = -1;
  for (let k = 0; k < params.tournament; k++) {
    const v = used[rng.int(0, used.length - 1)]!;
    if (pick < 0 || sol.routes[v]!.jobs < sol.routes[pick]!.jobs) pick = v;
  }
  const route = sol.routes[pick]!;
  // a used route holds a job, and removeRange returns jobs only (no depot), so removed[0] is a job
  const removed = removeRange(sol, pick, 1, route.nodes.length - 1);
  return removed.concat(ruinStrings(sol, neighbours, rng, params.strings, removed[0]));
}
