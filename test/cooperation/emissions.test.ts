import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/contracts/limits.ts';
import {
  allocateEmissions,
  kgToGrams,
  MAX_CONSIGNMENTS_PER_ELEMENT,
  type HubEmissions,
  type TripEmissions,
} from '../../src/cooperation/emission-shares.ts';
import { chainElementSummary } from '../../src/cooperation/chain-elements.ts';
import { carrierStatement } from '../../src/cooperation/carrier-statement.ts';
import { Rng } from '../../src/solver/rng.ts';

const sum = (xs: Iterable<number>): number => [...xs].reduce((a, b) => a + b, 0);

describe('ISO 14083 / GLEC emission shares', () => {
  it('shares a trip by mass x distance from its start, return leg included (by hand)', () => {
    // A: 100 kg dropped 2 km from the start (0.2 t-km), B: 300 kg at 4 km (1.2 t-km); the trip, return
    // included, emits 10 kg WTW / 8 kg TTW. A's quota: 10,000 g x 0.2 / 1.4 = 1,428.57 g -> 1,429 (largest
    // remainder), B 8,571.43 -> 8,571. TTW: 8,000 x 1/7 = 1,142.86 -> 1,143, B 6,857.
    const trip: TripEmissions = {
      tripId: 'run-1',
      element: 'pooled-run',
      wtwCo2eKg: 10,
      ttwCo2eKg: 8,
      consignments: [
        { consignmentId: 'A', carrierId: 'x', massKg: 100, distanceFromStartKm: 2 },
        { consignmentId: 'B', carrierId: 'y', massKg: 300, distanceFromStartKm: 4 },
      ],
    };
    const a = allocateEmissions([trip]);
    expect(a.shares.map((s) => [s.consignmentId, s.wtwCo2eG, s.ttwCo2eG])).toEqual([
      ['A', 1429, 1143],
      ['B', 8571, 6857],
    ]);
    expect(a.byCarrier.get('x')!.tonneKm).toBeCloseTo(0.2, 12);
    expect(a.byCarrier.get('x')!.wtwIntensityGPerTkm).toBeCloseTo(1429 / 0.2, 9);
    expect(a.total).toEqual({
      wtwCo2eG: 10_000,
      ttwCo2eG: 8_000,
      tonneKm: expect.closeTo(1.4, 12) as number,
    });
  });

  it('shares a hub by throughput, in units or in mass as the hub says', () => {
    const hub = (basis: HubEmissions['basis']): HubEmissions => ({
      hubId: 'h',
      element: 'hub',
      wtwCo2eKg: 1,
      ttwCo2eKg: 0,
      basis,
      throughput: [
        { consignmentId: 'A', carrierId: 'x', massKg: 100, units: 2 },
        { consignmentId: 'B', carrierId: 'y', massKg: 300, units: 3 },
      ],
    });
    expect(allocateEmissions([], [hub('units')]).shares.map((s) => s.wtwCo2eG)).toEqual([400, 600]);
    expect(allocateEmissions([], [hub('massKg')]).shares.map((s) => s.wtwCo2eG)).toEqual([250, 750]);
    expect(
      allocateEmissions([], [hub('units')]).shares.every((s) => s.tonneKm === 0 && s.kind === 'hub'),
    ).toBe(true);
  });

  it('falls back to mass when every consignment is at the start, then to equal shares', () => {
    const trip = (masses: number[]): TripEmissions => ({
      tripId: 't',
      element: 'trunk',
      wtwCo2eKg: 0.9,
      ttwCo2eKg: 0.9,
      consignments: masses.map((m, i) => ({
        consignmentId: `c${i}`,
        carrierId: 'x',
        massKg: m,
        distanceFromStartKm: 0,
      })),
    });
    expect(allocateEmissions([trip([1, 2])]).shares.map((s) => s.wtwCo2eG)).toEqual([300, 600]);
    expect(allocateEmissions([trip([0, 0, 0])]).shares.map((s) => s.wtwCo2eG)).toEqual([300, 300, 300]);
  });

  it('adds up to the trips and hubs exactly, per consignment, per carrier and per element, on awkward floats', () => {
    const rng = new Rng(14083);
    const carriers = ['a', 'b', 'c', 'd'];
    const trips: TripEmissions[] = Array.from({ length: 40 }, (_, k) => ({
      tripId: `t${k}`,
      element: ['trunk', 'pooled-run', 'residual-round'][k % 3]!,
      wtwCo2eKg: rng.next() * 30 + 0.1 + 0.2,
      ttwCo2eKg: rng.next() * 20,
      consignments: Array.from({ length: 1 + rng.int(0, 12) }, (_, j) => ({
        consignmentId: `o${(k * 7 + j) % 90}`,
        carrierId: carriers[((k * 7 + j) % 90) % 4]!,
        massKg: rng.next() * 500 + 1e-7,
        distanceFromStartKm: rng.next() * 17.3,
      })),
    }));
    const hubs: HubEmissions[] = [
      {
        hubId: 'h1',
        element: 'hub',
        wtwCo2eKg: 3.3333333,
        ttwCo2eKg: 0,
        basis: 'units',
        throughput: Array.from({ length: 90 }, (_, i) => ({
          consignmentId: `o${i}`,
          carrierId: carriers[i % 4]!,
          massKg: 10,
          units: 1 + (i % 5),
        })),
      },
    ];
    const a = allocateEmissions(trips, hubs);
    // the plan's total is the sum of each element rounded to the gram once
    const wtwTotal = sum(trips.map((t) => kgToGrams(t.wtwCo2eKg))) + kgToGrams(3.3333333);
    expect(a.total.wtwCo2eG).toBe(wtwTotal);
    expect(a.total.ttwCo2eG).toBe(sum(trips.map((t) => kgToGrams(t.ttwCo2eKg))));
    expect(sum([...a.byCarrier.values()].map((c) => c.wtwCo2eG))).toBe(wtwTotal);
    expect(sum([...a.byConsignment.values()].map((c) => c.wtwCo2eG))).toBe(wtwTotal);
    expect(sum([...a.byCarrier.values()].map((c) => c.ttwCo2eG))).toBe(a.total.ttwCo2eG);
    expect(sum(chainElementSummary(a).map((e) => e.wtwCo2eG))).toBe(wtwTotal);
    // each trip's shares add up to the trip, each within one gram of its exact mass x distance quota
    for (const t of trips) {
      const mine = a.shares.filter((s) => s.sourceId === t.tripId);
      expect(sum(mine.map((s) => s.wtwCo2eG))).toBe(kgToGrams(t.wtwCo2eKg));
      const activity = t.consignments.map((c) => c.massKg * c.distanceFromStartKm);
      mine.forEach((s, j) =>
        expect(Math.abs(s.wtwCo2eG - (kgToGrams(t.wtwCo2eKg) * activity[j]!) / sum(activity))).toBeLessThan(
          1,
        ),
      );
    }
    expect(a.shares.every((s) => Number.isInteger(s.wtwCo2eG) && Number.isInteger(s.ttwCo2eG))).toBe(true);
  });

  it('rejects bad data naming the field, and emissions with nobody to charge', () => {
    const base: TripEmissions = {
      tripId: 't',
      element: 'trunk',
      wtwCo2eKg: 1,
      ttwCo2eKg: 1,
      consignments: [{ consignmentId: 'c', carrierId: 'x', massKg: 1, distanceFromStartKm: 1 }],
    };
    expect(() =>
      allocateEmissions([{ ...base, consignments: [{ ...base.consignments[0]!, massKg: -1 }] }]),
    ).toThrow(/trips\[0\]\.consignments\[0\]\.massKg must be a finite number >= 0/);
    expect(() => allocateEmissions([{ ...base, wtwCo2eKg: Number.NaN }])).toThrow(/trips\[0\]\.wtwCo2eKg/);
    expect(() => allocateEmissions([{ ...base, consignments: [] }])).toThrow(/carries no consignment/);
    expect(
      allocateEmissions([{ ...base, wtwCo2eKg: 0, ttwCo2eKg: 0, consignments: [] }]).total.wtwCo2eG,
    ).toBe(0);
    expect(() =>
      allocateEmissions([base, { ...base, consignments: [{ ...base.consignments[0]!, carrierId: 'y' }] }]),
    ).toThrow(/belongs to carriers x and y/);
  });

  it('takes a hub handling every order of the largest day a scenario may hold, and no more', () => {
    // a 2,000-receiver generated day's hub handles 13,553 orders: once refused (the bound was 10,000)
    const hub = (orders: number): HubEmissions => ({
      hubId: 'h',
      element: 'hub',
      wtwCo2eKg: 1,
      ttwCo2eKg: 0,
      basis: 'units',
      throughput: Array.from({ length: orders }, (_, i) => ({
        consignmentId: `o${i}`,
        carrierId: 'x',
        massKg: 1,
        units: 1,
      })),
    });
    // a hub may handle every order a scenario may hold
    expect(MAX_CONSIGNMENTS_PER_ELEMENT).toBe(LIMITS.orders);
    const largest = allocateEmissions([], [hub(LIMITS.orders)]);
    expect(largest.total.wtwCo2eG).toBe(1000);
    expect(() => allocateEmissions([], [hub(LIMITS.orders + 1)])).toThrow(
      /hubs\[0\] has 400001 consignments, at most 400000/,
    );
  });
});

describe('transport chain elements', () => {
  it('summarises each element with tonne-km and intensities (transport per t-km, hubs per tonne)', () => {
    const a = allocateEmissions(
      [
        {
          tripId: 'k1',
          element: 'trunk',
          wtwCo2eKg: 2,
          ttwCo2eKg: 1.5,
          consignments: [{ consignmentId: 'A', carrierId: 'x', massKg: 500, distanceFromStartKm: 20 }],
        },
      ],
      [
        {
          hubId: 'h',
          element: 'hub',
          wtwCo2eKg: 0.25,
          ttwCo2eKg: 0,
          basis: 'massKg',
          throughput: [{ consignmentId: 'A', carrierId: 'x', massKg: 500, units: 4 }],
        },
      ],
    );
    expect(chainElementSummary(a)).toEqual([
      {
        element: 'trunk',
        kind: 'transport',
        wtwCo2eG: 2000,
        ttwCo2eG: 1500,
        tonneKm: 10,
        tonnes: 0.5,
        wtwIntensityGPerTkm: 200,
        ttwIntensityGPerTkm: 150,
        wtwIntensityGPerTonne: undefined,
      },
      {
        element: 'hub',
        kind: 'hub',
        wtwCo2eG: 250,
        ttwCo2eG: 0,
        tonneKm: 0,
        tonnes: 0.5,
        wtwIntensityGPerTkm: undefined,
        ttwIntensityGPerTkm: undefined,
        wtwIntensityGPerTonne: 500,
      },
    ]);
    expect(a.byConsignment.get('A')).toEqual({
      carrierId: 'x',
      wtwCo2eG: 2250,
      ttwCo2eG: 1500,
      tonneKm: 10,
      wtwIntensityGPerTkm: 225,
    });
  });
});

describe("a carrier's statement", () => {
  it('shows its own consignments before and after pooling, and nothing of the others', () => {
    // before: each carrier alone on its own round; after: one pooled run (by hand as in the first test)
    const before = allocateEmissions([
      {
        tripId: 'x-round',
        element: 'own-round',
        wtwCo2eKg: 4,
        ttwCo2eKg: 3,
        consignments: [{ consignmentId: 'A', carrierId: 'x', massKg: 100, distanceFromStartKm: 5 }],
      },
      {
        tripId: 'y-round',
        element: 'own-round',
        wtwCo2eKg: 9,
        ttwCo2eKg: 7,
        consignments: [{ consignmentId: 'B', carrierId: 'y', massKg: 300, distanceFromStartKm: 6 }],
      },
    ]);
    const after = allocateEmissions([
      {
        tripId: 'run-1',
        element: 'pooled-run',
        wtwCo2eKg: 10,
        ttwCo2eKg: 8,
        consignments: [
          { consignmentId: 'A', carrierId: 'x', massKg: 100, distanceFromStartKm: 2 },
          { consignmentId: 'B', carrierId: 'y', massKg: 300, distanceFromStartKm: 4 },
        ],
      },
    ]);
    const s = carrierStatement('x', before, after);
    expect(s.consignments.map((c) => c.consignmentId)).toEqual(['A']);
    expect(s.before).toEqual({ wtwCo2eG: 4000, ttwCo2eG: 3000, tonneKm: 0.5, wtwIntensityGPerTkm: 8000 });
    expect(s.after.wtwCo2eG).toBe(1429);
    expect(s.after.wtwIntensityGPerTkm).toBeCloseTo(1429 / 0.2, 9);
    expect(s.wtwSavedG).toBe(4000 - 1429);
    expect(JSON.stringify(s)).not.toMatch(/"y"|"B"/);
    const nobody = carrierStatement('z', before, after);
    expect(nobody.consignments).toEqual([]);
    expect(nobody.after.wtwCo2eG).toBe(0);
  });
});
