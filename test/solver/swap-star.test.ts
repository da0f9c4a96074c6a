import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance, DEPOT, type Instance } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { changeDelta, routeChange } from '../../src/solver/search/operators/move.ts';
import type { MoveContext } from '../../src/solver/search/operators/operator.ts';
import { swapStar } from '../../src/solver/search/operators/swap-star.ts';
import { removeRange } from '../../src/solver/search/removal.ts';
import {
  cheapestInsertions,
  MAX_CACHE_BYTES,
  newInsertionCache,
} from '../../src/solver/search/operators/swap-star-insertions.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';
import { initialSolution } from './search-fixtures.ts';

/**
 * What the jobs load: deliveries in one dimension (the X set), or in two, or pickups only in two. With
 * one direction only, a trip's total is its peak load, so swap*'s load screen is exact and the brute
 * force below can be matched move for move.
 */
type Loads = 'delivery' | 'delivery2' | 'pickup2';

/**
 * CVRP as the X set poses it (one trip, no windows), with Euclidean distances so the triangle inequality
 * holds, and two types priced per metre differently.
 */
function randomCvrp(seed: number, loads: Loads = 'delivery'): RoutingProblem {
  const rng = new Rng(seed);
  const points: [number, number][] = [[0, 0]];
  for (let i = 0; i < 36; i++) points.push([rng.int(-50, 50), rng.int(-50, 50)]);
  const two = loads !== 'delivery';
  const amount = (): number[] => (two ? [rng.int(0, 6), rng.int(0, 3)] : [rng.int(1, 6)]);
  const none = two ? [0, 0] : [0];
  return {
    dimensions: two ? 2 : 1,
    travel: euclidean(points),
    jobs: points
      .slice(1)
      .map((_, i) =>
        loads === 'pickup2'
          ? job(i + 1, { delivery: none, pickup: amount() })
          : job(i + 1, { delivery: amount(), pickup: none }),
      ),
    vehicleTypes: [
      vehicleType({ capacity: two ? [20, 7] : [20] }),
      vehicleType({ capacity: two ? [16, 9] : [16], costPerMetre: 1.4 }),
    ],
    vehicles: Array.from({ length: 9 }, (_, v) => vehicle({ type: v % 2 })),
  };
}

/** The jobs of b that swap* pairs with u: u's neighbours in b and the jobs just before and after them. */
function partners(ctx: MoveContext, u: number, b: number): Set<number> {
  const nodes = ctx.sol.routes[b]!.nodes;
  const out = new Set<number>();
  for (const k of ctx.neighbours[u]!) {
    const q = nodes.indexOf(k);
    if (q < 0) continue;
    for (const v of [nodes[q - 1]!, k, nodes[q + 1]!]) if (v >= 0) out.add(v);
  }
  return out;
}

/** Route b's best swap of u, by brute force: every partner v in b, every place for u in b \ v and for v in a \ u. */
function bruteBest(ctx: MoveContext, u: number, b: number): number {
  const { sol } = ctx;
  const a = sol.jobRoute[u]!;
  const na = sol.routes[a]!.nodes.filter((x) => x !== u);
  let best = Infinity;
  for (const v of partners(ctx, u, b)) {
    const nb = sol.routes[b]!.nodes.filter((x) => x !== v);
    for (let x = 1; x < na.length; x++)
      for (let y = 1; y < nb.length; y++) {
        const A = [...na.slice(0, x), v, ...na.slice(x)];
        const B = [...nb.slice(0, y), u, ...nb.slice(y)];
        const d = changeDelta(ctx, [routeChange(sol, a, A), routeChange(sol, b, B)]);
        if (d < best) best = d;
      }
  }
  return best;
}

/** The distinct routes of u's neighbours other than its own, in neighbour order (the order swap* tries them). */
function neighbourRoutes(ctx: MoveContext, u: number): number[] {
  const a = ctx.sol.jobRoute[u]!;
  const out: number[] = [];
  for (const k of ctx.neighbours[u]!) {
    const b = ctx.sol.jobRoute[k]!;
    if (b >= 0 && b !== a && !out.includes(b)) out.push(b);
  }
  return out;
}

/** Random X-like problems and the load kinds swap*'s screen reads (dimensions, pickups). */
const cases: readonly (readonly [number, Loads])[] = [
  ...[1, 2, 3, 4, 5, 6].map((seed) => [seed, 'delivery'] as const),
  [7, 'delivery2'],
  [8, 'delivery2'],
  [9, 'pickup2'],
  [10, 'pickup2'],
];

/** Every place of j in route r by distance added, cheapest first, ties to the earlier place (at most three). */
function bruteInsertions(inst: Instance, r: RouteState, j: number): { pos: number[]; cost: number[] } {
  const d = inst.problem.travel.distance;
  const lj = inst.jobLoc[j]!;
  const places = Array.from(r.loc)
    .slice(0, r.nodes.length - 1)
    .map((l, x) => ({ x, c: d(l, lj) + d(lj, r.loc[x + 1]!) - d(l, r.loc[x + 1]!) }))
    .sort((a, b) => a.c - b.c || a.x - b.x)
    .slice(0, 3);
  while (places.length < 3) places.push({ x: -1, c: Infinity });
  return { pos: places.map((p) => p.x), cost: places.map((p) => p.c) };
}

describe('swap* cheapest insertions', () => {
  it("are each job's three cheapest places in the route, -1 past a short route's places", () => {
    const inst = buildInstance(randomCvrp(5));
    const { sol } = initialSolution(inst, 5, 1e-9);
    // a one-job route has two places: its third entry is none
    const [longest] = sol.routes.filter((r) => r.jobs > 1).sort((x, y) => y.jobs - x.jobs);
    const moved = longest!.nodes[1]!;
    const empty = sol.routes.find((r) => r.jobs === 0)!;
    sol.begin();
    removeRange(sol, longest!.v, 1, 2);
    sol.setNodes(empty.v, [DEPOT, moved, DEPOT]);
    sol.commit();
    const cache = newInsertionCache(sol.routes.length, inst.n);
    let short = 0;
    for (const r of sol.routes.filter((x) => x.jobs > 0))
      for (let j = 0; j < inst.n; j++) {
        const e = cheapestInsertions(inst, cache, j, r);
        const want = bruteInsertions(inst, r, j);
        const o = 3 * j;
        expect([...e.pos.slice(o, o + 3)]).toEqual(want.pos);
        for (let k = 0; k < 3; k++) expect(e.cost[o + k]).toBeCloseTo(want.cost[k]!, 9);
        if (want.pos[2] === -1) short++;
      }
    expect(short).toBeGreaterThan(0);
  });

  it('are scanned once per job and route version, and again once the route changes', () => {
    const problem = randomCvrp(6);
    let lookups = 0;
    const travel = {
      ...problem.travel,
      distance: (a: number, b: number) => {
        lookups++;
        return problem.travel.distance(a, b);
      },
    };
    const inst = buildInstance({ ...problem, travel });
    const { sol } = initialSolution(inst, 6, 1e-9);
    const r = sol.routes.find((x) => x.jobs > 3)!;
    const j = inst.n - 1;
    const cache = newInsertionCache(sol.routes.length, inst.n);
    lookups = 0;
    cheapestInsertions(inst, cache, j, r);
    const scan = lookups;
    expect(scan).toBe(2 * (r.nodes.length - 1));
    cheapestInsertions(inst, cache, j, r);
    cheapestInsertions(inst, cache, j, r);
    expect(lookups).toBe(scan); // cached
    sol.begin();
    sol.unassigned = removeRange(sol, r.v, 1, 2);
    sol.commit();
    lookups = 0;
    const e = cheapestInsertions(inst, cache, j, r);
    expect(lookups).toBe(2 * (r.nodes.length - 1)); // the route changed: rescanned
    cheapestInsertions(inst, cache, j, r);
    expect(lookups).toBe(2 * (r.nodes.length - 1));
    expect([...e.pos.slice(3 * j, 3 * j + 3)]).toEqual(bruteInsertions(inst, r, j).pos);
  });
});

describe('swap*', () => {
  it('finds the best swap of the first neighbour route that has an improving one, as brute force does', () => {
    let moves = 0;
    let relocatedBoth = 0;
    for (const [seed, loads] of cases) {
      const inst = buildInstance(randomCvrp(seed, loads));
      const { sol, ctx } = initialSolution(inst, seed, 1e-9);
      for (let u = 0; u < inst.n; u++) {
        if (sol.jobRoute[u]! < 0) continue;
        const move = swapStar.evaluate(ctx, u);
        let expected: number | undefined;
        for (const b of neighbourRoutes(ctx, u)) {
          const best = bruteBest(ctx, u, b);
          if (best < -1e-9) {
            expected = best;
            break;
          }
        }
        if (expected === undefined) {
          expect(move, `job ${u}: brute force finds no improving swap`).toBeUndefined();
          continue;
        }
        expect(move, `job ${u}: brute force finds ${expected}`).toBeDefined();
        expect(move!.delta).toBeCloseTo(expected, 6);
        moves++;
        // u and v not simply trading places: what exchange cannot do
        const [ca, cb] = move!.changes;
        const oldA = sol.routes[ca!.v]!.nodes;
        const oldB = sol.routes[cb!.v]!.nodes;
        if (
          ca!.nodes.indexOf(oldB.find((x) => !oldA.includes(x) && ca!.nodes.includes(x))!) !== oldA.indexOf(u)
        )
          relocatedBoth++;
      }
    }
    expect(moves).toBeGreaterThan(40);
    expect(relocatedBoth).toBeGreaterThan(10);
  });

  it('prices nothing for a job no route holds', () => {
    const inst = buildInstance(randomCvrp(2));
    const { sol, ctx } = initialSolution(inst, 2, -Infinity);
    const u = sol.routes.find((r) => r.jobs > 1)!.nodes[1]!;
    sol.begin();
    sol.unassigned = removeRange(sol, sol.jobRoute[u]!, 1, 2);
    sol.commit();
    expect(sol.jobRoute[u]).toBe(-1);
    expect(swapStar.evaluate(ctx, u)).toBeUndefined();
  });

  it('never moves a job into or out of a route of more than one trip, also from a one-trip route', () => {
    const problem = randomCvrp(4);
    const inst = buildInstance({
      ...problem,
      // two trips hold 40 of the 126 units: the one-trip vehicles get the rest
      vehicles: [vehicle({ maxTrips: 2 }), ...Array.from({ length: 6 }, () => vehicle())],
    });
    const { sol, ctx } = initialSolution(inst, 4, -Infinity);
    const multi = sol.routes.filter((r) => r.trips > 1).map((r) => r.v);
    expect(multi).toHaveLength(1);
    let oneTripMoves = 0;
    for (let u = 0; u < inst.n; u++) {
      const move = swapStar.evaluate(ctx, u);
      if (move === undefined) continue;
      oneTripMoves++;
      for (const c of move.changes) expect(multi).not.toContain(c.v);
    }
    expect(oneTripMoves).toBeGreaterThan(0);
    // u's neighbours lie in the multi-trip route for some u of a one-trip route: the case that is screened
    const oneTripNextToMulti = Array.from({ length: inst.n }, (_, u) => u).filter(
      (u) =>
        !multi.includes(sol.jobRoute[u]!) && ctx.neighbours[u]!.some((k) => multi.includes(sol.jobRoute[k]!)),
    );
    expect(oneTripNextToMulti.length).toBeGreaterThan(0);
  });

  it('leaves routes of more than one trip alone', () => {
    const problem = randomCvrp(1);
    const inst = buildInstance({
      ...problem,
      vehicles: [vehicle({ maxTrips: 9 }), vehicle({ maxTrips: 9 })],
    });
    const { sol, ctx } = initialSolution(inst, 1, -Infinity);
    expect(sol.routes.some((r) => r.trips > 1)).toBe(true);
    for (let u = 0; u < inst.n; u++) {
      const a = sol.jobRoute[u]!;
      const move = swapStar.evaluate(ctx, u);
      if (move === undefined) continue;
      expect(sol.routes[a]!.trips).toBe(1);
      for (const c of move.changes) expect(sol.routes[c.v]!.trips).toBe(1);
    }
  });

  it('past its memory bound, rescans and finds the same cheapest places as the cache', () => {
    const inst = buildInstance(randomCvrp(3));
    const { sol } = initialSolution(inst, 3, 1e-9);
    const used = sol.routes.filter((r) => r.jobs > 0);
    const cached = newInsertionCache(sol.routes.length, inst.n);
    // room for one route's entries: the others go through the scratch set
    const bounded = newInsertionCache(sol.routes.length, inst.n, 44 * inst.n);
    expect(used.length).toBeGreaterThan(2);
    for (let round = 0; round < 2; round++)
      for (const r of used)
        for (let j = 0; j < inst.n; j++) {
          const a = cheapestInsertions(inst, cached, j, r);
          const b = cheapestInsertions(inst, bounded, j, r);
          for (let k = 3 * j; k < 3 * j + 3; k++) {
            expect(b.pos[k]).toBe(a.pos[k]);
            expect(b.cost[k]).toBe(a.cost[k]);
          }
        }
    expect(bounded.routes.filter((e) => e !== undefined)).toHaveLength(1);
    expect(bounded.scratch).toBeDefined();
    // the default bound caches a 10,000-job day's entries for at most about 150 routes (64 MB)
    expect(newInsertionCache(1_580, 10_000).allocatable).toBe(Math.floor(MAX_CACHE_BYTES / 440_000));
  });
});
