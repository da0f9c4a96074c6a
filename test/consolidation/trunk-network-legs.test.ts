import { describe, expect, it } from 'vitest';
import { legDurationS, planTrunkNetwork, type TrunkNetwork } from '../../src/consolidation/trunk-network.ts';
import type { City, CityIntermodalLeg, SizeVector } from '../../src/domain/city.ts';
import { BARGE_12_KM, hub, trunkCity, trunkOrder } from './trunk-city.ts';

/**
 * The first echelon's grouping and intermodal legs on a hand-timed day (see trunk-city.ts: the van 2 m/s and
 * 100 kg, the truck 1 m/s and 1,000 kg; 900 s to load at a depot; 1,800 s of handling at the hub).
 * Hub H at the origin, a second hub H2 beside it. Carrier A (van) at 1,000 m east and C (truck) at 1,000 m
 * west trunk by road; B (truck) goes to the barge quay T, 1,000 m south of its depot, for H; D (truck) to the
 * rail terminal R, 1,000 m north of its depot, for H. A barge leg from T to H2 would take A's goods, but A's
 * go to H.
 */
const points = [
  [0, 0], // 0 H, H2
  [1000, 0], // 1 A
  [1100, 0], // 2 B
  [-1000, 0], // 3 C
  [1100, -1000], // 4 T
  [0, 1000], // 5 D
  [0, 2000], // 6 R
] as const;
const leg = (over: Partial<CityIntermodalLeg>): CityIntermodalLeg => ({
  id: 'leg',
  hub: 0,
  terminal: 4,
  ...BARGE_12_KM,
  carriers: [],
  ...over,
});
const legsCity = (schedule: City['trunking']['schedule'], pooled = true): City =>
  trunkCity(points, {
    hubs: [hub('H', 0, 0, 20_000), hub('H2', 0, 0, 20_000)],
    carriers: [
      { id: 'A', location: 1, baselineType: 0, trunkType: 0 },
      { id: 'B', location: 2, baselineType: 1, trunkType: 1 },
      { id: 'C', location: 3, baselineType: 1, trunkType: 1 },
      { id: 'D', location: 5, baselineType: 1, trunkType: 1 },
    ],
    // A 50 kg; B 400 kg out, 450 kg back; C 30 kg; D 200 + 200 kg
    orders: [
      trunkOrder(0, 50),
      trunkOrder(1, 400),
      trunkOrder(1, 450, 'pickup'),
      trunkOrder(2, 30),
      trunkOrder(3, 200),
      trunkOrder(3, 200),
    ],
    trunking: { schedule, pooled, handlingS: 1800 },
    intermodalLegs: [
      leg({ id: 'barge', carriers: [1] }),
      // 30 km at 60 km/h: 1,800 s; an hour to load, another to unload
      leg({
        id: 'rail',
        mode: 'rail',
        terminal: 6,
        lengthKm: 30,
        speedKmh: 60,
        handlingS: 3600,
        carriers: [3],
      }),
      leg({ id: 'other hub', hub: 1, carriers: [0] }),
    ],
  });
// every order for H, its pooled trip leaving at 18,000 s
const pooledAt = (city: City) => city.orders.map((_, o) => ({ order: o, hub: 0, departureS: 18_000 }));
const ctx = { seed: 1, clock: () => 0 };
const carriersOf = (n: TrunkNetwork) => n.runs.map((r) => r.consignments.map((c) => c.carrier));
const closes = (n: TrunkNetwork) => n.runs.map((r) => r.problem.jobs.map((j) => j.windows[0]?.[1]));
const vec = (kg: number, units: number): SizeVector => [kg, units, units];

describe('legDurationS', () => {
  it('loading, the leg at its speed, unloading; 0 for a leg the city does not have', () => {
    const city = legsCity('same-day');
    expect(legDurationS(city, 0)).toBe(1800 + (12 / 10) * 3600 + 1800);
    expect(legDurationS(city, 1)).toBe(3600 + (30 / 60) * 3600 + 3600);
    expect(legDurationS(city, 3)).toBe(0);
  });
});

describe("the first echelon's problems", () => {
  it('shared trunking: one road problem per hub, one per leg based at its terminal', () => {
    const n = planTrunkNetwork(legsCity('same-day'), pooledAt(legsCity('same-day')), ctx);
    expect(carriersOf(n)).toEqual([[0, 2], [1], [3]]);
    expect(n.runs.map((r) => r.base)).toEqual([
      { location: 0, hub: 0 },
      { location: 4, hub: 0, leg: 0 },
      { location: 6, hub: 0, leg: 1 },
    ]);
    // consignments hold up to half the largest trunk vehicle, 500 kg: D's two orders ride together
    expect(n.runs[2]?.consignments.map((c) => [c.orders, c.goods])).toEqual([[[4, 5], vec(400, 2)]]);
    expect(n.runs[1]?.consignments.map((c) => [c.goods, c.returns])).toEqual([[vec(400, 1), vec(450, 1)]]);
    expect(n.dayBefore).toBe(false);
    // the quick effort's least iterations for a problem this small (the context sets none)
    expect(n.runs.map((r) => r.solution.stats.iterations)).toEqual([225, 225, 225]);
  });

  it("searches at the pooled runs' rate: at the quick effort 12 iterations a consignment, above 225", () => {
    // 20 orders of 600 kg for C, each more than half a truck: 20 consignments, 12 × 20 = 240 iterations
    const city = {
      ...legsCity('night-before'),
      orders: Array.from({ length: 20 }, () => trunkOrder(2, 600)),
    };
    const n = planTrunkNetwork(city, pooledAt(city), ctx);
    expect(n.runs.map((r) => [r.consignments.length, r.solution.stats.iterations])).toEqual([[20, 240]]);
  });

  it('two legs to the same hub are two problems, each at its own terminal', () => {
    // a third leg, a barge to H from T, takes C's goods: H's road problem keeps A only
    const base = legsCity('same-day');
    const city = { ...base, intermodalLegs: [...base.intermodalLegs, leg({ id: 'third', carriers: [2] })] };
    const n = planTrunkNetwork(city, pooledAt(city), ctx);
    expect(n.runs.map((r) => [r.base, r.consignments.map((c) => c.carrier)])).toEqual([
      [{ location: 0, hub: 0 }, [0]],
      [{ location: 4, hub: 0, leg: 0 }, [1]],
      [{ location: 4, hub: 0, leg: 3 }, [2]],
      [{ location: 6, hub: 0, leg: 1 }, [3]],
    ]);
  });

  it('unpooled trunking: one road problem per hub and carrier', () => {
    const city = legsCity('same-day', false);
    const n = planTrunkNetwork(city, pooledAt(city), ctx);
    expect(carriersOf(n)).toEqual([[0], [1], [2], [3]]);
  });

  it('same-day: a stop closes for the goods to be handled at the hub, after the leg, when the trip leaves', () => {
    // road: 18,000 - 1,800 handling - 900 load - 1,000 by truck = 14,300 for A and C;
    // barge: 18,000 - 1,800 - 7,920 on the leg - 900 - 1,000 = 6,380; rail: 18,000 - 1,800 - 9,000 - 900 - 1,000 = 5,300
    const city = legsCity('same-day');
    const n = planTrunkNetwork(city, pooledAt(city), ctx);
    expect(closes(n)).toEqual([[14_300, 14_300], [6380], [5300]]);
    expect(n.runs.flatMap((r) => r.lateS)).toEqual([0, 0, 0, 0]);
  });

  it('night-before: every stop open all the hub’s hours', () => {
    const city = legsCity('night-before');
    const n = planTrunkNetwork(city, pooledAt(city), ctx);
    expect(n.dayBefore).toBe(true);
    expect(closes(n)).toEqual([[20_000, 20_000], [20_000], [20_000]]);
  });
});

describe('intermodal legs', () => {
  it('leave once the last pre-haul trip is in and loaded; sailings by mass; none for an unused leg', () => {
    // each leg's truck leaves its terminal at 0, loads at the depot 1,000-1,900 and is back at 2,900.
    // barge: leaves 2,900 + 1,800 = 4,700, unloaded at H 4,700 + 7,920 - 1,800 = 10,820; 450 kg back by the
    // larger side: 3 sailings of 200 kg. rail: leaves 2,900 + 3,600 = 6,500, in at 6,500 + 9,000 - 3,600 =
    // 11,900; 400 kg: exactly 2 trains
    const city = legsCity('same-day');
    const n = planTrunkNetwork(city, pooledAt(city), ctx);
    expect(n.intermodal.map((r) => [r.leg, r.trips, r.departureS, r.arrivalS, r.goods, r.returns])).toEqual([
      [0, 3, 4700, 10_820, vec(400, 1), vec(450, 1)],
      [1, 2, 6500, 11_900, vec(400, 2), vec(0, 0)],
    ]);
    expect(n.intermodal.map((r) => r.consignments)).toEqual([
      n.runs[1]?.consignments,
      n.runs[2]?.consignments,
    ]);
  });
});
