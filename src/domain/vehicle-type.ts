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

/** Energy use of a vehicle type: linear in payload between empty and full (docs/model/energy.md). */
export interface EnergyProfile {
  readonly carrier: EnergyCarrier;
  /** Energy at the source per km, empty, in kWh/km (diesel: 10 kWh per litre). */
  readonly emptyKWhPerKm: number;
  /** Same, at full rated payload. */
  readonly fullKWhPerKm: number;
  /** Well-to-wheel emission factor per kWh of that carrier, kg CO2e/kWh. */
  readonly co2eKgPerKWh: number;
  readonly batteryKWh?: number | undefined;
  /** Where the figures come from. */
  readonly source: string;
}

export interface VehicleTypeSpec {
  readonly id: string;
  /** What receivers' access rules refer to: `cargo-bike`, `van`, `truck` or a user's own class. */
  readonly class: string;
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
