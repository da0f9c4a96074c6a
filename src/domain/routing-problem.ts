import type { KWh, Metres, Seconds } from './units.ts';

/**
 * The routing problem the solver works on: index-based, immutable, free of carriers, hubs and wire types.
 * Built by consolidation/baseline code from a scenario, or by the benchmark readers from instance files.
 *
 * Load dimensions are positional (`capacity[d]`, `delivery[d]`); by convention dimension 0 is mass in kg
 * when the problem has an energy model, since energy depends on the mass carried.
 */
export interface RoutingProblem {
  /** Number of load dimensions (>= 1). */
  readonly dimensions: number;
  readonly travel: TravelModel;
  readonly jobs: readonly RoutingJob[];
  readonly vehicleTypes: readonly RoutingVehicleType[];
  readonly vehicles: readonly RoutingVehicle[];
}

/** Distances and durations between location indices. Implementations may compute on demand (10k+ stops). */
export interface TravelModel {
  readonly size: number;
  distance(from: number, to: number): Metres;
  /** Driving time for a vehicle type's speed profile. */
  duration(from: number, to: number, profile: number): Seconds;
  /**
   * Up to `k` nearest location indices to `from` (excluding itself), nearest first: used for
   * granular neighbourhoods so the solver never scans all n x n pairs.
   */
  nearest?(from: number, k: number): readonly number[];
}

/** A stop to visit once: a delivery (loaded at the start of the trip), a pickup (carried back), or both. */
export interface RoutingJob {
  /** Location index in the travel model. */
  readonly location: number;
  /** Amount delivered here, per dimension, loaded at the vehicle's start. */
  readonly delivery: readonly number[];
  /** Amount picked up here, per dimension, carried back to the start. */
  readonly pickup: readonly number[];
  readonly serviceS: Seconds;
  /** Allowed service start intervals [open, close] (seconds), sorted and disjoint; service must START inside one. */
  readonly windows: readonly (readonly [Seconds, Seconds])[];
  /** Vehicle type indices allowed to serve this job; undefined = every type. */
  readonly allowedVehicleTypes?: readonly number[] | undefined;
}

/**
 * Energy of one vehicle type, as an interface so the solver can check range without importing src/energy.
 * `arcKWh` must be non-decreasing in both arguments.
 */
export interface VehicleEnergyModel {
  arcKWh(distance: Metres, payloadKg: number): KWh;
  /** Usable battery (or tank) energy per trip; undefined = no range limit. */
  readonly rangeKWh?: KWh | undefined;
}

export interface RoutingVehicleType {
  readonly capacity: readonly number[];
  /** Cost units per vehicle used (fixed daily cost). */
  readonly fixedCost: number;
  /** Cost units per metre driven. */
  readonly costPerMetre: number;
  /** Cost units per second from leaving the depot to the final return. */
  readonly costPerSecond: number;
  /** Index passed to TravelModel.duration. */
  readonly profile: number;
  /** Longest trip (depot to depot) in seconds; undefined = only the shift limits it. */
  readonly maxTripDurationS?: Seconds | undefined;
  readonly energy?: VehicleEnergyModel | undefined;
}

export interface RoutingVehicle {
  readonly type: number;
  /** Location index of the depot where every trip starts and ends. */
  readonly depot: number;
  readonly shiftStartS: Seconds;
  readonly shiftEndS: Seconds;
  /** Trips (depot -> stops -> depot) the vehicle may do in its shift; 1 = single trip. */
  readonly maxTrips: number;
  /** Time at the depot between two trips (unload returns, reload, recharge top-up). */
  readonly reloadS: Seconds;
}
