import type { RouteState } from '../../evaluation/route-state.ts';
import type { Instance } from '../../model/instance.ts';

/**
 * Per route, each job j's three cheapest places in it (SWAP*'s preprocessing), by distance added:
 * `pos[3j + k]` is the position j would follow, -1 past the route's places; `cost[3j + k]` ascending,
 * ties to the earlier position. Valid while the route's version is `version[j] - 1`.
 */
export interface RouteEntries {
  readonly version: Float64Array;
  readonly pos: Int32Array;
  readonly cost: Float64Array;
}

/** Cached insertions of one solution, one entry set per route, allocated when first asked for. */
export interface InsertionCache {
  readonly routes: (RouteEntries | undefined)[];
  /** Entry sets that may still be allocated (see MAX_CACHE_BYTES). */
  allocatable: number;
  /** Used, rescanned on every call, for the routes asked for after the allocatable sets ran out. */
  scratch: RouteEntries | undefined;
}

/**
 * Bound on a solution's cached entry sets: each takes 44 bytes a job (8 + 3 × 4 + 3 × 8), so caching every
 * route of a 10,000-job day with 1,000 routes would take 440 MB. X-n1001 (43 routes) needs 1.9 MB; past the
 * bound, further routes are rescanned on each call (slower, same moves).
 */
export const MAX_CACHE_BYTES = 64 * 2 ** 20;
const BYTES_PER_JOB = 44;

/** An empty cache for a solution with `routes` routes over `jobs` jobs, holding at most `maxBytes` of entries. */
export function newInsertionCache(routes: number, jobs: number, maxBytes = MAX_CACHE_BYTES): InsertionCache {
  return {
    // filled, not holey: a sparse array would fall back to slow dictionary elements
    routes: new Array<undefined>(routes).fill(undefined),
    allocatable: Math.floor(maxBytes / (BYTES_PER_JOB * Math.max(1, jobs))),
    scratch: undefined,
  };
}

function entriesFor(n: number): RouteEntries {
  return { version: new Float64Array(n), pos: new Int32Array(3 * n), cost: new Float64Array(3 * n) };
}

/**
 * The entries of route `r` with job j's three cheapest insertions (any position, trips included) up to
 * date: kept when `r` has not changed since they were computed, else rescanned from its arcs.
 */
export function cheapestInsertions(
  inst: Instance,
  cache: InsertionCache,
  j: number,
  r: RouteState,
): RouteEntries {
  let e = cache.routes[r.v];
  if (e === undefined && cache.allocatable > 0) {
    e = entriesFor(inst.n);
    cache.routes[r.v] = e;
    cache.allocatable--;
  }
  if (e === undefined) {
    // Over the bound: the scratch set serves every uncached route, so its entry is never trusted.
    const scratch = (cache.scratch ??= entriesFor(inst.n));
    scan(inst, j, r, scratch.pos, scratch.cost, 3 * j);
    return scratch;
  }
  if (e.version[j] !== r.version + 1) {
    scan(inst, j, r, e.pos, e.cost, 3 * j);
    e.version[j] = r.version + 1;
  }
  return e;
}

function scan(
  inst: Instance,
  j: number,
  r: RouteState,
  pos: Int32Array,
  cost: Float64Array,
  o: number,
): void {
  const travel = inst.problem.travel;
  const lj = inst.jobLoc[j]!;
  pos.fill(-1, o, o + 3);
  cost.fill(Infinity, o, o + 3);
  const loc = r.loc;
  const arcDist = r.arcDist;
  for (let x = 0; x < r.nodes.length - 1; x++) {
    const c = travel.distance(loc[x]!, lj) + travel.distance(lj, loc[x + 1]!) - arcDist[x]!;
    if (c >= cost[o + 2]!) continue;
    if (c < cost[o + 0]!) {
      cost[o + 2] = cost[o + 1]!;
      pos[o + 2] = pos[o + 1]!;
      cost[o + 1] = cost[o + 0]!;
      pos[o + 1] = pos[o + 0]!;
      cost[o + 0] = c;
      pos[o + 0] = x;
    } else if (c < cost[o + 1]!) {
      cost[o + 2] = cost[o + 1]!;
      pos[o + 2] = pos[o + 1]!;
      cost[o + 1] = c;
      pos[o + 1] = x;
    } else {
      cost[o + 2] = c;
      pos[o + 2] = x;
    }
  }
}
