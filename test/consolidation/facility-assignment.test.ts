import { describe, expect, it } from 'vitest';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import { bargeFrom, facilityCity, fleet, hub, order, RATE, receiver, TYPE } from './facility-city.ts';

/**
 * Who goes where once the facility model has chosen the hubs (docs/model/consolidation.md, hub choice): access
 * per fleet type, the cheapest open hub for a receiver the model leaves to its carriers, and the capacity
 * repair after rounding. Every order below is 20 kg from C0 (x = −20) or C1 (x = 30): a trunk share of 0.02.
 */
describe('which receivers an open hub may serve', () => {
  it('a hub serves a receiver if some type of its fleet may, at some hour; nobody may: no-vehicle-allowed', () => {
    const never: [] = [];
    const city = facilityCity({
      hubs: [hub('A', 0, { fixedCostEurPerDay: 1 }), hub('B', 1, { fixedCostEurPerDay: 1 })],
      fleet: [fleet(0, TYPE.bike), fleet(0, TYPE.van), fleet(1, TYPE.cargo)],
      receivers: [
        // per type: trunk, base, bike, van, cargo (undefined: never restricted)
        receiver('R0', 5, { accessByType: [undefined, undefined, never, never, [[0, 3600]]] }), // B only
        receiver('R1', 9, { accessByType: [undefined, undefined, never, never, never] }), // no hub
        receiver('R2', 4, { accessByType: [undefined, undefined, undefined, never, never] }), // A (its bike)
      ],
      orders: [order(0, 0, [20, 0.1, 1]), order(0, 1, [20, 0.1, 1]), order(0, 2, [20, 0.1, 1])],
    });
    const choice = chooseFacilities(city);
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
  const twoReceivers = (units: number, kg: number) => [
    order(0, 0, [kg, 0.1, units]),
    order(0, 1, [kg, 0.1, units]),
  ];

  it('a hub over its units hands the receiver with the least to lose to its carriers', () => {
    const choice = chooseFacilities(
      facilityCity({
        hubs: [hub('A', 0, { fixedCostEurPerDay: 1, capacityUnits: 6, handlingCostEurPerUnit: 0.5 })],
        fleet: [fleet(0, TYPE.van)],
        receivers: [receiver('R0', 5), receiver('R1', 4)],
        orders: twoReceivers(4, 20),
      }),
    );
    // via A (van, 2 EUR/km): trunk 40 km × 2 × 0.02 + last mile 4 (R0) or 2 (R1) km × 2 / 13 + 4 units × 0.5
    const c = [1.6 + (4 * RATE.van) / 13 + 2, 1.6 + (2 * RATE.van) / 13 + 2];
    // savings a − c: R0 10.154 − 4.215 = 5.94 > R1 9.692 − 3.908 = 5.78: the model takes R0 whole and half of R1
    // (6 units); rounded, both are at A (8 units): R1 loses least
    expect(choice.objectiveEur).toBeCloseTo(1 + c[0]! + 0.5 * c[1]! + 0.5 * a[1]!, 9);
    expect(choice.hubOf).toEqual([0, -1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity']);
    expect(choice.hubReasons).toEqual(['open: serves 1 receivers (4 units of 6); fixed cost 1 EUR a day']);
  });

  it("a hub over its fleet's daily kg does the same (1 bike × 2 trips × 10 kg = 20 kg a day)", () => {
    const choice = chooseFacilities(
      facilityCity({
        hubs: [hub('A', 0, { fixedCostEurPerDay: 1, handlingCostEurPerUnit: 0.5 })],
        fleet: [fleet(0, TYPE.bike, 1, 2)],
        receivers: [receiver('R0', 5), receiver('R1', 4)],
        orders: twoReceivers(1, 15),
      }),
    );
    // trunk 40 km × 2 × 15/1000 = 1.2, last mile 4 or 2 km × 1 / 13, 1 unit × 0.5; the model takes R0 whole
    // and 5 of R1's 15 kg
    const c = [1.2 + 4 / 13 + 0.5, 1.2 + 2 / 13 + 0.5];
    // (javascript-lp-solver reports 1/3 to 8 decimals)
    expect(choice.objectiveEur).toBeCloseTo(1 + c[0]! + c[1]! / 3 + (2 * a[1]!) / 3, 6);
    expect(choice.hubOf).toEqual([0, -1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity']);
  });

  const withB = (capacityB?: number) =>
    facilityCity({
      hubs: [
        hub('A', 0, { fixedCostEurPerDay: 1, capacityUnits: 7, handlingCostEurPerUnit: 0.5 }),
        hub('B', 1, { fixedCostEurPerDay: 1, capacityUnits: capacityB, handlingCostEurPerUnit: 0.5 }),
      ],
      fleet: [fleet(0, TYPE.van), fleet(1, TYPE.van)],
      receivers: [receiver('R0', 5), receiver('R1', 4), receiver('R2', 8)],
      // R2 at x = 9: 1 unit from C1, B's own
      orders: [...twoReceivers(4, 20), order(1, 2, [20, 0.1, 1])],
    });
  // via A as above; via B: trunk 60 km × 2 × 0.02 + 16 (R0) km × 2 / 13 + 2; R2: 40 km × 2 × 0.02 + 2 km × 2 / 13 + 0.5
  const cA = [1.6 + (4 * RATE.van) / 13 + 2, 1.6 + (2 * RATE.van) / 13 + 2];
  const c0B = 2.4 + (16 * RATE.van) / 13 + 2;
  const c2B = 1.6 + (2 * RATE.van) / 13 + 0.5;
  // A's 7 units are worth more to R1 (3.91 against 7.17 at B) than to R0 (4.22 against 6.86): R1 whole, 3/4 of
  // R0 at A, 1/4 at B
  const objective = 2 + cA[1]! + 0.75 * cA[0]! + 0.25 * c0B + c2B;

  it('moves the receiver with the least to lose to another open hub with room', () => {
    const choice = chooseFacilities(withB());
    expect(choice.objectiveEur).toBeCloseTo(objective, 9);
    // rounded: R0 and R1 at A (8 units of 7); R1 (a − c = 5.78 against R0's 5.94) moves to B
    expect(choice.hubOf).toEqual([0, 1, 1]);
    expect(choice.reasonOf).toEqual([undefined, undefined, undefined]);
  });

  it('…but not to a hub it would fill beyond its units: then to its carriers', () => {
    // B holds 4 units: R2's 1 and R0's quarter in the model; R1's 4 more would not fit after rounding
    const choice = chooseFacilities(withB(4));
    expect(choice.objectiveEur).toBeCloseTo(objective, 9);
    expect(choice.hubOf).toEqual([0, -1, 1]);
    expect(choice.reasonOf).toEqual([undefined, 'hub-capacity', undefined]);
  });

  it('a platform over its units: a receiver of its micro-hub moves to a hub through no platform', () => {
    // platform P at x = −10 takes 7 units (no fleet of its own); micro-hub M at x = 0, fed by barge (no
    // tariff); Q at x = 10 through no platform, with R2 (x = 9, 1 unit from C1); vans, 1 EUR a day each
    const choice = chooseFacilities(
      facilityCity({
        hubs: [
          hub('P', 10, { capacityUnits: 7 }),
          hub('M', 0, { fixedCostEurPerDay: 1, feeder: bargeFrom(0) }),
          hub('Q', 1, { fixedCostEurPerDay: 1 }),
        ],
        fleet: [fleet(1, TYPE.van), fleet(2, TYPE.van)],
        receivers: [receiver('R0', 5), receiver('R1', 4), receiver('R2', 8)],
        orders: [...twoReceivers(4, 20), order(1, 2, [20, 0.1, 1])],
      }),
    );
    // via M: trunk to P 20 km × 2 × 0.02 = 0.8, last mile 4 (R0) or 2 (R1) km × 2 / 13; via Q: trunk 60 km × 2 ×
    // 0.02 = 2.4, last mile 16 (R0) km × 2 / 13; R2 via Q: 40 km × 2 × 0.02 + 2 km × 2 / 13
    const cM = [0.8 + (4 * RATE.van) / 13, 0.8 + (2 * RATE.van) / 13];
    const c0Q = 2.4 + (16 * RATE.van) / 13;
    const c2Q = 1.6 + (2 * RATE.van) / 13;
    // P's 7 units are worth more to R1 (1.11 against 5.17 via Q) than to R0 (1.42 against 4.86): R1 whole, 3/4 of
    // R0 through M, 1/4 via Q
    expect(choice.objectiveEur).toBeCloseTo(2 + cM[1]! + 0.75 * cM[0]! + 0.25 * c0Q + c2Q, 9);
    // rounded, 8 units through P: R1 (a − c = 9.69 − 1.11 against R0's 10.15 − 1.42) moves to Q
    expect(choice.hubOf).toEqual([1, 2, 2]);
    expect(choice.reasonOf).toEqual([undefined, undefined, undefined]);
    expect(choice.hubReasons[0]).toBe('closed: no pooled fleet');
  });
});
