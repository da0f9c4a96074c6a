import { TIME_EPS, type Instance } from '../model/instance.ts';

/**
 * The earliest-time schedule of one vehicle's day, given as a node sequence
 * `[DEPOT, j.., DEPOT, j.., DEPOT]` (inner DEPOTs are reloads), with every hard constraint checked:
 * windows, shift end, capacity per dimension along each trip, trip duration and energy range.
 *
 * Departure of each trip is pushed as late as it can go without delaying its return, so duration costs
 * never pay for waiting before the first stop (exact for single windows, safe for several).
 */
export interface DayPlan {
  readonly feasible: boolean;
  /** Position of a job whose removal may restore feasibility (-1 when feasible). */
  readonly violationAt: number;
  /** Earliest service start per position (arrival for depots). */
  readonly es: Float64Array;
  /** Time spent at each position (service, or reload at inner depots). */
  readonly svc: Float64Array;
  /** Location per position, and distance / driving time of the arc leaving it. */
  readonly loc: Int32Array;
  readonly arcDist: Float64Array;
  readonly arcTime: Float64Array;
  /** Chosen (late) departure per trip (earliest departure when `trusted` and duration is free). */
  readonly tripDeparture: readonly number[];
  readonly distance: number;
  readonly durationS: number;
  readonly cost: number;
  readonly jobs: number;
  readonly trips: number;
}

/** The scalars of a day schedule written into caller-owned arrays (see scheduleInto). */
export interface DaySummary {
  feasible: boolean;
  violationAt: number;
  distance: number;
  durationS: number;
  cost: number;
  jobs: number;
  trips: number;
}

export const emptySummary = (): DaySummary => ({
  feasible: true,
  violationAt: -1,
  distance: 0,
  durationS: 0,
  cost: 0,
  jobs: 0,
  trips: 0,
});

/**
 * `trusted`: the caller guarantees loads fit (the search only makes load-checked insertions and
 * removals never raise a load), so capacity is not re-checked, and late departures are only computed
 * when the duration is priced or limited.
 */
export function scheduleDay(inst: Instance, v: number, nodes: readonly number[], trusted = false): DayPlan {
  const L = nodes.length;
  const es = new Float64Array(L);
  const svc = new Float64Array(L);
  const loc = new Int32Array(L);
  const arcDist = new Float64Array(L);
  const arcTime = new Float64Array(L);
  const tripDeparture: number[] = [];
  const sum = emptySummary();
  scheduleInto(inst, v, nodes, trusted, es, svc, loc, arcDist, arcTime, sum, tripDeparture);
  return {
    feasible: sum.feasible,
    violationAt: sum.violationAt,
    es,
    svc,
    loc,
    arcDist,
    arcTime,
    tripDeparture,
    distance: sum.distance,
    durationS: sum.durationS,
    cost: sum.cost,
    jobs: sum.jobs,
    trips: sum.trips,
  };
}

/** The arrays `daySummary` schedules into, grown on demand and reused by every later call. */
let scratch = scheduleArrays(64);

function scheduleArrays(cap: number) {
  return {
    cap,
    es: new Float64Array(cap),
    svc: new Float64Array(cap),
    loc: new Int32Array(cap),
    arcDist: new Float64Array(cap),
    arcTime: new Float64Array(cap),
  };
}

/**
 * scheduleDay's verdict and totals without its arrays: the exact check of a candidate move or insertion,
 * made millions of times a solve. It schedules into arrays kept from call to call, so it allocates only the
 * summary: five typed arrays a call were a tenth of a 10,000-receiver day's CPU, with its garbage collection
 * (docs/BENCHMARKS.md, "Cheaper move checks"). The arrays are read by nothing else, and the search is
 * single-threaded per solve (each worker thread has its own module).
 */
export function daySummary(inst: Instance, v: number, nodes: readonly number[]): DaySummary {
  const L = nodes.length;
  if (scratch.cap < L) scratch = scheduleArrays(Math.max(L, 2 * scratch.cap));
  const { es, svc, loc, arcDist, arcTime } = scratch;
  const sum = emptySummary();
  scheduleInto(inst, v, nodes, false, es, svc, loc, arcDist, arcTime, sum, undefined);
  return sum;
}

/**
 * scheduleDay written into the given arrays (each at least `nodes.length` long; every entry below
 * that length is written, the arcs leaving the last position as 0) and `sum`, without allocating: the
 * route caches rebuild through it. Trip departures are pushed to `tripDeparture` when given.
 */
export function scheduleInto(
  inst: Instance,
  v: number,
  nodes: readonly number[],
  trusted: boolean,
  es: Float64Array,
  svc: Float64Array,
  loc: Int32Array,
  arcDist: Float64Array,
  arcTime: Float64Array,
  sum: DaySummary,
  tripDeparture: number[] | undefined,
): void {
  const vehicle = inst.vehicles[v]!;
  const type = inst.types[vehicle.type]!;
  const travel = inst.problem.travel;
  const timed = inst.timed;
  const L = nodes.length;
  for (let p = 0; p < L; p++) loc[p] = nodes[p]! < 0 ? vehicle.depot : inst.jobLoc[nodes[p]!]!;
  let violationAt = -1;
  let distance = 0;
  let jobs = 0;
  es[0] = vehicle.shiftStartS;
  svc[0] = 0;
  arcDist[L - 1] = 0;
  arcTime[L - 1] = 0;
  for (let p = 1; p < L; p++) {
    const a = loc[p - 1]!;
    const b = loc[p]!;
    arcDist[p - 1] = travel.distance(a, b);
    const leave = es[p - 1]! + svc[p - 1]!;
    arcTime[p - 1] = timed ? timed.leaving(a, b, type.profile, leave) : travel.duration(a, b, type.profile);
    distance += arcDist[p - 1]!;
    const arr = leave + arcTime[p - 1]!;
    const node = nodes[p]!;
    if (node < 0) {
      es[p] = Math.max(arr, vehicle.shiftStartS);
      svc[p] = p < L - 1 ? vehicle.reloadS : 0;
      if (arr > vehicle.shiftEndS + TIME_EPS && violationAt < 0) violationAt = p - 1;
    } else {
      jobs++;
      const s = inst.earliestStart(node, arr);
      if (s === Infinity) {
        if (violationAt < 0) violationAt = p;
        es[p] = arr;
      } else es[p] = s;
      svc[p] = inst.jobSvc[node]!;
    }
  }

  const limited = type.maxTripDurationS !== undefined || type.energy?.rangeKWh !== undefined;
  const lazy = trusted && !limited && type.costPerSecond === 0;
  let trips = 0;
  let firstDeparture = 0;
  let s = 0;
  while (s < L - 1) {
    let e = s + 1;
    while (nodes[e]! >= 0) e++;
    if (e > s + 1) {
      const dep = lazy
        ? es[s]! + svc[s]!
        : timed
          ? timedLateDeparture(inst, v, nodes, loc, es, svc, s, e)
          : lateDeparture(inst, nodes, es, svc, arcTime, s, e);
      if (trips === 0) firstDeparture = dep;
      trips++;
      if (tripDeparture !== undefined) tripDeparture.push(dep);
      if (
        violationAt < 0 &&
        (!trusted || limited) &&
        !tripWithinLimits(inst, v, nodes, s, e, es[e]! - dep, arcDist)
      )
        violationAt = e - 1;
    }
    s = e;
  }
  const durationS = jobs > 0 ? es[L - 1]! - firstDeparture : 0;
  sum.feasible = violationAt < 0;
  sum.violationAt = violationAt;
  sum.distance = distance;
  sum.durationS = durationS;
  sum.cost = jobs > 0 ? type.fixedCost + type.costPerMetre * distance + type.costPerSecond * durationS : 0;
  sum.jobs = jobs;
  sum.trips = trips;
}

/** Latest departure for trip `[s, e]` that still returns at the earliest return `es[e]`. */
function lateDeparture(
  inst: Instance,
  nodes: readonly number[],
  es: Float64Array,
  svc: Float64Array,
  arcTime: Float64Array,
  s: number,
  e: number,
): number {
  let lt = es[e]!;
  for (let p = e - 1; p > s; p--) lt = inst.latestStart(nodes[p]!, lt - arcTime[p]! - svc[p]!);
  const dep = lt - arcTime[s]!;
  const earliestDep = es[s]! + svc[s]!;
  return dep >= earliestDep && dep < Infinity ? dep : earliestDep;
}

/**
 * lateDeparture with time-dependent driving times: each arc's time is that of the latest departure still
 * reaching the next stop by its latest start (FIFO makes that bound exact), so the trip still returns at
 * `es[e]`.
 */
function timedLateDeparture(
  inst: Instance,
  v: number,
  nodes: readonly number[],
  loc: Int32Array,
  es: Float64Array,
  svc: Float64Array,
  s: number,
  e: number,
): number {
  const timed = inst.timed!;
  const profile = inst.types[inst.vehicles[v]!.type]!.profile;
  let lt = es[e]!;
  for (let p = e - 1; p > s; p--)
    lt = inst.latestStart(nodes[p]!, lt - timed.arriving(loc[p]!, loc[p + 1]!, profile, lt) - svc[p]!);
  const dep = lt - timed.arriving(loc[s]!, loc[s + 1]!, profile, lt);
  const earliestDep = es[s]! + svc[s]!;
  return dep >= earliestDep && dep < Infinity ? dep : earliestDep;
}

/** Capacity per dimension at every point, maximum trip duration and energy range of trip `[s, e]`. */
function tripWithinLimits(
  inst: Instance,
  v: number,
  nodes: readonly number[],
  s: number,
  e: number,
  durationS: number,
  arcDist: Float64Array,
): boolean {
  const type = inst.types[inst.vehicles[v]!.type]!;
  if (type.maxTripDurationS !== undefined && durationS > type.maxTripDurationS + 1e-9) return false;
  const dims = inst.dims;
  const load = new Float64Array(dims);
  for (let p = s + 1; p < e; p++)
    for (let d = 0; d < dims; d++) load[d] = load[d]! + inst.del[nodes[p]! * dims + d]!;
  if (overCapacity(load, type.capacity, dims)) return false;
  const range = type.energy?.rangeKWh;
  let energy = 0;
  for (let p = s + 1; p <= e; p++) {
    if (range !== undefined) {
      energy += type.energy!.arcKWh(arcDist[p - 1]!, load[0]!);
    }
    if (p === e) break;
    const j = nodes[p]!;
    for (let d = 0; d < dims; d++) load[d] = load[d]! - inst.del[j * dims + d]! + inst.pick[j * dims + d]!;
    if (overCapacity(load, type.capacity, dims)) return false;
  }
  return range === undefined || energy <= range + 1e-9;
}

function overCapacity(load: Float64Array, capacity: readonly number[], dims: number): boolean {
  for (let d = 0; d < dims; d++) if (load[d]! > (capacity[d] ?? 0) + 1e-9) return true;
  return false;
}
