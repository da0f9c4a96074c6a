import { describe, expect, it } from 'vitest';
import { INTO_TRIP, NEW_TRIP_AFTER_DEPOT, noInsertion } from '../../src/solver/evaluation/insertion.ts';
import type { RoutingVehicle } from '../../src/domain/routing-problem.ts';
import { DEPOT as D } from '../../src/solver/model/instance.ts';
import { handDay } from './fixtures.ts';
import { HAND_POINTS, routeWith, scanOne } from './insertion-fixtures.ts';

// handDay: 1 m = 1 s, fixed cost 7, 2 per metre, capacity 2. Depot (0,0), a (6,8), b (6,0): |Da| = 10,
// |Db| = 6, |ba| = 8. Job 0 = a, job 1 = b (delivery 1).
const day = (aDelivery: number, vehicle: Partial<RoutingVehicle> = {}): ReturnType<typeof handDay> =>
  handDay(
    HAND_POINTS,
    [
      { location: 1, delivery: [aDelivery] },
      { location: 2, delivery: [1] },
    ],
    { vehicle },
  );

describe('insertion scan: opening penalty, trip limit, allowed types', () => {
  it('adds the opening penalty to the first job of an empty day only', () => {
    // empty day: 7 + 100 + 2 x (10 + 10) = 147; into [D a D]: 2 x (6 + 8 - 10) = 8, no penalty
    expect(scanOne(routeWith(day(1), [D, D]), 0, { openPenalty: 100 })).toMatchObject({
      pos: 0,
      kind: INTO_TRIP,
      delta: 7 + 100 + 2 * 20,
    });
    expect(scanOne(routeWith(day(1), [D, 0, D]), 1, { openPenalty: 100 }).delta).toBe(2 * (6 + 8 - 10));
  });

  it('opens an empty day with its fixed cost and never starts it with a "new trip"', () => {
    // a new trip would cost 2 x 20 = 40 < 47, but an empty day has no trip to add one to
    expect(scanOne(routeWith(day(1), [D, D]), 0)).toMatchObject({ pos: 0, kind: INTO_TRIP, delta: 47 });
  });

  it('inserts into a one-trip vehicle, and into none with zero trips', () => {
    expect(scanOne(routeWith(day(1, { maxTrips: 1 }), [D, D]), 0).delta).toBe(47);
    expect(scanOne(routeWith(day(1, { maxTrips: 0 }), [D, D]), 0).route).toBeUndefined();
  });

  it('adds no trip beyond the vehicle limit', () => {
    // a fills the van: b fits only on a second trip, 2 x (6 + 6) = 24
    expect(scanOne(routeWith(day(2, { maxTrips: 2 }), [D, 0, D]), 1)).toMatchObject({
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 24,
    });
    expect(scanOne(routeWith(day(2, { maxTrips: 1 }), [D, 0, D]), 1).route).toBeUndefined();
  });

  it('skips a vehicle whose type the job may not ride', () => {
    const problem = day(1);
    const barred = { ...problem, jobs: [{ ...problem.jobs[0]!, allowedVehicleTypes: [] }, problem.jobs[1]!] };
    expect(scanOne(routeWith(barred, [D, D]), 0).route).toBeUndefined();
  });

  it("reads the job's permission for the vehicle's own type", () => {
    // two identical types; the vehicle is of type 1; a may ride type 0 only, b either
    const problem = day(1);
    const type = problem.vehicleTypes[0]!;
    const twoTypes = {
      ...problem,
      vehicleTypes: [type, type],
      vehicles: [{ ...problem.vehicles[0]!, type: 1 }],
      jobs: [{ ...problem.jobs[0]!, allowedVehicleTypes: [0] }, problem.jobs[1]!],
    };
    expect(scanOne(routeWith(twoTypes, [D, D]), 0).route).toBeUndefined();
    // b: 7 + 2 x (6 + 6) = 31
    expect(scanOne(routeWith(twoTypes, [D, D]), 1).delta).toBe(31);
  });

  it('refuses a job whose window has closed, even on a vehicle without a shift end', () => {
    // b (window [0, 5]) is 6 s away: closed on arrival, whether as the first job, on a trip before a
    // (which fills the van and may come any time) or on a trip after it
    const problem = handDay(
      HAND_POINTS,
      [
        { location: 1, delivery: [2], windows: [] },
        { location: 2, windows: [[0, 5]] },
      ],
      { vehicle: { shiftEndS: Infinity } },
    );
    expect(scanOne(routeWith(problem, [D, D]), 1).route).toBeUndefined();
    expect(scanOne(routeWith(problem, [D, 0, D]), 1).route).toBeUndefined();
  });

  it('starts from no insertion at all', () => {
    expect(noInsertion()).toEqual({ route: undefined, pos: -1, kind: INTO_TRIP, delta: Infinity });
  });

  // trip duration limit (a full day check per candidate): a alone is out 10 s + back 10 s = 20 s
  it('refuses an insertion whose trip would exceed the trip duration limit', () => {
    const limited = (maxTripDurationS: number): ReturnType<typeof handDay> =>
      handDay(HAND_POINTS, [{ location: 1 }, { location: 2, delivery: [2] }], { type: { maxTripDurationS } });
    expect(scanOne(routeWith(limited(20), [D, D]), 0).delta).toBe(47);
    expect(scanOne(routeWith(limited(19), [D, D]), 0).route).toBeUndefined();
    // b (fills the van) after [D a D]: its own trip of 10 + 10 = 20 s, 2 x 20 = 40
    const second = (maxTripDurationS: number): ReturnType<typeof handDay> =>
      handDay(HAND_POINTS, [{ location: 2 }, { location: 1, delivery: [2] }], { type: { maxTripDurationS } });
    expect(scanOne(routeWith(second(20), [D, 0, D]), 1)).toMatchObject({
      kind: NEW_TRIP_AFTER_DEPOT,
      delta: 40,
    });
    expect(scanOne(routeWith(second(19), [D, 0, D]), 1).route).toBeUndefined();
  });
});
