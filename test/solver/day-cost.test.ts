import { describe, expect, it } from 'vitest';
import type { RoutingJob, RoutingProblem } from '../../src/domain/routing-problem.ts';
import { dayCost } from '../../src/solver/evaluation/day-cost.ts';
import { buildInstance, DEPOT } from '../../src/solver/model/instance.ts';
import { dayOracle } from './day-oracle.ts';
import { handDay } from './fixtures.ts';
import { tripsOf } from './search-fixtures.ts';

/**
 * Hand-worked days on the allocation-free path of dayCost (time free, no trip or range limit), each also
 * judged by the independent day oracle. Depot at (0, 0), both jobs at (3, 4): 5 m and 5 s each way.
 * Mutation testing (docs/QUALITY.md) found reloads, the shift end and the empty day untested here: random
 * days compared with scheduleDay rarely land on these edges.
 */
function problem(
  over: Parameters<typeof handDay>[2] = {},
  windows: readonly [number, number][][] = [[[0, 1e6]], [[0, 1e6]]],
  jobOver: readonly Partial<RoutingJob>[] = [],
): RoutingProblem {
  const points: [number, number][] = [
    [0, 0],
    [3, 4],
  ];
  return handDay(
    points,
    windows.map((w, j) => ({ location: 1, windows: w, ...jobOver[j] })),
    over,
  );
}

/** dayCost of the day, after checking the oracle gives the same verdict (Infinity when infeasible). */
function cost(p: RoutingProblem, nodes: number[]): number {
  const oracle = dayOracle(p, 0, tripsOf(nodes));
  const expected = oracle.violations.length === 0 ? oracle.cost : Infinity;
  const c = dayCost(buildInstance(p), 0, nodes);
  expect(c, oracle.violations.join('; ')).toBeCloseTo(expected, 9);
  return c;
}

const TWO_TRIPS = [DEPOT, 0, DEPOT, 1, DEPOT];

describe('dayCost, time free and trips unlimited', () => {
  it('an idle day costs nothing, not even the fixed cost', () => {
    expect(dayCost(buildInstance(problem()), 0, [DEPOT, DEPOT])).toBe(0);
  });

  it('one trip: fixed 7 + 2 per metre x 10 m = 27; two trips: 7 + 2 x 20 m = 47', () => {
    expect(cost(problem(), [DEPOT, 0, DEPOT])).toBe(27);
    expect(cost(problem(), TWO_TRIPS)).toBe(47);
  });

  it('counts the reload between trips, not before the first: back at 10, reload 10, at the second stop at 25', () => {
    expect(cost(problem({}, [[[0, 1e6]], [[0, 25]]]), TWO_TRIPS)).toBe(47);
    expect(cost(problem({}, [[[0, 1e6]], [[0, 24]]]), TWO_TRIPS)).toBe(Infinity);
    // the first stop is reached at 5 with no reload before it
    expect(cost(problem({}, [[[0, 5]], [[0, 1e6]]]), TWO_TRIPS)).toBe(47);
  });

  it('a wait for a window open and the service time delay the next trip', () => {
    // waits for 8 at the first stop, serves 3 s, back at 16, reload to 26, second stop at 31
    const waits = (close: number) => problem({}, [[[8, 1e6]], [[0, close]]], [{ serviceS: 3 }]);
    expect(cost(waits(31), TWO_TRIPS)).toBe(47);
    expect(cost(waits(30.5), TWO_TRIPS)).toBe(Infinity);
  });

  it('ends the day by the shift end: a return exactly at the end is on time, one second later is not', () => {
    expect(cost(problem({ vehicle: { shiftEndS: 30 } }), TWO_TRIPS)).toBe(47);
    expect(cost(problem({ vehicle: { shiftEndS: 29 } }), TWO_TRIPS)).toBe(Infinity);
    // the first trip's return counts as well as the last one
    expect(cost(problem({ vehicle: { shiftEndS: 9, maxTrips: 1 } }), [DEPOT, 0, DEPOT])).toBe(Infinity);
  });

  it('a missed window makes the day infeasible even when the shift never ends', () => {
    const p = problem({ vehicle: { shiftEndS: Infinity } }, [[[0, 4]], [[0, 1e6]]]);
    expect(dayCost(buildInstance(p), 0, [DEPOT, 0, DEPOT])).toBe(Infinity);
  });

  it('loads per trip with pickups: a full vehicle is allowed, an overfull one is not', () => {
    const full = [
      { delivery: [2], pickup: [0] },
      { delivery: [0], pickup: [2] },
    ];
    // one trip: 2 aboard, delivered, then 2 picked up: never over 2
    expect(cost(problem({}, undefined, full), [DEPOT, 0, 1, DEPOT])).toBe(27);
    // pickup first: 2 delivered still aboard when 2 are picked up
    expect(cost(problem({}, undefined, full), [DEPOT, 1, 0, DEPOT])).toBe(Infinity);
    expect(cost(problem({ type: { capacity: [1] } }, undefined, full), TWO_TRIPS)).toBe(Infinity);
  });

  it('takes the scheduled path when a trip duration limit or time cost applies (the fast path ignores both)', () => {
    // one trip of 10 s: within a limit of 10, not of 9.5
    expect(cost(problem({ type: { maxTripDurationS: 10 } }), [DEPOT, 0, DEPOT])).toBe(27);
    expect(cost(problem({ type: { maxTripDurationS: 9.5 } }), [DEPOT, 0, DEPOT])).toBe(Infinity);
    // priced time: 0.5 per second x 30 s from the first departure to the last return
    expect(cost(problem({ type: { costPerSecond: 0.5 } }), TWO_TRIPS)).toBe(47 + 15);
    // range: 1 kWh per metre, 10 m per trip
    const range = (rangeKWh: number) => ({ type: { energy: { arcKWh: (m: number) => m, rangeKWh } } });
    expect(cost(problem(range(10)), [DEPOT, 0, DEPOT])).toBe(27);
    expect(cost(problem(range(9)), [DEPOT, 0, DEPOT])).toBe(Infinity);
  });
});
