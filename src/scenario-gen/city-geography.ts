import type { LonLat } from '../contracts/primitives.ts';
import type { CarrierTemplate } from './carrier-catalogue.ts';

/** A street cluster receivers are scattered around. */
export interface StreetCluster {
  readonly id: string;
  readonly centre: LonLat;
  /** Typical distance of a receiver from the centre, metres (the Gaussian's standard deviation). */
  readonly spreadM: number;
  /** Relative share of receivers placed here. */
  readonly weight: number;
  /** Pedestrian street where only cargo bikes may deliver during the day. */
  readonly pedestrian: boolean;
  /** Street names used to label receivers. */
  readonly streets: readonly string[];
}

/** A circle no receiver may fall in (park, water, rail yard). */
export interface ExclusionZone {
  readonly name: string;
  readonly centre: LonLat;
  readonly radiusM: number;
}

/** A depot site in the metropolitan ring. */
export interface DepotSite {
  readonly town: string;
  readonly location: LonLat;
}

/** A candidate consolidation hub with its dock hours. */
export interface HubSite {
  readonly id: string;
  readonly name: string;
  readonly location: LonLat;
  readonly open: string;
  readonly close: string;
}

/** Everything the generator needs to know about one city. */
export interface CityGeography {
  /** Name in the scenario's title. */
  readonly label: string;
  /** Candidate hubs; each gets a pooled fleet sized for the whole day, and the facility model picks. */
  readonly hubs: readonly HubSite[];
  /** The served centre: one or more polygons (a river may split it); a receiver lies inside one of them. */
  readonly areas: readonly (readonly LonLat[])[];
  readonly exclusions: readonly ExclusionZone[];
  readonly clusters: readonly StreetCluster[];
  /** Carriers in the order they are added to a scenario (see cityCarriers). */
  readonly carriers: readonly CarrierTemplate[];
  /** Depots further agencies of the same firms rotate over, for days of many carriers. */
  readonly depots: readonly DepotSite[];
}
