/**
 * Vehicle-specific figures behind the built-in vehicle types (src/energy/vehicle-types.ts), each with unit and
 * source. Figures come from /work/shared/reference/energy-and-emissions.md unless `basis` is `assumption`.
 * See docs/model/energy.md §3 for the derivations.
 */
import type { SourcedConstant } from './constants.ts';

const ARVAL = 'Arval loaded-van test, reported by Sparshatt Group (fuel derived from mpg)';

// ---------------------------------------------------------------------------------------------
// Diesel van (3.5 t)
// ---------------------------------------------------------------------------------------------

export const DIESEL_VAN_PAYLOAD_KG: SourcedConstant<'kg'> = {
  value: 1080,
  unit: 'kg',
  source: `${ARVAL}: 3.5 t van, ~1,080 kg payload`,
  basis: 'reference',
};

export const DIESEL_VAN_L_PER_100KM_EMPTY: SourcedConstant<'L/100 km'> = {
  value: 7.9,
  unit: 'L/100 km',
  source: `${ARVAL}: 7.9 L/100 km at 0 % payload`,
  basis: 'reference',
};

export const DIESEL_VAN_L_PER_100KM_75PCT: SourcedConstant<'L/100 km'> = {
  value: 10.0,
  unit: 'L/100 km',
  source: `${ARVAL}: 10.0 L/100 km at 75 % payload (8.4 at 25 %, 9.1 at 50 %: roughly linear)`,
  basis: 'reference',
};

export const DIESEL_VAN_M3: SourcedConstant<'m3'> = {
  value: 10,
  unit: 'm3',
  source: 'ASSUMPTION: load space of a large 3.5 t panel van with ~1,080 kg payload',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// Large e-van (eSprinter class)
// ---------------------------------------------------------------------------------------------

export const E_VAN_MANUFACTURER_KWH_PER_100KM: SourcedConstant<'kWh/100 km'> = {
  value: 21.9,
  unit: 'kWh/100 km',
  source: 'Mercedes-Benz eSprinter manufacturer test, 21.9 kWh/100 km (mostly non-urban)',
  basis: 'reference',
};

/** Real-world range is 60-70 % of the official one: the best case (70 %) is taken for the empty van. */
export const E_VAN_REAL_WORLD_RANGE_RATIO_EMPTY: SourcedConstant<'ratio'> = {
  value: 0.7,
  unit: 'ratio',
  source:
    'Arval/Millbrook range tests (Fleet News 2021): real-world range 60-70 % of official; upper bound used when empty',
  basis: 'reference',
};

/** Lower bound of the same band (60 %), taken for the fully loaded van. */
export const E_VAN_REAL_WORLD_RANGE_RATIO_FULL: SourcedConstant<'ratio'> = {
  value: 0.6,
  unit: 'ratio',
  source:
    'Arval/Millbrook range tests (Fleet News 2021): real-world range 60-70 % of official; lower bound used at full payload',
  basis: 'reference',
};

export const E_VAN_PAYLOAD_KG: SourcedConstant<'kg'> = {
  value: 1200,
  unit: 'kg',
  source:
    'ASSUMPTION: inside the 1.0-1.5 t band; the reference survey gives about 1.5 t for large e-vans, which includes ' +
    '4.25 t B-licence derogation vans; a 3.5 t eSprinter-class van loses payload to its battery, so 1,200 kg',
  basis: 'assumption',
};

export const E_VAN_M3: SourcedConstant<'m3'> = {
  value: 10.5,
  unit: 'm3',
  source: 'ASSUMPTION: eSprinter-class high-roof panel van load space, 10-11 m3',
  basis: 'assumption',
};

export const E_VAN_BATTERY_USABLE_KWH: SourcedConstant<'kWh'> = {
  value: 40,
  unit: 'kWh',
  source: 'ASSUMPTION: usable battery of an eSprinter-class van, middle of the 35-47 kWh usable range',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// E-cargo bike
// ---------------------------------------------------------------------------------------------

export const CARGO_BIKE_KWH_PER_KM_EMPTY: SourcedConstant<'kWh/km'> = {
  value: 0.007,
  unit: 'kWh/km',
  source: 'Zedify: about 7 Wh/km (low-authority source), taken as the empty figure',
  basis: 'reference',
};

/**
 * Bike + rider ≈ 150 kg; 180 kg of load multiplies the moving mass by 2.2. At 15 km/h about half the assist
 * energy is mass-dependent (rolling, re-acceleration at stops), so energy rises ≈ 0.5 + 0.5 × 2.2 = 1.6×.
 */
export const CARGO_BIKE_KWH_PER_KM_FULL: SourcedConstant<'kWh/km'> = {
  value: 0.011,
  unit: 'kWh/km',
  source:
    'ASSUMPTION: 7 Wh/km empty × (0.5 + 0.5 × 330/150 mass ratio) ≈ 1.6 → 11 Wh/km at 180 kg; ' +
    'consistent with the reference operating 0-5 g CO2e/km',
  basis: 'assumption',
};

export const CARGO_BIKE_PAYLOAD_KG: SourcedConstant<'kg'> = {
  value: 180,
  unit: 'kg',
  source: 'La Petite Reine Paris bikes: 180 kg (reference range 150-300 kg; Zedify, Pedal Me)',
  basis: 'reference',
};

export const CARGO_BIKE_M3: SourcedConstant<'m3'> = {
  value: 1.5,
  unit: 'm3',
  source: 'Zedify / Pedal Me / La Petite Reine: 1,400-1,500 L load box',
  basis: 'reference',
};

export const CARGO_BIKE_BATTERY_USABLE_KWH: SourcedConstant<'kWh'> = {
  value: 1,
  unit: 'kWh',
  source:
    'ASSUMPTION: one ~1 kWh pack (or two 0.5 kWh packs) usable per trip; swapped at the hub between trips',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// Rigid truck (7.5 t) and bio-CNG truck
// ---------------------------------------------------------------------------------------------

export const RIGID_TRUCK_PAYLOAD_KG: SourcedConstant<'kg'> = {
  value: 3000,
  unit: 'kg',
  source:
    'ASSUMPTION (no figure in the reference): 7.5 t GVW rigid box truck, ~4.5 t kerb mass, ~3,000 kg payload',
  basis: 'assumption',
};

export const RIGID_TRUCK_M3: SourcedConstant<'m3'> = {
  value: 30,
  unit: 'm3',
  source: 'ASSUMPTION: box body of a 7.5 t rigid, ~30 m3',
  basis: 'assumption',
};

export const RIGID_TRUCK_L_PER_100KM_EMPTY: SourcedConstant<'L/100 km'> = {
  value: 20,
  unit: 'L/100 km',
  source:
    'ASSUMPTION (the reference found no litre-per-km figure for 7.5-19 t rigids): 20 L/100 km empty in town',
  basis: 'assumption',
};

export const RIGID_TRUCK_L_PER_100KM_FULL: SourcedConstant<'L/100 km'> = {
  value: 25,
  unit: 'L/100 km',
  source:
    "ASSUMPTION: 25 L/100 km at full payload (+25 %, of the same order as the reference diesel van's +35 % " +
    'from empty to full)',
  basis: 'assumption',
};

// ---------------------------------------------------------------------------------------------
// Hydrogen fuel-cell van
// ---------------------------------------------------------------------------------------------

/** Hydrogen energy per km relative to the same van on a battery: ~0.9 battery-to-wheel vs ~0.5 fuel-cell system. */
export const FUEL_CELL_VS_BATTERY_ENERGY_RATIO: SourcedConstant<'ratio'> = {
  value: 1.8,
  unit: 'ratio',
  source:
    'ASSUMPTION (no hydrogen van figure in the reference): fuel-cell system ~50 % vs battery-to-wheel ~90 % ' +
    "efficiency, so H2 energy ≈ 0.9/0.5 = 1.8 × the e-van's kWh/km (≈ 1.7-2.0 kg H2/100 km; the reference " +
    '19 t H2 truck uses ~8 kg/100 km)',
  basis: 'assumption',
};

export const HYDROGEN_VAN_PAYLOAD_KG: SourcedConstant<'kg'> = {
  value: 1000,
  unit: 'kg',
  source: 'ASSUMPTION: 3.5 t fuel-cell van; tanks and fuel cell cost payload against the diesel van',
  basis: 'assumption',
};

export const HYDROGEN_VAN_TANK_KG: SourcedConstant<'kg'> = {
  value: 5,
  unit: 'kg',
  source: 'ASSUMPTION: ~5 kg usable H2 at 700 bar per trip (few urban refuelling stations)',
  basis: 'assumption',
};
