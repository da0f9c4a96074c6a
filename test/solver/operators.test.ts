import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { buildInstance, DEPOT, type Instance } from '../../src/solver/model/instance.ts';
import { toRoutingSolution } from '../../src/solver/output/to-solution.ts';
import { NO_WINDOWS_OPERATORS } from '../../src/solver/search/local-search.ts';
import type { Move } from '../../src/solver/search/operators/move.ts';
import type { LocalSearchOperator, MoveContext } from '../../src/solver/search/operators/operator.ts';
import { exchange } from '../../src/solver/search/operators/exchange.ts';
import { relocate } from '../../src/solver/search/operators/relocate.ts';
import { pairMoved, relocatePair } from '../../src/solver/search/operators/relocate-pair.ts';
import { twoOpt } from '../../src/solver/search/operators/two-opt.ts';
import { twoOptStar } from '../../src/solver/search/operators/two-opt-star.ts';
import { Solution } from '../../src/solver/search/solution.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { dayOracle } from './day-oracle.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';
import { initialSolution, PROBLEM_CASES, randomProblem, tripsOf } from './search-fixtures.ts';

const D = DEPOT;

/** Oracle cost of the given routes of the solution, from their node sequences alone. */
function oracleCostOf(problem: RoutingProblem, sol: Solution, vs: readonly number[]): number {
  return vs.reduce((s, v) => s + dayOracle(problem, v, tripsOf(sol.routes[v]!.nodes)).cost, 0);
}

/** Everything evaluate() must leave alone. */
function fingerprint(sol: Solution): string {
  return JSON.stringify([
    sol.routes.map((r) => [r.nodes, r.cost, r.version]),
    Array.from(sol.jobRoute),
    sol.unassigned,
  ]);
}

/**
 * Every job in exactly one place (a day or the unassigned list), and jobRoute saying which: the exact
 * check schedules whatever sequence it is given, so a move that duplicates one job and drops another
 * would pass it.
 */
function expectEachJobOnce(sol: Solution, what: string): void {
  const seen = new Array<number>(sol.inst.n).fill(0);
  sol.routes.forEach((r, v) => {
    for (const j of r.nodes)
      if (j !== D) {
        seen[j]!++;
        if (sol.jobRoute[j] !== v)
          expect.fail(`${what}: job ${j} is on day ${v}, jobRoute says ${sol.jobRoute[j]}`);
      }
  });
  for (const j of sol.unassigned) seen[j]!++;
  const wrong = seen.flatMap((count, j) => (count === 1 ? [] : [`job ${j} ${count} times`]));
  if (wrong.length > 0) expect.fail(`${what}: ${wrong.join(', ')}`);
}

/** Sums a number close to zero relative to the costs involved. */
const closeTo = (actual: number, expected: number): boolean =>
  Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));

interface WalkStats {
  moves: number;
  worsening: number;
}

/**
 * Evaluates every job in turn on the context's epsilon and applies each move found, checking for each:
 * evaluate changed nothing; delta = the oracle's cost change of the changed routes; every changed route
 * is feasible for the oracle; the whole solution passes the independent routing-solution check.
 */
function walk(problem: RoutingProblem, inst: Instance, op: LocalSearchOperator, ctx: MoveContext): WalkStats {
  const sol = ctx.sol;
  const stats: WalkStats = { moves: 0, worsening: 0 };
  for (let j = 0; j < inst.n; j++) {
    const before = fingerprint(sol);
    const move = op.evaluate(ctx, j);
    expect(fingerprint(sol)).toBe(before);
    if (move === undefined) continue;
    const vs = move.changes.map((c) => c.v);
    const costBefore = oracleCostOf(problem, sol, vs);
    sol.begin();
    op.apply(sol, move);
    sol.commit();
    const real = oracleCostOf(problem, sol, vs) - costBefore;
    if (!closeTo(move.delta, real))
      expect.fail(`${op.name} on job ${j}: delta ${move.delta} but the routes' cost changed by ${real}`);
    for (const v of vs) expect(dayOracle(problem, v, tripsOf(sol.routes[v]!.nodes)).violations).toEqual([]);
    expectEachJobOnce(sol, `${op.name} on job ${j}`);
    stats.moves++;
    if (move.delta > 0) stats.worsening++;
  }
  const out = toRoutingSolution(inst, sol, [], { iterations: 0, elapsedMs: 0, timeCapped: false });
  expect(checkRoutingSolution(problem, out)).toEqual([]);
  return stats;
}

describe.each(NO_WINDOWS_OPERATORS.map((op) => [op.name, op] as const))('operator %s', (_name, op) => {
  it('any feasible move: delta equals the recomputed cost change after apply, and the routes stay feasible', () => {
    // epsilon -Infinity: evaluate returns the first feasible candidate, improving or not, so the walk
    // also checks deltas of worsening moves and visits many more solutions.
    const total: WalkStats = { moves: 0, worsening: 0 };
    for (const opt of PROBLEM_CASES) {
      for (let seed = 1; seed <= 3; seed++) {
        const problem = randomProblem(seed, opt);
        const inst = buildInstance(problem);
        const { ctx } = initialSolution(inst, seed, -Infinity);
        for (let round = 0; round < 3; round++) {
          const s = walk(problem, inst, op, ctx);
          total.moves += s.moves;
          total.worsening += s.worsening;
        }
      }
    }
    expect(total.moves).toBeGreaterThan(150);
    expect(total.worsening).toBeGreaterThan(50);
  });

  it('improving moves: negative delta equal to the cost change, feasible, until none is left', () => {
    let moves = 0;
    for (const opt of PROBLEM_CASES) {
      for (let seed = 4; seed <= 6; seed++) {
        const problem = randomProblem(seed, opt);
        const inst = buildInstance(problem);
        const { ctx } = initialSolution(inst, seed);
        let found = 1;
        for (let round = 0; round < 20 && found > 0; round++) {
          const cost = ctx.sol.cost();
          found = walk(problem, inst, op, ctx).moves;
          moves += found;
          if (found > 0) expect(ctx.sol.cost()).toBeLessThan(cost);
        }
      }
    }
    expect(moves).toBeGreaterThan(10);
  });

  it('refuses to apply a move evaluated on a route that changed since', () => {
    const problem = randomProblem(2, { tight: false, costPerSecond: 0, singleTrip: true });
    const inst = buildInstance(problem);
    const { sol, ctx } = initialSolution(inst, 2, -Infinity);
    let move: Move | undefined;
    for (let j = 0; j < inst.n && move === undefined; j++) move = op.evaluate(ctx, j);
    expect(move).toBeDefined();
    const v = move!.changes[0]!.v;
    sol.setNodes(v, sol.routes[v]!.nodes.slice());
    expect(() => op.apply(sol, move!)).toThrow(/stale/);
  });
});

/** A solution of `problem` with the given node sequence per vehicle, and granular lists `neighbours`. */
function crafted(
  problem: RoutingProblem,
  routes: readonly number[][],
  neighbours: Record<number, number[]>,
): { inst: Instance; ctx: MoveContext } {
  const inst = buildInstance(problem);
  const sol = new Solution(inst);
  routes.forEach((nodes, v) => sol.setNodes(v, nodes));
  const lists = Array.from({ length: inst.n }, (_, j) => Int32Array.from(neighbours[j] ?? []));
  return { inst, ctx: { inst, sol, neighbours: lists, epsilon: 1e-9 } };
}

/** Evaluates job j, checks the move's routes and its delta against the oracle, and applies it. */
function expectMove(
  op: LocalSearchOperator,
  problem: RoutingProblem,
  ctx: MoveContext,
  j: number,
  expected: readonly number[][],
): void {
  const sol = ctx.sol;
  const before = oracleCostOf(problem, sol, [...sol.routes.keys()]);
  const move = op.evaluate(ctx, j);
  expect(move, `${op.name} finds no move for job ${j}`).toBeDefined();
  op.apply(sol, move!);
  expect(sol.snapshot()).toEqual(expected);
  const after = oracleCostOf(problem, sol, [...sol.routes.keys()]);
  expect(move!.delta).toBeLessThan(0);
  expect(move!.delta).toBeCloseTo(after - before, 9);
}

describe('2-opt*: both tail exchanges are searched', () => {
  // Two crossing days from a depot at the origin: A = D a1 a2 D (upper left, lower right), B = D b1 b2 D
  // (lower left, upper right). Exchanging the tails after a1 and b1 uncrosses them. Each vehicle
  // carries at most two jobs, so merging all four jobs into one day (the other exchange) is infeasible.
  const points: [number, number][] = [
    [0, 0],
    [10, 10], // a1 = job 0
    [20, -10], // a2 = job 1
    [10, -10], // b1 = job 2
    [20, 10], // b2 = job 3
  ];
  const problem: RoutingProblem = {
    dimensions: 1,
    travel: euclidean(points),
    jobs: [job(1), job(2), job(3), job(4)],
    vehicleTypes: [vehicleType({ capacity: [2] })],
    vehicles: [vehicle(), vehicle()],
  };
  const start = [
    [D, 0, 1, D],
    [D, 2, 3, D],
  ];
  const uncrossed = [
    [D, 0, 3, D],
    [D, 2, 1, D],
  ];

  it('arc (j, k): A[..j] + B[k..], B[..k-1] + A[j+1..] (j = a1, k = b2)', () => {
    const { ctx } = crafted(problem, start, { 0: [3] });
    expectMove(twoOptStar, problem, ctx, 0, uncrossed);
  });

  it('arc (k, j): B[..k] + A[j..], A[..j-1] + B[k+1..] (j = a2, k = b1)', () => {
    const { ctx } = crafted(problem, start, { 1: [2] });
    expectMove(twoOptStar, problem, ctx, 1, uncrossed);
  });
});

describe('2-opt*: two trips ending and starting at the depot join there with one reload', () => {
  // Two days of two trips each, reload 100 s, 1 m = 1 s from a depot at the origin. A = D a1 D a2 D with
  // a2 to be served by 134 s: A's second trip must leave by 124 s, so A may return from its first trip
  // until 24 s. B = D b1 D b2 D, b2 next to a1. Exchanging the ends after a1 and before b2 gives
  // A' = D a1 b2 D and B' = D b1 D a2 D, where b1's return at 24 s and one reload reach a2 at 134 s,
  // just in time.
  const problem: RoutingProblem = {
    dimensions: 1,
    travel: euclidean([
      [0, 0],
      [10, 0], // a1 = job 0
      [0, 10], // a2 = job 1
      [12, 0], // b1 = job 2
      [10, 2], // b2 = job 3
    ]),
    jobs: [job(1), job(2, { windows: [[0, 134]] }), job(3), job(4)],
    vehicleTypes: [vehicleType()],
    vehicles: [vehicle({ maxTrips: 2, reloadS: 100 }), vehicle({ maxTrips: 2, reloadS: 100 })],
  };

  it('arc (j, k) with j last in its trip and k first in its trip (j = a1, k = b2)', () => {
    const { ctx } = crafted(
      problem,
      [
        [D, 0, D, 1, D],
        [D, 2, D, 3, D],
      ],
      { 0: [3] },
    );
    expectMove(twoOptStar, problem, ctx, 0, [
      [D, 0, 3, D],
      [D, 2, D, 1, D],
    ]);
  });
});

describe('relocate: both sides of the neighbour are searched', () => {
  // Depot at the origin; day B = D k m D with k = (10, 0), m = (10, 10); day A holds j and n.
  const problem = (j: [number, number], n: [number, number]): RoutingProblem => ({
    dimensions: 1,
    travel: euclidean([[0, 0], j, n, [10, 0], [10, 10]]),
    jobs: [job(1), job(2), job(3), job(4)],
    vehicleTypes: [vehicleType()],
    vehicles: [vehicle(), vehicle()],
  });
  const start = [
    [D, 0, 1, D],
    [D, 2, 3, D],
  ];

  it('right before k: j on the arc depot -> k', () => {
    // j = (5, 0) costs nothing between D and k, 6.18 between k and m, and saves 3.82 in A.
    const p = problem([5, 0], [5, -10]);
    const { ctx } = crafted(p, start, { 0: [2] });
    expectMove(relocate, p, ctx, 0, [
      [D, 1, D],
      [D, 0, 2, 3, D],
    ]);
  });

  it('right after k: j on the arc k -> m', () => {
    // j = (10, 5) costs nothing between k and m, 6.18 between D and k, and saves 0.6 in A.
    const p = problem([10, 5], [20, 5]);
    const { ctx } = crafted(p, start, { 0: [2] });
    expectMove(relocate, p, ctx, 0, [
      [D, 1, D],
      [D, 2, 0, 3, D],
    ]);
  });
});

describe('2-opt: both orientations are searched', () => {
  // One day around the square (0,10) (10,10) (10,0): visiting the corners out of order crosses itself.
  const problem: RoutingProblem = {
    dimensions: 1,
    travel: euclidean([
      [0, 0],
      [0, 10],
      [10, 10],
      [10, 0],
    ]),
    jobs: [job(1), job(2), job(3)], // 0 = (0,10), 1 = (10,10), 2 = (10,0)
    vehicleTypes: [vehicleType()],
    vehicles: [vehicle()],
  };

  it('j before k: reverses the stretch after j up to k', () => {
    // D (0,10) (10,0) (10,10) D: j = job 0 at 1, k = job 1 at 3.
    const { ctx } = crafted(problem, [[D, 0, 2, 1, D]], { 0: [1] });
    expectMove(twoOpt, problem, ctx, 0, [[D, 0, 1, 2, D]]);
  });

  it('k before j: reverses the stretch from k up to before j', () => {
    // D (10,10) (0,10) (10,0) D: j = job 2 at 3, k = job 1 at 1.
    const { ctx } = crafted(problem, [[D, 1, 0, 2, D]], { 2: [1] });
    expectMove(twoOpt, problem, ctx, 2, [[D, 0, 1, 2, D]]);
  });
});

describe('exchange: swaps two jobs when neither route has room for a third', () => {
  // Two full days (capacity 3) from a depot at the origin, each holding one job of the other's cluster in
  // its middle: no job can move to the other day alone (capacity).
  const problem: RoutingProblem = {
    dimensions: 1,
    travel: euclidean([
      [0, 0],
      [10, 10], // job 0: A's cluster
      [-11, 10.5], // job 1: B's cluster, on day A
      [12, 10], // job 2: A's cluster
      [-10, 10], // job 3: B's cluster
      [11, 10.5], // job 4: A's cluster, on day B
      [-12, 10], // job 5: B's cluster
    ]),
    jobs: [job(1), job(2), job(3), job(4), job(5), job(6)],
    vehicleTypes: [vehicleType({ capacity: [3] })],
    vehicles: [vehicle(), vehicle()],
  };
  const start = [
    [D, 0, 1, 2, D],
    [D, 3, 4, 5, D],
  ];

  it('j takes the place of the job after its neighbour k, which takes the place of j', () => {
    // j = job 4 (day B), k = job 0 (day A): swapping j with k itself does not pay; with k's successor it does.
    const { ctx } = crafted(problem, start, { 4: [0] });
    expectMove(exchange, problem, ctx, 4, [
      [D, 0, 4, 2, D],
      [D, 3, 1, 5, D],
    ]);
  });

  it('j takes the place of the job before its neighbour k', () => {
    // j = job 1 (day A), k = job 5 (day B): the job before k is job 4.
    const { ctx } = crafted(problem, start, { 1: [5] });
    expectMove(exchange, problem, ctx, 1, [
      [D, 0, 4, 2, D],
      [D, 3, 1, 5, D],
    ]);
  });

  it('j takes the place of its neighbour k', () => {
    const { ctx } = crafted(problem, start, { 1: [4] });
    expectMove(exchange, problem, ctx, 1, [
      [D, 0, 4, 2, D],
      [D, 3, 1, 5, D],
    ]);
  });
});

describe('relocate pair: j and the job after it move together next to a neighbour k', () => {
  // Day A = D j u a1 a2 D carries a pair (j, u) from day B's side; B = D b k D. u must be served by `uCloses`.
  const problem = (uCloses: number): RoutingProblem => ({
    dimensions: 1,
    travel: euclidean([
      [0, 0],
      [-11, 0.5], // job 0: j
      [-19, 0.5], // job 1: u
      [10, 0], // job 2
      [12, 0], // job 3
      [-10, 0], // job 4: k
      [-20, 0], // job 5: b
    ]),
    jobs: [job(1), job(2, { windows: [[0, uCloses]] }), job(3), job(4), job(5), job(6)],
    vehicleTypes: [vehicleType()],
    vehicles: [vehicle(), vehicle()],
  });
  const start = [
    [D, 0, 1, 2, 3, D],
    [D, 5, 4, D],
  ];

  it('right after k, in order (j, u)', () => {
    const p = problem(1e6);
    const { ctx } = crafted(p, start, { 0: [4] });
    expectMove(relocatePair, p, ctx, 0, [
      [D, 2, 3, D],
      [D, 5, 4, 0, 1, D],
    ]);
  });

  it('right before k, in order (u, j), when u cannot wait until after k', () => {
    // after k, u would be reached at 39.1 > 35; before k at 21.0
    const p = problem(35);
    const { ctx } = crafted(p, start, { 0: [4] });
    expectMove(relocatePair, p, ctx, 0, [
      [D, 2, 3, D],
      [D, 5, 1, 0, 4, D],
    ]);
  });

  /** One vehicle, no windows, jobs 0.. at the given points of the x axis (the depot at 0). */
  const onALine = (...xs: number[]): RoutingProblem => ({
    dimensions: 1,
    travel: euclidean([[0, 0], ...xs.map((x): [number, number] => [x, 0])]),
    jobs: xs.map((_, i) => job(i + 1)),
    vehicleTypes: [vehicleType()],
    vehicles: [vehicle()],
  });

  it('within one day, right after a neighbour k earlier in the day', () => {
    // k = job 0 at 1, a = job 1 at 10, j = job 2 at 2, u = job 3 at 3: D k a j u D (22 m) becomes D k j u a D (20 m)
    const line = onALine(1, 10, 2, 3);
    const { ctx } = crafted(line, [[D, 0, 1, 2, 3, D]], { 2: [0] });
    expectMove(relocatePair, line, ctx, 2, [[D, 0, 2, 3, 1, D]]);
  });

  it('within one day, right after a neighbour k later in the day', () => {
    // j = job 0 at 3, u = job 1 at 4, a = job 2 at 1, k = job 3 at 2: D j u a k D (10 m) becomes D a k j u D (8 m)
    const line = onALine(3, 4, 1, 2);
    const { ctx } = crafted(line, [[D, 0, 1, 2, 3, D]], { 0: [3] });
    expectMove(relocatePair, line, ctx, 0, [[D, 2, 3, 0, 1, D]]);
  });

  it('never inserts the pair inside itself, even when j is listed as its own neighbour', () => {
    // k = j: "right after k" is between j and u, "right before k" where the pair already is
    const p = problem(1e6);
    const { ctx } = crafted(p, start, { 0: [0] });
    expect(relocatePair.evaluate({ ...ctx, epsilon: -Infinity }, 0)).toBeUndefined();
  });

  it('refuses to build a day with the pair inserted between its own two jobs', () => {
    // inserting (j, u) between j and u, then taking out positions p and p+1, would leave u twice and no j
    const p = problem(1e6);
    const { ctx } = crafted(p, start, {});
    expect(() => pairMoved(ctx.sol, 0, 1, 0, 1, 0, 1)).toThrow(/inside the pair/);
    // right before and right after the pair: the same jobs, the pair in the given order
    expect(pairMoved(ctx.sol, 0, 1, 0, 0, 1, 0)[0]!.nodes).toEqual([D, 1, 0, 2, 3, D]);
    expect(pairMoved(ctx.sol, 0, 1, 0, 2, 1, 0)[0]!.nodes).toEqual([D, 1, 0, 2, 3, D]);
    expect(pairMoved(ctx.sol, 0, 1, 0, 3, 0, 1)[0]!.nodes).toEqual([D, 2, 0, 1, 3, D]);
  });
});
