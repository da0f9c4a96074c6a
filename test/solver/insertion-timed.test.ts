import { describe, expect, it } from 'vitest';
import type { RoutingProblem, RoutingVehicle } from '../../src/domain/routing-problem.ts';
import { daySpeedFactors, timeDependentTravel } from '../../src/geo/index.ts';
import { INTO_TRIP, NEW_TRIP_AFTER_DEPOT, NEW_TRIP_AT_END } from '../../src/solver/evaluation/insertion.ts';
import { DEPOT as D } from '../../src/solver/model/instance.ts';
import { handDay } from './fixtures.ts';
import { HAND_POINTS, routeWith, scanOne } from './insertion-fixtures.ts';

// The insertion scan with time-dependent driving (docs/model/time-dependent-travel.md): every arc is driven
// at half speed until `slowUntil`, then at free speed, so an arc of free-running time f leaving at t takes
// 2f if t + 2f <= slowUntil, else (slowUntil - t) + (f - (slowUntil - t) / 2).
// handDay: 1 m = 1 s free-running, fixed cost 7, 2 per metre, capacity 2, reload 10 s; here also 1 per second.
// Depot (0,0), a (6,8), b (6,0): |Da| = 10, |Db| = 6.

function slowUntil(slowEndS: number, problem: RoutingProblem): RoutingProblem {
  const factors = daySpeedFactors([{ startS: 0, endS: slowEndS, factor: 0.5 }]);
  return { ...problem, travel: timeDependentTravel(problem.travel, () => factors) };
}

describe('insertion into a trip with time-dependent driving', () => {
  // a alone (service 4, window opens at 90) into the empty day, slow until 100:
  // out at 0: 10 free at half speed = 20 s, wait to 90, serve to 94; back: 6 s slow (3 free) + 7 s = 13 s,
  // home at 107. delta = 7 + 2 x 20 + 1 x (20 + 4 + 13) = 84 (static times would give 71, home at 104).
  const day = (shiftEndS: number): RoutingProblem =>
    slowUntil(
      100,
      handDay(HAND_POINTS, [{ location: 1, serviceS: 4, windows: [[90, 1000]] }], {
        type: { costPerSecond: 1 },
        vehicle: { shiftEndS },
      }),
    );

  it('prices each arc at its own departure time', () => {
    expect(scanOne(routeWith(day(1000), [D, D]), 0)).toMatchObject({ pos: 0, kind: INTO_TRIP, delta: 84 });
  });

  it('checks the return against the shift end with the time-dependent arc', () => {
    expect(scanOne(routeWith(day(107), [D, D]), 0).delta).toBe(84);
    expect(scanOne(routeWith(day(106), [D, D]), 0).route).toBeUndefined();
  });
});

describe('insertion of a new trip with time-dependent driving', () => {
  // Slow until 60. Day [D a D], a (delivery 2: the van is full): out 0 -> 20, back 20 -> 40.
  // b (service 4) needs a trip of its own:
  // - before a: out at 0, 6 free slow = 12 s (b at 12), back at 16: 12 s (28), reload to 38, then
  //   D -> a at 38 = 20 s, a at 58. delta = 2 x 12 + 1 x (12 + 4 + 12 + 10) = 62.
  // - after a: home at 40, reload to 50, out at 50: 10 s slow (5 free) + 1 s = 11 s (b at 61), back at 65
  //   at free speed 6 s, home at 71. delta = 2 x 12 + 1 x (11 + 4 + 6 + 10) = 55.
  const day = (vehicle: Partial<RoutingVehicle>, aClose = 1000): RoutingProblem =>
    slowUntil(
      60,
      handDay(
        HAND_POINTS,
        [
          { location: 1, delivery: [2], windows: [[0, aClose]] },
          { location: 2, serviceS: 4 },
        ],
        { type: { costPerSecond: 1 }, vehicle },
      ),
    );

  it('prices the trip at the end at its later, faster hour', () => {
    expect(scanOne(routeWith(day({}), [D, 0, D]), 1)).toMatchObject({
      pos: 1,
      kind: NEW_TRIP_AT_END,
      delta: 55,
    });
  });

  it('takes the trip before when the one at the end would return after the shift', () => {
    expect(scanOne(routeWith(day({ shiftEndS: 71 }), [D, 0, D]), 1).kind).toBe(NEW_TRIP_AT_END);
    expect(scanOne(routeWith(day({ shiftEndS: 70 }), [D, 0, D]), 1)).toMatchObject({
      pos: 0,
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 62,
    });
  });

  it("checks the following trip's first job at its time-dependent arrival", () => {
    // a now reached at 58 after b's trip: a window closing at 58 admits it, one closing at 57 does not
    expect(scanOne(routeWith(day({ shiftEndS: 70 }, 58), [D, 0, D]), 1).kind).toBe(NEW_TRIP_AFTER_DEPOT);
    expect(scanOne(routeWith(day({ shiftEndS: 70 }, 57), [D, 0, D]), 1).route).toBeUndefined();
  });
});

describe('insertion after a served job with time-dependent driving', () => {
  // Slow until 40, one trip only. Day [D a D], a (service 5): out 0 -> 20, served to 25, back: 15 s slow
  // (7.5 free) + 2.5 s = 17.5 s. b (service 0) into it:
  // - before a: D -> b 12 s, b -> a 16 s: 2 x (6 + 8 - 10) + 1 x (12 + 16 - 20) = 8 + 8 = 16
  // - after a, leaving a at 25: 15 s slow (7.5 free) + 0.5 s = 15.5 s (b at 40.5), then 6 s at free speed:
  //   2 x (8 + 6 - 10) + 1 x (15.5 + 6 - 17.5) = 8 + 4 = 12
  it('leaves a served job at the end of its service, and the inserted job at its own start', () => {
    const problem = slowUntil(
      40,
      handDay(HAND_POINTS, [{ location: 1, serviceS: 5 }, { location: 2 }], {
        type: { costPerSecond: 1 },
        vehicle: { maxTrips: 1 },
      }),
    );
    const best = scanOne(routeWith(problem, [D, 0, D]), 1);
    expect(best).toMatchObject({ pos: 1, kind: INTO_TRIP });
    expect(best.delta).toBeCloseTo(12, 9);
  });
});

describe('a new trip after a reload with time-dependent driving', () => {
  // Slow until 58, up to three trips. c at (0,-5). Day [D a D c D], a and c fill the van:
  // out 0 -> a 20, home 40, reloaded 50; D -> c at 50: 8 s slow (4 free) + 1 s = 9 s (c at 59), home 64.
  // b (service 4, by 70) on its own trip:
  // - first: b at 12, home at 16 + 12 = 28, reloaded 38, a at 38 + 20 = 58: 2 x 12 + (12 + 4 + 12 + 10) = 62
  // - after the reload at 50: 8 s slow (4 free) + 2 s = 10 s (b at 60), back at 64 at free speed 6 s, home 70,
  //   c at 80 + 5: 2 x 12 + (10 + 4 + 6 + 10) = 54
  // - at the end: reloaded at 74, b at 80, too late.
  it('leaves the depot after the reload and b after its service', () => {
    const problem = slowUntil(
      58,
      handDay(
        HAND_POINTS,
        [
          { location: 1, delivery: [2] },
          { location: 2, serviceS: 4, windows: [[0, 70]] },
          { location: 3, delivery: [2] },
        ],
        { type: { costPerSecond: 1 }, vehicle: { maxTrips: 3 } },
      ),
    );
    expect(scanOne(routeWith(problem, [D, 0, D, 2, D]), 1)).toMatchObject({
      pos: 2,
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 54,
    });
  });
});
