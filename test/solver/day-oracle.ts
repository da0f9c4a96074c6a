import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { driveAt } from '../support/timed-drive.ts';

/** Seconds of rounding tolerated on a window close or a limit (float noise only). */
const EPS = 1e-7;

/** One vehicle's day judged from the RoutingProblem alone. */
export interface DayVerdict {
  /** Broken hard constraints, empty when the day is feasible. */
  readonly violations: string[];
  /** fixed cost + cost per metre x distance + cost per second x (last return - first departure); 0 if idle. */
  readonly cost: number;
  readonly distance: number;
  readonly durationS: number;
}

/**
 * Independent oracle for one vehicle's day, given as trips of job indices: it shares no code with the
 * solver (no route-state caches, no schedule or cost function of src/solver), so the operators' deltas
 * and feasibility can be checked against it.
 *
 * Schedule rules it restates from the RoutingProblem contract: each trip leaves the depot when the
 * vehicle is ready (shift start, or the previous return plus reload), services start at the earliest
 * instant inside a window, a trip's duration runs from its latest departure that does not delay its
 * return (found here by bisection on forward simulations, not by a backward pass), and the day's
 * duration from the first trip's latest departure to the last return. Energy is summed per arc at the
 * mass (dimension 0) on board along that arc.
 */
export function dayOracle(
  problem: RoutingProblem,
  v: number,
  trips: readonly (readonly number[])[],
): DayVerdict {
  const vehicle = problem.vehicles[v];
  if (vehicle === undefined)
    return { violations: [`unknown vehicle ${v}`], cost: 0, distance: 0, durationS: 0 };
  const type = problem.vehicleTypes[vehicle.type]!;
  const travel = problem.travel;
  const dims = problem.dimensions;
  const violations: string[] = [];
  const busy = trips.filter((t) => t.length > 0);
  if (busy.length !== trips.length) violations.push('empty trip');
  if (busy.length === 0) return { violations, cost: 0, distance: 0, durationS: 0 };
  if (busy.length > vehicle.maxTrips) violations.push(`${busy.length} trips > maxTrips ${vehicle.maxTrips}`);

  let ready = vehicle.shiftStartS;
  let distance = 0;
  let firstDeparture = 0;
  let lastReturn = 0;
  busy.forEach((trip, k) => {
    const tag = `trip ${k}`;
    for (const j of trip) {
      const allowed = problem.jobs[j]!.allowedVehicleTypes;
      if (allowed !== undefined && !allowed.includes(vehicle.type))
        violations.push(`${tag}: job ${j} type not allowed`);
    }
    const earliest = driveTrip(problem, v, trip, ready);
    if (earliest.missed !== undefined) violations.push(`${tag}: job ${earliest.missed} misses every window`);
    const departure = latestDeparture(problem, v, trip, ready, earliest.returnS);
    if (k === 0) firstDeparture = departure;
    if (earliest.returnS > vehicle.shiftEndS + EPS)
      violations.push(`${tag}: returns ${earliest.returnS} after shift end ${vehicle.shiftEndS}`);
    if (type.maxTripDurationS !== undefined && earliest.returnS - departure > type.maxTripDurationS + EPS)
      violations.push(`${tag}: lasts ${earliest.returnS - departure} > ${type.maxTripDurationS}`);

    // Loads and energy along the trip: every delivery aboard at the depot, then -delivery +pickup.
    const load = new Array<number>(dims).fill(0);
    for (const j of trip) for (let d = 0; d < dims; d++) load[d]! += problem.jobs[j]!.delivery[d] ?? 0;
    let energy = 0;
    let at = vehicle.depot;
    const stops = [...trip.map((j) => problem.jobs[j]!.location), vehicle.depot];
    stops.forEach((to, i) => {
      for (let d = 0; d < dims; d++)
        if (load[d]! > (type.capacity[d] ?? 0) + 1e-9)
          violations.push(`${tag}: load[${d}] ${load[d]} over capacity`);
      const arc = travel.distance(at, to);
      distance += arc;
      if (type.energy !== undefined) energy += type.energy.arcKWh(arc, load[0] ?? 0);
      const j = trip[i];
      if (j !== undefined)
        for (let d = 0; d < dims; d++)
          load[d] = load[d]! - (problem.jobs[j]!.delivery[d] ?? 0) + (problem.jobs[j]!.pickup[d] ?? 0);
      at = to;
    });
    const range = type.energy?.rangeKWh;
    if (range !== undefined && energy > range + 1e-9)
      violations.push(`${tag}: energy ${energy} > range ${range}`);

    lastReturn = earliest.returnS;
    ready = Math.max(earliest.returnS, vehicle.shiftStartS) + vehicle.reloadS;
  });
  const durationS = lastReturn - firstDeparture;
  const cost = type.fixedCost + type.costPerMetre * distance + type.costPerSecond * durationS;
  return { violations, cost, distance, durationS };
}

/** Earliest-start forward simulation of one trip leaving the depot at `departS`. */
function driveTrip(
  problem: RoutingProblem,
  v: number,
  trip: readonly number[],
  departS: number,
): { returnS: number; missed?: number } {
  const vehicle = problem.vehicles[v]!;
  const profile = problem.vehicleTypes[vehicle.type]!.profile;
  let t = departS;
  let at = vehicle.depot;
  let missed: number | undefined;
  for (const j of trip) {
    const job = problem.jobs[j]!;
    t += driveAt(problem, at, job.location, profile, t);
    if (job.windows.length > 0) {
      const w = job.windows.find(([, close]) => t <= close + EPS);
      if (w === undefined) missed ??= j;
      else t = Math.max(t, w[0]);
    }
    t += job.serviceS;
    at = job.location;
  }
  t += driveAt(problem, at, vehicle.depot, profile, t);
  return missed === undefined ? { returnS: t } : { returnS: t, missed };
}

/** Latest departure in [readyS, returnS] whose forward simulation still returns by `returnS` (bisection). */
function latestDeparture(
  problem: RoutingProblem,
  v: number,
  trip: readonly number[],
  readyS: number,
  returnS: number,
): number {
  const onTime = (dep: number): boolean => {
    const r = driveTrip(problem, v, trip, dep);
    return r.missed === undefined && r.returnS <= returnS + 1e-9;
  };
  if (!onTime(readyS)) return readyS;
  let lo = readyS;
  let hi = returnS;
  for (let i = 0; i < 80 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    if (onTime(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Sum of the oracle's costs over the given vehicles' days. */
export function oracleCost(
  problem: RoutingProblem,
  days: readonly { readonly v: number; readonly trips: readonly (readonly number[])[] }[],
): number {
  return days.reduce((s, d) => s + dayOracle(problem, d.v, d.trips).cost, 0);
}
