import type {
  RoutingSolution,
  ScheduledTrip,
  ScheduledVisit,
  SolvedRoute,
  UnassignedReason,
} from '../../domain/routing-solution.ts';
import { scheduleDay } from '../evaluation/day-schedule.ts';
import { driveS } from '../model/drive.ts';
import { DEPOT, type Instance } from '../model/instance.ts';
import type { Solution } from '../search/solution.ts';

/**
 * Turns the working solution into the domain RoutingSolution: each trip leaves at its late departure
 * (no avoidable waiting before the first stop) and is timed forward from there.
 */
export function toRoutingSolution(
  inst: Instance,
  sol: Solution,
  unservable: readonly { job: number; reason: UnassignedReason }[],
  stats: RoutingSolution['stats'],
): RoutingSolution {
  const routes: SolvedRoute[] = [];
  let cost = 0;
  for (const r of sol.routes) {
    if (r.jobs === 0) continue;
    cost += r.cost;
    routes.push({ vehicle: r.v, trips: scheduleTrips(inst, r.v, r.nodes) });
  }
  const unassigned = [
    ...unservable,
    ...sol.unassigned.map((job) => ({ job, reason: 'fleet-exhausted' as const })),
  ];
  unassigned.sort((a, b) => a.job - b.job);
  return { routes, unassigned, cost, stats };
}

function scheduleTrips(inst: Instance, v: number, nodes: readonly number[]): ScheduledTrip[] {
  const plan = scheduleDay(inst, v, nodes);
  const vehicle = inst.vehicles[v]!;
  const type = inst.types[vehicle.type]!;
  const travel = inst.problem.travel;
  const dims = inst.dims;
  const trips: ScheduledTrip[] = [];
  let s = 0;
  while (s < nodes.length - 1) {
    let e = s + 1;
    while (nodes[e]! !== DEPOT) e++;
    const departureS = plan.tripDeparture[trips.length]!;
    const jobs = nodes.slice(s + 1, e);
    const load: number[] = new Array<number>(dims).fill(0);
    for (const j of jobs) for (let d = 0; d < dims; d++) load[d]! += inst.del[j * dims + d]!;
    const loadStart = load.slice();
    const visits: ScheduledVisit[] = [];
    let t = departureS;
    let at = vehicle.depot;
    let distance = 0;
    for (const j of jobs) {
      const loc = inst.jobLoc[j]!;
      distance += travel.distance(at, loc);
      const arrivalS = t + driveS(inst, at, loc, type.profile, t);
      const startS = inst.earliestStart(j, arrivalS);
      for (let d = 0; d < dims; d++) load[d] = load[d]! - inst.del[j * dims + d]! + inst.pick[j * dims + d]!;
      t = startS + inst.jobSvc[j]!;
      visits.push({ job: j, arrivalS, startS, departureS: t, loadAfter: load.slice() });
      at = loc;
    }
    distance += travel.distance(at, vehicle.depot);
    const returnS = t + driveS(inst, at, vehicle.depot, type.profile, t);
    trips.push({ departureS, returnS, distance, loadStart, visits });
    s = e;
  }
  return trips;
}
