/**
 * A vehicle type as a user writes it (or picon ships it), before src/energy fills its missing fields. It lives in
 * the domain so energy can resolve vehicle types without importing the wire schemas: src/contracts validates the
 * same shape with zod, and its inferred `VehicleTypeInput` is structurally assignable to `VehicleTypeSpec`
 * (the planner passes one as the other, so the compiler checks they agree).
 */

/** Ids of the vehicle types picon ships (definitions with sourced factors in src/energy/vehicle-types.ts). */
export const BUILT_IN_VEHICLE_TYPE_IDS = [
  'cargo-bike',
  'e-van',
  'diesel-van',
  'rigid-truck',
  'hydrogen-van',
  'biocng-truck',
] as const;
export type BuiltInVehicleTypeId = (typeof BUILT_IN_VEHICLE_TYPE_IDS)[number];

export type EnergyCarrier = 'electricity' | 'diesel' | 'hydrogen' | 'bio-cng';

/**
 * What moves a vehicle: what low-emission-zone rules are written about. A cargo bike with electric assist
 * is `electric`.
 */
export const POWERTRAINS = ['electric', 'diesel', 'hydrogen', 'bio-cng'] as const;
export type Powertrain = (typeof POWERTRAINS)[number];

/** Energy carrier of a profile -> the powertrain it drives. */
export const POWERTRAIN_OF_ENERGY_CARRIER: Readonly<Record<EnergyCarrier, Powertrain>> = {
  electricity: 'electric',
  diesel: 'diesel',
  hydrogen: 'hydrogen',
  'bio-cng': 'bio-cng',
};

/**
 * Class and powertrain of each built-in type: what validation needs to check access rules and custom types
 * without importing src/energy, where the full definitions live (a test keeps the two equal).
 */
export const BUILT_IN_VEHICLE_TYPE_KINDS: Readonly<
  Record<BuiltInVehicleTypeId, { readonly class: string; readonly powertrain: Powertrain }>
> = {
  'cargo-bike': { class: 'cargo-bike', powertrain: 'electric' },
  'e-van': { class: 'van', powertrain: 'electric' },
  'diesel-van': { class: 'van', powertrain: 'diesel' },
  'rigid-truck': { class: 'truck', powertrain: 'diesel' },
  'hydrogen-van': { class: 'van', powertrain: 'hydrogen' },
  'biocng-truck': { class: 'truck', powertrain: 'bio-cng' },
};

/** Vehicle classes of the built-in types (what access rules name). */
export const BUILT_IN_VEHICLE_CLASSES: readonly string[] = [
  ...new Set(Object.values(BUILT_IN_VEHICLE_TYPE_KINDS).map((k) => k.class)),
];

/** Energy use of a vehicle type: linear in payload between empty and full (docs/model/energy.md). */
export interface EnergyProfile {
  readonly carrier: EnergyCarrier;
  /** Energy at the source per km, empty, in kWh/km (diesel: 10 kWh per litre). */
  readonly emptyKWhPerKm: number;
  /** Same, at full rated payload. */
  readonly fullKWhPerKm: number;
  /** Well-to-wheel emission factor per kWh of that carrier, kg CO2e/kWh. */
  readonly co2eKgPerKWh: number;
  /** Share of `co2eKgPerKWh` emitted at the wheel (ISO 14083 TTW); absent = the energy carrier's default. */
  readonly ttwShare?: number | undefined;
  readonly batteryKWh?: number | undefined;
  /** Where the figures come from. */
  readonly source: string;
}

export interface VehicleTypeSpec {
  readonly id: string;
  /** What receivers' access rules refer to: `cargo-bike`, `van`, `truck` or a user's own class. */
  readonly class: string;
  /**
   * What access rules test besides the class. When absent: the carrier of the type's `energy`, else the
   * powertrain of the built-in it inherits its energy from (see resolveVehicleTypes).
   */
  readonly powertrain?: Powertrain | undefined;
  readonly capacity: {
    readonly kg: number;
    readonly m3?: number | undefined;
    readonly units?: number | undefined;
  };
  readonly speedKmh?: number | undefined;
  readonly fixedCostEur?: number | undefined;
  readonly costPerKmEur?: number | undefined;
  readonly costPerHourEur?: number | undefined;
  readonly energy?: EnergyProfile | undefined;
  readonly maxRouteMinutes?: number | undefined;
}
