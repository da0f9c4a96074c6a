import { describe, expect, it, vi } from 'vitest';
import type { DaySpeedFactors, RoutingProblem } from '../../src/domain/routing-problem.ts';
import { daySpeedFactors, timeDependentTravel } from '../../src/geo/index.ts';
import { buildInstance, DEPOT, type Instance } from '../../src/solver/model/instance.ts';
import {
  changeDelta,
  dropEmptyTrips,
  improvingMove,
  routeChange,
} from '../../src/solver/search/operators/move.ts';
import type * as MoveModule from '../../src/solver/search/operators/move.ts';
import { exchange, fitsReplacing } from '../../src/solver/search/operators/exchange.ts';
import type { MoveContext } from '../../src/solver/search/operators/operator.ts';
import { relocate } from '../../src/solver/search/operators/relocate.ts';
import { pairFits, relocatePair } from '../../src/solver/search/operators/relocate-pair.ts';
import { fitsBetween, reversalFits } from '../../src/solver/search/operators/screens.ts';
import { screen as twoOptStarFits, twoOptStar } from '../../src/solver/search/operators/two-opt-star.ts';
import { Solution } from '../../src/solver/search/solution.ts';
import { driveAt } from '../support/timed-drive.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';
import { initialSolution, PROBLEM_CASES, randomProblem, tripsOf } from './search-fixtures.ts';

// the exact check, watched: which candidates the screens let through
vi.mock('../../src/solver/search/operators/move.ts', async (importOriginal) => {
  const real = await importOriginal<typeof MoveModule>();
  return { ...real, improvingMove: vi.fn(real.improvingMove) };
});
const exactChecks = vi.mocked(improvingMove);

// The O(1) screens the operators run before the exact day schedule (changeDelta): a screen that
// rejects a feasible move silently shrinks the neighbourhood, one that accepts too much only costs exact
// checks, so neither shows in the operators' walks. Every candidate between two days of the random
// problems is judged by the exact check, by a forward simulation of windows and shift from the
// RoutingProblem alone, and by loads recomputed from the new sequences. When the days share shift,
// depot and reload time, each screen must accept every feasible candidate; its windows part must accept
// exactly the candidates whose windows and shift hold, and its loads part exactly those whose loads fit
// on the arcs it claims to check (so a weakened term shows too); and each part must reject some.
// (Within one day the window screens are a filter, not a necessary condition: not checked here.)

/** Speed factors by time of day (as in time-dependent.test.ts): the screens drive at departure times. */
const SLOW: DaySpeedFactors = daySpeedFactors([
  { startS: 150, endS: 350, factor: 0.5 },
  { startS: 400, endS: 520, factor: 1.5 },
  { startS: 650, endS: 800, factor: 0.6 },
]);
const timed = (problem: RoutingProblem): RoutingProblem => ({
  ...problem,
  travel: timeDependentTravel(problem.travel, () => SLOW),
});

interface Case {
  readonly label: string;
  readonly inst: Instance;
  readonly sol: Solution;
  readonly ctx: MoveContext;
}

/**
 * Takes every third job out of each day, so the days have room: the greedy solutions are packed, and
 * most candidates on them are infeasible.
 */
function thin(sol: Solution): void {
  sol.routes.forEach((r, v) => {
    const out = r.nodes.filter((x, i) => x >= 0 && i % 3 === 1);
    sol.setNodes(v, dropEmptyTrips(r.nodes.filter((x) => !out.includes(x))));
    for (const j of out) sol.jobRoute[j] = -1;
    sol.unassigned.push(...out);
  });
}

/**
 * The random problem with every vehicle reloading in the same time (they take 15, 10, 15 and 0 s: 2-opt*
 * judges a day's moved end against its latest times, which count the old vehicle's reloads), and some
 * jobs kept off type 1 as others are off type 0 (so a type check reading the wrong job shows).
 */
const variant = (problem: RoutingProblem): RoutingProblem => ({
  ...problem,
  jobs: problem.jobs.map((job, i) => (i % 7 === 3 ? { ...job, allowedVehicleTypes: [0] } : job)),
  vehicles: problem.vehicles.map((v) => ({ ...v, reloadS: 12 })),
});

let built: Case[] | undefined;

/**
 * Every random problem of the operator tests on seeds 1-3 (and the tight ones with timed driving), each
 * with a greedy solution and with that solution thinned.
 */
function cases(): Case[] {
  if (built !== undefined) return built;
  built = [];
  for (const opt of PROBLEM_CASES)
    for (let seed = 1; seed <= 3; seed++) {
      const label = `${JSON.stringify(opt)} seed ${seed}`;
      const base = variant(randomProblem(seed, opt));
      const variants: [string, RoutingProblem][] = [[label, base]];
      if (opt.tight) variants.push([`timed ${label}`, timed(base)]);
      for (const [name, problem] of variants) {
        const inst = buildInstance(problem);
        for (const thinned of [false, true]) {
          const { sol, ctx } = initialSolution(inst, seed);
          if (thinned) thin(sol);
          built.push({ label: thinned ? `${name} thinned` : name, inst, sol, ctx });
        }
      }
    }
  return built;
}

/** The days with their nodes replaced pass the exact check the operators confirm moves with. */
const feasible = (c: Case, days: readonly [number, number[]][]): boolean =>
  changeDelta(
    c.ctx,
    days.map(([v, nodes]) => routeChange(c.sol, v, nodes)),
  ) !== Infinity;

/** Seconds of rounding tolerated on a window close or the shift end (as the day oracle). */
const EPS = 1e-7;

/**
 * Some window or the shift end of day v is missed, by a forward simulation from the RoutingProblem
 * alone (the day oracle's rules, without its costs and limits: each trip leaves when the vehicle is
 * ready, every service starts at the earliest instant inside a window).
 */
function windowsBroken(c: Case, v: number, nodes: readonly number[]): boolean {
  const problem = c.inst.problem;
  const vehicle = problem.vehicles[v]!;
  const profile = problem.vehicleTypes[vehicle.type]!.profile;
  let ready = vehicle.shiftStartS;
  for (const trip of tripsOf(nodes)) {
    let t = ready;
    let at = vehicle.depot;
    for (const j of trip) {
      const job = problem.jobs[j]!;
      t += driveAt(problem, at, job.location, profile, t);
      const w = job.windows.find(([, close]) => t <= close + EPS);
      if (job.windows.length > 0 && w === undefined) return true;
      if (w !== undefined) t = Math.max(t, w[0]);
      t += job.serviceS;
      at = job.location;
    }
    t += driveAt(problem, at, vehicle.depot, profile, t);
    if (t > vehicle.shiftEndS + EPS) return true;
    ready = Math.max(t, vehicle.shiftStartS) + vehicle.reloadS;
  }
  return false;
}

/**
 * Which arcs of a trip (as stops: 0 = the depot, i = the trip's i-th job) a loads screen answers for:
 * all of them, or only some (a screen may check less than the exact schedule does, never something else).
 */
type Arcs = (trip: readonly number[], from: number) => boolean;
const EVERY_ARC: Arcs = () => true;

/** Some trip of day v carries more than v's capacity on one of the given arcs, recomputed from the nodes. */
function overloaded(c: Case, v: number, nodes: readonly number[], arcs: Arcs): boolean {
  const { inst } = c;
  const cap = inst.problem.vehicleTypes[inst.problem.vehicles[v]!.type]!.capacity;
  return tripsOf(nodes).some((trip) =>
    cap.some((max, d) => {
      let load = trip.reduce((sum, j) => sum + inst.del[j * inst.dims + d]!, 0);
      for (let i = 0; i <= trip.length; i++) {
        if (i > 0) load += inst.pick[trip[i - 1]! * inst.dims + d]! - inst.del[trip[i - 1]! * inst.dims + d]!;
        if (load > max && arcs(trip, i)) return true;
      }
      return false;
    }),
  );
}

/** Verdicts counted over all candidates; a screen answering wrongly fails at once. */
interface Tally {
  feasible: number;
  /** Rejected by the windows part of the screen. */
  byWindows: number;
  /** Passing the windows part, rejected by the loads part. */
  byLoads: number;
}

/**
 * One candidate (the new sequences of the changed days): `windows` is the screen's verdict without its
 * loads part, `full` the whole screen's; `arcs` the arcs its loads part answers for.
 */
function judge(
  t: Tally,
  c: Case,
  days: readonly [number, number[]][],
  windows: boolean,
  full: boolean,
  arcs: Arcs,
  what: () => string,
): void {
  const where = (): string => `${c.label}: ${what()}`;
  if (full && !windows) expect.fail(`${where()}: passes the whole screen but not its windows part`);
  const windowsOk = !days.some(([v, nodes]) => windowsBroken(c, v, nodes));
  // the exact check only where windows and loads allow it (to save time: it would refuse the others)
  if (windowsOk && !days.some(([v, nodes]) => overloaded(c, v, nodes, EVERY_ARC)) && feasible(c, days)) {
    t.feasible++;
    if (!full) expect.fail(`${where()} is feasible but was screened out (windows part: ${windows})`);
  }
  if (windows !== windowsOk)
    expect.fail(
      `${where()}: the oracle finds windows and shift ${windowsOk ? 'hold' : 'broken'}, the screen's windows part says ${windows}`,
    );
  if (!windows) {
    t.byWindows++;
    return;
  }
  const loadsOk = !days.some(([v, nodes]) => overloaded(c, v, nodes, arcs));
  if (full !== loadsOk)
    expect.fail(
      `${where()}: the screened arcs ${loadsOk ? 'fit' : 'are overloaded'}, the screen's loads part says ${full}`,
    );
  if (!full) t.byLoads++;
}

/** The instance seen with no load dimension: a screen's loops over loads find nothing to check. */
const noLoads = (inst: Instance): Instance => ({ ...inst, dims: 0 });

const tally = (): Tally => ({ feasible: 0, byWindows: 0, byLoads: 0 });

function expectRejections(t: Tally, min: Tally): void {
  expect(t.feasible).toBeGreaterThan(min.feasible);
  expect(t.byWindows).toBeGreaterThan(min.byWindows);
  expect(t.byLoads).toBeGreaterThan(min.byLoads);
}

describe('relocate screen (fitsBetween)', () => {
  it('never rejects inserting a job of another day at any position, and rejects some infeasible ones on windows and on loads', () => {
    const t = tally();
    for (const c of cases()) {
      const { inst, sol } = c;
      sol.routes.forEach((rb, b) => {
        for (let x = 0; x < rb.nodes.length - 1; x++)
          for (let j = 0; j < inst.n; j++) {
            if (sol.jobRoute[j] === b) continue;
            const nodes = rb.nodes.slice();
            nodes.splice(x + 1, 0, j);
            judge(
              t,
              c,
              [[b, nodes]],
              fitsBetween(inst, rb, j, x, false),
              fitsBetween(inst, rb, j, x),
              EVERY_ARC,
              () => `job ${j} between positions ${x} and ${x + 1} of day ${b} [${rb.nodes.join(' ')}]`,
            );
          }
      });
    }
    expectRejections(t, { feasible: 4000, byWindows: 15000, byLoads: 4000 });
  });
});

describe('relocate pair screen (pairFits)', () => {
  it('never rejects inserting two jobs of other days, in either order, at any position, and rejects some infeasible ones on windows and on loads', () => {
    const t = tally();
    for (const c of cases()) {
      const { inst, sol } = c;
      // the pairs the operator moves (j and the job after it, in both orders) and a few unrelated ones
      const pairs: [number, number][] = [];
      for (const r of sol.routes)
        for (let p = 1; p < r.nodes.length - 2; p++) {
          const [f, s] = [r.nodes[p]!, r.nodes[p + 1]!];
          if (f >= 0 && s >= 0) pairs.push([f, s], [s, f]);
        }
      for (let f = 0; f < inst.n; f++) pairs.push([f, (f + 7) % inst.n]);
      sol.routes.forEach((rb, b) => {
        for (let x = 0; x < rb.nodes.length - 1; x++)
          for (const [f, s] of pairs) {
            if (sol.jobRoute[f] === b || sol.jobRoute[s] === b) continue;
            const nodes = rb.nodes.slice();
            nodes.splice(x + 1, 0, f, s);
            judge(
              t,
              c,
              [[b, nodes]],
              pairFits(inst, rb, f, s, x, false),
              pairFits(inst, rb, f, s, x, true),
              // not the arc between the two: its load (-delivery +pickup of the first) is left to the exact check
              (trip, from) => trip[from - 1] !== f || trip[from] !== s,
              () => `jobs ${f}, ${s} between positions ${x} and ${x + 1} of day ${b} [${rb.nodes.join(' ')}]`,
            );
          }
      });
    }
    expectRejections(t, { feasible: 1500, byWindows: 30000, byLoads: 9000 });
  });
});

describe('2-opt* screen', () => {
  it("never rejects a feasible exchange of two days' ends, and rejects some infeasible ones on windows and on loads", () => {
    const t = tally();
    for (const c of cases()) {
      const { sol } = c;
      const windowsOnly = { ...c.ctx, inst: noLoads(c.inst) };
      sol.routes.forEach((ra, a) =>
        sol.routes.forEach((rb, b) => {
          if (a === b) return;
          for (let p = 1; p < ra.nodes.length - 1; p++)
            for (let q = 1; q < rb.nodes.length - 1; q++) {
              if (ra.nodes[p]! < 0 || rb.nodes[q]! < 0) continue;
              // A' = A[..p] + B[q..], B' = B[..q-1] + A[p+1..]
              const A = dropEmptyTrips(ra.nodes.slice(0, p + 1).concat(rb.nodes.slice(q)));
              const B = dropEmptyTrips(rb.nodes.slice(0, q).concat(ra.nodes.slice(p + 1)));
              // a job of each joined trip: j, and the job before or after the second join (if any)
              const [first, second] = [
                ra.nodes[p]!,
                rb.nodes[q - 1]! >= 0 ? rb.nodes[q - 1]! : ra.nodes[p + 1]!,
              ];
              judge(
                t,
                c,
                [
                  [a, A],
                  [b, B],
                ],
                twoOptStarFits(windowsOnly, ra, p, rb, q),
                twoOptStarFits(c.ctx, ra, p, rb, q),
                // total deliveries and pickups (the loads leaving and reaching the depot) of the two trips
                // that are joined; the other trips change vehicle only when they move whole
                (trip, from) =>
                  (trip.includes(first) || trip.includes(second)) && (from === 0 || from === trip.length),
                () => `days ${a} [${ra.nodes.join(' ')}] at ${p} and ${b} [${rb.nodes.join(' ')}] at ${q}`,
              );
            }
        }),
      );
    }
    expectRejections(t, { feasible: 400, byWindows: 7000, byLoads: 2500 });
  });
});

describe('exchange screen (fitsReplacing)', () => {
  it('never rejects a feasible swap between two days, and rejects some infeasible ones on windows and on loads', () => {
    const t = tally();
    for (const c of cases()) {
      const { inst, sol } = c;
      const bare = noLoads(inst);
      for (let j = 0; j < inst.n; j++)
        for (let k = 0; k < inst.n; k++) {
          const [a, b] = [sol.jobRoute[j]!, sol.jobRoute[k]!];
          if (a < 0 || b < 0 || a === b) continue;
          const [ra, rb] = [sol.routes[a]!, sol.routes[b]!];
          const [p, s] = [ra.positionOf(j), rb.positionOf(k)];
          const [na, nb] = [ra.nodes.slice(), rb.nodes.slice()];
          na[p] = k;
          nb[s] = j;
          judge(
            t,
            c,
            [
              [a, na],
              [b, nb],
            ],
            fitsReplacing(bare, ra, k, p, j) && fitsReplacing(bare, rb, j, s, k),
            fitsReplacing(inst, ra, k, p, j) && fitsReplacing(inst, rb, j, s, k),
            EVERY_ARC,
            () =>
              `jobs ${j} of day ${a} [${ra.nodes.join(' ')}] and ${k} of day ${b} [${rb.nodes.join(' ')}]`,
          );
        }
    }
    expectRejections(t, { feasible: 1500, byWindows: 7000, byLoads: 1500 });
  });
});

describe('2-opt screen (reversalFits)', () => {
  it('never rejects reversing a stretch of a trip that keeps windows and shift, and rejects some that break them', () => {
    const t = tally();
    for (const c of cases())
      c.sol.routes.forEach((r, v) => {
        for (let from = 1; from < r.nodes.length - 1; from++)
          for (let to = from + 1; to < r.nodes.length - 1 && r.nodes[to]! >= 0; to++) {
            if (r.nodes[from]! < 0) break;
            const nodes = r.nodes
              .slice(0, from)
              .concat(r.nodes.slice(from, to + 1).reverse(), r.nodes.slice(to + 1));
            const fits = reversalFits(c.inst, r, from, to);
            // windows only: the loads along the reversed stretch are left to the exact check
            judge(
              t,
              c,
              [[v, nodes]],
              fits,
              fits,
              () => false,
              () => `day ${v} [${r.nodes.join(' ')}] reversed from ${from} to ${to}`,
            );
          }
      });
    expectRejections(t, { feasible: 300, byWindows: 400, byLoads: -1 });
  });
});

describe('2-opt* screen: a join from a job to a depot', () => {
  it('counts the service and the drive back to the depot', () => {
    // Reload 0, 1 m = 1 s. A = D j D a2 D: j at (0, 5), a2 at (0, 10) by 20 s, so A's first trip must be
    // back by 10 s. B = D b k D: b at (10, 0) served at 10 s is back at 20 s at the earliest, too late to
    // go on with a2: B' = B[..b] + A[after j..] = D b D a2 D breaks a2's window. (b is job 0: the screen
    // must tell it from a depot.)
    const problem: RoutingProblem = {
      dimensions: 1,
      travel: euclidean([
        [0, 0],
        [10, 0], // b = job 0
        [10, 1], // k = job 1
        [0, 5], // j = job 2
        [0, 10], // a2 = job 3
      ]),
      jobs: [job(1), job(2), job(3), job(4, { windows: [[0, 20]] })],
      vehicleTypes: [vehicleType()],
      vehicles: [vehicle({ maxTrips: 2 }), vehicle({ maxTrips: 2 })],
    };
    const inst = buildInstance(problem);
    const sol = new Solution(inst);
    sol.setNodes(0, [DEPOT, 2, DEPOT, 3, DEPOT]);
    sol.setNodes(1, [DEPOT, 0, 1, DEPOT]);
    const ctx: MoveContext = { inst, sol, neighbours: [], epsilon: 0 };
    expect(twoOptStarFits(ctx, sol.routes[0]!, 1, sol.routes[1]!, 2)).toBe(false);
  });
});

describe('ties: a stop reached exactly at its latest start', () => {
  // On a line, 1 m = 1 s, no service: depot 0, j at 3, u at 4, y at 5 with the window [10, 10] (its
  // latest start is its earliest), k at 1. Every screen below sees the next stop start exactly at its
  // latest start, which is feasible: a strict comparison would drop the move. Then the same with the
  // shift ending exactly when the vehicle is back.
  const problem = (shiftEndS: number): RoutingProblem => ({
    dimensions: 1,
    travel: euclidean([
      [0, 0],
      [3, 0], // j = job 0
      [4, 0], // u = job 1
      [5, 0], // y = job 2
      [1, 0], // k = job 3
    ]),
    jobs: [job(1), job(2), job(3, { windows: [[10, 10]] }), job(4)],
    vehicleTypes: [vehicleType()],
    vehicles: [vehicle({ shiftEndS }), vehicle({ shiftEndS }), vehicle({ shiftEndS })],
  });
  const D = DEPOT;
  const day = (p: RoutingProblem, ...routes: number[][]): { inst: Instance; sol: Solution } => {
    const inst = buildInstance(p);
    const sol = new Solution(inst);
    routes.forEach((nodes, v) => sol.setNodes(v, nodes));
    return { inst, sol };
  };
  const exactly = (inst: Instance, sol: Solution, days: [number, number[]][]): boolean =>
    changeDelta(
      { inst, sol, neighbours: [], epsilon: 0 },
      days.map(([v, nodes]) => routeChange(sol, v, nodes)),
    ) !== Infinity;

  it('at a window: relocate, relocate pair, exchange, 2-opt* and 2-opt screens accept', () => {
    const p = problem(1e6);
    const { inst, sol } = day(p, [D, 2, D], [D, 3, 2, D], [D, 0, D]);
    const [ry, rky] = [sol.routes[0]!, sol.routes[1]!];
    // j then y: y reached at 5, starts at 10 = its latest start
    expect(exactly(inst, sol, [[0, [D, 0, 2, D]]])).toBe(true);
    expect(fitsBetween(inst, ry, 0, 0)).toBe(true);
    // j, u then y
    expect(exactly(inst, sol, [[0, [D, 0, 1, 2, D]]])).toBe(true);
    expect(pairFits(inst, ry, 0, 1, 0, true)).toBe(true);
    // j in k's place before y
    expect(exactly(inst, sol, [[1, [D, 0, 2, D]]])).toBe(true);
    expect(fitsReplacing(inst, rky, 0, 1, 3)).toBe(true);
    // 2-opt* of day 2 after j and day 1 from y: D j y D and D k D
    const ctx: MoveContext = { inst, sol, neighbours: [], epsilon: 0 };
    expect(
      exactly(inst, sol, [
        [2, [D, 0, 2, D]],
        [1, [D, 3, D]],
      ]),
    ).toBe(true);
    expect(twoOptStarFits(ctx, sol.routes[2]!, 1, rky, 2)).toBe(true);
    // 2-opt: D u j y D reversed to D j u y D
    const rev = day(p, [D, 1, 0, 2, D]);
    expect(exactly(rev.inst, rev.sol, [[0, [D, 0, 1, 2, D]]])).toBe(true);
    expect(reversalFits(rev.inst, rev.sol.routes[0]!, 1, 2)).toBe(true);
  });

  it('at the shift end: relocate, relocate pair, exchange, 2-opt* and 2-opt screens accept', () => {
    // j alone is back at 6; j, u back at 8; the shift ends then
    const { inst, sol } = day(problem(6), [D, D], [D, 3, D]);
    expect(exactly(inst, sol, [[0, [D, 0, D]]])).toBe(true);
    expect(fitsBetween(inst, sol.routes[0]!, 0, 0)).toBe(true);
    expect(exactly(inst, sol, [[1, [D, 0, D]]])).toBe(true);
    expect(fitsReplacing(inst, sol.routes[1]!, 0, 1, 3)).toBe(true);
    const pair = day(problem(8), [D, D]);
    expect(exactly(pair.inst, pair.sol, [[0, [D, 0, 1, D]]])).toBe(true);
    expect(pairFits(pair.inst, pair.sol.routes[0]!, 0, 1, 0, true)).toBe(true);
    // 2-opt*: D k j D from D k D and D j D, back at 6
    const star = day(problem(6), [D, 3, D], [D, 0, D]);
    const ctx: MoveContext = { inst: star.inst, sol: star.sol, neighbours: [], epsilon: 0 };
    expect(
      exactly(star.inst, star.sol, [
        [0, [D, 3, 0, D]],
        [1, [D, D]],
      ]),
    ).toBe(true);
    expect(twoOptStarFits(ctx, star.sol.routes[0]!, 1, star.sol.routes[1]!, 1)).toBe(true);
    // 2-opt: D u j D reversed to D j u D, back at 8 either way
    const rev = day(problem(8), [D, 1, 0, D]);
    expect(exactly(rev.inst, rev.sol, [[0, [D, 0, 1, D]]])).toBe(true);
    expect(reversalFits(rev.inst, rev.sol.routes[0]!, 1, 2)).toBe(true);
  });
});

/** A candidate move (the new node sequence of each changed day) and whether it passes the operator's screens. */
interface Candidate {
  readonly days: [number, number[]][];
  readonly screened: boolean;
}

/** Distance cost change of the candidate, recomputed from the node sequences, each day at its own price. */
function distanceCost(c: Case, days: readonly [number, number[]][]): number {
  const { problem } = c.inst;
  const priced = (v: number, nodes: readonly number[]): number => {
    const vehicle = problem.vehicles[v]!;
    const at = (x: number): number => (x < 0 ? vehicle.depot : problem.jobs[x]!.location);
    let metres = 0;
    for (let i = 1; i < nodes.length; i++)
      metres += problem.travel.distance(at(nodes[i - 1]!), at(nodes[i]!));
    return metres * problem.vehicleTypes[vehicle.type]!.costPerMetre;
  };
  return days.reduce((sum, [v, nodes]) => sum + priced(v, nodes) - priced(v, c.sol.routes[v]!.nodes), 0);
}

const typeOk = (inst: Instance, j: number, v: number): boolean =>
  inst.typeOk[j * inst.nTypes + inst.problem.vehicles[v]!.type] === 1;

/**
 * Each operator's candidates between job j (at p of day a) and a neighbour k (at q of day b != a), in
 * the order the operator screens them, restated from the operators' documentation: the distance screen
 * is the candidate's distance cost change (2-opt*, whose screen prices the moved arcs at their old
 * day's rate, is only walked with epsilon -Infinity), the other screens the exported functions tested above.
 */
const CANDIDATES: Record<string, (c: Case, j: number, k: number, epsilon: number) => Candidate[]> = {
  relocate(c, j, k, epsilon) {
    const { sol, inst } = c;
    const [a, b] = [sol.jobRoute[j]!, sol.jobRoute[k]!];
    const from = dropEmptyTrips(sol.routes[a]!.nodes.filter((x) => x !== j));
    const q = sol.routes[b]!.positionOf(k);
    return [q, q - 1].map((x) => {
      const to = sol.routes[b]!.nodes.slice();
      to.splice(x + 1, 0, j);
      const days: [number, number[]][] = [
        [a, from],
        [b, to],
      ];
      const screened =
        typeOk(inst, j, b) && distanceCost(c, days) < -epsilon && fitsBetween(inst, sol.routes[b]!, j, x);
      return { days, screened };
    });
  },
  'relocate pair'(c, j, k, epsilon) {
    const { sol, inst } = c;
    const [a, b] = [sol.jobRoute[j]!, sol.jobRoute[k]!];
    const ra = sol.routes[a]!;
    const u = ra.nodes[ra.positionOf(j) + 1]!;
    if (u < 0) return [];
    const from = dropEmptyTrips(ra.nodes.filter((x) => x !== j && x !== u));
    const q = sol.routes[b]!.positionOf(k);
    return (
      [
        [q, j, u], // (j, u) right after k
        [q - 1, u, j], // (u, j) right before k
      ] as const
    ).map(([x, first, second]) => {
      const to = sol.routes[b]!.nodes.slice();
      to.splice(x + 1, 0, first, second);
      const days: [number, number[]][] = [
        [a, from],
        [b, to],
      ];
      const screened =
        typeOk(inst, j, b) &&
        typeOk(inst, u, b) &&
        distanceCost(c, days) < -epsilon &&
        pairFits(inst, sol.routes[b]!, first, second, x, true);
      return { days, screened };
    });
  },
  '2-opt*'(c, j, k) {
    const { sol, ctx } = c;
    const [a, b] = [sol.jobRoute[j]!, sol.jobRoute[k]!];
    const [ra, rb] = [sol.routes[a]!, sol.routes[b]!];
    const [A, B] = [ra.nodes, rb.nodes];
    const [p, q] = [A.indexOf(j), B.indexOf(k)];
    return [
      {
        // arc (j, k): A' = A[..p] + B[q..], B' = B[..q-1] + A[p+1..]
        days: [
          [a, dropEmptyTrips(A.slice(0, p + 1).concat(B.slice(q)))],
          [b, dropEmptyTrips(B.slice(0, q).concat(A.slice(p + 1)))],
        ],
        screened: twoOptStarFits(ctx, ra, p, rb, q),
      },
      {
        // arc (k, j): A' = A[..p-1] + B[q+1..], B' = B[..q] + A[p..]
        days: [
          [a, dropEmptyTrips(A.slice(0, p).concat(B.slice(q + 1)))],
          [b, dropEmptyTrips(B.slice(0, q + 1).concat(A.slice(p)))],
        ],
        screened: twoOptStarFits(ctx, rb, q, ra, p),
      },
    ];
  },
  exchange(c, j, k, epsilon) {
    const { sol, inst } = c;
    const [a, b] = [sol.jobRoute[j]!, sol.jobRoute[k]!];
    const [ra, rb] = [sol.routes[a]!, sol.routes[b]!];
    const p = ra.positionOf(j);
    const q = rb.positionOf(k);
    return [q, q - 1, q + 1].flatMap((s): Candidate[] => {
      const t = rb.nodes[s]!;
      if (t < 0) return [];
      const [na, nb] = [ra.nodes.slice(), rb.nodes.slice()];
      na[p] = t;
      nb[s] = j;
      const days: [number, number[]][] = [
        [a, na],
        [b, nb],
      ];
      const screened =
        typeOk(inst, j, b) &&
        typeOk(inst, t, a) &&
        distanceCost(c, days) < -epsilon &&
        fitsReplacing(inst, ra, t, p, j) &&
        fitsReplacing(inst, rb, j, s, t);
      return [{ days, screened }];
    });
  },
};

describe.each([relocate, relocatePair, twoOptStar, exchange].map((op) => [op.name, op] as const))(
  'operator %s between two days',
  (name, op) => {
    const epsilons = name === '2-opt*' ? [-Infinity] : [-Infinity, 1e-9];
    it.each(epsilons)(
      'epsilon %s: exactly the screened candidates next to a neighbour in another day reach the exact check, in order, up to the first improving one',
      (epsilon) => {
        let found = 0;
        let checked = 0;
        for (const c of cases()) {
          const { inst, sol } = c;
          const lists = Array.from({ length: inst.n }, () => new Int32Array(0));
          const ctx: MoveContext = { ...c.ctx, neighbours: lists, epsilon };
          for (let j = 0; j < inst.n; j++)
            for (let k = 0; k < inst.n; k++) {
              const [a, b] = [sol.jobRoute[j]!, sol.jobRoute[k]!];
              if (a < 0 || b < 0 || a === b) continue;
              lists[j] = Int32Array.of(k);
              const asked: Candidate['days'][] = [];
              let expected: { days: Candidate['days']; delta: number } | undefined;
              for (const cand of CANDIDATES[name]!(c, j, k, epsilon)) {
                if (!cand.screened) continue;
                asked.push(cand.days);
                const delta = changeDelta(
                  c.ctx,
                  cand.days.map(([v, nodes]) => routeChange(sol, v, nodes)),
                );
                if (delta < -epsilon) {
                  expected = { days: cand.days, delta };
                  break;
                }
              }
              exactChecks.mockClear();
              const move = op.evaluate(ctx, j);
              const what = `${c.label}: ${name} of job ${j} next to job ${k}`;
              expect(
                exactChecks.mock.calls.map(([, , changes]) => changes.map((ch) => [ch.v, ch.nodes])),
                what,
              ).toEqual(asked);
              expect(
                move?.changes.map((ch) => [ch.v, ch.nodes]),
                what,
              ).toEqual(expected?.days);
              if (move !== undefined) {
                expect(move.operator).toBe(name);
                expect(move.delta).toBe(expected!.delta);
                found++;
              }
              checked += asked.length;
            }
        }
        expect(found).toBeGreaterThan(epsilon < 0 ? 300 : 30);
        expect(checked).toBeGreaterThan(found);
      },
    );
  },
);
