import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { changeDelta, routeChange } from '../../src/solver/search/operators/move.ts';
import type { MoveContext } from '../../src/solver/search/operators/operator.ts';
import { swapStar } from '../../src/solver/search/operators/swap-star.ts';
import {
  cheapestInsertions,
  MAX_CACHE_BYTES,
  newInsertionCache,
} from '../../src/solver/search/operators/swap-star-insertions.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';
import { initialSolution } from './search-fixtures.ts';

/**
 * CVRP as the X set poses it (one trip, deliveries only, no windows), with Euclidean distances so the
 * triangle inequality holds, and two types priced per metre differently.
 */
function randomCvrp(seed: number): RoutingProblem {
  const rng = new Rng(seed);
  const points: [number, number][] = [[0, 0]];
  for (let i = 0; i < 36; i++) points.push([rng.int(-50, 50), rng.int(-50, 50)]);
  return {
    dimensions: 1,
    travel: euclidean(points),
    jobs: points.slice(1).map((_, i) => job(i + 1, { delivery: [rng.int(1, 6)] })),
    vehicleTypes: [vehicleType({ capacity: [20] }), vehicleType({ capacity: [16], costPerMetre: 1.4 })],
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

describe('swap*', () => {
  it('finds the best swap of the first neighbour route that has an improving one, as brute force does', () => {
    let moves = 0;
    let relocatedBoth = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const inst = buildInstance(randomCvrp(seed));
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
    expect(moves).toBeGreaterThan(20);
    expect(relocatedBoth).toBeGreaterThan(5);
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
