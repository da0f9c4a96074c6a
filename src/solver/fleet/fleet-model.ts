import { vehicleClasses } from '../model/classify.ts';
import type { Instance } from '../model/instance.ts';
import { granularLists } from './granular.ts';
import { SEG } from './time-warp.ts';

/** Above this many jobs the dense travel-time matrix (8 (n+1)^2 bytes) is not built: 2,500 jobs = 50 MB. */
export const MAX_JOBS = 2500;

/**
 * The problem as route elimination sees it: node 0 is the depot, node j + 1 is job j. One class of
 * interchangeable single-trip vehicles, so any prefix of one route joins any suffix of another, and each
 * load dimension only delivers or only picks up, so a route's peak load is its total.
 */
export interface FleetModel {
  readonly n: number;
  readonly dims: number;
  /** Time-warp segment of each node alone (see time-warp.ts); node 0 is the depot with the shift. */
  readonly nodeSeg: Float64Array;
  /** Load of node k in dimension d at `k * dims + d` (delivery + pickup; one of them is 0). */
  readonly load: Float64Array;
  readonly capacity: Float64Array;
  /** Driving time from node a to node b at `a * (n + 1) + b`. */
  readonly time: Float64Array;
  /** Cost of the arc from node a to node b (type's cost per metre and per second of driving), same layout. */
  readonly cost: Float64Array;
  /** Nearest nodes of each job node (node ids), nearest first; index 0 unused. */
  readonly near: readonly Int32Array[];
  /** Closest nodes of each job node by time-window-aware proximity (granular.ts), closest first; index 0 unused. */
  readonly granular: readonly Int32Array[];
}

/** Why route elimination does not apply to an instance, or undefined when it does. */
export function unsupportedReason(inst: Instance): string | undefined {
  if (inst.n === 0) return 'no jobs';
  if (inst.n > MAX_JOBS) return `more than ${MAX_JOBS} jobs`;
  // its time-warp segments concatenate static driving times
  if (inst.timed !== undefined) return 'time-dependent travel times';
  if (vehicleClasses(inst).length !== 1) return 'vehicles differ (type, depot, shift, trips)';
  const vehicle = inst.vehicles[0]!;
  if (vehicle.maxTrips !== 1) return 'vehicles make several trips (or none)';
  const type = inst.types[vehicle.type]!;
  if (type.maxTripDurationS !== undefined || type.energy?.rangeKWh !== undefined)
    return 'trip duration or energy range limits';
  for (let j = 0; j < inst.n; j++)
    if (inst.winOff[j + 1]! - inst.winOff[j]! > 1) return 'a job has several windows';
  for (let d = 0; d < inst.dims; d++) {
    let del = false;
    let pick = false;
    for (let j = 0; j < inst.n; j++) {
      if (inst.del[j * inst.dims + d]! > 0) del = true;
      if (inst.pick[j * inst.dims + d]! > 0) pick = true;
    }
    if (del && pick) return 'deliveries and pickups in one load dimension';
  }
  return undefined;
}

/** The model's loads and capacity alone: what the load lower bound needs, without the travel matrices. */
export type FleetLoads = Pick<FleetModel, 'n' | 'dims' | 'load' | 'capacity'>;

/** The loads and capacity of the model buildFleetModel builds; call only when unsupportedReason(inst) is undefined. */
export function fleetLoads(inst: Instance): FleetLoads {
  const { n, dims } = inst;
  const type = inst.types[inst.vehicles[0]!.type]!;
  const load = new Float64Array((n + 1) * dims);
  for (let j = 0; j < n; j++)
    for (let d = 0; d < dims; d++)
      load[(j + 1) * dims + d] = inst.del[j * dims + d]! + inst.pick[j * dims + d]!;
  const capacity = Float64Array.from({ length: dims }, (_, d) => type.capacity[d] ?? 0);
  return { n, dims, load, capacity };
}

/** Builds the model; call only when unsupportedReason(inst) is undefined. */
export function buildFleetModel(inst: Instance, neighbours: readonly Int32Array[]): FleetModel {
  const { n, dims, load, capacity } = fleetLoads(inst);
  const vehicle = inst.vehicles[0]!;
  const type = inst.types[vehicle.type]!;
  const nodeSeg = new Float64Array(SEG * (n + 1));
  nodeSeg.set([0, 0, vehicle.shiftStartS, vehicle.shiftEndS], 0);
  for (let j = 0; j < n; j++) {
    const w = inst.winOff[j]!;
    const windowed = inst.winOff[j + 1]! > w;
    nodeSeg[SEG * (j + 1)] = inst.jobSvc[j]!;
    nodeSeg[SEG * (j + 1) + 2] = windowed ? inst.winOpen[w]! : vehicle.shiftStartS;
    nodeSeg[SEG * (j + 1) + 3] = windowed ? inst.winClose[w]! : vehicle.shiftEndS;
  }
  const locs = [vehicle.depot, ...inst.jobLoc];
  const time = new Float64Array((n + 1) * (n + 1));
  const cost = new Float64Array((n + 1) * (n + 1));
  const travel = inst.problem.travel;
  for (let a = 0; a <= n; a++)
    for (let b = 0; b <= n; b++) {
      if (a === b) continue;
      const t = travel.duration(locs[a]!, locs[b]!, type.profile);
      time[a * (n + 1) + b] = t;
      cost[a * (n + 1) + b] =
        type.costPerMetre * travel.distance(locs[a]!, locs[b]!) + type.costPerSecond * t;
    }
  const near = [new Int32Array(0), ...neighbours.map((l) => l.map((j) => j + 1))];
  return {
    n,
    dims,
    nodeSeg,
    load,
    capacity,
    time,
    cost,
    near,
    granular: granularLists({ n, nodeSeg, time, cost }),
  };
}
