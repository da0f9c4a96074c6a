import { describe, expect, it } from 'vitest';
import { daySpeedFactors, timeDependentTravel } from '../../src/geo/index.ts';
import { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance, DEPOT as D } from '../../src/solver/model/instance.ts';
import { handDay } from './fixtures.ts';
import { HAND_POINTS, randomProblem, routeWith } from './insertion-fixtures.ts';

// handDay: 1 m = 1 s, fixed cost 7, 2 per metre, capacity 2, two trips, reload 10 s.
// Depot (0,0); a (6,8), b (6,0), c (0,-5): |Da| = 10, |ab| = 8, |bD| = 6, |Dc| = 5.
const JOBS = [{ location: 1 }, { location: 2 }, { location: 3 }];
const problem = handDay(HAND_POINTS, JOBS);
const unset = (): Int32Array => new Int32Array(JOBS.length).fill(-1);

describe('RouteState position index', () => {
  it('records each job position, job 0 included, in the shared index', () => {
    const positions = unset();
    routeWith(problem, [D, 1, 0, D, 2, D], positions);
    expect(Array.from(positions)).toEqual([2, 1, 4]);
  });

  it('finds a job by value when the shared index points into another route', () => {
    const positions = unset();
    const first = routeWith(problem, [D, 0, D], positions);
    const second = routeWith(problem, [D, 1, 0, D], positions);
    // the index now says 2 (second's position); first's node 2 is its final depot
    expect(positions[0]).toBe(2);
    expect(first.positionOf(0)).toBe(1);
    expect(second.positionOf(0)).toBe(2);
    first.removeJob(0);
    first.recompute();
    expect(first.positionOf(0)).toBe(-1);
  });

  it('finds positions without a shared index', () => {
    const route = routeWith(problem, [D, 1, 0, D]);
    expect(route.positionOf(1)).toBe(1);
    expect(route.positionOf(0)).toBe(2);
    expect(route.positionOf(2)).toBe(-1);
  });

  it('re-indexes the positions when a capture is restored', () => {
    const positions = unset();
    const route = routeWith(problem, [D, 0, 1, D], positions);
    const capture = route.capture();
    route.nodes = [D, 1, 0, D];
    route.recompute();
    expect(Array.from(positions.subarray(0, 2))).toEqual([2, 1]);
    route.restoreCapture(capture);
    expect(route.nodes).toEqual([D, 0, 1, D]);
    expect(Array.from(positions.subarray(0, 2))).toEqual([1, 2]);
  });
});

describe('RouteState removals', () => {
  it('removes a range of positions and the trip it leaves empty', () => {
    const cut = (nodes: number[], from: number, to: number): number[] => {
      const route = routeWith(problem, nodes);
      route.removeRange(from, to);
      return route.nodes;
    };
    expect(cut([D, 0, 1, D, 2, D], 1, 2)).toEqual([D, 1, D, 2, D]);
    expect(cut([D, 0, 1, D, 2, D], 1, 3)).toEqual([D, 2, D]);
    expect(cut([D, 0, 1, D, 2, D], 4, 5)).toEqual([D, 0, 1, D]);
    expect(cut([D, 0, D, 1, D], 1, 4)).toEqual([D, D]);
  });

  it('removes a job by value, down to the empty day, and ignores a job not on the route', () => {
    const route = routeWith(problem, [D, 0, D, 1, D]);
    route.removeJob(2);
    expect(route.nodes).toEqual([D, 0, D, 1, D]);
    route.removeJob(1);
    expect(route.nodes).toEqual([D, 0, D]);
    route.removeJob(0);
    expect(route.nodes).toEqual([D, D]);
    route.recompute();
    expect(route).toMatchObject({ jobs: 0, trips: 0, cost: 0 });
    expect(route.jobList()).toEqual([]);
  });

  it('lists the jobs in visiting order', () => {
    expect(routeWith(problem, [D, 2, D, 1, 0, D]).jobList()).toEqual([2, 1, 0]);
  });
});

describe('RouteState version', () => {
  it('changes on every recompute and every restore', () => {
    const route = new RouteState(buildInstance(problem), 0);
    const v0 = route.version;
    route.recompute();
    expect(route.version).toBe(v0 + 1);
    const capture = route.capture();
    route.restoreCapture(capture);
    expect(route.version).toBe(v0 + 2);
  });
});

describe('RouteState constrained flag', () => {
  const flag = (type: Parameters<typeof handDay>[2]): boolean =>
    new RouteState(buildInstance(handDay(HAND_POINTS, JOBS, type)), 0).constrained;

  it('is set by a trip duration limit or an energy range, and only by them', () => {
    expect(flag({})).toBe(false);
    expect(flag({ type: { maxTripDurationS: 100 } })).toBe(true);
    expect(flag({ type: { energy: { rangeKWh: 50, arcKWh: () => 0 } } })).toBe(true);
    expect(flag({ type: { energy: { arcKWh: () => 0 } } })).toBe(false);
  });
});

describe('RouteState caches', () => {
  it('computes the latest starts backwards through windows and services', () => {
    // a: window [0, 30], service 2; b: window [20, 40], service 3; shift ends at 100.
    const windowed = handDay(
      HAND_POINTS,
      [
        { location: 1, windows: [[0, 30]], serviceS: 2 },
        { location: 2, windows: [[20, 40]], serviceS: 3 },
      ],
      { vehicle: { shiftEndS: 100 } },
    );
    const route = routeWith(windowed, [D, 0, 1, D]);
    // ls[3] = 100; b: min(100 - 6 - 3, 40) = 40; a: min(40 - 8 - 2, 30) = 30; depot: 30 - 10 = 20
    expect(Array.from(route.ls)).toEqual([20, 30, 40, 100]);
    // es: a at 10; b at max(10 + 2 + 8, 20) = 20; back at 20 + 3 + 6 = 29
    expect(Array.from(route.es)).toEqual([0, 10, 20, 29]);
  });

  it('keeps the load on each arc with its prefix and suffix maxima per trip', () => {
    // trip 1: a (delivers 1, picks up 1), b (delivers 1); trip 2: c (delivers 2)
    const loads = handDay(HAND_POINTS, [
      { location: 1, delivery: [1], pickup: [1] },
      { location: 2, delivery: [1] },
      { location: 3, delivery: [2] },
    ]);
    const route = routeWith(loads, [D, 0, 1, D, 2, D]);
    // trip 1 leaves with 1 + 1 = 2, after a 2 - 1 + 1 = 2, after b 2 - 1 = 1; trip 2 leaves with 2, after c 0
    expect(Array.from(route.loadOut)).toEqual([2, 2, 1, 2, 0, 0]);
    expect(Array.from(route.prefMax)).toEqual([2, 2, 2, 2, 2, 0]);
    // the suffix maximum stops at the trip's end: after b it is 1, not trip 2's 2
    expect(Array.from(route.sufMax)).toEqual([2, 2, 1, 2, 0, 0]);
  });

  it('computes the latest starts backwards with time-dependent driving', () => {
    // half speed until 60, free speed after; shift ends at 70. [D a D]: arriving home at 70 the last
    // 10 s are fast (a by 60); arriving at a at 60 the 10 free seconds take 20 s at half speed (leave by 40).
    const factors = daySpeedFactors([{ startS: 0, endS: 60, factor: 0.5 }]);
    const base = handDay(HAND_POINTS, JOBS, { vehicle: { shiftEndS: 70 } });
    const timed = { ...base, travel: timeDependentTravel(base.travel, () => factors) };
    expect(Array.from(routeWith(timed, [D, 0, D]).ls)).toEqual([40, 60, 70]);
  });
});

describe('RouteState capture', () => {
  it('keeps its own copy of the nodes, so removals after it do not change it', () => {
    const route = routeWith(problem, [D, 0, 1, D]);
    const cost = route.cost;
    const capture = route.capture();
    route.removeJob(1);
    route.recompute();
    route.restoreCapture(capture);
    expect(route.nodes).toEqual([D, 0, 1, D]);
    expect(route.cost).toBe(cost);
  });
});

describe('RouteState array reuse', () => {
  // 25 jobs, two dimensions, pickups, tight split windows, up to three trips, time priced
  const random = randomProblem(3, true, 0.5);
  const caches = (r: RouteState): Record<string, number[]> => ({
    es: Array.from(r.es),
    svc: Array.from(r.svc),
    ls: Array.from(r.ls),
    loc: Array.from(r.loc),
    arcDist: Array.from(r.arcDist),
    arcTime: Array.from(r.arcTime),
    loadOut: Array.from(r.loadOut),
    prefMax: Array.from(r.prefMax),
    sufMax: Array.from(r.sufMax),
    scalars: [r.cost, r.distance, r.jobs, r.trips, r.violationAt],
  });
  const days = [
    [D, 0, 1, 2, 3, D],
    // longer than the first day's arrays: they grow
    [D, 4, 5, 6, 7, D, 8, 9, 10, 11, 12, D, 13, 14, 15, 16, 17, 18, D],
    [D, 19, D, 20, 21, D],
    [D, D],
    [D, 22, 23, 24, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, D],
  ];

  it('rebuilds into its kept arrays exactly what a fresh route computes, however the length changes', () => {
    const route = routeWith(random, days[0]!);
    for (const nodes of [...days, ...days.slice().reverse()]) {
      route.nodes = nodes.slice();
      route.recompute();
      expect(caches(route)).toEqual(caches(routeWith(random, nodes)));
    }
  });

  it('never writes into the arrays of its last capture, restored or not', () => {
    // the longest day first: every later rebuild fits in the arrays already there
    const route = routeWith(random, days[1]!);
    const capture = route.capture();
    const captured = caches(route);
    for (const nodes of [days[0]!, days[2]!, days[3]!, days[4]!]) {
      route.nodes = nodes.slice();
      route.recompute();
    }
    route.restoreCapture(capture);
    expect(caches(route)).toEqual(captured);
    // rebuilds after the restore leave the restored arrays alone too
    route.nodes = days[4]!.slice();
    route.recompute();
    route.nodes = days[0]!.slice();
    route.recompute();
    route.restoreCapture(capture);
    expect(caches(route)).toEqual(captured);
    // the next iteration captures the restored day and changes it again
    const again = route.capture();
    route.nodes = days[2]!.slice();
    route.recompute();
    route.restoreCapture(again);
    expect(caches(route)).toEqual(captured);
  });
});
