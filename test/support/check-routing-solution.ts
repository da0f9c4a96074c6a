import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { RoutingSolution } from '../../src/domain/routing-solution.ts';
import { driveAt } from './timed-drive.ts';

/** Tolerance for floating-point time, distance, load and energy comparisons. */
const EPS = 1e-6;

/**
 * Independent feasibility check of a RoutingSolution against its problem (shares no code with the
 * solver): every schedule (driving times at the hour when the travel model has speed factors), load per dimension, window, shift, trip duration, range, allowed type, the
 * reported distances and cost, and that each job appears exactly once. Returns the violations found.
 */
export function checkRoutingSolution(problem: RoutingProblem, solution: RoutingSolution): string[] {
  const out: string[] = [];
  const seen = new Array<number>(problem.jobs.length).fill(0);
  const note = (job: number, where: string): void => {
    if (job < 0 || job >= problem.jobs.length || !Number.isInteger(job))
      out.push(`${where}: unknown job ${job}`);
    else seen[job]!++;
  };
  for (const u of solution.unassigned) note(u.job, 'unassigned');
  const usedVehicles = new Set<number>();
  let cost = 0;
  for (const route of solution.routes) {
    const v = route.vehicle;
    const vehicle = problem.vehicles[v];
    if (vehicle === undefined) {
      out.push(`route: unknown vehicle ${v}`);
      continue;
    }
    if (usedVehicles.has(v)) out.push(`vehicle ${v}: appears in two routes`);
    usedVehicles.add(v);
    for (const trip of route.trips) for (const visit of trip.visits) note(visit.job, `vehicle ${v}`);
    cost += checkRoute(problem, route, out);
  }
  seen.forEach((count, job) => {
    if (count !== 1) out.push(`job ${job}: appears ${count} times (routes + unassigned)`);
  });
  if (Math.abs(cost - solution.cost) > EPS * Math.max(1, Math.abs(cost)))
    out.push(`cost ${solution.cost} != recomputed ${cost}`);
  return out;
}

/** Checks one vehicle's day and returns its recomputed cost. */
function checkRoute(
  problem: RoutingProblem,
  route: RoutingSolution['routes'][number],
  out: string[],
): number {
  const v = route.vehicle;
  const vehicle = problem.vehicles[v]!;
  const type = problem.vehicleTypes[vehicle.type]!;
  const travel = problem.travel;
  const near = (a: number, b: number): boolean =>
    Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
  const tag = (k: number): string => `vehicle ${v} trip ${k}`;
  if (route.trips.length === 0) out.push(`vehicle ${v}: route without trips`);
  if (route.trips.length > vehicle.maxTrips)
    out.push(`vehicle ${v}: ${route.trips.length} trips > maxTrips ${vehicle.maxTrips}`);
  let distance = 0;
  let readyAt = vehicle.shiftStartS;
  route.trips.forEach((trip, k) => {
    if (trip.visits.length === 0) out.push(`${tag(k)}: empty trip`);
    if (trip.departureS < readyAt - EPS) out.push(`${tag(k)}: departs ${trip.departureS} before ${readyAt}`);
    const load = problem.jobs[0] === undefined ? [] : new Array<number>(problem.dimensions).fill(0);
    for (const visit of trip.visits) {
      const job = problem.jobs[visit.job];
      if (job === undefined) return;
      for (let d = 0; d < problem.dimensions; d++) load[d]! += job.delivery[d] ?? 0;
    }
    for (let d = 0; d < problem.dimensions; d++)
      if (!near(load[d]!, trip.loadStart[d] ?? NaN))
        out.push(`${tag(k)}: loadStart[${d}] ${trip.loadStart[d]} != ${load[d]}`);
    const overCapacity = (where: string): void => {
      for (let d = 0; d < problem.dimensions; d++)
        if (load[d]! > (type.capacity[d] ?? 0) + EPS)
          out.push(`${where}: load[${d}] ${load[d]} > capacity ${type.capacity[d]}`);
    };
    overCapacity(`${tag(k)} at depot`);
    let at = vehicle.depot;
    let t = trip.departureS;
    let tripDistance = 0;
    let energy = 0;
    for (const visit of trip.visits) {
      const job = problem.jobs[visit.job];
      if (job === undefined) return;
      const where = `${tag(k)} job ${visit.job}`;
      if (job.allowedVehicleTypes !== undefined && !job.allowedVehicleTypes.includes(vehicle.type))
        out.push(`${where}: vehicle type ${vehicle.type} not allowed`);
      const arc = travel.distance(at, job.location);
      tripDistance += arc;
      if (type.energy) energy += type.energy.arcKWh(arc, load[0] ?? 0);
      const arrival = t + driveAt(problem, at, job.location, type.profile, t);
      if (!near(arrival, visit.arrivalS)) out.push(`${where}: arrival ${visit.arrivalS} != ${arrival}`);
      if (visit.startS < visit.arrivalS - EPS)
        out.push(`${where}: starts ${visit.startS} before arrival ${visit.arrivalS}`);
      if (
        job.windows.length > 0 &&
        !job.windows.some(([o, c]) => visit.startS >= o - EPS && visit.startS <= c + EPS)
      )
        out.push(`${where}: start ${visit.startS} outside every window`);
      if (!near(visit.departureS, visit.startS + job.serviceS))
        out.push(`${where}: departure ${visit.departureS} != start + service`);
      for (let d = 0; d < problem.dimensions; d++)
        load[d] = load[d]! - (job.delivery[d] ?? 0) + (job.pickup[d] ?? 0);
      for (let d = 0; d < problem.dimensions; d++)
        if (!near(load[d]!, visit.loadAfter[d] ?? NaN))
          out.push(`${where}: loadAfter[${d}] ${visit.loadAfter[d]} != ${load[d]}`);
      overCapacity(where);
      t = visit.departureS;
      at = job.location;
    }
    const arc = travel.distance(at, vehicle.depot);
    tripDistance += arc;
    if (type.energy) energy += type.energy.arcKWh(arc, load[0] ?? 0);
    const back = t + driveAt(problem, at, vehicle.depot, type.profile, t);
    if (!near(back, trip.returnS)) out.push(`${tag(k)}: return ${trip.returnS} != ${back}`);
    if (trip.returnS > vehicle.shiftEndS + EPS)
      out.push(`${tag(k)}: returns ${trip.returnS} after shift end ${vehicle.shiftEndS}`);
    if (type.maxTripDurationS !== undefined && trip.returnS - trip.departureS > type.maxTripDurationS + EPS)
      out.push(`${tag(k)}: lasts ${trip.returnS - trip.departureS} > ${type.maxTripDurationS}`);
    if (type.energy?.rangeKWh !== undefined && energy > type.energy.rangeKWh + EPS)
      out.push(`${tag(k)}: energy ${energy} > range ${type.energy.rangeKWh}`);
    if (!near(tripDistance, trip.distance))
      out.push(`${tag(k)}: distance ${trip.distance} != ${tripDistance}`);
    distance += tripDistance;
    readyAt = trip.returnS + vehicle.reloadS;
  });
  const first = route.trips[0];
  const last = route.trips[route.trips.length - 1];
  if (first === undefined || last === undefined) return 0;
  return (
    type.fixedCost + type.costPerMetre * distance + type.costPerSecond * (last.returnS - first.departureS)
  );
}
