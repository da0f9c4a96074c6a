import { describe, expect, it } from 'vitest';
import { planFeeders, platformDepartures, type FeederRun } from '../../src/consolidation/feeder.ts';
import { planTrunkNetwork, trunkSolutions } from '../../src/consolidation/trunk-network.ts';
import type { City, CityFeeder, CityHub, Window } from '../../src/domain/city.ts';
import { BARGE_12_KM, hub, trunkCity, trunkOrder } from './trunk-city.ts';

/**
 * The second echelon on a hand-timed day (see trunk-city.ts: the van 2 m/s and 100 kg, fixed cost 100 EUR;
 * 900 s to load or unload a stop; 1,800 s of handling at a hub). The platform P (open 3,600-72,000) is at the
 * origin; the micro-hub V (open 18,000-64,800) 2,000 m north, 1,000 s by van; W is fed by barge from P,
 * 12 km at 10 km/h (4,320 s), 1,800 s to load and as long to unload, 200 kg a sailing.
 */
const points = [
  [0, 0], // 0 P
  [1000, 0], // 1 depot A
  [1100, 0], // 2 depot B
  [-1000, 0], // 3 depot C
  [0, 2000], // 4 V, W
] as const;
const road = (over: { count?: number; shift?: Window; maxTrips?: number } = {}): CityFeeder => ({
  platform: 0,
  mode: 'road',
  type: 0,
  maxTrips: 1,
  reloadS: 600,
  ...over,
});
const barge: CityFeeder = { platform: 0, ...BARGE_12_KM };
const fed = (id: string, feeder: CityFeeder): CityHub => ({ ...hub(id, 4, 18_000, 64_800), feeder });
/** P, V by road, W by barge and X by road (no orders); orders 0-2 (60, 30, 50 kg) for V, 3 and 4 for W. */
const feederCity = (feederOfV: CityFeeder = road()): City =>
  trunkCity(points, {
    hubs: [hub('P', 0, 3600, 72_000), fed('V', feederOfV), fed('W', barge), fed('X', road())],
    orders: [
      trunkOrder(0, 60),
      trunkOrder(1, 30),
      trunkOrder(2, 50),
      trunkOrder(1, 150),
      trunkOrder(2, 250, 'pickup'),
    ],
    trunking: { schedule: 'same-day', pooled: true, handlingS: 1800 },
  });
const ctx = { seed: 1, clock: () => 0 };
const forV = (deadlines: readonly number[]) =>
  deadlines.map((deadlineS, order) => ({ order, hub: 1, deadlineS }));
const roadRun = (runs: FeederRun[]) => {
  const run = runs.find((r) => r.kind === 'road');
  if (run?.kind !== 'road') throw new Error('no road feeder');
  return run;
};
const starts = (run: ReturnType<typeof roadRun>): number[] => {
  const out: number[] = [];
  for (const r of run.solution.routes)
    for (const t of r.trips) for (const v of t.visits) out[v.job] = v.startS;
  return out;
};

describe('a road feeder', () => {
  it('vehicle-loads unloaded just in time for their pooled trips, in the platform’s hours', () => {
    // loads by deadline: orders 0 and 1 (90 kg), then 2 (50 kg, not beside them in a 100 kg van). Open from
    // the micro-hub's opening (18,000; the van could be there at 3,600 + 1,000); unloading ends 1,800 s of
    // handling before the trip leaves: 30,000 - 1,800 - 900 = 27,300 and 40,000 - 1,800 - 900 = 37,300
    const run = roadRun(planFeeders(feederCity(), forV([30_000, 30_000, 40_000]), ctx));
    expect(run.loads.map((l) => [l.orders, l.goods[0], l.deadlineS])).toEqual([
      [[0, 1], 90, 30_000],
      [[2], 50, 40_000],
    ]);
    expect(run.problem.jobs.map((j) => j.windows)).toEqual([[[18_000, 27_300]], [[18_000, 37_300]]]);
    expect(
      run.problem.vehicles.map((v) => [v.type, v.depot, v.shiftStartS, v.shiftEndS, v.maxTrips, v.reloadS]),
    ).toEqual([
      [0, 0, 3600, 72_000, 1, 600],
      [0, 0, 3600, 72_000, 1, 600],
    ]);
    expect(starts(run)).toEqual([27_300, 37_300]);
    expect(run.lateS).toEqual([0, 0]);
    // each order leaves the platform with its trip: 1,000 s before unloading starts
    expect([...platformDepartures([run]).entries()]).toEqual([
      [0, 26_300],
      [1, 26_300],
      [2, 36_300],
    ]);
  });

  it("searches at the pooled runs' rate: at the quick effort 12 iterations a load, at least 225", () => {
    const few = roadRun(planFeeders(feederCity(), forV([30_000, 30_000, 40_000]), ctx));
    expect(few.solution.stats.iterations).toBe(225);
    // 20 orders of 60 kg, no two in one 100 kg van: 20 loads, 12 × 20 = 240 iterations
    const city = { ...feederCity(), orders: Array.from({ length: 20 }, () => trunkOrder(0, 60)) };
    const many = roadRun(planFeeders(city, forV(Array.from({ length: 20 }, () => 60_000)), ctx));
    expect(many.loads).toHaveLength(20);
    expect(many.solution.stats.iterations).toBe(240);
  });

  it('works its own shift inside the platform’s hours, and opens when its first trip can be there', () => {
    const clipped = roadRun(
      planFeeders(feederCity(road({ shift: [0, 80_000] })), forV([30_000, 30_000, 40_000]), ctx),
    );
    expect(clipped.problem.vehicles[0]).toMatchObject({ shiftStartS: 3600, shiftEndS: 72_000 });
    // from 20,000 the van is at V at 21,000
    const late = roadRun(
      planFeeders(feederCity(road({ shift: [20_000, 50_000] })), forV([30_000, 30_000, 40_000]), ctx),
    );
    expect(late.problem.vehicles[0]).toMatchObject({ shiftStartS: 20_000, shiftEndS: 50_000 });
    expect(late.problem.jobs.map((j) => j.windows)).toEqual([[[21_000, 27_300]], [[21_000, 37_300]]]);
  });

  it('a deadline it cannot meet: unloaded as early as it can be, and reported late', () => {
    // due 19,000: the window shuts at 19,000 - 1,800 - 900 = 16,300, before V opens: it stays [18,000, 18,000];
    // unloaded 18,000-18,900, ready 20,700, 1,700 s late
    const run = roadRun(planFeeders(feederCity(), forV([19_000, 19_000, 40_000]), ctx));
    expect(run.problem.jobs[0]?.windows).toEqual([[18_000, 18_000]]);
    expect(run.lateS).toEqual([1700, 0]);
  });

  it('a load too big for the feeder vehicle stays unplaced, not late, its first window kept', () => {
    // order 2 of 150 kg travels alone and fits no 100 kg van; the retry (open until 63,900) places it no better
    const city = { ...feederCity(), orders: [trunkOrder(0, 60), trunkOrder(1, 30), trunkOrder(2, 150)] };
    const run = roadRun(planFeeders(city, forV([30_000, 30_000, 40_000]), ctx));
    expect(run.solution.unassigned).toEqual([{ job: 1, reason: 'too-big-for-every-vehicle' }]);
    expect(run.problem.jobs[1]?.windows).toEqual([[18_000, 37_300]]);
    expect(run.lateS).toEqual([0, 0]);
  });

  it('a load no vehicle can take in its window goes later on the retry (until V closes), reported late', () => {
    // one van, two trips; both loads due 19,000, both windows [18,000, 18,000]: one load only. Retried, the
    // other is open until 64,800 - 900 = 63,900 and goes on the second trip, moved as late as that: unloaded
    // 63,900-64,800, ready 66,600: 47,600 s late
    const run = roadRun(
      planFeeders(feederCity(road({ count: 1, maxTrips: 2 })), forV([19_000, 19_000, 19_000]), ctx),
    );
    expect(run.solution.unassigned).toEqual([]);
    expect(run.problem.vehicles).toHaveLength(1);
    expect(run.problem.jobs.map((j) => j.windows[0]?.[1]).sort()).toEqual([18_000, 63_900]);
    expect([...run.lateS].sort((a, b) => a - b)).toEqual([1700, 47_600]);
  });
});

describe('a barge feeder', () => {
  const forW = (deadlines: [number, number]) => [
    { order: 3, hub: 2, deadlineS: deadlines[0] },
    { order: 4, hub: 2, deadlineS: deadlines[1] },
  ];
  const sailing = (runs: FeederRun[]) => {
    const run = runs.find((r) => r.kind === 'sailing');
    if (run?.kind !== 'sailing') throw new Error('no sailing');
    return run;
  };

  it('one load of every order; sailings by the heavier side; timed to the earliest pooled trip', () => {
    // 150 kg out, 250 kg back: 2 sailings. Due 20,000 (the earlier): leaves 20,000 - 1,800 - 1,800 - 4,320 =
    // 12,080, unloaded at 12,080 + 4,320 + 1,800 = 18,200, ready 20,000
    const run = sailing(planFeeders(feederCity(), forW([30_000, 20_000]), ctx));
    expect(run.loads).toEqual([
      { carrier: 1, hub: 2, orders: [3, 4], goods: [150, 1, 1], returns: [250, 1, 1], deadlineS: 20_000 },
    ]);
    expect([run.trips, run.departureS, run.arrivalS, run.handlingS, run.lateS]).toEqual([
      2, 12_080, 18_200, 1800, 0,
    ]);
    expect([run.goods, run.returns]).toEqual([
      [150, 1, 1],
      [250, 1, 1],
    ]);
  });
  it('as many sailings as the mass needs, exactly: 400 kg are 2 sailings of 200 kg', () => {
    const city = {
      ...feederCity(),
      orders: [trunkOrder(1, 150), trunkOrder(1, 150), trunkOrder(1, 150), trunkOrder(1, 400, 'pickup')],
    };
    expect(sailing(planFeeders(city, forW([30_000, 30_000]), ctx)).trips).toBe(2);
  });

  it('loads no earlier than the platform opens; late when that is too late', () => {
    // due 8,000: it should leave at 80, but loading starts at 3,600 at the earliest: leaves 5,400, unloaded
    // 5,400 + 4,320 + 1,800 = 11,520, ready 13,320: 5,320 s late; its orders leave the platform at 3,600
    const run = sailing(planFeeders(feederCity(), forW([8000, 9000]), ctx));
    expect([run.departureS, run.arrivalS, run.lateS]).toEqual([5400, 11_520, 5320]);
    expect([...platformDepartures([run]).entries()]).toEqual([
      [3, 3600],
      [4, 3600],
    ]);
  });
});

describe('planTrunkNetwork with fed micro-hubs', () => {
  it('the first echelon takes fed orders to the platform, due when their feeder leaves it', () => {
    // V's orders leave P at 26,300 (0, 1) and 36,300 (2) (first test above); W's at 12,080 - 1,800 = 10,280.
    // Trunk stops close 1,800 + 900 before, less the truck's drive: A (order 0) 26,300 - 2,700 - 1,000 =
    // 22,600; B (orders 3 and 1, due with 3 at 10,280) 10,280 - 2,700 - 1,100 = 6,480; C (4 and 2, due with 4
    // at 10,280) 10,280 - 2,700 - 1,000 = 6,580
    const city = feederCity();
    const deadlines = [30_000, 30_000, 40_000, 30_000, 20_000];
    const hubs = [1, 1, 1, 2, 2];
    const pooled = deadlines.map((departureS, order) => ({ order, hub: hubs[order] as number, departureS }));
    const n = planTrunkNetwork(city, pooled, ctx);
    expect(n.feeders.map((f) => [f.kind, f.hub, f.platform])).toEqual([
      ['road', 1, 0],
      ['sailing', 2, 0],
    ]);
    expect(n.runs).toHaveLength(1);
    const run = n.runs[0]!;
    expect(run.base).toEqual({ location: 0, hub: 0 });
    expect(run.consignments.map((c) => [c.carrier, c.orders, c.deadlineS])).toEqual([
      [0, [0], 26_300],
      [1, [3, 1], 10_280],
      [2, [4, 2], 10_280],
    ]);
    expect(run.problem.jobs.map((j) => j.windows[0]?.[1])).toEqual([22_600, 6480, 6580]);
    // the road feeder's solution counts with the trunk's; the sailing has none
    expect(trunkSolutions(n)).toEqual([run.solution, (n.feeders[0] as { solution: unknown }).solution]);
  });
});
