/**
 * The auditor's OWN copy of the model's figures, written from docs/model/energy.md and
 * docs/model/consolidation.md (never imported from src/): if the code's factors drift from the
 * documented ones, audited plans stop matching. Each figure names the doc section it comes from.
 */

// ---- energy carriers (docs/model/energy.md §1-§2) -------------------------------------------

/** Diesel: 10 kWh/L (physical), 3.17 kg CO2e/L WTW (arrêté 26 April 2017) -> 0.317 kg CO2e/kWh. */
export const DIESEL_KWH_PER_L = 10;
export const DIESEL_CO2E_KG_PER_KWH = 3.17 / DIESEL_KWH_PER_L;
/** Mainland France grid, WTW (same arrêté); the scenario's `options.electricityCo2eKgPerKWh` overrides it. */
export const ELECTRICITY_FR_CO2E_KG_PER_KWH = 0.048;
/** Bio-CNG: 0.61 kg CO2e/kg (ADEME Base Carbone) over 13.33 kWh/kg (IPCC 2006, NCV 48 MJ/kg). */
export const CNG_KWH_PER_KG = 13.33;
export const BIO_CNG_CO2E_KG_PER_KWH = 0.61 / CNG_KWH_PER_KG;
/** Grey hydrogen (assumption): 11 kg CO2e/kg over 33.3 kWh/kg (LHV). */
export const H2_KWH_PER_KG = 33.3;
export const H2_CO2E_KG_PER_KWH = 11 / H2_KWH_PER_KG;
/** Hub handling, kWh per handling unit (assumption, §6); `hubs[].handlingKWhPerUnit` overrides it. */
export const HUB_HANDLING_KWH_PER_UNIT = 0.05;

// ---- built-in vehicle types (docs/model/energy.md §2, §3 derivations, §5 speeds, §7 costs) -----

export type EnergyCarrier = 'electricity' | 'diesel' | 'hydrogen' | 'bio-cng';

/** What access rules test besides the class (docs/model/consolidation.md): the powertrain an energy carrier drives. */
export const POWERTRAIN_OF: Readonly<Record<EnergyCarrier, string>> = {
  electricity: 'electric',
  diesel: 'diesel',
  hydrogen: 'hydrogen',
  'bio-cng': 'bio-cng',
};

export interface AuditEnergy {
  readonly carrier: EnergyCarrier;
  readonly emptyKWhPerKm: number;
  readonly fullKWhPerKm: number;
  readonly co2eKgPerKWh: number;
  /** A scenario's own TTW share of the factor; absent = TTW_SHARE of the carrier. */
  readonly ttwShare?: number | undefined;
  readonly batteryKWh?: number | undefined;
}

/** A vehicle type as the auditor uses it: every field present, a dimension without limit is Infinity. */
export interface AuditVehicleType {
  readonly id: string;
  readonly class: string;
  readonly powertrain: string;
  readonly capacity: { readonly kg: number; readonly m3: number; readonly units: number };
  readonly speedKmh: number;
  readonly fixedCostEur: number;
  readonly costPerKmEur: number;
  readonly costPerHourEur: number;
  readonly energy: AuditEnergy;
  readonly maxRouteMinutes?: number | undefined;
}

/** The wire shape of a (built-in or scenario) type before resolution: optional fields may be missing. */
export interface PartialVehicleType {
  readonly id: string;
  readonly class: string;
  readonly powertrain?: string | undefined;
  readonly capacity: {
    readonly kg: number;
    readonly m3?: number | undefined;
    readonly units?: number | undefined;
  };
  readonly speedKmh?: number | undefined;
  readonly fixedCostEur?: number | undefined;
  readonly costPerKmEur?: number | undefined;
  readonly costPerHourEur?: number | undefined;
  readonly energy?: AuditEnergy | undefined;
  readonly maxRouteMinutes?: number | undefined;
}

/** Speeds, §5: cargo bike 15 km/h (reference), vans 18 km/h and trucks 15 km/h (assumptions). */
const BIKE_KMH = 15;
const VAN_KMH = 18;
const TRUCK_KMH = 15;
/** Handling units are parcel-equivalents of 0.05 m3 (§3): 20 per m3. */
const unitsFor = (m3: number): number => Math.round(m3 / 0.05);
/** E-van: 21.9 kWh/100 km (manufacturer) / real-world range ratio 0.70 empty, 0.60 full (§3). */
const E_VAN_EMPTY = 0.219 / 0.7;
const E_VAN_FULL = 0.219 / 0.6;
/** Diesel van: 7.9 L/100 km empty, linear through 10.0 at 75 % -> 10.7 at 100 % (§3). */
const DIESEL_VAN_FULL_L_PER_100 = 7.9 + (10.0 - 7.9) / 0.75;
/** Rigid truck (assumption): 20 -> 25 L/100 km; bio-CNG truck: same with 1 kg gas per L (§3). */
const TRUCK_EMPTY_PER_100 = 20;
const TRUCK_FULL_PER_100 = 25;
/** Hydrogen van (assumption): e-van kWh/km x 1.8; tank 5 kg x 33.3 kWh/kg. */
const FUEL_CELL_RATIO = 1.8;

export const BUILT_IN_TYPES: readonly PartialVehicleType[] = [
  {
    id: 'cargo-bike',
    class: 'cargo-bike',
    capacity: { kg: 180, m3: 1.5, units: unitsFor(1.5) },
    speedKmh: BIKE_KMH,
    fixedCostEur: 30,
    costPerKmEur: 0.05,
    costPerHourEur: 25,
    energy: {
      carrier: 'electricity',
      emptyKWhPerKm: 0.007,
      fullKWhPerKm: 0.011,
      co2eKgPerKWh: ELECTRICITY_FR_CO2E_KG_PER_KWH,
      batteryKWh: 1,
    },
  },
  {
    id: 'e-van',
    class: 'van',
    capacity: { kg: 1200, m3: 10.5, units: unitsFor(10.5) },
    speedKmh: VAN_KMH,
    fixedCostEur: 55,
    costPerKmEur: 0.1,
    costPerHourEur: 30,
    energy: {
      carrier: 'electricity',
      emptyKWhPerKm: E_VAN_EMPTY,
      fullKWhPerKm: E_VAN_FULL,
      co2eKgPerKWh: ELECTRICITY_FR_CO2E_KG_PER_KWH,
      batteryKWh: 40,
    },
  },
  {
    id: 'diesel-van',
    class: 'van',
    capacity: { kg: 1080, m3: 10, units: unitsFor(10) },
    speedKmh: VAN_KMH,
    fixedCostEur: 40,
    costPerKmEur: 0.22,
    costPerHourEur: 30,
    energy: {
      carrier: 'diesel',
      emptyKWhPerKm: (7.9 / 100) * DIESEL_KWH_PER_L,
      fullKWhPerKm: (DIESEL_VAN_FULL_L_PER_100 / 100) * DIESEL_KWH_PER_L,
      co2eKgPerKWh: DIESEL_CO2E_KG_PER_KWH,
    },
  },
  {
    id: 'rigid-truck',
    class: 'truck',
    capacity: { kg: 3000, m3: 30, units: unitsFor(30) },
    speedKmh: TRUCK_KMH,
    fixedCostEur: 90,
    costPerKmEur: 0.5,
    costPerHourEur: 35,
    energy: {
      carrier: 'diesel',
      emptyKWhPerKm: (TRUCK_EMPTY_PER_100 / 100) * DIESEL_KWH_PER_L,
      fullKWhPerKm: (TRUCK_FULL_PER_100 / 100) * DIESEL_KWH_PER_L,
      co2eKgPerKWh: DIESEL_CO2E_KG_PER_KWH,
    },
  },
  {
    id: 'hydrogen-van',
    class: 'van',
    capacity: { kg: 1000, m3: 10, units: unitsFor(10) },
    speedKmh: VAN_KMH,
    fixedCostEur: 90,
    costPerKmEur: 0.27,
    costPerHourEur: 30,
    energy: {
      carrier: 'hydrogen',
      emptyKWhPerKm: E_VAN_EMPTY * FUEL_CELL_RATIO,
      fullKWhPerKm: E_VAN_FULL * FUEL_CELL_RATIO,
      co2eKgPerKWh: H2_CO2E_KG_PER_KWH,
      batteryKWh: 5 * H2_KWH_PER_KG,
    },
  },
  {
    id: 'biocng-truck',
    class: 'truck',
    capacity: { kg: 3000, m3: 30, units: unitsFor(30) },
    speedKmh: TRUCK_KMH,
    fixedCostEur: 100,
    costPerKmEur: 0.45,
    costPerHourEur: 35,
    energy: {
      carrier: 'bio-cng',
      emptyKWhPerKm: (TRUCK_EMPTY_PER_100 / 100) * CNG_KWH_PER_KG,
      fullKWhPerKm: (TRUCK_FULL_PER_100 / 100) * CNG_KWH_PER_KG,
      co2eKgPerKWh: BIO_CNG_CO2E_KG_PER_KWH,
    },
  },
];

/** §8: the built-in that fills a scenario type of a known class when no same-carrier built-in exists. */
export const CLASS_DEFAULT_TYPE: Readonly<Record<string, string>> = {
  'cargo-bike': 'cargo-bike',
  van: 'diesel-van',
  truck: 'rigid-truck',
};
/** §8: unknown class -> the diesel van, without its m3 and units. */
export const FALLBACK_TYPE = 'diesel-van';

// ---- planning defaults (docs/model/consolidation.md, "Defaults") ----------------------------

/** Great-circle x 1.3 in a dense centre unless `options.circuity` or a matrix is given. */
export const DEFAULT_CIRCUITY = 1.3;
/** Receiver service time when `serviceMinutes` is absent, and the extra minute per bundled order. */
export const DEFAULT_SERVICE_MIN = 5;
export const EXTRA_SERVICE_PER_ORDER_MIN = 1;
/** Pooled fleet entries without `maxTrips` / `reloadMinutes`. */
export const DEFAULT_FLEET_MAX_TRIPS = 3;
export const DEFAULT_FLEET_RELOAD_MIN = 15;
/** Carriers' own rounds (status quo): 05:00-20:00, two trips, 30 min reload. */
export const CARRIER_SHIFT = { start: '05:00', end: '20:00' } as const;
export const CARRIER_MAX_TRIPS = 2;
export const CARRIER_RELOAD_MIN = 30;
/** Hub labour (assumption): 1 minute per handling unit at 30 EUR an hour; `hubs[]` fields override them. */
export const HUB_HANDLING_MINUTES_PER_UNIT = 1;
export const HUB_LABOUR_COST_EUR_PER_HOUR = 30;
/** Trunk trips: 20 min docking at the hub between trips, 15 min loading at a depot, at most 4 trips a vehicle. */
export const TRUNK_DOCK_MIN = 20;
export const TRUNK_LOAD_MIN = 15;
export const TRUNK_MAX_TRIPS = 4;
/** Goods are ready for the pooled runs 30 min after their trunk vehicle docks (same-day trunking). */
export const TRUNK_HANDLING_MIN = 30;

// ---- tank-to-wheel shares of the WTW factors (docs/model/cooperation.md §5, ISO 14083 scopes) ----

/** Diesel: combustion 2.51 of 3.17 kg CO2e/L; electricity and hydrogen: nothing at the wheel; bio-CNG: biogenic (assumption). */
export const TTW_SHARE: Readonly<Record<EnergyCarrier, number>> = {
  diesel: 2.51 / 3.17,
  electricity: 0,
  hydrogen: 0,
  'bio-cng': 0,
};
/** Barge: a diesel vessel (assumption); rail: 20 % diesel traction of the source's mix (assumption). */
export const INTERMODAL_TTW_SHARE = { barge: 2.51 / 3.17, rail: (0.2 * 2.51) / 3.17 } as const;

// ---- barge and rail legs (docs/model/energy.md, intermodal legs) -------------------------------

/** g CO2e per tonne-km: inland waterways 38.6, rail 11.3 (ETRR 2019, Table 9). */
export const INTERMODAL_CO2E_G_PER_TONNE_KM = { barge: 38.6, rail: 11.3 } as const;
/** Energy per tonne-km when not given: CO2e intensity over the diesel WTW factor, 3,170 g per 10 kWh. */
export const INTERMODAL_KWH_PER_G_CO2E = 10 / 3170;

// ---- two echelons: platform -> micro-hub feeders (docs/model/consolidation.md, two echelons) -------

/** A road feeder's vehicles when `hubs[].feeder.vehicleType` is not given (assumption). */
export const FEEDER_VEHICLE_TYPE = 'rigid-truck';
/** Barge and rail defaults (assumptions, docs/model/energy.md): speed, handling at each end, payload per sailing. */
export const INTERMODAL_SPEED_KMH = { barge: 10, rail: 40 } as const;
export const INTERMODAL_HANDLING_MIN = 60;
export const INTERMODAL_CAPACITY_KG = { barge: 250_000, rail: 1_000_000 } as const;
