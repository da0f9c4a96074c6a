import { describe, expect, it } from 'vitest';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import type { CityHub } from '../../src/domain/city.ts';
import { bargeFrom, facilityCity, fleet, hub, order, RATE, receiver, TYPE } from './facility-city.ts';

/**
 * The facility model's cost estimates (docs/model/consolidation.md, hub choice), pinned through the model's
 * objective on one receiver: `c[r,h]` = Σ trunk round trip × €km(trunk) × min(1, kg / trunk kg)
 * + round trip hub–receiver × cheapest €km of the hub's fleet / 13 + units × handling; `a[r]` = Σ over its
 * carriers of the round trip depot–receiver × €km(baseline type) / 13. Distances in facility-city.ts.
 */
describe('the facility model prices a receiver', () => {
  // R0 at x = 2 km: 20 kg (3 units) from C0 (x = −20), 50 kg (0 units: counts 1) from C1 (x = 30)
  const oneReceiver = (a: Partial<CityHub>, b: Partial<CityHub>) =>
    facilityCity({
      hubs: [
        hub('A', 0, { handlingCostEurPerUnit: 0.5, ...a }),
        hub('B', 1, { handlingCostEurPerUnit: 0.25, ...b }),
        hub('C', 1), // only a fleet of none: not a candidate
      ],
      fleet: [
        fleet(0, TYPE.bike),
        fleet(0, TYPE.van),
        fleet(0, TYPE.cargo, 0), // none of them: its cheaper rate does not count
        fleet(1, TYPE.cargo),
        fleet(2, TYPE.cargo, 0),
      ],
      receivers: [receiver('R0', 5)],
      orders: [order(0, 0, [20, 0.1, 3]), order(1, 0, [50, 0.1, 0])],
    });
  // C0: 44 km round trip to R0, C1: 56 km, at the base type's 3 EUR/km, a 13th each
  const alone = ((44 + 56) * RATE.base) / 13;

  it('through hub A: trunk shares by kg, the last mile at the bike (the cheaper of bike and van), handling per unit', () => {
    const choice = chooseFacilities(oneReceiver({ fixedCostEurPerDay: 5 }, { fixedCostEurPerDay: 1000 }));
    // C0: 40 km × 2 × 20/1000 = 1.6; C1: 60 km × 2 × 50/1000 = 6; last mile 4 km × 1 / 13; (3 + 1) units × 0.5
    const viaA = 40 * RATE.trunk * 0.02 + 60 * RATE.trunk * 0.05 + (4 * RATE.bike) / 13 + 4 * 0.5;
    expect(5 + viaA).toBeLessThan(alone);
    expect(choice.objectiveEur).toBeCloseTo(5 + viaA, 9);
    expect(choice.open).toEqual([true, false, false]);
    expect(choice.hubOf).toEqual([0]);
    expect(choice.reasonOf).toEqual([undefined]);
    expect(choice.backend).toBe('js');
    expect(choice.hubReasons).toEqual([
      'open: serves 1 receivers (4 units); fixed cost 5 EUR a day',
      'closed: its fixed cost (1000 EUR a day) and estimated trunk and last-mile costs exceed what its receivers save',
      'closed: no pooled fleet',
    ]);
  });

  it('through hub B: its own trunk distances, its cargo bikes and its handling rate', () => {
    const choice = chooseFacilities(oneReceiver({ fixedCostEurPerDay: 1000 }, { fixedCostEurPerDay: 5 }));
    // C0: 60 km × 2 × 0.02 = 2.4; C1: 40 km × 2 × 0.05 = 4; last mile 16 km × 0.5 / 13; 4 units × 0.25
    const viaB = 60 * RATE.trunk * 0.02 + 40 * RATE.trunk * 0.05 + (16 * RATE.cargo) / 13 + 4 * 0.25;
    expect(choice.objectiveEur).toBeCloseTo(5 + viaB, 9);
    expect(choice.open).toEqual([false, true, false]);
    expect(choice.hubOf).toEqual([1]);
  });

  it('left to its carriers when no hub is worth opening: a 13th of each carrier round trip', () => {
    const choice = chooseFacilities(oneReceiver({ fixedCostEurPerDay: 1000 }, { fixedCostEurPerDay: 1000 }));
    expect(choice.objectiveEur).toBeCloseTo(alone, 9);
    expect(choice.open).toEqual([false, false, false]);
    expect(choice.hubOf).toEqual([-1]);
    expect(choice.reasonOf).toEqual(['hub-closed']);
  });

  it("a capacity shows in the open hub's reason", () => {
    const choice = chooseFacilities(
      oneReceiver({ fixedCostEurPerDay: 5, capacityUnits: 9 }, { fixedCostEurPerDay: 1000 }),
    );
    expect(choice.hubReasons[0]).toBe('open: serves 1 receivers (4 units of 9); fixed cost 5 EUR a day');
  });
});

describe('the facility model prices a micro-hub fed from a platform', () => {
  // platform P at x = −10 (no fleet), micro-hub M at x = 0 with a van, 1 EUR a day, 0.5 EUR a unit
  const fed = (feeder: NonNullable<CityHub['feeder']>) =>
    facilityCity({
      hubs: [hub('P', 10), hub('M', 0, { fixedCostEurPerDay: 1, handlingCostEurPerUnit: 0.5, feeder })],
      fleet: [fleet(1, TYPE.van)],
      receivers: [receiver('R0', 5)],
      orders: [order(0, 0, [20, 0.1, 3]), order(1, 0, [60, 0.1, 0])],
    });
  // the trunk runs to P: C0 20 km × 2 × 0.02, C1 80 km × 2 × 0.06; last mile M–R0 4 km × 2 / 13; 4 units × 0.5
  const trunkAndLastMile = 20 * RATE.trunk * 0.02 + 80 * RATE.trunk * 0.06 + (4 * RATE.van) / 13 + 4 * 0.5;

  it("a road feeder adds each order's kg share of its round trip P–M", () => {
    const choice = chooseFacilities(
      fed({ platform: 0, mode: 'road', type: TYPE.van, maxTrips: 1, reloadS: 0 }),
    );
    // P–M 20 km × 2 EUR/km (van) × 20/600 and × 60/600
    const feeder = 20 * RATE.van * (20 / 600) + 20 * RATE.van * (60 / 600);
    expect(choice.objectiveEur).toBeCloseTo(1 + trunkAndLastMile + feeder, 9);
    expect(choice.hubOf).toEqual([1]);
    expect(choice.hubReasons[0]).toBe('closed: no pooled fleet');
  });

  it('a barge feeder adds nothing (no sourced tariff)', () => {
    const choice = chooseFacilities(fed(bargeFrom(0)));
    expect(choice.objectiveEur).toBeCloseTo(1 + trunkAndLastMile, 9);
    expect(choice.hubOf).toEqual([1]);
  });
});
