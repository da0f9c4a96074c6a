import type { City } from '../domain/city.ts';
import type { RoutingJob, RoutingProblem, RoutingVehicle } from '../domain/routing-problem.ts';
import type { Bundle } from './bundle.ts';
import { routingVehicleTypes } from './routing-types.ts';

/** A routing problem over bundles, plus the map back from solver jobs to bundles. */
export interface BundleProblem {
  readonly problem: RoutingProblem;
  readonly bundles: readonly Bundle[];
}

/**
 * Builds the solver's problem for some bundles and vehicles on the city's shared travel model.
 * `allowedTypes(bundle)` returns the vehicle type indices that may serve it, or undefined for any.
 */
export function buildBundleProblem(
  city: City,
  bundles: readonly Bundle[],
  vehicles: readonly RoutingVehicle[],
  allowedTypes: (b: Bundle) => readonly number[] | undefined = () => undefined,
): BundleProblem {
  const jobs: RoutingJob[] = bundles.map((b) => ({
    location: (city.receivers[b.receiver] as { location: number }).location,
    delivery: b.delivery,
    pickup: b.pickup,
    serviceS: b.serviceS,
    windows: b.windows,
    allowedVehicleTypes: allowedTypes(b),
  }));
  return {
    problem: { dimensions: 3, travel: city.travel, jobs, vehicleTypes: routingVehicleTypes(city), vehicles },
    bundles,
  };
}
