import { describe, expect, it } from 'vitest';
import type { PlanRoute } from '../../src/contracts/index.ts';
import { allocateByKg } from '../../src/planner/allocation.ts';
import { routesCostEur, trunkCostEur } from '../../src/planner/costs.ts';
import { unitCity, unitRoute, unitTrunkTrip, unitType } from './unit-city.ts';

const van = unitType('van', { fixedCostEur: 50, costPerKmEur: 0.5, costPerHourEur: 30 });
const bike = unitType('bike', { fixedCostEur: 10, costPerKmEur: 0.1, costPerHourEur: 20 });

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

  it('charges each trunk vehicle its fixed cost once, and every trip its km and hours; sailings nothing', () => {
    const t1 = unitTrunkTrip({ vehicle: 'T1', distanceKm: 20, durationMin: 60, stops: [['A', 10, 0]] });
    const t2 = { ...t1, id: 'T1/trip2', trip: 2, distanceKm: 10, durationMin: 30 };
    expect(trunkCostEur(city, [t1, t2])).toBeCloseTo(50 + 10 + 30 + 5 + 15, 10);
    expect(trunkCostEur(city, [])).toBe(0);
    const sailing = unitTrunkTrip({
      vehicle: 'B',
      mode: 'barge',
      distanceKm: 9,
      durationMin: 60,
      stops: [['A', 10, 0]],
    });
    expect(trunkCostEur(city, [sailing])).toBe(0);
  });

  it('charges a trunk trip at the rates of its own vehicle type', () => {
    const byBike = unitTrunkTrip({
      vehicle: 'T',
      vehicleType: 'bike',
      distanceKm: 20,
      durationMin: 60,
      stops: [['A', 1, 0]],
    });
    expect(trunkCostEur(city, [byBike])).toBeCloseTo(10 + 2 + 20, 10);
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
  // one shared trunk vehicle: 50 + 10*0.5 + 45/60*30 = 77.5, A loads 30 kg and takes 10 kg of returns, B loads 40
  const trunk = [
    unitTrunkTrip({
      vehicle: 'T1',
      distanceKm: 10,
      durationMin: 45,
      stops: [
        ['A', 30, 10],
        ['B', 40, 0],
      ],
    }),
  ];

  it('charges each carrier its kg share of each trunk vehicle, its own residual rounds and its kg share of each hub', () => {
    expect(allocateByKg(city, baseline, pooled, residual, trunk)).toEqual([
      // 20.2 + 77.5 * 40/80 + 84 * 30/40
      { carrierId: 'A', standaloneCost: 116, allocatedCost: 121.95, saving: -5.95, method: 'pro-rata-by-kg' },
      // 77.5 * 40/80 + 84 * 10/40 + 20.3
      {
        carrierId: 'B',
        standaloneCost: 30.41,
        allocatedCost: 80.05,
        saving: -49.64,
        method: 'pro-rata-by-kg',
      },
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
