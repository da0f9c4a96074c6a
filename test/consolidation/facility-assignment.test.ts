import { describe, expect, it } from 'vitest';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import type { CityFleet } from '../../src/domain/city.ts';
import { facilityCity, fleet, hub, order, pairFromC0, RATE, receiver, TYPE } from './facility-city.ts';

/**
 * Who goes where once the facility model has chosen the hubs (docs/model/consolidation.md, hub choice): access
 * per fleet type, the cheapest open hub for a receiver the model leaves to its carriers, and the capacity
 * repair after rounding. Every order below is 20 kg from C0 (x = −20) or C1 (x = 30): a trunk share of 0.02.
 */
describe('which receivers an open hub may serve', () => {
  it('a hub serves a receiver if some type of its fleet may, at some hour; nobody may: no-vehicle-allowed', () => {
    const never: [] = [];
    const city = (fixedCostEurPerDay: number) =>
      facilityCity({
        hubs: [hub('A', 0, { fixedCostEurPerDay }), hub('B', 1, { fixedCostEurPerDay })],
        fleet: [fleet(0, TYPE.bike), fleet(0, TYPE.van), fleet(1, TYPE.cargo)],
        receivers: [
          // per type: trunk, base, bike, van, cargo (undefined: never restricted)
          receiver('R0', 5, { accessByType: [undefined, undefined, never, never, [[0, 3600]]] }), // B only
          receiver('R1', 9, { accessByType: [undefined, undefined, never, never, never] }), // no hub
          receiver('R2', 4, { accessByType: [undefined, undefined, undefined, never, never] }), // A (its bike)
        ],
        orders: [order(0, 0, [20, 0.1, 1]), order(0, 1, [20, 0.1, 1]), order(0, 2, [20, 0.1, 1])],
      });
    const choice = chooseFacilities(city(1));
    expect(choice.hubOf).toEqual([1, -1, 0]);
    expect(choice.reasonOf).toEqual([undefined, 'no-vehicle-allowed', undefined]);
    // R0 via B: trunk 60 km × 2 × 0.02, last mile 16 km × 0.5 / 13; R2 via A: 40 km × 2 × 0.02 + 2 km × 1 / 13;
    // R1 alone: 50 km × 3 / 13; both hubs at 1 EUR
    const viaB0 = 60 * RATE.trunk * 0.02 + (16 * RATE.cargo) / 13;
    const viaA2 = 40 * RATE.trunk * 0.02 + (2 * RATE.bike) / 13;
    expect(choice.objectiveEur).toBeCloseTo(2 + viaB0 + viaA2 + (50 * RATE.base) / 13, 9);
    expect(choice.hubReasons).toEqual([
      'open: serves 1 receivers (1 units); fixed cost 1 EUR a day',
      'open: serves 1 receivers (1 units); fixed cost 1 EUR a day',
    ]);
    // both closed: R0 and R2 could have been served (hub-closed), R1 never
    expect(chooseFacilities(city(1000)).reasonOf).toEqual(['hub-closed', 'no-vehicle-allowed', 'hub-closed']);
  });
});

describe('a receiver the model leaves to its carriers goes to its cheapest open hub', () => {
  // A at x = 0 and B at x = 10, bikes, 1 EUR a day each; R0 (x = 1, from C0) opens A, R1 (x = 9, from C1) opens B;
  // R2 (x = 7) and R3 (x = 5) have their carrier next door (depots C2 and C3): alone costs them nothing
  const city = facilityCity(
    {
      hubs: [hub('A', 0, { fixedCostEurPerDay: 1 }), hub('B', 1, { fixedCostEurPerDay: 1 })],
      fleet: [fleet(0, TYPE.bike, 1, 4), fleet(1, TYPE.bike, 1, 4)],
      receivers: [receiver('R0', 4), receiver('R1', 8), receiver('R2', 6), receiver('R3', 9)],
      orders: [
        order(0, 0, [1, 0.1, 1]),
        order(1, 1, [1, 0.1, 1]),
        order(2, 2, [1, 0.1, 1]),
        order(3, 3, [1, 0.1, 1]),
      ],
    },
    [6, 9],
  );

  it('R2 to B (6 km each way against 7), R3 to A (a tie at 5 km: the first hub)', () => {
    const choice = chooseFacilities(city);
    expect(choice.open).toEqual([true, true]);
    expect(choice.hubOf).toEqual([0, 1, 1, 0]);
    expect(choice.reasonOf).toEqual([undefined, undefined, undefined, undefined]);
    // R0 via A and R1 via B: 40 km × 2 × 1/1000 + 2 km × 1 / 13 each; R2 and R3 alone at 0
    expect(choice.objectiveEur).toBeCloseTo(2 + 2 * (40 * RATE.trunk * 0.001 + (2 * RATE.bike) / 13), 9);
    expect(choice.hubReasons).toEqual([
      'open: serves 2 receivers (2 units); fixed cost 1 EUR a day',
      'open: serves 2 receivers (2 units); fixed cost 1 EUR a day',
    ]);
  });
});

describe('the capacity repair after rounding', () => {
  // R0 at x = 2, R1 at x = 1, 4 units each from C0 (alone: 44 and 42 km × 3 / 13); hub A at x = 0, 0.5 EUR a unit
  const a = [(44 * RATE.base) / 13, (42 * RATE.base) / 13];
  // B at x = 10, 1,000 EUR a day: closed, with room for anyone
  const closedB = hub('B', 1, { fixedCostEurPerDay: 1000 });

  it('a hub over its units hands the receiver with the least to lose to its carriers (not to a closed hub)', () => {
    const city = (capacityUnits: number, at = [5, 4]) =>
      facilityCity({
        hubs: [hub('A', 0, { fixedCostEurPerDay: 1, capacityUnits, handlingCostEurPerUnit: 0.5 }), closedB],
        fleet: [fleet(0, TYPE.van), fleet(1, TYPE.van)],
        receivers: [receiver('R0', at[0]!), receiver('R1', at[1]!)],
        orders: pairFromC0(4, 20),
      });
    const choice = chooseFacilities(city(6));
    // via A (van, 2 EUR/km): trunk 40 km × 2 × 0.02 + last mile 4 (R0) or 2 (R1) km × 2 / 13 + 4 units × 0.5
    const c = [1.6 + (4 * RATE.van) / 13 + 2, 1.6 + (2 * RATE.van) / 13 + 2];
    // savings a − c: R0 10.154 − 4.215 = 5.94 > R1 9.692 − 3.908 = 5.78: the model takes R0 whole and half of R1
    // (6 units); rounded, both are at A (8 units): R1 loses least
    expect(choice.objectiveEur).toBeCloseTo(1 + c[0]! + 0.5 * c[1]! + 0.5 * a[1]!, 9);
    expect(choice.hubOf).toEqual([0, -1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity']);
    expect(choice.hubReasons[0]).toBe('open: serves 1 receivers (4 units of 6); fixed cost 1 EUR a day');
    // 8 units of 8: nobody moves
    expect(chooseFacilities(city(8)).hubOf).toEqual([0, 0]);
    // R0 at x = 1 and R1 at x = 2 instead: R0 has the least to lose now
    expect(chooseFacilities(city(6, [4, 5])).hubOf).toEqual([-1, 0]);
  });

  it("a hub over its fleet's daily kg does the same (1 bike × 2 trips × 10 kg = 20 kg a day)", () => {
    // B's vans (closed) add nothing to A's kg
    const city = (maxTrips: number) =>
      facilityCity({
        hubs: [hub('A', 0, { fixedCostEurPerDay: 1, handlingCostEurPerUnit: 0.5 }), closedB],
        fleet: [fleet(0, TYPE.bike, 1, maxTrips), fleet(1, TYPE.van)],
        receivers: [receiver('R0', 5), receiver('R1', 4)],
        orders: pairFromC0(1, 15),
      });
    const choice = chooseFacilities(city(2));
    // trunk 40 km × 2 × 15/1000 = 1.2, last mile 4 or 2 km × 1 / 13, 1 unit × 0.5; the model takes R0 whole
    // and 5 of R1's 15 kg
    const c = [1.2 + 4 / 13 + 0.5, 1.2 + 2 / 13 + 0.5];
    // (javascript-lp-solver reports 1/3 to 8 decimals)
    expect(choice.objectiveEur).toBeCloseTo(1 + c[0]! + c[1]! / 3 + (2 * a[1]!) / 3, 6);
    expect(choice.hubOf).toEqual([0, -1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity']);
    // 3 trips: 30 kg of 30, nobody moves
    expect(chooseFacilities(city(3)).hubOf).toEqual([0, 0]);
  });

  /** A (x = 0, 0.5 EUR a unit) and B (x = 10, the same), vans unless said; R2 at x = 9: 1 unit from C1, B's own. */
  const withB = (
    o: { capacityA?: number; capacityB?: number; fleetB?: CityFleet; bFirst?: boolean } = {},
  ) => {
    const [ia, ib] = o.bFirst ? [1, 0] : [0, 1];
    const hubs = [
      hub('A', 0, { fixedCostEurPerDay: 1, capacityUnits: o.capacityA ?? 7, handlingCostEurPerUnit: 0.5 }),
      hub('B', 1, { fixedCostEurPerDay: 1, capacityUnits: o.capacityB, handlingCostEurPerUnit: 0.5 }),
    ];
    return facilityCity({
      hubs: o.bFirst ? [hubs[1]!, hubs[0]!] : hubs,
      fleet: [fleet(ia, TYPE.van), { ...(o.fleetB ?? fleet(1, TYPE.van)), hub: ib }],
      receivers: [receiver('R0', 5), receiver('R1', 4), receiver('R2', 8)],
      orders: [...pairFromC0(4, 20), order(1, 2, [20, 0.1, 1])],
    });
  };
  // via A as above; via B: trunk 60 km × 2 × 0.02 + 16 (R0) or 18 (R1) km × 2 / 13 + 2; R2: 40 km × 2 × 0.02 +
  // 2 km × 2 / 13 + 0.5
  const cA = [1.6 + (4 * RATE.van) / 13 + 2, 1.6 + (2 * RATE.van) / 13 + 2];
  const cB = [2.4 + (16 * RATE.van) / 13 + 2, 2.4 + (18 * RATE.van) / 13 + 2];
  const c2B = 1.6 + (2 * RATE.van) / 13 + 0.5;

  it('moves the receiver with the least to lose to another open hub with room', () => {
    const choice = chooseFacilities(withB());
    // A's 7 units are worth more to R1 (3.91 against 7.17 at B) than to R0 (4.22 against 6.86): R1 whole, 3/4
    // of R0 at A, 1/4 at B
    expect(choice.objectiveEur).toBeCloseTo(2 + cA[1]! + 0.75 * cA[0]! + 0.25 * cB[0]! + c2B, 9);
    // rounded: R0 and R1 at A (8 units of 7); R1 (a − c = 5.78 against R0's 5.94) moves to B
    expect(choice.hubOf).toEqual([0, 1, 1]);
    expect(choice.reasonOf).toEqual([undefined, undefined, undefined]);
    // B's 5 units hold R2's 1 and R1's 4 exactly
    expect(chooseFacilities(withB({ capacityB: 5 })).hubOf).toEqual([0, 1, 1]);
  });

  it('…but not to a hub it would fill beyond its units or its kg: then to its carriers', () => {
    // B holds 4 units: R2's 1 and R0's quarter in the model; R1's 4 more would not fit after rounding
    const choice = chooseFacilities(withB({ capacityB: 4 }));
    expect(choice.objectiveEur).toBeCloseTo(2 + cA[1]! + 0.75 * cA[0]! + 0.25 * cB[0]! + c2B, 9);
    expect(choice.hubOf).toEqual([0, -1, 1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity', undefined]);
    // B with one bike (the model still splits R0 3/4 and 1/4): 3 trips carry 30 kg, not R2's 20 and R1's 20;
    // 4 trips carry the 40 kg exactly
    const bike = (maxTrips: number, bFirst = false) =>
      withB({ fleetB: fleet(1, TYPE.bike, 1, maxTrips), bFirst });
    expect(chooseFacilities(bike(3)).hubOf).toEqual([0, -1, 1]);
    expect(chooseFacilities(bike(4)).hubOf).toEqual([0, 1, 1]);
    // B listed first: its own check comes before A's repair, which alone must keep B within its kg
    expect(chooseFacilities(bike(3, true)).hubOf).toEqual([1, -1, 0]);
  });

  it("only the over hub's receivers move (B's own listed between them)", () => {
    // withB's receivers in another order: R0 (x = 2), B's R2 (x = 9), R1 (x = 1); rounded [A, B, A], R1 moves
    const city = facilityCity({
      hubs: [
        hub('A', 0, { fixedCostEurPerDay: 1, capacityUnits: 7, handlingCostEurPerUnit: 0.5 }),
        hub('B', 1, { fixedCostEurPerDay: 1, handlingCostEurPerUnit: 0.5 }),
      ],
      fleet: [fleet(0, TYPE.van), fleet(1, TYPE.van)],
      receivers: [receiver('R0', 5), receiver('R2', 8), receiver('R1', 4)],
      orders: [order(0, 0, [20, 0.1, 4]), order(1, 1, [20, 0.1, 1]), order(0, 2, [20, 0.1, 4])],
    });
    expect(chooseFacilities(city).hubOf).toEqual([0, 1, 1]);
  });

  it("a receiver goes to its largest share, not to its cheapest open hub, whatever the hubs' order", () => {
    // A takes 4 units: R1 whole (worth 3.26 there against R0's 2.65), R0 whole at B although A is cheaper for it
    const choice = chooseFacilities(withB({ capacityA: 4 }));
    expect(choice.objectiveEur).toBeCloseTo(2 + cA[1]! + cB[0]! + c2B, 9);
    expect(choice.hubOf).toEqual([1, 0, 1]);
    expect(chooseFacilities(withB({ capacityA: 4, bFirst: true })).hubOf).toEqual([0, 1, 0]);
  });
});
