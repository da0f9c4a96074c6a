import { DEPOT } from '../model/instance.ts';
import type { Rng } from '../rng.ts';
import { removeRange } from './removal.ts';
import type { Solution } from './solution.ts';
import { pushAll } from '../../domain/arrays.ts';

/** SISR ruin parameters (Christiaens & Vanden Berghe 2020, table 6). */
export interface StringRuinParams {
  /** Average number of removed jobs (c-bar). */
  readonly avgRemoved: number;
  /** Maximum string length (L^max). */
  readonly maxString: number;
  /** Split-string: chance to stop growing the preserved substring at each step. */
  readonly splitBeta: number;
}

export const DEFAULT_STRING_RUIN: StringRuinParams = { avgRemoved: 10, maxString: 10, splitBeta: 0.01 };

/**
 * Adjacent string removal: from a random seed job, walk its neighbours; in each not-yet-ruined trip met,
 * remove a string (consecutive jobs) containing that neighbour, or a split string (a string with a
 * preserved middle part). Trips are ruined at most once per call. `seedJob` starts the walk from a given
 * job (route removal: around the route it emptied) instead of a random assigned one. Returns the removed jobs.
 */
export function ruinStrings(
  sol: Solution,
  neighbours: readonly Int32Array[],
  rng: Rng,
  params: StringRuinParams,
  seedJob?: number,
): number[] {
  const n = sol.inst.n;
  let assigned = 0;
  let tripJobs = 0;
  let trips = 0;
  for (const r of sol.routes) {
    assigned += r.jobs;
    tripJobs += r.jobs;
    trips += r.trips;
  }
  if (assigned === 0) return [];
  const avgTrip = tripJobs / Math.max(1, trips);
  const lsMax = Math.min(params.maxString, avgTrip);
  const ksMax = (4 * params.avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;

  let seed = seedJob ?? rng.int(0, n - 1);
  if (seedJob === undefined) {
    for (let tries = 0; sol.jobRoute[seed]! < 0 && tries < 4 * n; tries++) seed = rng.int(0, n - 1);
    if (sol.jobRoute[seed]! < 0) return [];
  }

  const removed: number[] = [];
  const ruinedMark = new Set<number>();
  let ruined = 0;
  const walk = [seed, ...neighbours[seed]!];
  for (const c of walk) {
    if (ruined >= ks) break;
    const v = sol.jobRoute[c]!;
    if (v < 0 || ruinedMark.has(c)) continue;
    const route = sol.routes[v]!;
    const p = route.positionOf(c);
    let s = p;
    while (route.nodes[s]! !== DEPOT) s--;
    let e = p;
    while (route.nodes[e]! !== DEPOT) e++;
    const len = e - s - 1;
    const lMax = Math.min(len, Math.max(1, Math.floor(lsMax)));
    const l = rng.int(1, lMax);
    for (let x = s + 1; x < e; x++) ruinedMark.add(route.nodes[x]!);
    if (l < len && rng.next() < 0.5)
      pushAll(removed, removeSplitString(sol, v, s, e, p, l, rng, params.splitBeta));
    else pushAll(removed, removeString(sol, v, s, e, p, l, rng));
    ruined++;
  }
  return removed;
}

/** First position of a window of `size` jobs inside trip (s, e) that contains position p. */
function windowStart(s: number, e: number, p: number, size: number, rng: Rng): number {
  const lo = Math.max(s + 1, p - size + 1);
  const hi = Math.min(p, e - size);
  return rng.int(lo, hi);
}

function removeString(
  sol: Solution,
  v: number,
  s: number,
  e: number,
  p: number,
  l: number,
  rng: Rng,
): number[] {
  const from = windowStart(s, e, p, l, rng);
  return removeRange(sol, v, from, from + l);
}

function removeSplitString(
  sol: Solution,
  v: number,
  s: number,
  e: number,
  p: number,
  l: number,
  rng: Rng,
  beta: number,
): number[] {
  const len = e - s - 1;
  let m = 1;
  while (m < len - l && rng.next() > beta) m++;
  const from = windowStart(s, e, p, l + m, rng);
  const keepFrom = from + rng.int(0, l);
  const keepTo = keepFrom + m;
  // Remove the tail first so the head's positions stay valid (unless a repair shortened the day).
  const before = sol.routes[v]!.nodes.length;
  const tail = removeRange(sol, v, keepTo, from + l + m);
  const expected = before - (from + l + m - keepTo);
  const head = sol.routes[v]!.nodes.length === expected ? removeRange(sol, v, from, keepFrom) : [];
  return [...tail, ...head];
}
