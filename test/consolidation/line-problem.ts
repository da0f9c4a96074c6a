import type { RoutingJob, RoutingProblem, RoutingVehicle } from '../../src/domain/routing-problem.ts';
import { euclidean, vehicleType } from '../solver/fixtures.ts';

/**
 * A depot at x = 0 and stops at x = 100 and 200 m on a line, 1 m/s (100 s a hop), one dimension, one vehicle
 * type: small enough to time every trip by hand.
 */
export function lineProblem(
  vehicle: Omit<RoutingVehicle, 'type' | 'depot'>,
  jobs: RoutingJob[],
): RoutingProblem {
  return {
    dimensions: 1,
    travel: euclidean([
      [0, 0],
      [100, 0],
      [200, 0],
    ]),
    vehicleTypes: [vehicleType()],
    vehicles: [{ type: 0, depot: 0, ...vehicle }],
    jobs,
  };
}
