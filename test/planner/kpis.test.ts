import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../src/planner/kpis.ts';
import { load, unitCity, unitTrunkTrip, unitRoute, unitType } from './unit-city.ts';

const rates = { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 };
const city = unitCity({
  vehicleTypes: [unitType('van', rates, [1000, 10, 100]), unitType('bike', rates, [100, 1, Infinity])],
});

// Van V1 does two trips (R1, R2; then R1 again), bike B1 one trip with a pickup at R3.
const routes = [
  unitRoute({
    vehicle: 'V1',
    vehicleType: 'van',
    distanceKm: 10.5,
    durationMin: 90,
    energyKWh: 12.25,
    co2eKg: 3.1,
    loadStart: load(400, 2, 50),
    stops: [
      ['R1', ['o1'], load(300, 1.5, 30)],
      ['R2', ['o2', 'o3'], load(0, 0, 0)],
    ],
  }),
  unitRoute({
    vehicle: 'V1',
    vehicleType: 'van',
    distanceKm: 5.25,
    durationMin: 30,
    energyKWh: 4.5,
    co2eKg: 1.2,
    loadStart: load(100, 6, 10),
    stops: [['R1', ['o4'], load(0, 0, 0)]],
  }),
  unitRoute({
    vehicle: 'B1',
    vehicleType: 'bike',
    distanceKm: 3,
    durationMin: 45,
    energyKWh: 0.3,
    co2eKg: 0.02,
    loadStart: load(80, 0.5, 5),
    stops: [['R3', ['o5', 'p1'], load(90, 0.6, 6)]],
  }),
];
// two road trips of one trunk vehicle (20 km, 60 min, 8 kWh, 2 kg CO2e in all) and one barge sailing
const trunk = [
  unitTrunkTrip({
    vehicle: 'T',
    distanceKm: 12,
    durationMin: 35,
    energyKWh: 5,
    co2eKg: 1.2,
    tonneKm: 3,
    stops: [['A', 300, 0]],
  }),
  unitTrunkTrip({
    vehicle: 'T',
    distanceKm: 8,
    durationMin: 25,
    energyKWh: 3,
    co2eKg: 0.8,
    tonneKm: 1.5,
    stops: [['A', 200, 0]],
  }),
  unitTrunkTrip({
    vehicle: 'barge',
    mode: 'barge',
    distanceKm: 9,
    durationMin: 90,
    energyKWh: 0.4,
    co2eKg: 0.1,
    tonneKm: 4.5,
    stops: [['quay', 500, 0]],
  }),
];

describe('KPIs of a plan, recomputed by hand', () => {
  it('sums routes, trunk legs and hub handling into every figure they touch', () => {
    expect(computeKpis(city, routes, trunk, { kWh: 1.5, co2eKg: 0.1 }, { trunkFigures: true })).toEqual({
      vehicles: 2, // V1 (two trips) and B1
      routes: 3,
      tripsIncludingTrunk: 5, // 3 routes + 2 road trunk trips (the sailing is not a vehicle trip)
      vehicleKm: 38.75, // 10.5 + 5.25 + 3 + 20 (the barge's 9 km are not vehicle-km)
      vehicleHours: 3.75, // (90 + 30 + 45 + 60) / 60
      energyKWh: 26.95, // 12.25 + 4.5 + 0.3 + 8 + 0.4 + 1.5
      co2eKg: 6.52, // 3.1 + 1.2 + 0.02 + 2 + 0.1 + 0.1
      stops: 4,
      deliveriesPerReceiver: 1.333, // 4 stops at 3 receivers
      // peak share of the binding dimension: units 50/100, m3 6/10, kg 90/100 (after the pickup)
      fillRate: 0.667,
      hubHandlingKWh: 1.5,
      trunkTrips: 2,
      trunkVehicles: 1,
      trunkTonneKm: { road: 4.5, barge: 4.5, rail: 0 },
    });
  });

  it('leaves hub handling out when there is none, and trunk legs out when not given', () => {
    const k = computeKpis(city, routes);
    expect(k).not.toHaveProperty('hubHandlingKWh');
    expect(k.vehicleKm).toBe(18.75);
    expect(k.vehicleHours).toBe(2.75);
    expect(k.energyKWh).toBe(17.05);
    expect(k.co2eKg).toBe(4.32);
    expect(k.tripsIncludingTrunk).toBe(3);
    // no trunk figures at all without trunk trips, even when they are asked for (a plan without hubs)
    expect(k).not.toHaveProperty('trunkTrips');
    const asked = computeKpis(city, routes, [], undefined, { trunkFigures: true });
    expect(asked).not.toHaveProperty('trunkTrips');
    expect(asked).not.toHaveProperty('trunkTonneKm');
  });

  it('counts hub handling CO2e even when its energy rounds to nothing', () => {
    expect(computeKpis(city, routes, [], { kWh: 0, co2eKg: 0.5 }).co2eKg).toBe(4.82);
  });

  it('rounds to three decimals (hours to three, from minutes)', () => {
    const one = [unitRoute({ vehicle: 'V', vehicleType: 'van', distanceKm: 1.23456, durationMin: 10 })];
    const k = computeKpis(city, one);
    expect(k.vehicleKm).toBe(1.235);
    expect(k.vehicleHours).toBe(0.167);
  });

  it('gives zeros, not NaN, for an empty plan, and no fill for a type it does not know', () => {
    expect(computeKpis(city, [])).toMatchObject({
      vehicles: 0,
      stops: 0,
      deliveriesPerReceiver: 0,
      fillRate: 0,
    });
    const stranger = [
      unitRoute({
        vehicle: 'X',
        vehicleType: 'truck',
        distanceKm: 1,
        durationMin: 1,
        loadStart: load(5, 1, 1),
      }),
    ];
    expect(computeKpis(city, stranger).fillRate).toBe(0);
  });
});
