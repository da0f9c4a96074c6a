import type { Powertrain } from './primitives.ts';

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
