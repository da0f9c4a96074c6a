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
  /**
   * Time-dependent travel (speed profiles by time of day); absent = `duration` holds at every hour. When
   * present, `duration` is the free-running time (speed factor 1) and these give the time at an hour.
   */
  readonly timed?: TimedTravel | undefined;
}

/**
 * A day's speed factors for one arc: factor `factors[k]` applies from `startsS[k]` (seconds since midnight)
 * to the next start (the last one to midnight); `startsS[0]` is 0, and the pattern repeats every day.
 */
export interface DaySpeedFactors {
  readonly startsS: readonly Seconds[];
  readonly factors: readonly number[];
}

/**
 * Driving times that depend on the time of day and are FIFO (leaving later never arrives earlier), as
 * in Ichoua, Gendreau and Potvin (2003): the arc's free-running time is driven at the speed factor in
 * force, period by period. Times are seconds since midnight of the plan's day (negative = the day before).
 */
export interface TimedTravel {
  /** Driving time from `from` to `to` when leaving at `departS`. */
  leaving(from: number, to: number, profile: number, departS: Seconds): Seconds;
  /** Driving time of the latest departure from `from` that reaches `to` at `arriveS`. */
  arriving(from: number, to: number, profile: number, arriveS: Seconds): Seconds;
  /** The factors the arc is driven at (for independent checks); undefined = factor 1 all day. */
  factorsOf(from: number, to: number, profile: number): DaySpeedFactors | undefined;
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
