/**
 * Energy-carrier factors and other constants of the energy model, each with its unit and source.
 * Figures come from /work/shared/reference/energy-and-emissions.md unless `basis` says otherwise;
 * every value the reference lacks is `basis: 'assumption'` and is user-overridable through the scenario.
 * Equations and the full factor table: docs/model/energy.md.
 */

/**
 * Where a value comes from:
 * - `reference`: quoted from a named public source;
 * - `derived`: computed here from a source's own numbers (derivation in `source`);
 * - `physical`: a standard physical constant;
 * - `assumption`: no source found; an explicit, labelled, overridable choice.
 */
export type ConstantBasis = 'reference' | 'derived' | 'physical' | 'assumption';

/** A constant is a value plus its unit and where it came from; bare numbers are not allowed in src/energy. */
export interface SourcedConstant<Unit extends string = string> {
  readonly value: number;
  readonly unit: Unit;
  readonly source: string;
  readonly basis: ConstantBasis;
}

const FR_LEGAL_FACTORS = 'arrêté of 26 April 2017 (décret 2017-639), France, WTW';

// ---------------------------------------------------------------------------------------------
// Diesel
// ---------------------------------------------------------------------------------------------

/** Lower heating value of road diesel, used to express diesel use in kWh. */
export const DIESEL_KWH_PER_L: SourcedConstant<'kWh/L'> = {
  value: 10,
  unit: 'kWh/L',
  source: 'Standard physical constant: diesel LHV ≈ 10 kWh per litre (≈ 36 MJ/L)',
  basis: 'physical',
};

/** Well-to-wheel emissions of road diesel: 0.66 upstream + 2.51 combustion. */
export const DIESEL_WTW_CO2E_KG_PER_L: SourcedConstant<'kg CO2e/L'> = {
  value: 3.17,
  unit: 'kg CO2e/L',
  source: `${FR_LEGAL_FACTORS}: road diesel 3.17 (0.66 upstream + 2.51 combustion)`,
  basis: 'reference',
};

/** Tank-to-wheel (combustion only) part of the diesel factor; used only to cross-check against operating g/km figures. */
export const DIESEL_TTW_CO2E_KG_PER_L: SourcedConstant<'kg CO2e/L'> = {
  value: 2.51,
  unit: 'kg CO2e/L',
  source: `${FR_LEGAL_FACTORS}: combustion part of road diesel`,
  basis: 'reference',
};

// ---------------------------------------------------------------------------------------------
// Electricity
// ---------------------------------------------------------------------------------------------

/** Default grid factor (scenario option `electricityCo2eKgPerKWh` overrides it). */
export const ELECTRICITY_FR_CO2E_KG_PER_KWH: SourcedConstant<'kg CO2e/kWh'> = {
  value: 0.048,
  unit: 'kg CO2e/kWh',
  source: `${FR_LEGAL_FACTORS}: electricity, mainland France`,
  basis: 'reference',
};

/** Alternative grid factor for a city outside France. */
export const ELECTRICITY_EU_EX_FR_CO2E_KG_PER_KWH: SourcedConstant<'kg CO2e/kWh'> = {
  value: 0.42,
  unit: 'kg CO2e/kWh',
  source: `${FR_LEGAL_FACTORS}: electricity, Europe excluding France`,
  basis: 'reference',
};

// ---------------------------------------------------------------------------------------------
// Gas (CNG / bio-CNG)
// ---------------------------------------------------------------------------------------------

export const BIO_CNG_WTW_CO2E_KG_PER_KG: SourcedConstant<'kg CO2e/kg'> = {
  value: 0.61,
  unit: 'kg CO2e/kg',
  source: 'ADEME Base Carbone, bioGNV (bio-CNG) WTW, quoted by mobiogaz.fr',
  basis: 'reference',
};

export const FOSSIL_CNG_WTW_CO2E_KG_PER_KG: SourcedConstant<'kg CO2e/kg'> = {
  value: 2.96,
  unit: 'kg CO2e/kg',
  source: 'ADEME Base Carbone, fossil CNG (GNV) WTW, quoted by mobiogaz.fr',
  basis: 'reference',
};

/**
 * Lower heating value of (bio-)methane, used to report gas use in kWh. Not in the project reference:
 * a standard value (bio-CNG is upgraded to near-pure methane).
 */
export const CNG_KWH_PER_KG: SourcedConstant<'kWh/kg'> = {
  value: 13.33,
  unit: 'kWh/kg',
  source: 'Standard value: IPCC 2006 Guidelines Vol. 2 Table 1.2, natural gas NCV 48.0 MJ/kg = 13.33 kWh/kg',
  basis: 'physical',
};

/** Distance equivalence of gas and diesel in the same vehicle. */
export const CNG_KG_PER_DIESEL_L: SourcedConstant<'kg/L'> = {
  value: 1,
  unit: 'kg/L',
  source: 'ADEME/mobiogaz.fr via the project reference: 1 kg of gas goes about as far as 1 L of diesel',
  basis: 'reference',
};

// ---------------------------------------------------------------------------------------------
// Hydrogen
// ---------------------------------------------------------------------------------------------

export const H2_KWH_PER_KG: SourcedConstant<'kWh/kg'> = {
  value: 33.3,
  unit: 'kWh/kg',
  source: 'Standard physical constant: hydrogen LHV ≈ 120 MJ/kg = 33.3 kWh/kg',
  basis: 'physical',
};

/**
 * Grey hydrogen (steam methane reforming, no capture) well-to-wheel, including compression and delivery.
 * The reference has no hydrogen emission factor.
 */
export const GREY_H2_WTW_CO2E_KG_PER_KG: SourcedConstant<'kg CO2e/kg'> = {
  value: 11,
  unit: 'kg CO2e/kg',
  source:
    'ASSUMPTION (no figure in the project reference): grey H2 from steam methane reforming, ' +
    '~9-10 kg CO2 per kg at the plant plus upstream gas and compression/delivery ≈ 11 kg CO2e/kg. Override for green H2.',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// Hub operations
// ---------------------------------------------------------------------------------------------

/**
 * Electricity used by a hub per handling unit cross-docked (lighting, scanning, conveyors, pallet-truck charging).
 * Counted as a hub operation (ISO 14083 hub operation category), on the grid electricity factor.
 */
export const HUB_HANDLING_KWH_PER_UNIT: SourcedConstant<'kWh/unit'> = {
  value: 0.05,
  unit: 'kWh/unit',
  source:
    'ASSUMPTION (no figure in the project reference): a 2,500 m2 urban hub handling ~2,000 parcels a day ' +
    '(Lille CMDU, reference) at an assumed 4 W/m2 mean electric load over a 10 h day uses 100 kWh/day, ' +
    'i.e. 0.05 kWh per unit. Scenario hubs override it with handlingKWhPerUnit.',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// Accounting
// ---------------------------------------------------------------------------------------------

/**
 * GLEC road distance adjustment factor (planned to actual distance). Exported for callers that want it,
 * NOT applied by default: picon's distances are already network-like (great-circle × circuity, or a
 * user matrix), so applying +5 % on top would double-count detours. See docs/model/energy.md §4.
 */
export const GLEC_ROAD_DISTANCE_ADJUSTMENT: SourcedConstant<'ratio'> = {
  value: 1.05,
  unit: 'ratio',
  source: 'GLEC Framework v3 / ISO 14083:2023 road defaults: +5 % distance adjustment',
  basis: 'reference',
};

// ---------------------------------------------------------------------------------------------
// Speeds and handling units
// ---------------------------------------------------------------------------------------------

/** Reference point for congested city-centre driving (not used directly; see VAN_URBAN_SPEED_KMH). */
export const CENTRAL_LONDON_TRAFFIC_SPEED_KMH: SourcedConstant<'km/h'> = {
  value: 11.4,
  unit: 'km/h',
  source: 'Central London average traffic speed (project reference, speeds and stops)',
  basis: 'reference',
};

export const CARGO_BIKE_SPEED_KMH: SourcedConstant<'km/h'> = {
  value: 15,
  unit: 'km/h',
  source: 'E-cargo bike average speed 15 km/h (project reference, speeds and stops)',
  basis: 'reference',
};

/**
 * Average van speed over a whole urban tour, congestion included. A tour mixes the stem between the hub or
 * depot and the centre with in-centre legs: one third of km at the dense-core speed (11.4 km/h, central London)
 * and two thirds at an assumed 25 km/h gives 1 / (1/3/11.4 + 2/3/25) = 17.9 km/h, rounded to 18.
 */
export const VAN_URBAN_SPEED_KMH: SourcedConstant<'km/h'> = {
  value: 18,
  unit: 'km/h',
  source:
    'ASSUMPTION derived from central London 11.4 km/h (reference): 1/3 of tour km in the dense core at 11.4 km/h, ' +
    '2/3 on stem legs at an assumed 25 km/h: 1/(1/3/11.4 + 2/3/25) = 17.9 ≈ 18 km/h',
  basis: 'assumption',
};

/** Trucks: slower acceleration, fewer usable streets and loading bays than vans. */
export const TRUCK_URBAN_SPEED_KMH: SourcedConstant<'km/h'> = {
  value: 15,
  unit: 'km/h',
  source:
    'ASSUMPTION: ~85 % of the van speed (18 km/h) for a 7.5-19 t rigid in a dense centre, rounded to 15 km/h',
  basis: 'assumption',
};

/**
 * Volume of one handling unit (parcel-equivalent) used to size the built-in vehicles' `capacity.units`:
 * a 40 × 30 × 30 cm parcel (0.036 m3) at ~70 % stowage ≈ 0.05 m3, i.e. 20 units per m3 of load space.
 * Scenarios counting roll cages (~1 m3 each) should override `capacity.units`.
 */
export const HANDLING_UNIT_M3: SourcedConstant<'m3/unit'> = {
  value: 0.05,
  unit: 'm3/unit',
  source: 'ASSUMPTION: parcel-equivalent of 0.036 m3 at ~70 % stowage efficiency ≈ 0.05 m3 per handling unit',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// Barge and rail trunk legs (docs/model/energy.md, intermodal legs)
// ---------------------------------------------------------------------------------------------

const ETRR_2019 =
  'European Transport Research Review 11 (2019), "A shift-share based tool for assessing the contribution ' +
  'of a modal shift…", Table 9 (2014 factors from KiM and CE Delft); scope not stated as WTW';

/**
 * Inland waterway intensity. The higher of the reference's figures (ADEME 2019 gives 8.8–34.7 g for French
 * barges): a short urban barge leg sails part-loaded, so the long-haul average would flatter it.
 */
export const BARGE_CO2E_G_PER_TONNE_KM: SourcedConstant<'g CO2e/t-km'> = {
  value: 38.6,
  unit: 'g CO2e/t-km',
  source: `${ETRR_2019}: inland waterways 38.6 g CO2 per tonne-km`,
  basis: 'reference',
};

export const RAIL_CO2E_G_PER_TONNE_KM: SourcedConstant<'g CO2e/t-km'> = {
  value: 11.3,
  unit: 'g CO2e/t-km',
  source: `${ETRR_2019}: rail freight (80 % electric, 20 % diesel) 11.3 g CO2 per tonne-km`,
  basis: 'reference',
};

/**
 * Energy per tonne-km of a barge or train when the scenario gives none: the CO2e intensity divided by the
 * diesel WTW factor per kWh (3.17 kg/L ÷ 10 kWh/L). Exact for a diesel barge; for mostly electric rail it
 * gives the diesel-equivalent energy, an order of magnitude only.
 */
export const INTERMODAL_KWH_PER_G_CO2E: SourcedConstant<'kWh/g CO2e'> = {
  value: 10 / 3170,
  unit: 'kWh/g CO2e',
  source: 'DERIVED: DIESEL_KWH_PER_L / DIESEL_WTW_CO2E_KG_PER_L (10 kWh/L ÷ 3,170 g CO2e/L)',
  basis: 'derived',
};

export const BARGE_SPEED_KMH: SourcedConstant<'km/h'> = {
  value: 10,
  unit: 'km/h',
  source: 'ASSUMPTION: a loaded barge on an urban canal with locks (the Deûle), about 10 km/h on average',
  basis: 'assumption',
};

export const RAIL_SPEED_KMH: SourcedConstant<'km/h'> = {
  value: 40,
  unit: 'km/h',
  source: 'ASSUMPTION: a short freight rail shuttle, 40 km/h on average terminal to terminal',
  basis: 'assumption',
};

export const INTERMODAL_HANDLING_MIN: SourcedConstant<'min'> = {
  value: 60,
  unit: 'min',
  source: 'ASSUMPTION: one hour to load a barge or train at the terminal, and one to unload it at the hub',
  basis: 'assumption',
};

export const BARGE_CAPACITY_KG: SourcedConstant<'kg'> = {
  value: 250_000,
  unit: 'kg',
  source: 'ASSUMPTION: a Freycinet-gauge barge (38.5 m), about 250 t of payload',
  basis: 'assumption',
};

export const RAIL_CAPACITY_KG: SourcedConstant<'kg'> = {
  value: 1_000_000,
  unit: 'kg',
  source: 'ASSUMPTION: a short freight train, about 1,000 t of payload',
  basis: 'assumption',
};

/** Every constant of this file, for documentation and tests. */
export const ENERGY_CONSTANTS = {
  DIESEL_KWH_PER_L,
  DIESEL_WTW_CO2E_KG_PER_L,
  DIESEL_TTW_CO2E_KG_PER_L,
  ELECTRICITY_FR_CO2E_KG_PER_KWH,
  ELECTRICITY_EU_EX_FR_CO2E_KG_PER_KWH,
  BIO_CNG_WTW_CO2E_KG_PER_KG,
  FOSSIL_CNG_WTW_CO2E_KG_PER_KG,
  CNG_KWH_PER_KG,
  CNG_KG_PER_DIESEL_L,
  H2_KWH_PER_KG,
  GREY_H2_WTW_CO2E_KG_PER_KG,
  HUB_HANDLING_KWH_PER_UNIT,
  GLEC_ROAD_DISTANCE_ADJUSTMENT,
  CENTRAL_LONDON_TRAFFIC_SPEED_KMH,
  CARGO_BIKE_SPEED_KMH,
  VAN_URBAN_SPEED_KMH,
  TRUCK_URBAN_SPEED_KMH,
  HANDLING_UNIT_M3,
  BARGE_CO2E_G_PER_TONNE_KM,
  RAIL_CO2E_G_PER_TONNE_KM,
  INTERMODAL_KWH_PER_G_CO2E,
  BARGE_SPEED_KMH,
  RAIL_SPEED_KMH,
  INTERMODAL_HANDLING_MIN,
  BARGE_CAPACITY_KG,
  RAIL_CAPACITY_KG,
} as const satisfies Record<string, SourcedConstant>;
