import { describe, expect, it } from 'vitest';
import type { PlanRoute, TrunkLeg } from '../../src/contracts/index.ts';
import { allocateByKg } from '../../src/planner/allocation.ts';
import { routesCostEur, trunkCostEur } from '../../src/planner/costs.ts';
import { load, unitCity, unitRoute, unitType } from './unit-city.ts';

const van = unitType('van', { fixedCostEur: 50, costPerKmEur: 0.5, costPerHourEur: 30 });
const bike = unitType('bike', { fixedCostEur: 10, costPerKmEur: 0.1, costPerHourEur: 20 });

const leg = (carrierId: string, trips: number, distanceKm: number, durationMin: number): TrunkLeg => ({
  carrierId,
  hubId: 'H',
  vehicleType: 'van',
  trips,
  distanceKm,
  durationMin,
  energyKWh: 0,
  co2eKg: 0,
  load: load(0),
});

describe('costs in EUR, by hand', () => {
  const city = unitCity({ vehicleTypes: [van, bike] });

  it('charges each vehicle its fixed cost once, and every route its km and hours', () => {
    const routes = [
      unitRoute({ vehicle: 'V1', vehicleType: 'van', distanceKm: 10.5, durationMin: 90 }), // 5.25 + 45
      unitRoute({ vehicle: 'V1', vehicleType: 'van', distanceKm: 5.25, durationMin: 30 }), // 2.625 + 15
      unitRoute({ vehicle: 'B1', vehicleType: 'bike', distanceKm: 3, durationMin: 45 }), // 0.3 + 15
    ];
    expect(routesCostEur(city, routes)).toBeCloseTo(50 + 10 + 50.25 + 17.625 + 15.3, 10);
    expect(routesCostEur(city, [])).toBe(0);
  });

  it('charges a trunk leg one vehicle’s fixed cost plus its km and hours, nothing without trips', () => {
    expect(trunkCostEur(city, leg('A', 2, 20, 60))).toBeCloseTo(50 + 10 + 30, 10);
    expect(trunkCostEur(city, leg('A', 0, 20, 60))).toBe(0);
  });

  it('charges a trunk leg at the rates of its own vehicle type', () => {
    const byBike = { ...leg('A', 1, 20, 60), vehicleType: 'bike' };
    expect(trunkCostEur(city, byBike)).toBeCloseTo(10 + 2 + 20, 10);
  });
});

describe('allocation pro rata by kg, by hand', () => {
  // carriers A and B; A1, B1 pooled through hub H; B2 through hub H2; A2 delivered by A itself (residual)
  const city = unitCity({
    vehicleTypes: [van, bike],
    carriers: [
      { id: 'A', location: 0, baselineType: 0, trunkType: 0 },
      { id: 'B', location: 1, baselineType: 1, trunkType: 0 },
    ],
    orders: [
      { id: 'A1', carrier: 0, receiver: 0, kind: 'delivery', size: [30, 0, 0] },
      { id: 'B1', carrier: 1, receiver: 0, kind: 'delivery', size: [10, 0, 0] },
      { id: 'A2', carrier: 0, receiver: 1, kind: 'delivery', size: [5, 0, 0] },
      { id: 'B2', carrier: 1, receiver: 1, kind: 'delivery', size: [15, 0, 0] },
    ],
  });
  const byKey = (entries: [string, PlanRoute[]][]) => new Map(entries);
  const baseline = byKey([
    ['A', [unitRoute({ vehicle: 'A/V', vehicleType: 'van', distanceKm: 12, durationMin: 120 })]], // 50+6+60 = 116
    ['B', [unitRoute({ vehicle: 'B/B', vehicleType: 'bike', distanceKm: 4.123, durationMin: 60 })]], // 10+0.4123+20
  ]);
  const pooled = byKey([
    // 50 + 4 + 30 = 84, shared 30 kg : 10 kg
    [
      'H',
      [
        unitRoute({
          vehicle: 'H/V',
          vehicleType: 'van',
          distanceKm: 8,
          durationMin: 60,
          stops: [['R1', ['A1', 'B1']]],
        }),
      ],
    ],
    // 10 + 0.3 + 10 = 20.3, all B's
    [
      'H2',
      [
        unitRoute({
          vehicle: 'H2/B',
          vehicleType: 'bike',
          distanceKm: 3,
          durationMin: 30,
          stops: [['R2', ['B2']]],
        }),
      ],
    ],
    // a hub whose runs carry nothing: no share, and no NaN
    ['H3', [unitRoute({ vehicle: 'H3/B', vehicleType: 'bike', distanceKm: 1, durationMin: 6 })]],
  ]);
  const residual = byKey([
    [
      'A',
      [
        unitRoute({
          vehicle: 'A/B',
          vehicleType: 'bike',
          distanceKm: 2,
          durationMin: 30,
          stops: [['R2', ['A2']]],
        }),
      ],
    ], // 10+0.2+10
  ]);
  const trunk = [leg('A', 1, 6, 30), leg('B', 1, 4, 20)]; // 50+3+15 = 68; 50+2+10 = 62

  it('charges each carrier its trunk legs, its own residual rounds and its kg share of each hub', () => {
    expect(allocateByKg(city, baseline, pooled, residual, trunk)).toEqual([
      // 20.2 + 68 + 84 * 30/40
      { carrierId: 'A', standaloneCost: 116, allocatedCost: 151.2, saving: -35.2 },
      // 62 + 84 * 10/40 + 20.3
      { carrierId: 'B', standaloneCost: 30.41, allocatedCost: 103.3, saving: -72.89 },
    ]);
  });

  it('gives a carrier with nothing pooled and nothing driven a zero allocation, and its baseline as standalone', () => {
    const alone = allocateByKg(city, baseline, new Map(), new Map(), []);
    expect(alone.map((a) => [a.carrierId, a.allocatedCost, a.saving])).toEqual([
      ['A', 0, 116],
      ['B', 0, 30.41],
    ]);
  });
});
