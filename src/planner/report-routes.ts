import type { PlanRoute } from '../contracts/index.ts';
import type { Bundle } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution, ScheduledTrip } from '../domain/routing-solution.ts';
import { METRES_PER_KM, secondsToClock } from '../domain/units.ts';
import { arcEnergyKWh, co2eKg } from '../energy/index.ts';
import { InternalError } from '../domain/errors.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const size = (v: readonly number[]) => ({
  kg: round(v[0] ?? 0),
  m3: round(v[1] ?? 0),
  units: round(v[2] ?? 0),
});

/**
 * Turns a solver solution into wire routes, one per trip, with energy recomputed arc by arc from the
 * payload on board (load-dependent consumption) and CO2e from the type's well-to-wheel factor.
 */
export function reportRoutes(
  city: City,
  problem: RoutingProblem,
  bundles: readonly Bundle[],
  solution: RoutingSolution,
  startId: string,
  vehicleLabel: string = startId,
): PlanRoute[] {
  return solution.routes.flatMap((route) => {
    const vehicle = problem.vehicles[route.vehicle];
    const type = vehicle && city.vehicleTypes[vehicle.type];
    if (!vehicle || !type)
      throw new InternalError(
        'BROKEN_INVARIANT',
        `route of vehicle index ${route.vehicle}, which the problem does not have`,
      );
    const vehicleId = `${vehicleLabel}/${type.id}#${route.vehicle + 1}`;
    return route.trips.map((trip, t) => {
      const energy = tripEnergyKWh(city, problem, vehicle.depot, vehicle.type, trip);
      return {
        id: `${vehicleId}/trip${t + 1}`,
        vehicleType: type.id,
        start: startId,
        vehicle: vehicleId,
        trip: t + 1,
        departure: secondsToClock(trip.departureS),
        returnAt: secondsToClock(trip.returnS),
        departureSec: round(trip.departureS),
        returnSec: round(trip.returnS),
        distanceKm: round(trip.distance / METRES_PER_KM),
        durationMin: round((trip.returnS - trip.departureS) / 60, 1),
        energyKWh: round(energy),
        co2eKg: round(co2eKg(type.energy, energy)),
        loadStart: size(trip.loadStart),
        stops: trip.visits.map((v) => {
          const bundle = bundles[v.job] as Bundle;
          const receiver = city.receivers[bundle.receiver] as { id: string; location: number };
          const wait = v.startS - v.arrivalS;
          return {
            receiverId: receiver.id,
            orderIds: bundle.orders.map((o) => (city.orders[o] as { id: string }).id),
            location: city.locations[receiver.location] as [number, number],
            arrival: secondsToClock(v.startS),
            departure: secondsToClock(v.departureS),
            arrivalSec: round(v.startS),
            departureSec: round(v.departureS),
            ...(wait > 0 ? { waitMin: round(wait / 60, 1) } : {}),
            loadAfter: size(v.loadAfter),
          };
        }),
      };
    });
  });
}

/** Energy of one trip: each arc at the payload carried on it, back to the depot included. */
function tripEnergyKWh(
  city: City,
  problem: RoutingProblem,
  depot: number,
  typeIndex: number,
  trip: ScheduledTrip,
): number {
  const type = city.vehicleTypes[typeIndex];
  if (!type) return 0;
  let at = depot;
  let payloadKg = trip.loadStart[0] ?? 0;
  let kWh = 0;
  for (const visit of trip.visits) {
    const next = (problem.jobs[visit.job] as { location: number }).location;
    kWh += arcEnergyKWh(
      type.energy,
      city.travel.distance(at, next) / METRES_PER_KM,
      payloadKg,
      type.capacity[0],
    );
    at = next;
    payloadKg = visit.loadAfter[0] ?? 0;
  }
  return (
    kWh +
    arcEnergyKWh(type.energy, city.travel.distance(at, depot) / METRES_PER_KM, payloadKg, type.capacity[0])
  );
}
