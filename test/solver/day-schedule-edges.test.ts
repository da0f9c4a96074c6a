import { describe, expect, it } from 'vitest';
import type { RoutingJob, RoutingProblem } from '../../src/domain/routing-problem.ts';
import { scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import { buildInstance, DEPOT } from '../../src/solver/model/instance.ts';
import { dayOracle } from './day-oracle.ts';
import { handDay, job } from './fixtures.ts';
import { tripsOf } from './search-fixtures.ts';

/**
 * Hand-worked days of scheduleDay (mutation testing found its edges untested by the random days): depot at
 * (0, 0), job 0 at (3, 4) and job 1 at (6, 8), so 5 m / 5 s depot -> 0 -> 1 and 10 back; 2 s of service
 * each; reload 10 s. Each verdict is also the independent day oracle's.
 */
function problem(
  over: Parameters<typeof handDay>[2] = {},
  jobs: readonly Partial<RoutingJob>[] = [{}, {}],
): RoutingProblem {
  const points: [number, number][] = [
    [0, 0],
    [3, 4],
    [6, 8],
  ];
  return handDay(
    points,
    jobs.map((o, j) => ({ location: j + 1, serviceS: 2, ...o })),
    over,
  );
}

const ONE_TRIP = [DEPOT, 0, 1, DEPOT];
const TWO_TRIPS = [DEPOT, 0, DEPOT, 1, DEPOT];

/** scheduleDay's plan, after checking the oracle's verdict and (when feasible) its cost and duration. */
function plan(p: RoutingProblem, nodes: number[], trusted = false) {
  const day = scheduleDay(buildInstance(p), 0, nodes, trusted);
  const oracle = dayOracle(p, 0, tripsOf(nodes));
  expect(day.feasible, oracle.violations.join('; ')).toBe(oracle.violations.length === 0);
  if (day.feasible) {
    expect(day.cost).toBeCloseTo(oracle.cost, 6);
    expect(day.durationS).toBeCloseTo(oracle.durationS, 6); // the oracle bisects to 1e-9
  }
  return day;
}

describe('scheduleDay, hand-worked', () => {
  it('one trip waiting for a window: leaves at 15 instead of 0, so 24 s are priced, not 39', () => {
    // earliest: at job 0 at 5, waits for 20, serves to 22, job 1 at 27 to 29, back at 39; leaving at 15
    // reaches job 0 at its open
    const day = plan(problem({ type: { costPerSecond: 1 } }, [{ windows: [[20, 100]] }, {}]), ONE_TRIP);
    expect(Array.from(day.es)).toEqual([0, 20, 27, 39]);
    expect(day.tripDeparture).toEqual([15]);
    expect(day.durationS).toBe(24);
    expect(day.distance).toBe(20);
    expect(day.cost).toBe(7 + 2 * 20 + 24);
    expect([day.jobs, day.trips, day.violationAt]).toEqual([2, 1, -1]);
    // trusted (the search's caches): the same late departure, as time is priced
    expect(
      plan(problem({ type: { costPerSecond: 1 } }, [{ windows: [[20, 100]] }, {}]), ONE_TRIP, true).cost,
    ).toBe(71);
  });

  it('two trips: reload at the inner depot only, the second trip leaves when the reload ends', () => {
    const day = plan(problem({ type: { costPerSecond: 1 } }), TWO_TRIPS);
    // job 0 at 5, back at 12, reload to 22, job 1 at 32, back at 44
    expect(Array.from(day.es)).toEqual([0, 5, 12, 32, 44]);
    expect(Array.from(day.svc)).toEqual([0, 2, 10, 2, 0]);
    expect(day.tripDeparture).toEqual([0, 22]);
    expect(Array.from(day.arcDist)).toEqual([5, 5, 10, 10, 0]);
    expect(day.durationS).toBe(44);
    expect(day.cost).toBe(7 + 2 * 30 + 44);
    expect(day.trips).toBe(2);
  });

  it('the shift start holds back a trip and the shift end bounds every return', () => {
    const late = plan(problem({ vehicle: { shiftStartS: 100 } }), ONE_TRIP);
    expect(Array.from(late.es)).toEqual([100, 105, 112, 124]);
    expect(plan(problem({ vehicle: { shiftEndS: 44 } }), TWO_TRIPS).feasible).toBe(true);
    const over = plan(problem({ vehicle: { shiftEndS: 43 } }), TWO_TRIPS);
    // the last job's removal may restore the day
    expect(over.violationAt).toBe(3);
    expect(plan(problem({ vehicle: { shiftEndS: 11 } }), TWO_TRIPS).violationAt).toBe(1);
  });

  it('a missed window points at its job', () => {
    expect(plan(problem({}, [{}, { windows: [[0, 31]] }]), TWO_TRIPS).violationAt).toBe(3);
    expect(plan(problem({}, [{ windows: [[0, 4]] }, {}]), TWO_TRIPS).violationAt).toBe(1);
    // the second of two windows still serves it
    const split = plan(
      problem({}, [
        {
          windows: [
            [0, 4],
            [40, 50],
          ],
        },
        {},
      ]),
      ONE_TRIP,
    );
    expect(split.es[1]).toBe(40);
  });

  it('capacity per trip along the route, checked unless the caller vouches for the loads', () => {
    const over: Partial<RoutingJob>[] = [
      { delivery: [1], pickup: [0] },
      { delivery: [2], pickup: [0] },
    ];
    expect(plan(problem({}, over), ONE_TRIP).feasible).toBe(false);
    expect(plan(problem({}, over), TWO_TRIPS).feasible).toBe(true);
    // a pickup after a delivery fits; before it, the van would carry 3
    const swap: Partial<RoutingJob>[] = [
      { delivery: [0], pickup: [1] },
      { delivery: [2], pickup: [0] },
    ];
    expect(plan(problem({}, swap), [DEPOT, 1, 0, DEPOT]).feasible).toBe(true);
    const bad = plan(problem({}, swap), ONE_TRIP);
    expect(bad.feasible).toBe(false);
    expect([1, 2]).toContain(bad.violationAt);
  });

  it('trip duration limit: measured from the late departure (24 s), exactly at the limit is allowed', () => {
    const p = (limit: number) =>
      problem({ type: { maxTripDurationS: limit } }, [{ windows: [[20, 100]] }, {}]);
    expect(plan(p(24), ONE_TRIP).feasible).toBe(true);
    expect(plan(p(23.9), ONE_TRIP).feasible).toBe(false);
    expect(plan(p(23.9), ONE_TRIP, true).feasible).toBe(false);
  });

  it('range with payload: 1 kWh per metre per unit aboard, plus 1 per metre empty', () => {
    // 2 aboard for 5 m (15), 1 for 5 m (10), empty 10 m back (10): 35 kWh
    const p = (rangeKWh: number, jobs?: Partial<RoutingJob>[]) =>
      problem({ type: { energy: { arcKWh: (m, kg) => m * (1 + kg), rangeKWh } } }, jobs);
    expect(plan(p(35), ONE_TRIP).feasible).toBe(true);
    expect(plan(p(34.9), ONE_TRIP).feasible).toBe(false);
    expect(plan(p(34.9), ONE_TRIP, true).feasible).toBe(false);
    // a pickup at job 1 rides back: 15 + 10 + 20 = 45
    const back: Partial<RoutingJob>[] = [{}, { delivery: [1], pickup: [1] }];
    expect(plan(p(45, back), ONE_TRIP).feasible).toBe(true);
    expect(plan(p(44.9, back), ONE_TRIP).feasible).toBe(false);
    // each trip has its own range: 10 + 5 and 20 + 10
    expect(plan(p(30), TWO_TRIPS).feasible).toBe(true);
  });

  it('reports the first violation of the day, not a later one', () => {
    // back at 12 after the shift end 11 (position 1 may go), then job 1 misses its window too (position 3)
    const two = plan(problem({ vehicle: { shiftEndS: 11 } }, [{}, { windows: [[0, 31]] }]), TWO_TRIPS);
    expect(two.violationAt).toBe(1);
  });

  it('trusted, time free and no limits: trips leave at their earliest (the reload counted), cost unchanged', () => {
    const day = plan(problem(), TWO_TRIPS, true);
    expect(day.tripDeparture).toEqual([0, 22]);
    expect(day.cost).toBe(7 + 2 * 30);
    // with a limit the late departure is still found: 24 s fit a 24 s limit
    const p = problem({ type: { maxTripDurationS: 24 } }, [{ windows: [[20, 100]] }, {}]);
    expect(plan(p, ONE_TRIP, true).feasible).toBe(true);
  });

  it("trips start and end at the vehicle's depot, wherever it is", () => {
    // depot at job 1's place (6, 8): 5 m to job 0, 5 m to job 1 (0 m back)
    const p = { ...problem({ vehicle: { depot: 2 } }), jobs: [job(1, { serviceS: 2 })] };
    const day = plan(p, [DEPOT, 0, DEPOT]);
    expect(day.distance).toBe(10);
    expect(Array.from(day.loc)).toEqual([2, 1, 2]);
  });

  it('points at the missed job even when others follow it in its trip, and keeps the first of two faults', () => {
    expect(plan(problem({}, [{ windows: [[0, 4]] }, {}]), ONE_TRIP).violationAt).toBe(1);
    // job 0 misses its window (position 1), then the second trip is overloaded (position 3)
    const both = plan(problem({}, [{ windows: [[0, 4]] }, { delivery: [3] }]), TWO_TRIPS);
    expect(both.violationAt).toBe(1);
  });

  it('trusted and time free: the earliest departure is kept even when a later one would do (duration is not priced)', () => {
    const p = problem({}, [{ windows: [[20, 100]] }, {}]);
    // durationS then runs from the earliest departure: 39 s, where the oracle (and an untrusted call) say 24
    const day = scheduleDay(buildInstance(p), 0, ONE_TRIP, true);
    expect(day.tripDeparture).toEqual([0]);
    expect(day.durationS).toBe(39);
    expect(plan(p, ONE_TRIP).durationS).toBe(24);
    expect(day.cost).toBe(7 + 2 * 20);
  });

  it('an idle day costs nothing', () => {
    const day = plan(problem(), [DEPOT, DEPOT]);
    expect([day.cost, day.durationS, day.jobs, day.trips]).toEqual([0, 0, 0, 0]);
  });
});
