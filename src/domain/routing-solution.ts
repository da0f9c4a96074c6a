import type { Metres, Seconds } from './units.ts';

export type UnassignedReason =
  | 'too-big-for-every-vehicle'
  | 'no-vehicle-allowed'
  | 'window-unreachable'
  | 'range-exceeded'
  | 'fleet-exhausted'
  /** Consolidation only: every hub that could take the order is full (its daily handling capacity). */
  | 'hub-capacity'
  /** Consolidation only: no hub that may serve the receiver is open (the facility model found none worth it). */
  | 'hub-closed';

export interface ScheduledVisit {
  readonly job: number;
  /** Arrival at the location. */
  readonly arrivalS: Seconds;
  /** Start of service, >= arrival (the difference is waiting), inside one of the job's windows. */
  readonly startS: Seconds;
  readonly departureS: Seconds;
  /** Load on board after service, per dimension. */
  readonly loadAfter: readonly number[];
}

export interface ScheduledTrip {
  readonly departureS: Seconds;
  readonly returnS: Seconds;
  readonly distance: Metres;
  /** Load when leaving the depot (all the trip's deliveries). */
  readonly loadStart: readonly number[];
  readonly visits: readonly ScheduledVisit[];
}

export interface SolvedRoute {
  readonly vehicle: number;
  /** Non-empty trips in time order. */
  readonly trips: readonly ScheduledTrip[];
}

export interface RoutingSolution {
  readonly routes: readonly SolvedRoute[];
  readonly unassigned: readonly { readonly job: number; readonly reason: UnassignedReason }[];
  /** Objective value: fixed + distance + duration costs. */
  readonly cost: number;
  /** `timeCapped`: the wall-clock limit ended the search before its iteration budget (the result then depends on the machine). */
  readonly stats: { readonly iterations: number; readonly elapsedMs: number; readonly timeCapped: boolean };
}
