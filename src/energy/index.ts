/**
 * Public API of src/energy (the module boundary barrel): vehicle energy and well-to-wheel emissions, the built-in
 * vehicle types and every sourced factor. Model and factor table: docs/model/energy.md.
 */
import { ELECTRICITY_FR_CO2E_KG_PER_KWH, HUB_HANDLING_KWH_PER_UNIT } from './constants.ts';

export * from './constants.ts';
export * from './vehicle-figures.ts';
export { BUILT_IN_VEHICLE_TYPES, BUILT_IN_VEHICLE_TYPE_NOTES } from './vehicle-types.ts';
export {
  arcEnergyKWh,
  co2eKg,
  hubHandlingKWh,
  hubHandlingCo2eKg,
  resolveVehicleTypes,
  CLASS_DEFAULT_VEHICLE_TYPE,
  FALLBACK_VEHICLE_TYPE_ID,
  type ArcEnergyProfile,
  type ResolvedVehicleType,
} from './energy-model.ts';
export { buildVehicleEnergyModel, type EnergyModelSource } from './vehicle-energy-model.ts';

/** Default hub handling energy, kWh per handling unit (labelled assumption, see HUB_HANDLING_KWH_PER_UNIT). */
export const DEFAULT_HUB_HANDLING_KWH_PER_UNIT: number = HUB_HANDLING_KWH_PER_UNIT.value;

/**
 * Grid electricity factor in force for a scenario: its `options.electricityCo2eKgPerKWh`, else mainland France.
 * @defaultValue 0.048 kg CO2e/kWh (ELECTRICITY_FR_CO2E_KG_PER_KWH)
 */
export function electricityFactor(override?: number): number {
  return override ?? ELECTRICITY_FR_CO2E_KG_PER_KWH.value;
}
export { TTW_SHARE_OF_WTW, INTERMODAL_TTW_SHARE_OF_WTW, ttwShareOfPowertrain } from './tank-to-wheel.ts';
