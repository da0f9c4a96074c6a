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

/** Vehicle classes of the built-in types (what access rules name); kept equal to src/energy's by a test. */
export const BUILT_IN_VEHICLE_CLASSES = ['cargo-bike', 'van', 'truck'] as const;
