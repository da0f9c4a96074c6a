import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Plan } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { MESSAGE_KEYS } from '../../src/web/i18n.js';
import {
  carrierOrders,
  colourOf,
  dashOf,
  kpiCards,
  naturalCompare,
  receiverDay,
  receiversByBaselineVisits,
  savingsRows,
  timelineRows,
  vehicleSummaries,
} from '../../src/web/plan-figures.js';

// The dashboard's figures, computed in Node from a real plan of the tiny day and checked by hand-written
// expectations (the browser test checks what the page shows on the Lille day).
const scenario = scenarioSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/tiny/two-shops.json', import.meta.url), 'utf8')),
);
const plan: Plan = planScenario(scenario, { seed: 1, maxIterations: 200, timeLimitSeconds: 60 });
const CAPACITY = [{ id: 'e-van', class: 'van', capacity: { kg: 1000, m3: 10, units: 200 } }];

describe('vehicle summaries', () => {
  it('adds up each vehicle’s trips and finds its peak load against its capacity', () => {
    const van = vehicleSummaries(plan.consolidated.routes, scenario, CAPACITY)[0]!;
    const trips = plan.consolidated.routes.filter((r) => r.vehicle === van.vehicle);
    expect(van.trips.length).toBe(trips.length);
    expect(van.distanceKm).toBeCloseTo(
      trips.reduce((s, r) => s + r.distanceKm, 0),
      9,
    );
    // the e-van leaves the hub with every delivery on board: 185 kg (fixtures/README.md)
    const kg = van.loads.find((l: { dimension: string }) => l.dimension === 'kg')!;
    expect(kg.peak).toBeCloseTo(185, 6);
    expect(kg.share).toBeCloseTo(0.185, 6);
  });

  it('sorts vehicles naturally: #2 before #10', () => {
    expect(['v#10', 'v#2', 'v#1'].sort(naturalCompare)).toEqual(['v#1', 'v#2', 'v#10']);
  });

  it('gives 30 vehicles 30 different colours and 4 trips 4 different dashes', () => {
    expect(new Set(Array.from({ length: 30 }, (_, i) => colourOf(i))).size).toBe(30);
    expect(new Set([1, 2, 3, 4].map(dashOf)).size).toBe(4);
  });
});

describe('KPI cards and the saving by cause', () => {
  it('shows baseline and pooled figures with the change', () => {
    const cards = kpiCards(plan);
    const km = cards.find((c: { key: string }) => c.key === 'vehicleKm')!;
    expect(km.before).toBe(plan.baseline.kpis.vehicleKm);
    expect(km.after).toBe(plan.consolidated.kpis.vehicleKm);
    expect(km.savedPct).toBeCloseTo((1 - km.after / km.before) * 100, 9);
  });

  it('totals the two causes', () => {
    for (const row of savingsRows(plan))
      expect(row.total).toBeCloseTo(
        plan.savingsBreakdown.vehicleTechnology[row.key as 'co2eKg'] +
          plan.savingsBreakdown.consolidation[row.key as 'co2eKg'],
        9,
      );
  });
});

describe('timeline', () => {
  it('has a row per vehicle with a bar per trip, from departure to return', () => {
    const rows = timelineRows(plan);
    const route = plan.consolidated.routes[0]!;
    const [h, m] = route.departure.split(':').map(Number);
    expect(rows.filter((r: { kind: string }) => r.kind === 'vehicle')[0].bars[0].start).toBe(h! * 60 + m!);
  });

  it('draws trunk trips that carry times, and leaves out per-carrier legs that do not', () => {
    const trunkTrip = {
      id: 'T1',
      hubId: 'CMDU',
      mode: 'barge',
      vehicleType: 'rigid-truck',
      vehicle: 'colis/truck#1',
      trip: 1,
      carrierIds: ['colis', 'boissons'],
      stops: [],
      departure: '05:40',
      arrival: '06:25',
      distanceKm: 12,
      durationMin: 45,
      energyKWh: 10,
      co2eKg: 3,
      load: { kg: 100, m3: 1, units: 10 },
      tonneKm: 1.2,
    };
    // a second trip of the same trunk vehicle, and a per-carrier leg of the older shape (no times)
    const secondTrip = {
      ...trunkTrip,
      id: 'T2',
      trip: 2,
      departure: '07:00',
      arrival: '07:50',
      carrierIds: ['colis'],
    };
    const legacyLeg = {
      carrierId: 'colis',
      hubId: 'CMDU',
      vehicleType: 'diesel-van',
      trips: 2,
      distanceKm: 30,
    };
    const own = plan.consolidated.trunk as unknown as {
      vehicle?: string;
      departure?: string;
      arrival?: string;
    }[];
    const timedVehicles = new Set(
      own.filter((leg) => leg.departure && leg.arrival).map((leg) => leg.vehicle),
    );
    const withTrunk = {
      ...plan,
      consolidated: { ...plan.consolidated, trunk: [trunkTrip, legacyLeg, secondTrip, ...own] },
    };
    const trunkRows = timelineRows(withTrunk).filter((r: { kind: string }) => r.kind === 'trunk');
    expect(trunkRows).toHaveLength(1 + timedVehicles.size);
    const truck = trunkRows.find((r: { id: string }) => r.id === 'colis/truck#1')!;
    expect(truck.mode).toBe('barge');
    expect(truck.bars).toEqual([
      { id: 'T1', trip: 1, start: 340, end: 385, label: 'colis, boissons' },
      { id: 'T2', trip: 2, start: 420, end: 470, label: 'colis' },
    ]);
  });
});

describe("a receiver's day and a carrier's orders", () => {
  it('lists each carrier’s visit in the baseline against the pooled one', () => {
    const busiest = receiversByBaselineVisits(plan)[0]!;
    const day = receiverDay(plan, busiest.id);
    // every receiver gets one visit per carrier (two carriers) and one pooled visit
    expect(day.baseline.map((v: { start: string }) => v.start).sort()).toEqual(['boissons', 'colis']);
    expect(day.pooled).toHaveLength(1);
    expect(busiest.visits).toBe(2);
  });

  it('shows a carrier its own orders only, each pooled with its vehicle and arrival', () => {
    const rows = carrierOrders(plan, scenario, 'colis');
    expect(rows.map((r: { order: { id: string } }) => r.order.id)).toEqual([
      'ORD-colis-1',
      'ORD-colis-2',
      'ORD-colis-3',
    ]);
    for (const r of rows) {
      const stop = plan.consolidated.routes
        .flatMap((x) => x.stops)
        .find((s) => s.orderIds.includes(r.order.id));
      expect(r).toMatchObject({ status: 'pooled', arrival: stop!.arrival });
    }
  });
});

describe('texts', () => {
  it('has every text in French and in English', () => {
    expect([...MESSAGE_KEYS.fr].sort()).toEqual([...MESSAGE_KEYS.en].sort());
  });
});
