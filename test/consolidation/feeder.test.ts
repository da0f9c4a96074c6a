import { describe, expect, it } from 'vitest';
import { delayTrips } from '../../src/consolidation/delay-trips.ts';
import { chooseFacilities } from '../../src/consolidation/facility.ts';
import { planFeeders } from '../../src/consolidation/feeder.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import type { RoutingProblem, TravelModel } from '../../src/domain/routing-problem.ts';
import { daySpeedFactors, timeDependentTravel } from '../../src/geo/index.ts';
import type { RoutingSolution, ScheduledTrip } from '../../src/domain/routing-solution.ts';
import { buildCity, planScenario } from '../../src/planner/index.ts';
import { twoEchelonScenario } from '../support/audit-scenarios.ts';
import { auditPlan } from '../support/audit/index.ts';
import { euclidean } from '../solver/fixtures.ts';

const ctx = { seed: 1, clock: () => 0, maxIterations: 200 };

describe('the second echelon (feeders)', () => {
  it('fills a feeder vehicle to the brim even when its orders add up above it in floating point', () => {
    // 0.1 + 0.2 kg = 0.30000000000000004 kg: one load of both would be too big for a 0.3 kg vehicle
    const s = twoEchelonScenario('road');
    s.vehicleTypes = [{ id: 'tiny', class: 'van', capacity: { kg: 0.3 } }];
    (s.hubs[2] as { feeder?: object }).feeder = { hubId: 'P', vehicleType: 'tiny' };
    s.orders = [
      { id: 'X1', carrierId: 'A', receiverId: 'R3', size: { kg: 0.1 } },
      { id: 'X2', carrierId: 'B', receiverId: 'R3', size: { kg: 0.2 } },
    ];
    const city = buildCity(scenarioSchema.parse(s));
    const runs = planFeeders(
      city,
      [0, 1].map((order) => ({ order, hub: 2, deadlineS: 12 * 3600 })),
      ctx,
    );
    const run = runs[0];
    expect(run?.kind).toBe('road');
    if (run?.kind !== 'road') return;
    expect(run.solution.unassigned).toEqual([]);
    expect(run.loads.flatMap((l) => l.orders).sort()).toEqual([0, 1]);
  });

  it('loads mix carriers, and a micro-hub by barge gets one sailing timed to its earliest pooled trip', () => {
    const city = buildCity(scenarioSchema.parse(twoEchelonScenario('barge')));
    const fed = city.orders.map((_, order) => ({ order, hub: 1, deadlineS: (8 + order) * 3600 }));
    const [sailing] = planFeeders(city, fed, ctx);
    expect(sailing?.kind).toBe('sailing');
    if (sailing?.kind !== 'sailing') return;
    // ready at H (unloaded, then 30 min handling) exactly when the 08:00 trip leaves
    expect(sailing.arrivalS + 30 * 60).toBe(8 * 3600);
    expect(sailing.departureS).toBe(8 * 3600 - 30 * 60 - 60 * 60 - (12 / 10) * 3600);
    expect(new Set(sailing.loads.flatMap((l) => l.orders.map((o) => city.orders[o]?.carrier)))).toEqual(
      new Set([0, 1]),
    );
  });

  it('a road feeder arrives just in time: its goods are ready at the micro-hub as their first pooled trip leaves', () => {
    const s = twoEchelonScenario('road');
    const plan = planScenario(s, { seed: 3, maxIterations: 200, timeLimitSeconds: 60 });
    const leaves = new Map(
      plan.consolidated.routes.flatMap((r) =>
        r.stops.flatMap((st) => st.orderIds.map((id) => [id, r.departureSec ?? 0])),
      ),
    );
    const trips = plan.consolidated.trunk.filter((t) => t.echelon === 2 && t.mode === 'road');
    expect(trips.length).toBeGreaterThan(0);
    for (const t of trips)
      for (const stop of t.stops) {
        const first = Math.min(...stop.orderIds.map((id) => leaves.get(id) ?? Infinity));
        expect(stop.departureSec + 30 * 60).toBeCloseTo(first, 0);
      }
  });

  it("the facility model weighs a platform's capacity, not only the repair after it", () => {
    // R2 and R3 (5 units) are worth pooling at the estimates; the platform takes 2
    const capped = twoEchelonScenario('barge');
    (capped.hubs[0] as { capacityUnits?: number }).capacityUnits = 2;
    const free = buildCity(scenarioSchema.parse(twoEchelonScenario('barge')));
    const held = buildCity(scenarioSchema.parse(capped));
    expect(chooseFacilities(held).objectiveEur).toBeGreaterThan(chooseFacilities(free).objectiveEur + 1);
  });

  it('the capacity repair moves no receiver between micro-hubs of a full platform (it would stay full)', () => {
    // V with bikes enough for R1: moving H's receivers to V would keep all 13 units through P
    const s = twoEchelonScenario('barge');
    (s.hubs[0] as { capacityUnits?: number }).capacityUnits = 5;
    Object.assign(s.fleet[1] as object, { count: 3, maxTrips: 3 });
    const city = buildCity(scenarioSchema.parse(s));
    const { hubOf } = chooseFacilities(city);
    const units = [0, 0, 0];
    city.orders.forEach((o) => {
      const h = hubOf[o.receiver] ?? -1;
      if (h >= 0) units[h] = (units[h] as number) + Math.max(1, o.size[2]);
    });
    expect((units[1] as number) + (units[2] as number)).toBeLessThanOrEqual(5);
  });

  it("a platform's capacity binds the units of every micro-hub it feeds", () => {
    // 2 units: R3's; moving R2 from H to V (the same platform) would not relieve it
    const s = twoEchelonScenario('barge');
    (s.hubs[0] as { capacityUnits?: number }).capacityUnits = 2;
    const plan = planScenario(s, { seed: 3, maxIterations: 200, timeLimitSeconds: 60 });
    expect(auditPlan(s, plan)).toEqual([]);
    expect(plan.consolidated.hubs[0]?.units).toBeLessThanOrEqual(2);
    expect(plan.consolidated.unassigned.some((u) => u.reason === 'hub-capacity')).toBe(true);
  });
});

describe('delayTrips', () => {
  const trip = (dep: number, start: number, job: number): ScheduledTrip => ({
    departureS: dep,
    returnS: dep + 1000,
    distance: 1000,
    loadStart: [1],
    visits: [{ job, arrivalS: start - 50, startS: start, departureS: start + 100, loadAfter: [0] }],
  });
  // driving: 450 s out (arrival 50 s before the start), 450 s back; static unless `timed` is given
  const staticTravel = euclidean([
    [0, 0],
    [450, 0],
  ]);
  const problem = (closes: [number, number], travel: TravelModel = staticTravel) =>
    ({
      dimensions: 1,
      travel,
      vehicleTypes: [{ profile: 0 }],
      jobs: closes.map((close) => ({
        location: 1,
        delivery: [1],
        pickup: [0],
        serviceS: 100,
        windows: [[0, close]],
      })),
      vehicles: [{ type: 0, depot: 0, shiftStartS: 0, shiftEndS: 10_000, maxTrips: 2, reloadS: 100 }],
    }) as unknown as RoutingProblem;
  const solution: RoutingSolution = {
    routes: [{ vehicle: 0, trips: [trip(0, 500, 0), trip(1100, 1600, 1)] }],
    unassigned: [],
    cost: 0,
    stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
  };
  /** Half speed from 8,000 s to 10,000 s; one trip alone in the solution; a job with two windows. */
  const slowFrom8000 = daySpeedFactors([{ startS: 8000, endS: 10_000, factor: 0.5 }]);
  const alone = (t: ScheduledTrip): RoutingSolution => ({
    ...solution,
    routes: [{ vehicle: 0, trips: [t] }],
  });
  const twoWindowsTimed = (second: readonly [number, number]): RoutingProblem => {
    const p = problem(
      [9800, 9800],
      timeDependentTravel(staticTravel, () => slowFrom8000),
    );
    return { ...p, jobs: p.jobs.map((j) => ({ ...j, windows: [[0, 100], second] })) };
  };

  it("moves each trip as late as the shift's end and the next trip (less the reload) allow, waits kept", () => {
    const [late] = delayTrips(problem([9500, 9800]), solution).routes;
    expect(late?.trips[1]).toMatchObject({ departureS: 9000, returnS: 10_000 });
    expect(late?.trips[1]?.visits[0]).toMatchObject({ arrivalS: 9450, startS: 9500, departureS: 9600 });
    expect(late?.trips[0]).toMatchObject({ departureS: 7900, returnS: 8900 });
  });

  it('moves no visit past its window', () => {
    const [late] = delayTrips(problem([3000, 9000]), solution).routes;
    expect(late?.trips[1]?.visits[0]?.startS).toBe(9000);
    expect(late?.trips[0]?.visits[0]?.startS).toBe(3000);
    expect(delayTrips(problem([500, 1600]), solution)).toEqual(solution);
  });

  it('times a trip again with time-dependent travel: the latest departure keeping windows and return', () => {
    // half speed from 8,000 s to 10,000 s: every drive of the moved trip takes 900 s instead of 450
    const slow = daySpeedFactors([{ startS: 8000, endS: 10_000, factor: 0.5 }]);
    const timed = timeDependentTravel(staticTravel, () => slow);
    const one: RoutingSolution = { ...solution, routes: [{ vehicle: 0, trips: [trip(0, 500, 0)] }] };
    const [late] = delayTrips(problem([9800, 9800], timed), one).routes;
    const moved = late!.trips[0]!;
    const visit = moved.visits[0]!;
    // back at the shift's end: 10,000 - 900 s (450 s at half speed) = 9,100 leaves the receiver, served from 9,000
    expect(moved.returnS).toBeCloseTo(10_000, 6);
    expect(visit.departureS).toBeCloseTo(9100, 6);
    expect(visit.startS).toBeCloseTo(9000, 6);
    // out at half speed too: it leaves 900 s before, at 8,100 (and arrives as the service starts)
    expect(visit.arrivalS).toBeCloseTo(9000, 6);
    expect(moved.departureS).toBeCloseTo(9000 - 900, 6);
  });

  it('times a trip again inside the window its visit is in, not the first window of the job', () => {
    // the visit at 500 is in the job's second window (400-600): the latest start is 600, so the trip leaves
    // 600 - 450 = 150 (not slowed before 8,000), arrives 600, leaves 700 and is back at 1,150
    const moved = delayTrips(twoWindowsTimed([400, 600]), alone(trip(0, 500, 0))).routes[0]!.trips[0]!;
    expect(moved.departureS).toBeCloseTo(150, 6);
    expect(moved.visits[0]).toMatchObject({ arrivalS: 600, startS: 600, departureS: 700 });
    expect(moved.returnS).toBeCloseTo(1150, 6);
  });

  it('a visit at the very edge of one of its windows is in that window', () => {
    // windows 0-100 and 500-600: a visit starting at 500 (the second window's open) may start at 600 at the
    // latest: the trip leaves 600 - 450 = 150; so does one starting at 600 (its close) after a wait of 50 s
    const p = twoWindowsTimed([500, 600]);
    expect(delayTrips(p, alone(trip(0, 500, 0))).routes[0]!.trips[0]!.departureS).toBeCloseTo(150, 6);
    expect(delayTrips(p, alone(trip(100, 600, 0))).routes[0]!.trips[0]!.departureS).toBeCloseTo(150, 6);
  });

  it("times a trip again at its vehicle type's own speed profile", () => {
    // the previous case with the slow factors on profile 1 only, the vehicle's type: the same times
    const timed = timeDependentTravel(staticTravel, (_a, _b, profile) =>
      profile === 1 ? slowFrom8000 : undefined,
    );
    const p = problem([9800, 9800], timed);
    const typed = {
      ...p,
      vehicleTypes: [p.vehicleTypes[0]!, { ...p.vehicleTypes[0]!, profile: 1 }],
      vehicles: [{ ...p.vehicles[0]!, type: 1 }],
    };
    const moved = delayTrips(typed, alone(trip(0, 500, 0))).routes[0]!.trips[0]!;
    expect(moved.returnS).toBeCloseTo(10_000, 6);
    expect(moved.departureS).toBeCloseTo(9000 - 900, 6);
  });

  it('a retimed trip still waits at a stop whose window opens later', () => {
    // depot at 0, job 0 at 450 m (window 0-1,000), job 1 at 900 m (window 3,000-4,000), 100 s each, 1 m/s,
    // no slow hour on the way. Latest: job 1 starts by 4,000, job 0 by min(4,000 - 450 - 100, 1,000) = 1,000,
    // so the trip leaves 550: job 0 1,000-1,100, job 1 reached 1,550, waits to 3,000, back 3,100 + 900 = 4,000
    const line = euclidean([
      [0, 0],
      [450, 0],
      [900, 0],
    ]);
    const p = problem(
      [1000, 4000],
      timeDependentTravel(line, () => slowFrom8000),
    );
    const waits = {
      ...p,
      jobs: [
        { ...p.jobs[0]!, windows: [[0, 1000]] as const },
        { ...p.jobs[1]!, location: 2, windows: [[3000, 4000]] as const },
      ],
    };
    const at = (job: number, arrivalS: number, startS: number, left: number) => ({
      job,
      arrivalS,
      startS,
      departureS: startS + 100,
      loadAfter: [left],
    });
    const early = {
      departureS: 0,
      returnS: 4000,
      distance: 1800,
      loadStart: [2],
      visits: [at(0, 450, 450, 1), at(1, 1000, 3000, 0)],
    };
    const moved = delayTrips(waits, alone(early)).routes[0]!.trips[0]!;
    expect(moved.departureS).toBeCloseTo(550, 6);
    expect(moved.visits.map((v) => [v.arrivalS, v.startS, v.departureS])).toEqual([
      [1000, 1000, 1100],
      [1550, 3000, 3100],
    ]);
    expect(moved.returnS).toBeCloseTo(4000, 6);
  });
});
