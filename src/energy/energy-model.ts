/**
 * Energy and emissions of vehicle movements and hub handling: pure functions, see docs/model/energy.md.
 *
 *   E(arc) = d_km × (e_empty + (e_full − e_empty) × clamp(payload / capacity, 0, 1))     [kWh]
 *   CO2e   = E × f_WTW                                                                    [kg]
 */
import type { KWh, Kilograms } from '../domain/units.ts';
import {
  POWERTRAIN_OF_ENERGY_CARRIER,
  type BuiltInVehicleTypeId,
  type EnergyProfile,
  type Powertrain,
  type VehicleTypeSpec,
} from '../domain/vehicle-type.ts';
import { ELECTRICITY_FR_CO2E_KG_PER_KWH, HUB_HANDLING_KWH_PER_UNIT } from './constants.ts';
import { BUILT_IN_VEHICLE_TYPES } from './vehicle-types.ts';
import { InputError, InternalError } from '../domain/errors.ts';

/** Energy profile fields the model needs (the wire's energy profile satisfies it). */
export type ArcEnergyProfile = Pick<EnergyProfile, 'emptyKWhPerKm' | 'fullKWhPerKm'>;

/**
 * Energy used to drive `distanceKm` carrying `payloadKg`, linear in payload between the empty and the full rate.
 * Payload is clamped to [0, capacityKg]: an overload is costed as a full load (capacity is the solver's job),
 * and a non-positive capacity is costed as empty.
 *
 * @example arcEnergyKWh({ emptyKWhPerKm: 0.79, fullKWhPerKm: 1.07 }, 100, 0, 1080) // 79 kWh (7.9 L of diesel)
 */
export function arcEnergyKWh(
  profile: ArcEnergyProfile,
  distanceKm: number,
  payloadKg: Kilograms,
  capacityKg: Kilograms,
): KWh {
  const loadFactor = capacityKg > 0 ? Math.min(1, Math.max(0, payloadKg / capacityKg)) : 0;
  const perKm = profile.emptyKWhPerKm + (profile.fullKWhPerKm - profile.emptyKWhPerKm) * loadFactor;
  return distanceKm * perKm;
}

/** Well-to-wheel kg CO2e of `energyKWh` of the profile's energy carrier. */
export function co2eKg(profile: Pick<EnergyProfile, 'co2eKgPerKWh'>, energyKWh: KWh): number {
  return energyKWh * profile.co2eKgPerKWh;
}

/**
 * Hub handling energy (ISO 14083 hub operation) for `units` handling units cross-docked.
 * @defaultValue perUnit = HUB_HANDLING_KWH_PER_UNIT (0.05 kWh/unit, labelled assumption)
 */
export function hubHandlingKWh(units: number, perUnit: number = HUB_HANDLING_KWH_PER_UNIT.value): KWh {
  return units * perUnit;
}

/**
 * Well-to-wheel kg CO2e of hub handling, on grid electricity.
 * @defaultValue perUnit = 0.05 kWh/unit (assumption); electricityFactor = 0.048 kg CO2e/kWh (mainland France)
 */
export function hubHandlingCo2eKg(
  units: number,
  perUnit: number = HUB_HANDLING_KWH_PER_UNIT.value,
  electricityFactor: number = ELECTRICITY_FR_CO2E_KG_PER_KWH.value,
): number {
  return hubHandlingKWh(units, perUnit) * electricityFactor;
}

/** A vehicle type after merging with the built-ins: every field the planner needs is present. */
export interface ResolvedVehicleType extends VehicleTypeSpec {
  readonly speedKmh: number;
  readonly fixedCostEur: number;
  readonly costPerKmEur: number;
  readonly costPerHourEur: number;
  readonly energy: EnergyProfile;
  readonly powertrain: Powertrain;
}

/** Built-in used to fill a scenario type whose class has several built-ins and whose energy carrier is not given. */
export const CLASS_DEFAULT_VEHICLE_TYPE: Readonly<Record<string, BuiltInVehicleTypeId>> = Object.freeze({
  'cargo-bike': 'cargo-bike',
  van: 'diesel-van',
  truck: 'rigid-truck',
});

/**
 * Built-in used to fill a scenario type of an unknown class: the diesel van, the status-quo city vehicle
 * (conservative: it never understates emissions against the electric types). Its m3 and units are NOT
 * inherited, so a custom class left without them is unconstrained in those dimensions.
 */
export const FALLBACK_VEHICLE_TYPE_ID: BuiltInVehicleTypeId = 'diesel-van';

const BUILT_INS: readonly VehicleTypeSpec[] = Object.values(BUILT_IN_VEHICLE_TYPES);

/** Picks the built-in that fills a scenario type's missing fields; `sameClass` false = fallback. */
function baseFor(type: VehicleTypeSpec): { base: VehicleTypeSpec; sameClass: boolean } {
  const byId = BUILT_INS.find((b) => b.id === type.id);
  if (byId) return { base: byId, sameClass: true };
  const sameClass = BUILT_INS.filter((b) => b.class === type.class);
  // the energy carrier the type gives, or the one its stated powertrain implies
  const carrier = type.energy?.carrier ?? carrierOf(type.powertrain);
  const sameCarrier = carrier ? sameClass.find((b) => b.energy?.carrier === carrier) : undefined;
  const classDefaultId = CLASS_DEFAULT_VEHICLE_TYPE[type.class];
  const classDefault = classDefaultId ? BUILT_IN_VEHICLE_TYPES[classDefaultId] : sameClass[0];
  const base = sameCarrier ?? classDefault;
  return base
    ? { base, sameClass: true }
    : { base: BUILT_IN_VEHICLE_TYPES[FALLBACK_VEHICLE_TYPE_ID], sameClass: false };
}

function carrierOf(powertrain: Powertrain | undefined): EnergyProfile['carrier'] | undefined {
  const entry = Object.entries(POWERTRAIN_OF_ENERGY_CARRIER).find(([, p]) => p === powertrain);
  return entry?.[0] as EnergyProfile['carrier'] | undefined;
}

function mergeEnergy(own: EnergyProfile | undefined, base: EnergyProfile): EnergyProfile {
  if (!own) return { ...base };
  // A battery is only meaningful for the same carrier: never give a diesel battery to an electric override.
  const batteryKWh = own.batteryKWh ?? (own.carrier === base.carrier ? base.batteryKWh : undefined);
  return batteryKWh === undefined ? { ...own } : { ...own, batteryKWh };
}

function applyElectricityFactor(energy: EnergyProfile, factor: number): EnergyProfile {
  if (energy.carrier !== 'electricity' || energy.co2eKgPerKWh === factor) return energy;
  return {
    ...energy,
    co2eKgPerKWh: factor,
    source: `${energy.source}. Electricity factor overridden by the scenario: ${factor} kg CO2e/kWh`,
  };
}

function resolveOne(
  type: VehicleTypeSpec,
  explicitEnergy: boolean,
  electricityFactor: number | undefined,
): ResolvedVehicleType {
  const { base, sameClass } = baseFor(type);
  const baseEnergy = base.energy;
  if (!baseEnergy)
    throw new InternalError('BROKEN_INVARIANT', `built-in vehicle type "${base.id}" has no energy profile`);
  let energy = mergeEnergy(type.energy, baseEnergy);
  if (!explicitEnergy && electricityFactor !== undefined)
    energy = applyElectricityFactor(energy, electricityFactor);
  const capacity = sameClass ? { ...base.capacity, ...definedOnly(type.capacity) } : { ...type.capacity };
  const maxRouteMinutes = type.maxRouteMinutes ?? base.maxRouteMinutes;
  const powertrain = POWERTRAIN_OF_ENERGY_CARRIER[energy.carrier];
  // the scenario schema already refuses a stated powertrain that contradicts the energy the type would get
  if (type.powertrain !== undefined && type.powertrain !== powertrain)
    throw new InputError(
      'INVALID_VALUE',
      `vehicle type "${type.id}": powertrain ${type.powertrain} but ${energy.carrier} energy; give its energy profile`,
      { field: `vehicleTypes[id=${type.id}].powertrain` },
    );
  return {
    id: type.id,
    class: type.class,
    powertrain,
    capacity,
    speedKmh: type.speedKmh ?? base.speedKmh ?? 0,
    fixedCostEur: type.fixedCostEur ?? base.fixedCostEur ?? 0,
    costPerKmEur: type.costPerKmEur ?? base.costPerKmEur ?? 0,
    costPerHourEur: type.costPerHourEur ?? base.costPerHourEur ?? 0,
    energy,
    ...(maxRouteMinutes === undefined ? {} : { maxRouteMinutes }),
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The vehicle types of a scenario: the six built-ins, each replaced by the scenario type of the same id, followed by
 * the scenario's other types in their order. A scenario type's missing fields come from, in order: the built-in of
 * the same id; the built-in of the same class with the same energy carrier; the class default
 * (CLASS_DEFAULT_VEHICLE_TYPE); for an unknown class, FALLBACK_VEHICLE_TYPE_ID (without its m3 and units).
 *
 * A type's `powertrain` is the one its energy carrier drives (`electricity` -> `electric`): stated, or taken from
 * the energy profile given, or from the built-in the profile is borrowed from; a stated powertrain without a
 * profile borrows that of the built-in of the same class and powertrain (a `van` stated `electric` gets the e-van's).
 *
 * `electricityFactor` (scenario option `electricityCo2eKgPerKWh`) replaces the WTW factor of every electric profile
 * taken from a built-in; an energy profile written out in the scenario keeps its own factor (specific beats general).
 * Returned objects are fresh copies: callers may not mutate the built-ins through them.
 */
export function resolveVehicleTypes(
  scenarioTypes: readonly VehicleTypeSpec[] = [],
  electricityFactor?: number,
): ResolvedVehicleType[] {
  const overrides = new Map(scenarioTypes.map((t) => [t.id, t] as const));
  const resolved = BUILT_INS.map((b) => {
    const own = overrides.get(b.id);
    return resolveOne(own ?? b, own?.energy !== undefined, electricityFactor);
  });
  const builtInIds = new Set(BUILT_INS.map((b) => b.id));
  for (const t of overrides.values()) {
    if (!builtInIds.has(t.id)) resolved.push(resolveOne(t, t.energy !== undefined, electricityFactor));
  }
  return resolved;
}
