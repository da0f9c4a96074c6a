import { describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import type { CityVehicleType } from '../../src/domain/city.ts';
import { withEmissions, type PlanWithoutEmissions } from '../../src/planner/plan-emissions.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';
import { unitCity, unitRoute, unitTrunkTrip, unitType } from './unit-city.ts';

const grams = (kg: number): number => Math.round(kg * 1000);

// ---- hand-made cases: a city on a line, distances in whole km, so every share is known exactly ----------

// locations on a line, km from 0: hub H at 0, depot A at 5, depot B at 10, receiver R1 at 1, R2 at 3
const X_KM = [0, 5, 10, 1, 3];
const electricVan = unitType('van', { fixedCostEur: 50, costPerKmEur: 0.5, costPerHourEur: 30 });
const dieselTruck: CityVehicleType = { ...electricVan, id: 'truck', powertrain: 'diesel' };
const city = unitCity({
  locations: X_KM.map((x) => [x, 0] as [number, number]),
  travel: {
    size: X_KM.length,
    distance: (i, j) => Math.abs((X_KM[i] as number) - (X_KM[j] as number)) * 1000,
    duration: () => 0,
  },
  hubs: [
    {
      id: 'H',
      location: 0,
      openS: 0,
      closeS: 86400,
      handlingKWhPerUnit: 0.5,
      fixedCostEurPerDay: 0,
      handlingCostEurPerUnit: 0,
    },
  ],
  carriers: [
    { id: 'A', location: 1, baselineType: 1, trunkType: 1 },
    { id: 'B', location: 2, baselineType: 1, trunkType: 1 },
  ],
  receivers: [
    { id: 'R1', location: 3, windows: [[0, 86400]], serviceS: 300 },
    { id: 'R2', location: 4, windows: [[0, 86400]], serviceS: 300 },
  ],
  orders: [
    { id: 'a1', carrier: 0, receiver: 0, kind: 'delivery', size: [100, 0.1, 1] },
    { id: 'b1', carrier: 1, receiver: 1, kind: 'delivery', size: [100, 0.1, 3] },
  ],
  vehicleTypes: [electricVan, dieselTruck],
});
const scenario = { options: { electricityCo2eKgPerKWh: 0.1 } } as unknown as Scenario;

/** A plan skeleton with the given parts; withEmissions reads only routes, trunk, hubs and allocation. */
function skeleton(parts: {
  baseline?: Plan['baseline']['routes'];
  pooled?: Plan['consolidated']['routes'];
  trunk?: Plan['consolidated']['trunk'];
}): PlanWithoutEmissions {
  return {
    baseline: { routes: parts.baseline ?? [] },
    consolidated: {
      routes: parts.pooled ?? [],
      trunk: parts.trunk ?? [],
      hubs: [{ id: 'H', units: 4 }],
    },
    allocation: [
      { carrierId: 'A', standaloneCost: 10, allocatedCost: 8, saving: 2 },
      { carrierId: 'B', standaloneCost: 10, allocatedCost: 8, saving: 2 },
    ],
    meta: {},
  } as unknown as PlanWithoutEmissions;
}

// one pooled e-van run from H: R1 (a1, 100 kg, 1 km from the start) then R2 (b1, 100 kg, 3 km), 1 kg CO2e
const pooledRun = unitRoute({
  vehicle: 'H/van#1',
  vehicleType: 'van',
  distanceKm: 6,
  durationMin: 60,
  co2eKg: 1,
  stops: [
    ['R1', ['a1']],
    ['R2', ['b1']],
  ],
});
// one diesel trunk trip from H to depot A (5 km) and depot B (10 km), 3 kg CO2e
const trunkTrip = {
  ...unitTrunkTrip({
    vehicle: 'trunk/H/truck#1',
    vehicleType: 'truck',
    distanceKm: 20,
    durationMin: 60,
    co2eKg: 3,
    stops: [
      ['A', 100, 0],
      ['B', 100, 0],
    ],
  }),
};
trunkTrip.stops = trunkTrip.stops.map((s, i) => ({ ...s, orderIds: [i === 0 ? 'a1' : 'b1'] }));

describe('plan emissions on hand-made trips (ISO 14083 / GLEC v3 allocation)', () => {
  // computed before the tests, not while collecting (see beforeAllOrFail)
  let plan: Plan;
  beforeAllOrFail(() => {
    plan = withEmissions(city, scenario, skeleton({ pooled: [pooledRun], trunk: [trunkTrip] }));
  });
  const row = (id: string) => plan.emissions.consignments.find((c) => c.orderId === id)?.consolidated;

  it("shares a run's whole CO2e by mass x distance from its start, return leg included (1 km : 3 km)", () => {
    const run = plan.emissions.elements.find((e) => e.element === 'pooled-run');
    expect(run?.wtwCo2eKg).toBe(1);
    expect(run?.tonneKm).toBeCloseTo(0.1 * 1 + 0.1 * 3, 10);
    expect(run?.wtwGPerTkm).toBeCloseTo(1000 / 0.4, 6);
    expect(run?.ttwCo2eKg).toBe(0); // electric: nothing at the wheel
  });

  it('shares a trunk trip by mass x distance from the hub to each depot (5 km : 10 km), diesel TTW 2.51/3.17', () => {
    const trunk = plan.emissions.elements.find((e) => e.element === 'trunk-road');
    expect(trunk?.wtwCo2eKg).toBe(3);
    expect(trunk?.ttwCo2eKg).toBeCloseTo((3 * 2.51) / 3.17, 3);
    expect(trunk?.tonneKm).toBeCloseTo(0.1 * 5 + 0.1 * 10, 10);
  });

  it('shares hub handling by handling units (1 : 3) on the grid factor', () => {
    // 4 units x 0.5 kWh x 0.1 kg CO2e/kWh = 200 g
    const hub = plan.emissions.elements.find((e) => e.element === 'hub');
    expect(hub?.wtwCo2eKg).toBe(0.2);
    expect(hub?.tonneKm).toBe(0);
    expect(hub?.wtwGPerTonne).toBeCloseTo(200 / 0.2, 6);
  });

  it('adds up per consignment: a1 = 250 + 1,000 + 50 g, b1 = 750 + 2,000 + 150 g', () => {
    expect(grams(row('a1')?.wtwCo2eKg ?? NaN)).toBe(250 + 1000 + 50);
    expect(grams(row('b1')?.wtwCo2eKg ?? NaN)).toBe(750 + 2000 + 150);
    expect(row('a1')?.tonneKm).toBeCloseTo(0.1 + 0.5, 10);
    expect(row('a1')?.wtwGPerTkm).toBeCloseTo(1300 / 0.6, 3);
  });

  it("puts each carrier's consolidated CO2e and tonne-km on its allocation row", () => {
    expect(plan.allocation.map((r) => [r.carrierId, r.co2eKg, r.tonneKm])).toEqual([
      ['A', 1.3, 0.6],
      ['B', 2.9, 1.3],
    ]);
    expect(plan.emissions.carriers.map((c) => c.orders)).toEqual([1, 1]);
  });

  it('splits an odd gram by largest remainder so that the shares still add up', () => {
    // 1 g over two consignments at the same distance and mass: one gets it (the lower index), never both
    const tiny = {
      ...pooledRun,
      co2eKg: 0.001,
      stops: pooledRun.stops.map((s) => ({ ...s, receiverId: 'R1' })),
    };
    const p = withEmissions(city, scenario, skeleton({ pooled: [tiny] }));
    const hubGrams = { a1: 50, b1: 150 } as Record<string, number>; // 1 and 3 units of 200 g
    const shares = p.emissions.consignments.map(
      (c) => grams(c.consolidated?.wtwCo2eKg ?? NaN) - (hubGrams[c.orderId] as number),
    );
    expect(shares).toEqual([1, 0]);
  });

  it("takes a vehicle type's TTW share from the scenario when it gives one", () => {
    const own = {
      ...scenario,
      vehicleTypes: [{ id: 'truck', class: 'truck', capacity: { kg: 1000 }, energy: { ttwShare: 0.5 } }],
    } as unknown as Scenario;
    const p = withEmissions(city, own, skeleton({ trunk: [trunkTrip] }));
    expect(p.emissions.elements.find((e) => e.element === 'trunk-road')?.ttwCo2eKg).toBe(1.5);
  });

  it('compares each carrier with its own baseline rounds', () => {
    const own = (carrier: string, km: number, co2eKg: number, orderId: string, receiver: string) => ({
      ...unitRoute({
        vehicle: `${carrier}/truck#1`,
        vehicleType: 'truck',
        distanceKm: km,
        durationMin: 60,
        co2eKg,
        stops: [[receiver, [orderId]]],
      }),
      start: carrier,
    });
    const p = withEmissions(
      city,
      scenario,
      skeleton({ baseline: [own('A', 8, 2, 'a1', 'R1'), own('B', 14, 4, 'b1', 'R2')], pooled: [pooledRun] }),
    );
    const a = p.emissions.carriers.find((c) => c.carrierId === 'A');
    expect(a?.baseline.wtwCo2eKg).toBe(2);
    expect(a?.baseline.tonneKm).toBeCloseTo(0.1 * 4, 10); // depot A at 5 km, R1 at 1 km
    expect(a?.consolidated.wtwCo2eKg).toBe(0.25 + 0.05);
    expect(a?.wtwSavedKg).toBe(1.7);
    expect(p.emissions.totals.baseline.wtwCo2eKg).toBe(6);
    expect(p.emissions.elements.filter((e) => e.plan === 'baseline').map((e) => e.element)).toEqual([
      'own-round',
    ]);
  });

  it('gives a carrier without orders zero emissions and no intensity, and lists only the orders some plan moved', () => {
    const withIdle = {
      ...city,
      carriers: [...city.carriers, { id: 'C', location: 2, baselineType: 1, trunkType: 1 }],
      orders: [
        ...city.orders,
        {
          id: 'c1',
          carrier: 2,
          receiver: 1,
          kind: 'delivery' as const,
          size: [5, 0, 1] as [number, number, number],
        },
      ],
    };
    const p = withEmissions(withIdle, scenario, skeleton({ pooled: [pooledRun], trunk: [trunkTrip] }));
    const idle = p.emissions.carriers.find((c) => c.carrierId === 'C');
    // c1 is in no trip of either plan: it has no emissions to report, and C none at all
    expect(idle).toEqual({
      carrierId: 'C',
      orders: 1,
      baseline: { wtwCo2eKg: 0, ttwCo2eKg: 0, tonneKm: 0, wtwGPerTkm: null },
      consolidated: { wtwCo2eKg: 0, ttwCo2eKg: 0, tonneKm: 0, wtwGPerTkm: null },
      wtwSavedKg: 0,
    });
    expect(p.emissions.consignments.map((c) => c.orderId)).toEqual(['a1', 'b1']);
  });

  it('discloses its method: standard, allocation of trips and hubs, distance basis and rounding, each clause', () => {
    const m = plan.emissions.method;
    expect(m.standard).toMatch(/^ISO 14083:2023, GLEC Framework v3/);
    expect(m.transportAllocation).toMatch(/^each trip's whole emissions \(empty running and the return leg/);
    expect(m.transportAllocation).toMatch(/in proportion to mass x distance from the trip's start/);
    expect(m.transportAllocation).toMatch(
      /\(delivery\) or pick \(pickup\) point; by mass when every distance is 0$/,
    );
    expect(m.hubAllocation).toMatch(/shared by throughput in handling units/);
    expect(m.distanceBasis).toMatch(/^shortest feasible distance on the plan's travel model/);
    expect(m.distanceBasis).toMatch(
      /great-circle x circuity\) to the receiver, or for trunk trips to the carrier depot/,
    );
    expect(m.distanceBasis).toMatch(/rail: the leg's network length; no GLEC \+5 % adjustment/);
    expect(m.rounding).toMatch(
      /^each element's total is rounded to the gram once and split by largest remainder/,
    );
    expect(m.rounding).toMatch(/carriers to the plan totals, to the gram$/);
  });
});
