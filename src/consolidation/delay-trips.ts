import type { RoutingProblem, RoutingVehicle } from '../domain/routing-problem.ts';
import type { RoutingSolution, ScheduledTrip } from '../domain/routing-solution.ts';
import type { Seconds } from '../domain/units.ts';

/**
 * The same trips, each as late as it can go: a whole trip moves later (its waits kept) while every visit still
 * starts inside its window, it is back before the vehicle's next trip (less the reload time) or its shift's end.
 * The solver starts trips as early as it can; a feeder that leaves its platform late leaves the first echelon,
 * which must be in before it leaves, the most time. With time-dependent travel a trip cannot move whole (its
 * driving times change with the hour): it is timed again from the latest departure that keeps every visit in
 * its window and the return in time.
 */
export function delayTrips(problem: RoutingProblem, solution: RoutingSolution): RoutingSolution {
  return {
    ...solution,
    routes: solution.routes.map((route) => {
      const vehicle = problem.vehicles[route.vehicle];
      if (!vehicle) return route;
      const trips = [...route.trips];
      let latestReturn = vehicle.shiftEndS;
      for (let k = trips.length - 1; k >= 0; k--) {
        const trip = trips[k] as ScheduledTrip;
        let slack = latestReturn - trip.returnS;
        for (const v of trip.visits) {
          const window = problem.jobs[v.job]?.windows.find(
            ([open, close]) => v.startS >= open && v.startS <= close,
          );
          slack = Math.min(slack, (window?.[1] ?? v.startS) - v.startS);
        }
        const moved = problem.travel.timed
          ? retimed(problem, vehicle, trip, latestReturn)
          : shift(trip, Math.max(0, slack));
        trips[k] = moved;
        latestReturn = moved.departureS - vehicle.reloadS;
      }
      return { ...route, trips };
    }),
  };
}

function shift(trip: ScheduledTrip, byS: Seconds): ScheduledTrip {
  if (byS === 0) return trip;
  return {
    ...trip,
    departureS: trip.departureS + byS,
    returnS: trip.returnS + byS,
    visits: trip.visits.map((v) => ({
      ...v,
      arrivalS: v.arrivalS + byS,
      startS: v.startS + byS,
      departureS: v.departureS + byS,
    })),
  };
}

/**
 * The trip from its latest departure: backwards from `latestReturn`, each visit at the latest start its window
 * and the drive on allow (exact with FIFO driving times), then forwards from that departure (no later than
 * those bounds, so every visit stays in its window).
 */
function retimed(
  problem: RoutingProblem,
  vehicle: RoutingVehicle,
  trip: ScheduledTrip,
  latestReturn: Seconds,
): ScheduledTrip {
  const timed = problem.travel.timed!;
  const profile = problem.vehicleTypes[vehicle.type]?.profile ?? 0;
  const jobs = trip.visits.map((v) => problem.jobs[v.job]!);
  const windowOf = (k: number): readonly [number, number] | undefined => {
    const start = trip.visits[k]!.startS;
    return jobs[k]!.windows.find(([open, close]) => start >= open && start <= close);
  };
  let lt = latestReturn;
  let at = vehicle.depot;
  for (let k = jobs.length - 1; k >= 0; k--) {
    const job = jobs[k]!;
    const leave = lt - timed.arriving(job.location, at, profile, lt);
    lt = Math.min(leave - job.serviceS, windowOf(k)?.[1] ?? Infinity);
    at = job.location;
  }
  const departureS = Math.max(trip.departureS, lt - timed.arriving(vehicle.depot, at, profile, lt));
  if (departureS === trip.departureS) return trip;
  let t = departureS;
  at = vehicle.depot;
  const visits = trip.visits.map((v, k) => {
    const job = jobs[k]!;
    const arrivalS = t + timed.leaving(at, job.location, profile, t);
    const startS = Math.max(arrivalS, windowOf(k)?.[0] ?? arrivalS);
    t = startS + job.serviceS;
    at = job.location;
    return { ...v, arrivalS, startS, departureS: t };
  });
  const returnS = t + timed.leaving(at, vehicle.depot, profile, t);
  return { ...trip, departureS, returnS, visits };
}
