import type {
  RoutingJob,
  RoutingProblem,
  RoutingVehicle,
  RoutingVehicleType,
} from '../../domain/routing-problem.ts';
import { EuclideanTravel } from '../../geo/euclidean-travel.ts';
import type { BenchmarkInstance } from './benchmark-instance.ts';

/** A benchmark instance as the solver sees it, with the way back to the file's customer numbers. */
export interface BenchmarkProblem {
  readonly problem: RoutingProblem;
  /** `customerOfJob[j]` = the file's number of the customer behind job `j`. */
  readonly customerOfJob: readonly number[];
  readonly travel: EuclideanTravel;
}

/**
 * Location `i` = `instance.nodes[i]` (depot 0), job `j` = node `j + 1`; one load dimension; the file's fleet
 * as identical single-trip vehicles whose shift is the depot's window; cost = distance (1 per unit).
 */
export function toRoutingProblem(instance: BenchmarkInstance): BenchmarkProblem {
  const travel = new EuclideanTravel(
    instance.nodes.map((n) => [n.x, n.y] as const),
    instance.rounding,
  );
  const depot = instance.nodes[0];
  if (depot === undefined) throw new Error(`${instance.name}: no depot`);
  const jobs: RoutingJob[] = instance.nodes.slice(1).map((n, j) => ({
    location: j + 1,
    delivery: [n.demand],
    pickup: [0],
    serviceS: n.service,
    windows: [[n.ready, n.due]],
  }));
  const vehicleType: RoutingVehicleType = {
    capacity: [instance.capacity],
    fixedCost: 0,
    costPerMetre: 1,
    costPerSecond: 0,
    profile: 0,
  };
  const vehicle: RoutingVehicle = {
    type: 0,
    depot: 0,
    shiftStartS: depot.ready,
    shiftEndS: depot.due,
    maxTrips: 1,
    reloadS: 0,
  };
  const problem: RoutingProblem = {
    dimensions: 1,
    travel,
    jobs,
    vehicleTypes: [vehicleType],
    vehicles: Array.from({ length: instance.fleetSize }, () => vehicle),
  };
  return { problem, customerOfJob: instance.nodes.slice(1).map((n) => n.id), travel };
}
