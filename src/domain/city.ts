import type { LonLat } from './location.ts';
import type { TravelModel } from './routing-problem.ts';
import type { KWh, Seconds } from './units.ts';

/**
 * The normalised city day built once from a scenario: every entity by index, times in seconds since
 * midnight, sizes as `[kg, m3, units]` vectors. Baseline and consolidation both read it.
 */
export interface City {
  readonly name: string;
  readonly date: string;
  readonly seed: number;
  /** How much search work each solve gets (iterations, scaled to the problem's size): see consolidation/effort.ts. */
  readonly effort: Effort;
  /** Wall-clock safety cap for the whole plan: it only binds when the machine is far slower than expected. */
  readonly timeLimitS: Seconds;
  /** Stops above which a carrier's or hub's routing is cut into zones. */
  readonly maxStopsPerZone: number;
  /** hubs first, then carrier depots, then receivers, then intermodal terminals (each entity's `location`). */
  readonly locations: readonly LonLat[];
  readonly travel: TravelModel;
  readonly hubs: readonly CityHub[];
  readonly carriers: readonly CityCarrier[];
  readonly receivers: readonly CityReceiver[];
  readonly orders: readonly CityOrder[];
  readonly vehicleTypes: readonly CityVehicleType[];
  /** Per vehicle type, the type of the pooled fleet's technology that replaces it in the clean-fleet counterfactual. */
  readonly cleanTypeOf: readonly number[];
  readonly fleet: readonly CityFleet[];
  /** Shared trunk vehicles per hub, as given; empty = the defaults of consolidation/trunk-fleet.ts. */
  readonly trunkFleet: readonly CityTrunkFleet[];
  readonly trunking: CityTrunking;
  readonly intermodalLegs: readonly CityIntermodalLeg[];
}

export interface CityTrunking {
  readonly schedule: 'night-before' | 'same-day';
  /** Shared trunk vehicles (false: each carrier trunks its own flows alone). */
  readonly pooled: boolean;
  /** From a trunk arrival at the hub to the goods being ready for the pooled runs. */
  readonly handlingS: Seconds;
}

export interface CityTrunkFleet {
  readonly hub: number;
  readonly type: number;
  readonly count?: number | undefined;
  readonly shift?: Window | undefined;
  readonly maxTrips?: number | undefined;
  readonly reloadS?: Seconds | undefined;
}

/** A barge or rail leg from a terminal (a location of the city) to a hub, on its own network. */
export interface CityIntermodalLeg {
  readonly id: string;
  readonly hub: number;
  readonly mode: 'barge' | 'rail';
  readonly terminal: number;
  readonly lengthKm: number;
  readonly speedKmh: number;
  /** Loading at the terminal and unloading at the hub, each. */
  readonly handlingS: Seconds;
  readonly capacityKg: number;
  readonly co2eGPerTonneKm: number;
  readonly kWhPerTonneKm: number;
  readonly carriers: readonly number[];
}

/**
 * Search work per solve, counted in iterations so that a plan is the same on any machine under any load.
 * `draft`: no search at all, every solve stops at its construction (a first feasible plan, fast).
 */
export type Effort = 'draft' | 'quick' | 'normal' | 'thorough';

/** `[kg, m3, units]`. */
export type SizeVector = readonly [number, number, number];
export const SIZE_DIMENSIONS = 3;
export type Window = readonly [Seconds, Seconds];

export interface CityHub {
  readonly id: string;
  readonly location: number;
  readonly openS: Seconds;
  readonly closeS: Seconds;
  readonly capacityUnits?: number | undefined;
  readonly handlingKWhPerUnit: KWh;
  readonly fixedCostEurPerDay: number;
  /** Labour cost of cross-docking one handling unit: minutes per unit × hourly rate. */
  readonly handlingCostEurPerUnit: number;
  /** Two echelons: the platform that feeds this micro-hub, and how; undefined = the carriers trunk here. */
  readonly feeder?: CityFeeder | undefined;
}

/** A micro-hub's second echelon by road: vehicles based at the platform shuttle its goods over. */
export interface CityRoadFeeder {
  readonly platform: number;
  readonly mode: 'road';
  readonly type: number;
  /** Vehicles available; undefined = as many as the loads need. */
  readonly count?: number | undefined;
  readonly shift?: Window | undefined;
  readonly maxTrips: number;
  readonly reloadS: Seconds;
}

/** A micro-hub's second echelon by barge or rail, platform to micro-hub on its own network. */
export interface CityLegFeeder extends Omit<CityIntermodalLeg, 'id' | 'hub' | 'terminal' | 'carriers'> {
  readonly platform: number;
}

export type CityFeeder = CityRoadFeeder | CityLegFeeder;

export interface CityCarrier {
  readonly id: string;
  readonly location: number;
  readonly baselineType: number;
  /** Vehicle type of its trunk legs to a hub. */
  readonly trunkType: number;
  readonly baselineVehicles?: number | undefined;
}

export interface CityReceiver {
  readonly id: string;
  readonly location: number;
  readonly windows: readonly Window[];
  readonly serviceS: Seconds;
  /** Vehicle classes the receiver's own access rule names (at its hours, if any); undefined = any. */
  readonly allowedClasses?: readonly string[] | undefined;
  /**
   * Access rules of the receiver and of the zones it lies in, resolved per vehicle type index: the periods
   * (seconds, sorted, disjoint) during which that type may be at the receiver; `undefined` = that type is never
   * restricted here, `[]` = never allowed. The whole field is undefined when no rule applies to the receiver.
   */
  readonly accessByType?: readonly (readonly Window[] | undefined)[] | undefined;
  /** Labels of the rules that restrict the receiver (`zone lez rule 1`, `receiver access`), for reasons. */
  readonly accessRules?: readonly string[] | undefined;
}

export interface CityOrder {
  readonly id: string;
  readonly carrier: number;
  readonly receiver: number;
  readonly kind: 'delivery' | 'pickup';
  readonly size: SizeVector;
  readonly window?: Window | undefined;
}

export interface CityEnergy {
  /** kWh per km empty and at full rated payload (linear between). */
  readonly emptyKWhPerKm: number;
  readonly fullKWhPerKm: number;
  /** Well-to-wheel kg CO2e per kWh of the energy carrier. */
  readonly co2eKgPerKWh: number;
  readonly batteryKWh?: KWh | undefined;
}

export interface CityVehicleType {
  readonly id: string;
  readonly class: string;
  /** `electric`, `diesel`, `hydrogen` or `bio-cng`: what low-emission-zone rules test. */
  readonly powertrain: string;
  readonly capacity: SizeVector;
  readonly speedKmh: number;
  readonly fixedCostEur: number;
  readonly costPerKmEur: number;
  readonly costPerHourEur: number;
  readonly maxRouteS?: Seconds | undefined;
  readonly energy: CityEnergy;
}

export interface CityFleet {
  readonly hub: number;
  readonly type: number;
  readonly count: number;
  readonly shiftStartS: Seconds;
  readonly shiftEndS: Seconds;
  readonly maxTrips: number;
  readonly reloadS: Seconds;
}
