import type { City } from '../domain/city.ts';
import type { RoutingJob, RoutingProblem, RoutingVehicle } from '../domain/routing-problem.ts';
import type { JobAccess } from './access.ts';
import type { Bundle } from './bundle.ts';
import { routingVehicleTypes } from './routing-types.ts';

/** A routing problem over bundles, plus the map back from solver jobs to bundles. */
export interface BundleProblem {
  readonly problem: RoutingProblem;
  readonly bundles: readonly Bundle[];
  /** Per job, why no vehicle may serve it when access rules bar every one (else undefined). */
  readonly accessNotes: readonly (string | undefined)[];
}

/**
 * Builds the solver's problem for some bundles and vehicles on the city's shared travel model.
 * `access(bundle)` gives the vehicle types that may serve it (undefined for any) and its service start windows,
 * narrowed by access rules (see access.ts); by default every type, in the bundle's windows.
 */
export function buildBundleProblem(
  city: City,
  bundles: readonly Bundle[],
  vehicles: readonly RoutingVehicle[],
  access: (b: Bundle) => JobAccess = (b) => ({ windows: b.windows }),
): BundleProblem {
  const accesses = bundles.map(access);
  const jobs: RoutingJob[] = bundles.map((b, i) => {
    const a = accesses[i] as JobAccess;
    return {
      location: (city.receivers[b.receiver] as { location: number }).location,
      delivery: b.delivery,
      pickup: b.pickup,
      serviceS: b.serviceS,
      windows: a.windows,
      allowedVehicleTypes: a.allowedVehicleTypes,
    };
  });
  return {
    problem: { dimensions: 3, travel: city.travel, jobs, vehicleTypes: routingVehicleTypes(city), vehicles },
    bundles,
    accessNotes: accesses.map((a) => a.note),
  };
}
