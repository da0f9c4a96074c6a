/**
 * The six built-in vehicle types, with sourced energy profiles. Scenario `vehicleTypes` override them by id
 * (see resolveVehicleTypes in energy-model.ts). Derivations: docs/model/energy.md §3.
 */
import type { BuiltInVehicleTypeId, EnergyProfile, VehicleTypeSpec } from '../domain/vehicle-type.ts';
import {
  BIO_CNG_WTW_CO2E_KG_PER_KG,
  CARGO_BIKE_SPEED_KMH,
  CNG_KG_PER_DIESEL_L,
  CNG_KWH_PER_KG,
  DIESEL_KWH_PER_L,
  DIESEL_WTW_CO2E_KG_PER_L,
  ELECTRICITY_FR_CO2E_KG_PER_KWH,
  GREY_H2_WTW_CO2E_KG_PER_KG,
  H2_KWH_PER_KG,
  HANDLING_UNIT_M3,
  TRUCK_URBAN_SPEED_KMH,
  VAN_URBAN_SPEED_KMH,
} from './constants.ts';
import {
  CARGO_BIKE_BATTERY_USABLE_KWH,
  CARGO_BIKE_KWH_PER_KM_EMPTY,
  CARGO_BIKE_KWH_PER_KM_FULL,
  CARGO_BIKE_M3,
  CARGO_BIKE_PAYLOAD_KG,
  DIESEL_VAN_L_PER_100KM_75PCT,
  DIESEL_VAN_L_PER_100KM_EMPTY,
  DIESEL_VAN_M3,
  DIESEL_VAN_PAYLOAD_KG,
  E_VAN_BATTERY_USABLE_KWH,
  E_VAN_M3,
  E_VAN_MANUFACTURER_KWH_PER_100KM,
  E_VAN_PAYLOAD_KG,
  E_VAN_REAL_WORLD_RANGE_RATIO_EMPTY,
  E_VAN_REAL_WORLD_RANGE_RATIO_FULL,
  FUEL_CELL_VS_BATTERY_ENERGY_RATIO,
  HYDROGEN_VAN_PAYLOAD_KG,
  HYDROGEN_VAN_TANK_KG,
  RIGID_TRUCK_L_PER_100KM_EMPTY,
  RIGID_TRUCK_L_PER_100KM_FULL,
  RIGID_TRUCK_M3,
  RIGID_TRUCK_PAYLOAD_KG,
} from './vehicle-figures.ts';

/** Handling units (parcel-equivalents) that fit a load space, see HANDLING_UNIT_M3. */
function unitsFor(m3: number): number {
  return Math.round(m3 / HANDLING_UNIT_M3.value);
}

/** Built-ins are shared module state: freeze them so no caller can change another's defaults. */
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value))
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  return Object.freeze(value);
}

/** Litres (or kg) per 100 km -> kWh per km, given the carrier's energy content per litre (or kg). */
function per100ToKWhPerKm(per100km: number, kWhPerUnit: number): number {
  return (per100km / 100) * kWhPerUnit;
}

// Diesel van: linear fit through 0 % and 75 % payload, extrapolated to 100 %:
// 7.9 + (10.0 - 7.9) / 0.75 = 7.9 + 2.8 = 10.7 L/100 km (a least-squares fit of all four points gives the same 2.8 slope).
const dieselVanFullLPer100 =
  DIESEL_VAN_L_PER_100KM_EMPTY.value +
  (DIESEL_VAN_L_PER_100KM_75PCT.value - DIESEL_VAN_L_PER_100KM_EMPTY.value) / 0.75;

const eVanEmptyKWhPerKm =
  E_VAN_MANUFACTURER_KWH_PER_100KM.value / 100 / E_VAN_REAL_WORLD_RANGE_RATIO_EMPTY.value;
const eVanFullKWhPerKm =
  E_VAN_MANUFACTURER_KWH_PER_100KM.value / 100 / E_VAN_REAL_WORLD_RANGE_RATIO_FULL.value;
const electricityFactor = ELECTRICITY_FR_CO2E_KG_PER_KWH.value;
const dieselFactor = DIESEL_WTW_CO2E_KG_PER_L.value / DIESEL_KWH_PER_L.value; // 0.317 kg CO2e/kWh
const bioCngFactor = BIO_CNG_WTW_CO2E_KG_PER_KG.value / CNG_KWH_PER_KG.value; // 0.0458 kg CO2e/kWh
const h2Factor = GREY_H2_WTW_CO2E_KG_PER_KG.value / H2_KWH_PER_KG.value; // 0.330 kg CO2e/kWh

const cargoBikeEnergy: EnergyProfile = {
  carrier: 'electricity',
  emptyKWhPerKm: CARGO_BIKE_KWH_PER_KM_EMPTY.value,
  fullKWhPerKm: CARGO_BIKE_KWH_PER_KM_FULL.value,
  co2eKgPerKWh: electricityFactor,
  batteryKWh: CARGO_BIKE_BATTERY_USABLE_KWH.value,
  source:
    `Empty: ${CARGO_BIKE_KWH_PER_KM_EMPTY.source}. Full: ${CARGO_BIKE_KWH_PER_KM_FULL.source}. ` +
    `Battery: ${CARGO_BIKE_BATTERY_USABLE_KWH.source}. Factor: ${ELECTRICITY_FR_CO2E_KG_PER_KWH.source}`,
};

const eVanEnergy: EnergyProfile = {
  carrier: 'electricity',
  emptyKWhPerKm: eVanEmptyKWhPerKm,
  fullKWhPerKm: eVanFullKWhPerKm,
  co2eKgPerKWh: electricityFactor,
  batteryKWh: E_VAN_BATTERY_USABLE_KWH.value,
  source:
    `Derived: ${E_VAN_MANUFACTURER_KWH_PER_100KM.source}, divided by the real-world range ratio ` +
    `(${E_VAN_REAL_WORLD_RANGE_RATIO_EMPTY.source}): 0.219/0.70 = 0.313 kWh/km empty, 0.219/0.60 = 0.365 kWh/km full. ` +
    `Battery: ${E_VAN_BATTERY_USABLE_KWH.source}. Factor: ${ELECTRICITY_FR_CO2E_KG_PER_KWH.source}`,
};

const dieselVanEnergy: EnergyProfile = {
  carrier: 'diesel',
  emptyKWhPerKm: per100ToKWhPerKm(DIESEL_VAN_L_PER_100KM_EMPTY.value, DIESEL_KWH_PER_L.value),
  fullKWhPerKm: per100ToKWhPerKm(dieselVanFullLPer100, DIESEL_KWH_PER_L.value),
  co2eKgPerKWh: dieselFactor,
  source:
    `Derived: ${DIESEL_VAN_L_PER_100KM_75PCT.source}; 7.9 L/100 km empty, linear extrapolation to 10.7 L/100 km ` +
    `at 100 % payload; × ${DIESEL_KWH_PER_L.value} kWh/L (${DIESEL_KWH_PER_L.source}). ` +
    `Factor 3.17/10 = 0.317 kg CO2e/kWh (${DIESEL_WTW_CO2E_KG_PER_L.source})`,
};

const rigidTruckEnergy: EnergyProfile = {
  carrier: 'diesel',
  emptyKWhPerKm: per100ToKWhPerKm(RIGID_TRUCK_L_PER_100KM_EMPTY.value, DIESEL_KWH_PER_L.value),
  fullKWhPerKm: per100ToKWhPerKm(RIGID_TRUCK_L_PER_100KM_FULL.value, DIESEL_KWH_PER_L.value),
  co2eKgPerKWh: dieselFactor,
  source:
    `${RIGID_TRUCK_L_PER_100KM_EMPTY.source}; ${RIGID_TRUCK_L_PER_100KM_FULL.source}; × 10 kWh/L. ` +
    `Factor 0.317 kg CO2e/kWh (${DIESEL_WTW_CO2E_KG_PER_L.source})`,
};

const hydrogenVanEnergy: EnergyProfile = {
  carrier: 'hydrogen',
  emptyKWhPerKm: eVanEmptyKWhPerKm * FUEL_CELL_VS_BATTERY_ENERGY_RATIO.value,
  fullKWhPerKm: eVanFullKWhPerKm * FUEL_CELL_VS_BATTERY_ENERGY_RATIO.value,
  co2eKgPerKWh: h2Factor,
  batteryKWh: HYDROGEN_VAN_TANK_KG.value * H2_KWH_PER_KG.value,
  source:
    `e-van kWh/km × ${FUEL_CELL_VS_BATTERY_ENERGY_RATIO.value} (${FUEL_CELL_VS_BATTERY_ENERGY_RATIO.source}). ` +
    `Tank: ${HYDROGEN_VAN_TANK_KG.source}, × 33.3 kWh/kg. ` +
    `Factor 11/33.3 = 0.330 kg CO2e/kWh (${GREY_H2_WTW_CO2E_KG_PER_KG.source})`,
};

const bioCngTruckEnergy: EnergyProfile = {
  carrier: 'bio-cng',
  emptyKWhPerKm: per100ToKWhPerKm(
    RIGID_TRUCK_L_PER_100KM_EMPTY.value * CNG_KG_PER_DIESEL_L.value,
    CNG_KWH_PER_KG.value,
  ),
  fullKWhPerKm: per100ToKWhPerKm(
    RIGID_TRUCK_L_PER_100KM_FULL.value * CNG_KG_PER_DIESEL_L.value,
    CNG_KWH_PER_KG.value,
  ),
  co2eKgPerKWh: bioCngFactor,
  source:
    `Derived: rigid-truck consumption (ASSUMPTION, 20-25 L/100 km) with ${CNG_KG_PER_DIESEL_L.source}, ` +
    `so 20-25 kg gas/100 km, × ${CNG_KWH_PER_KG.value} kWh/kg (${CNG_KWH_PER_KG.source}). ` +
    `Factor 0.61/13.33 = 0.0458 kg CO2e/kWh (${BIO_CNG_WTW_CO2E_KG_PER_KG.source}); −81 % vs the diesel truck, ` +
    'matching the GRDF ">80 % less CO2" claim',
};

/**
 * Built-in vehicle types. `class` is what receivers' `access.vehicleClasses` and zone rules refer to: `cargo-bike`,
 * `van`, `truck`; `powertrain` is what zone rules' `powertrains` refer to (a cargo bike's electric assist is `electric`).
 * `capacity.units` are handling units sized as parcel-equivalents of 0.05 m3 (HANDLING_UNIT_M3); costs are
 * assumptions (docs/model/energy.md §5). `maxRouteMinutes` is left unset: the fleet shift bounds routes.
 */
export const BUILT_IN_VEHICLE_TYPES: Readonly<Record<BuiltInVehicleTypeId, VehicleTypeSpec>> = deepFreeze({
  'cargo-bike': {
    id: 'cargo-bike',
    class: 'cargo-bike',
    powertrain: 'electric',
    capacity: {
      kg: CARGO_BIKE_PAYLOAD_KG.value,
      m3: CARGO_BIKE_M3.value,
      units: unitsFor(CARGO_BIKE_M3.value),
    },
    speedKmh: CARGO_BIKE_SPEED_KMH.value,
    fixedCostEur: 30,
    costPerKmEur: 0.05,
    costPerHourEur: 25,
    energy: cargoBikeEnergy,
  },
  'e-van': {
    id: 'e-van',
    class: 'van',
    powertrain: 'electric',
    capacity: { kg: E_VAN_PAYLOAD_KG.value, m3: E_VAN_M3.value, units: unitsFor(E_VAN_M3.value) },
    speedKmh: VAN_URBAN_SPEED_KMH.value,
    fixedCostEur: 55,
    costPerKmEur: 0.1,
    costPerHourEur: 30,
    energy: eVanEnergy,
  },
  'diesel-van': {
    id: 'diesel-van',
    class: 'van',
    powertrain: 'diesel',
    capacity: {
      kg: DIESEL_VAN_PAYLOAD_KG.value,
      m3: DIESEL_VAN_M3.value,
      units: unitsFor(DIESEL_VAN_M3.value),
    },
    speedKmh: VAN_URBAN_SPEED_KMH.value,
    fixedCostEur: 40,
    costPerKmEur: 0.22,
    costPerHourEur: 30,
    energy: dieselVanEnergy,
  },
  'rigid-truck': {
    id: 'rigid-truck',
    class: 'truck',
    powertrain: 'diesel',
    capacity: {
      kg: RIGID_TRUCK_PAYLOAD_KG.value,
      m3: RIGID_TRUCK_M3.value,
      units: unitsFor(RIGID_TRUCK_M3.value),
    },
    speedKmh: TRUCK_URBAN_SPEED_KMH.value,
    fixedCostEur: 90,
    costPerKmEur: 0.5,
    costPerHourEur: 35,
    energy: rigidTruckEnergy,
  },
  'hydrogen-van': {
    id: 'hydrogen-van',
    class: 'van',
    powertrain: 'hydrogen',
    capacity: {
      kg: HYDROGEN_VAN_PAYLOAD_KG.value,
      m3: DIESEL_VAN_M3.value,
      units: unitsFor(DIESEL_VAN_M3.value),
    },
    speedKmh: VAN_URBAN_SPEED_KMH.value,
    fixedCostEur: 90,
    costPerKmEur: 0.27,
    costPerHourEur: 30,
    energy: hydrogenVanEnergy,
  },
  'biocng-truck': {
    id: 'biocng-truck',
    class: 'truck',
    powertrain: 'bio-cng',
    capacity: {
      kg: RIGID_TRUCK_PAYLOAD_KG.value,
      m3: RIGID_TRUCK_M3.value,
      units: unitsFor(RIGID_TRUCK_M3.value),
    },
    speedKmh: TRUCK_URBAN_SPEED_KMH.value,
    fixedCostEur: 100,
    costPerKmEur: 0.45,
    costPerHourEur: 35,
    energy: bioCngTruckEnergy,
  },
});

/** Why each non-energy default was chosen (energy sources are in each profile's `source`). */
export const BUILT_IN_VEHICLE_TYPE_NOTES: Readonly<
  Record<BuiltInVehicleTypeId, { capacity: string; speed: string; costs: string }>
> = {
  'cargo-bike': {
    capacity: `${CARGO_BIKE_PAYLOAD_KG.source}; ${CARGO_BIKE_M3.source}; units: ${HANDLING_UNIT_M3.source}`,
    speed: CARGO_BIKE_SPEED_KMH.source,
    costs:
      'ASSUMPTION: €30/day bike lease, insurance and box; €0.05/km tyres, brakes, electricity; €25/h loaded rider wage',
  },
  'e-van': {
    capacity: `${E_VAN_PAYLOAD_KG.source}; ${E_VAN_M3.source}; units: ${HANDLING_UNIT_M3.source}`,
    speed: VAN_URBAN_SPEED_KMH.source,
    costs:
      'ASSUMPTION: €55/day lease (~€1,200/month over 22 days); €0.10/km (0.34 kWh × €0.20 + €0.03 upkeep); €30/h loaded driver wage',
  },
  'diesel-van': {
    capacity: `${DIESEL_VAN_PAYLOAD_KG.source}; ${DIESEL_VAN_M3.source}; units: ${HANDLING_UNIT_M3.source}`,
    speed: VAN_URBAN_SPEED_KMH.source,
    costs:
      'ASSUMPTION: €40/day lease and insurance; €0.22/km (0.093 L × €1.80 + €0.05 upkeep); €30/h loaded driver wage',
  },
  'rigid-truck': {
    capacity: `${RIGID_TRUCK_PAYLOAD_KG.source}; ${RIGID_TRUCK_M3.source}; units: ${HANDLING_UNIT_M3.source}`,
    speed: TRUCK_URBAN_SPEED_KMH.source,
    costs:
      'ASSUMPTION: €90/day lease and insurance; €0.50/km (0.225 L × €1.80 + €0.10 upkeep); €35/h loaded driver wage',
  },
  'hydrogen-van': {
    capacity: `${HYDROGEN_VAN_PAYLOAD_KG.source}; ${DIESEL_VAN_M3.source}; units: ${HANDLING_UNIT_M3.source}`,
    speed: VAN_URBAN_SPEED_KMH.source,
    costs:
      'ASSUMPTION: €90/day lease; €0.27/km (1.8 kg H2/100 km × €12/kg + €0.05 upkeep); €30/h loaded driver wage',
  },
  'biocng-truck': {
    capacity: `ASSUMPTION: same as rigid-truck. ${RIGID_TRUCK_PAYLOAD_KG.source}; ${RIGID_TRUCK_M3.source}`,
    speed: TRUCK_URBAN_SPEED_KMH.source,
    costs:
      'ASSUMPTION: €100/day lease (gas tanks); €0.45/km (0.225 kg × €1.50 bioGNV + €0.11 upkeep); €35/h loaded driver wage',
  },
};
