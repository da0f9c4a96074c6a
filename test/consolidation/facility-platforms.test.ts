import { describe, expect, it } from 'vitest';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import type { CityHub } from '../../src/domain/city.ts';
import {
  bargeFrom,
  facilityCity,
  fleet,
  hub,
  order,
  pairFromC0,
  RATE,
  receiver,
  TYPE,
} from './facility-city.ts';

/**
 * A platform's units in the facility model and its capacity repair (docs/model/consolidation.md, two echelons):
 * platform P at x = −10, micro-hubs fed from it by barge (no tariff: their trunk runs to P); R0 (x = 2) and R1
 * (x = 1) 4 units and 20 kg each from C0 (x = −20), R2 (x = 9) 1 unit from C1 (x = 30); vans (2 EUR/km).
 */
const city = (hubs: CityHub[], vans: number[]) =>
  facilityCity({
    hubs,
    fleet: vans.map((h) => fleet(h, TYPE.van)),
    receivers: [receiver('R0', 5), receiver('R1', 4), receiver('R2', 8)],
    orders: [...pairFromC0(4, 20), order(1, 2, [20, 0.1, 1])],
  });
// alone: 44, 42 and 42 km × 3 / 13
const a = [(44 * RATE.base) / 13, (42 * RATE.base) / 13, (42 * RATE.base) / 13];
// via a micro-hub at x = 0: trunk to P 20 km × 2 × 0.02 = 0.8, last mile 4 (R0) or 2 (R1) km × 2 / 13
const cM = [0.8 + (4 * RATE.van) / 13, 0.8 + (2 * RATE.van) / 13];
const micro = (id: string, location: number, capacityUnits?: number) =>
  hub(id, location, { fixedCostEurPerDay: 1, capacityUnits, feeder: bargeFrom(0) });

describe("a platform's capacity", () => {
  it('over its units: a receiver of its micro-hub moves to a hub through no platform', () => {
    // P takes 7 units (no fleet of its own); M at x = 0; Q at x = 10 through no platform, 1 EUR a day
    const choice = chooseFacilities(
      city(
        [hub('P', 10, { capacityUnits: 7 }), micro('M', 0), hub('Q', 1, { fixedCostEurPerDay: 1 })],
        [1, 2],
      ),
    );
    // via Q: trunk 60 km × 2 × 0.02 = 2.4, last mile 16 (R0) km × 2 / 13; R2: 40 km × 2 × 0.02 + 2 km × 2 / 13
    const c0Q = 2.4 + (16 * RATE.van) / 13;
    const c2Q = 1.6 + (2 * RATE.van) / 13;
    // P's 7 units are worth more to R1 (1.11 against 5.17 via Q) than to R0 (1.42 against 4.86): R1 whole, 3/4
    // of R0 through M, 1/4 via Q
    expect(choice.objectiveEur).toBeCloseTo(2 + cM[1]! + 0.75 * cM[0]! + 0.25 * c0Q + c2Q, 9);
    // rounded, 8 units through P: R1 (a − c = 9.69 − 1.11 against R0's 10.15 − 1.42) moves to Q
    expect(choice.hubOf).toEqual([1, 2, 2]);
    expect(choice.reasonOf).toEqual([undefined, undefined, undefined]);
    expect(choice.hubReasons[0]).toBe('closed: no pooled fleet');
  });

  it("binds the platform's own receivers with its micro-hubs' (P with vans, 7 units; M at x = 0)", () => {
    const choice = chooseFacilities(
      city([hub('P', 10, { fixedCostEurPerDay: 1, capacityUnits: 7 }), micro('M', 0)], [0, 1]),
    );
    // R2 via M: trunk to P 80 km × 2 × 0.02 + 18 km × 2 / 13 = 5.97 < 9.69: pooled if room. Per unit, R0 saves
    // (10.15 − 1.42) / 4 = 2.18, R1 (9.69 − 1.11) / 4 = 2.15, R2 9.69 − 5.97 = 3.72: R2 and R0 whole, half of
    // R1 through M; P itself has no unit left to serve anyone (its own receivers count against the same 7)
    const c2M = 3.2 + (18 * RATE.van) / 13;
    expect(choice.objectiveEur).toBeCloseTo(1 + c2M + cM[0]! + 0.5 * cM[1]! + 0.5 * a[1]!, 9);
    expect(choice.open).toEqual([false, true]);
    // rounded, 9 units through P: the least to lose go first, R2 (a − c = 3.72) then R1 (8.58); P is closed
    expect(choice.hubOf).toEqual([1, -1, -1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity', 'hub-capacity']);
  });

  it('a move between micro-hubs of one platform leaves its count as it is (9 units of 9)', () => {
    // P takes 9 units, M (x = 0) 7, M2 (x = 10) any
    const choice = chooseFacilities(
      city([hub('P', 10, { capacityUnits: 9 }), micro('M', 0, 7), micro('M2', 1)], [1, 2]),
    );
    // via M2: trunk to P 0.8 (C0) or 3.2 (C1), last mile 16 (R0) or 2 (R2) km × 2 / 13. All 9 units through P;
    // M's 7 are worth more to R1 (1.11 against 3.57 via M2) than to R0 (1.42 against 3.26): R1 whole, 3/4 of R0
    const c0M2 = 0.8 + (16 * RATE.van) / 13;
    const c2M2 = 3.2 + (2 * RATE.van) / 13;
    expect(choice.objectiveEur).toBeCloseTo(2 + cM[1]! + 0.75 * cM[0]! + 0.25 * c0M2 + c2M2, 9);
    // rounded, M holds 8 units: R1 (a − c = 8.58 against R0's 8.74) moves to M2, P still at 9 of 9
    expect(choice.hubOf).toEqual([1, 2, 2]);
    expect(choice.reasonOf).toEqual([undefined, undefined, undefined]);
  });

  it('a receiver from a hub through no platform joins a micro-hub only if the platform has room for it', () => {
    // P takes 2 units, M at x = 10 through P, A at x = 0 (7 units, 1 EUR a day) through none
    const choice = chooseFacilities(
      city(
        [
          hub('P', 10, { capacityUnits: 2 }),
          micro('M', 1),
          hub('A', 0, { fixedCostEurPerDay: 1, capacityUnits: 7 }),
        ],
        [1, 2],
      ),
    );
    // via A: trunk 40 km × 2 × 0.02 = 1.6, last mile 4 (R0) or 2 (R1) km × 2 / 13; via M: trunk to P 0.8 (C0) or
    // 3.2 (C1), last mile 16 (R0) or 2 (R2) km × 2 / 13. P's 2 units: R2's 1 and a quarter of R0 (A's 7 units
    // are worth more to R1: 1.91 against 3.57 via M, than to R0: 2.22 against 3.26)
    const cA = [1.6 + (4 * RATE.van) / 13, 1.6 + (2 * RATE.van) / 13];
    const c0M = 0.8 + (16 * RATE.van) / 13;
    const c2M = 3.2 + (2 * RATE.van) / 13;
    expect(choice.objectiveEur).toBeCloseTo(2 + cA[1]! + 0.75 * cA[0]! + 0.25 * c0M + c2M, 9);
    // rounded, A holds 8 units: R1 (a − c = 7.78 against R0's 7.94) would add 4 units through P (1 + 4 > 2)
    expect(choice.hubOf).toEqual([2, -1, 1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity', undefined]);
  });
});
