import { describe, expect, it } from 'vitest';
import type { CityTrunkFleet, SizeVector } from '../../src/domain/city.ts';
import { planTrunk, type TrunkRun } from '../../src/consolidation/trunk.ts';
import type { Consignment } from '../../src/consolidation/trunk-consignments.ts';
import { daySpeedFactors, timeDependentTravel } from '../../src/geo/index.ts';
import { trunkCity } from './trunk-city.ts';

/**
 * planTrunk on hand-timed days. The hub H is at the origin; depot A 1,000 m east, B 1,100 m east, C 1,000 m
 * west. The van (2 m/s, 100 kg) drives to A or C in 500 s, to B in 550 s; the truck (1 m/s, 1,000 kg) in
 * 1,000 s and 1,100 s. Loading at a depot takes 900 s (TRUNK_LOAD_S). Trips leave at the shift's start.
 */
const points = [
  [0, 0],
  [1000, 0],
  [1100, 0],
  [-1000, 0],
] as const;
const budget = { iterations: 300, timeLimitMs: 1e9 };
const ctx = { seed: 1, clock: () => 0 };
const carriers = { A: 0, B: 1, C: 2 } as const;
const consignment = (
  carrier: keyof typeof carriers,
  goods: SizeVector,
  deadlineS: number,
  returns: SizeVector = [0, 0, 0],
): Consignment => ({
  carrier: carriers[carrier],
  hub: 0,
  orders: [carriers[carrier]],
  goods,
  returns,
  deadlineS,
});
const plan = (consignments: Consignment[], trunkFleet: CityTrunkFleet[] = []): TrunkRun =>
  planTrunk(
    trunkCity(points, { trunkFleet }),
    { location: 0, hub: 0 },
    consignments,
    (c) => c.deadlineS,
    budget,
    ctx,
  );
const windows = (run: TrunkRun) => run.problem.jobs.map((j) => j.windows);
/** Per job, the vehicle type of the trip carrying it. */
const typeOf = (run: TrunkRun): number[] => {
  const out: number[] = [];
  for (const r of run.solution.routes)
    for (const t of r.trips)
      for (const v of t.visits) out[v.job] = run.problem.vehicles[r.vehicle]?.type ?? -1;
  return out;
};

describe("planTrunk: each depot stop's window", () => {
  it('opens at the earliest trunk shift and closes at the latest one when nothing is due', () => {
    // the van works 3,600-15,000, the truck 1,800-10,000: stops open 1,800 and close 15,000
    const run = plan(
      [consignment('A', [50, 1, 1], Infinity)],
      [
        { hub: 0, type: 0, count: 1, shift: [3600, 15_000] },
        { hub: 0, type: 1, count: 1, shift: [1800, 10_000] },
      ],
    );
    expect(windows(run)).toEqual([[[1800, 15_000]]]);
    expect(run.lateS).toEqual([0]);
  });

  it('closes when the slowest type, loaded, still reaches the base by the deadline on the direct road', () => {
    // A: 5,000 - 900 load - 1,000 by truck = 3,100; B: 8,000 - 900 - 1,100 = 6,000
    const run = plan([consignment('A', [50, 1, 1], 5000), consignment('B', [500, 1, 1], 8000)]);
    expect(windows(run)).toEqual([[[0, 3100]], [[0, 6000]]]);
    expect(run.solution.unassigned).toEqual([]);
    expect(run.lateS).toEqual([0, 0]);
  });

  it('a deadline none can meet: the stop closes when the fastest type able to carry it gets there', () => {
    // due at 1,000 s, none of them can make it. A (100 kg out, 100 kg back: the van's capacity exactly) goes
    // by van: open until 500, back 500 + 900 + 500 = 1,900, 900 s late. B (500 kg) and C (200 kg of returns)
    // fit only the truck: open until 1,100 (back 3,100, 2,100 late) and 1,000 (back 2,900, 1,900 late)
    const run = plan([
      consignment('A', [100, 1, 1], 1000, [100, 1, 1]),
      consignment('B', [500, 1, 1], 1000),
      consignment('C', [10, 0, 0], 1000, [200, 0, 0]),
    ]);
    expect(windows(run)).toEqual([[[0, 500]], [[0, 1100]], [[0, 1000]]]);
    expect(run.solution.unassigned).toEqual([]);
    expect(typeOf(run)).toEqual([0, 1, 1]);
    expect(run.lateS).toEqual([900, 2100, 1900]);
  });
});

describe('planTrunk: a consignment too big for every trunk type', () => {
  it('is left unplaced, its stop closing when the fastest type of all would be there', () => {
    // 2,000 kg fit no type: A (due 1,000) closes when the van is there, 500; B as usual, 8,000 - 900 - 1,100
    const run = plan([consignment('A', [2000, 1, 1], 1000), consignment('B', [500, 1, 1], 8000)]);
    expect(windows(run)).toEqual([[[0, 500]], [[0, 6000]]]);
    expect(run.solution.unassigned).toEqual([{ job: 0, reason: 'too-big-for-every-vehicle' }]);
    expect(run.lateS).toEqual([0, 0]);
  });
});

describe('planTrunk: late and unplaced consignments are tried once more', () => {
  /** A (50 kg) and B (500 kg) due at the times given, and a single truck doing a single trip. */
  const oneTruckOneTrip = (dueA: number, dueB: number): TrunkRun =>
    plan(
      [consignment('A', [50, 1, 1], dueA), consignment('B', [500, 1, 1], dueB)],
      [{ hub: 0, type: 1, count: 1, maxTrips: 1 }],
    );

  it('late on a milk run: its stop moved earlier by its lateness, the retry sends it alone and on time', () => {
    // A (van or truck) due 3,400: open until 3,400 - 900 - 1,000 = 1,500; B (truck only) due 10,000: until
    // 10,000 - 900 - 1,100 = 8,000. The truck's milk run A then B (one fixed cost) is back at 1,000 + 900 + 100
    // + 900 + 1,100 = 4,000: A 600 s late. Retried, A closes at 1,500 - 600 = 900, before the truck can be there
    // (1,000): the van takes it (back 1,900, on time), the truck B alone
    const run = plan([consignment('A', [50, 1, 1], 3400), consignment('B', [500, 1, 1], 10_000)]);
    expect(windows(run)).toEqual([[[0, 900]], [[0, 8000]]]);
    expect(run.lateS).toEqual([0, 0]);
    expect(typeOf(run)).toEqual([0, 1]);
  });

  it('with speed profiles, the drive that arrives at the deadline less the lateness', () => {
    // half speed 2,000-3,000 s. A due 3,400: the truck's 1,000 free seconds arriving at 3,400 take 400 (3,000-
    // 3,400), 1,000 for 500 free (2,000-3,000) and 100 more: 1,500 s, so A closes at 3,400 - 900 - 1,500 =
    // 1,000. The milk run: A 1,000-1,900, B 2,000-2,900, then 100 s at half speed (50 free) and 1,050 s: back
    // 4,050, A 650 s late. Retried, the truck's drive arriving at 3,400 - 650 = 2,750 takes 750 s for 375 free
    // and 625 more: 1,375 s, so A closes at 3,400 - 900 - 1,375 - 650 = 475, before the van can be there: 500
    const slow = daySpeedFactors([{ startS: 2000, endS: 3000, factor: 0.5 }]);
    const city = trunkCity(points);
    const run = planTrunk(
      { ...city, travel: timeDependentTravel(city.travel, () => slow) },
      { location: 0, hub: 0 },
      [consignment('A', [50, 1, 1], 3400), consignment('B', [500, 1, 1], 10_000)],
      (c) => c.deadlineS,
      budget,
      ctx,
    );
    expect(windows(run)).toEqual([[[0, 500]], [[0, 8000]]]);
    expect(run.lateS).toEqual([0, 0]);
    expect(typeOf(run)).toEqual([0, 1]);
  });

  it('keeps the first attempt when the retry is no better', () => {
    // both truck-only: moving A's close from 1,500 to 1,000 (when the truck gets there) leaves the same milk
    // run, A 600 s late either way
    const run = plan([consignment('A', [500, 1, 1], 3400), consignment('B', [500, 1, 1], 10_000)]);
    expect(windows(run)).toEqual([[[0, 1500]], [[0, 8000]]]);
    expect(run.lateS).toEqual([600, 0]);
  });

  it('keeps the first attempt when the retry leaves a consignment unplaced, however less late it is', () => {
    // one van and one truck, one trip each. C (due 1,000) can only be the van's, at 500 (900 s late); the truck's
    // milk run A then B leaves A 600 s late (as above). Retried, A closes at 900: only the van could get there,
    // and it cannot take both A and C: one is left unplaced, so the first attempt stands
    const run = plan(
      [
        consignment('A', [50, 1, 1], 3400),
        consignment('B', [500, 1, 1], 10_000),
        consignment('C', [50, 1, 1], 1000),
      ],
      [
        { hub: 0, type: 0, count: 1, maxTrips: 1 },
        { hub: 0, type: 1, count: 1, maxTrips: 1 },
      ],
    );
    expect(run.solution.unassigned).toEqual([]);
    expect(windows(run)).toEqual([[[0, 1500]], [[0, 8000]], [[0, 500]]]);
    expect(run.lateS).toEqual([600, 0, 900]);
  });

  it('an unplaced consignment is retried even when nothing placed is late', () => {
    // one truck, one trip: A (due 2,900, open until 2,900 - 900 - 1,000 = 1,000) and B (due 3,100, until
    // 3,100 - 900 - 1,100 = 1,100) cannot both be reached, and the one carried is on time. Retried, the other
    // rides along: back at 4,000 (as below), A 1,100 s late, B 900
    const run = oneTruckOneTrip(2900, 3100);
    expect(run.solution.unassigned).toEqual([]);
    expect(run.lateS).toEqual([1100, 900]);
  });

  it('a stop no vehicle reaches in its window may go at any time on the retry, reported late', () => {
    // one truck, one trip: A (open until 1,000) and B (until 1,100) cannot both be reached. Retried, the one
    // left out is open all day (to 20,000) and rides with the other: back at 1,000 + 900 + 100 + 900 + 1,100 =
    // 4,000 (A first) or 1,100 + 900 + 100 + 900 + 1,000 = 4,000 (B first): both 3,000 s late
    const run = oneTruckOneTrip(1000, 1000);
    expect(run.solution.unassigned).toEqual([]);
    expect(run.lateS).toEqual([3000, 3000]);
    expect(windows(run).map((w) => w[0]?.[1])).toContain(20_000);
  });
});
