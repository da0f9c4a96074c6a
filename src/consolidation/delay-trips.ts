import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution, ScheduledTrip } from '../domain/routing-solution.ts';
import type { Seconds } from '../domain/units.ts';

/**
 * The same trips, each as late as it can go: a whole trip moves later (its waits kept) while every visit still
 * starts inside its window, it is back before the vehicle's next trip (less the reload time) or its shift's end.
 * The solver starts trips as early as it can; a feeder that leaves its platform late leaves the first echelon,
 * which must be in before it leaves, the most time.
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
        const moved = shift(trip, Math.max(0, slack));
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
