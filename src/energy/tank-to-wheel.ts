/**
 * Tank-to-wheel (TTW) shares of the well-to-wheel (WTW) factors, for ISO 14083 / GLEC reporting, which asks for
 * both scopes. picon's factors are WTW (docs/model/energy.md); the TTW part of an emission is the WTW figure times
 * the share of it that leaves the vehicle's exhaust. Zero shares are physical facts or conventions, said so.
 */
import type { EnergyCarrier } from '../domain/vehicle-type.ts';
import { DIESEL_TTW_CO2E_KG_PER_L, DIESEL_WTW_CO2E_KG_PER_L, type SourcedConstant } from './constants.ts';

const DIESEL_TTW_SHARE = DIESEL_TTW_CO2E_KG_PER_L.value / DIESEL_WTW_CO2E_KG_PER_L.value;

/** TTW share of the WTW factor, per energy carrier of a road vehicle. */
export const TTW_SHARE_OF_WTW: Readonly<Record<EnergyCarrier, SourcedConstant<'ratio'>>> = {
  diesel: {
    value: DIESEL_TTW_SHARE,
    unit: 'ratio',
    source: `DERIVED: combustion 2.51 of 3.17 kg CO2e/L (${DIESEL_WTW_CO2E_KG_PER_L.source})`,
    basis: 'derived',
  },
  electricity: {
    value: 0,
    unit: 'ratio',
    source: 'Physical: nothing burns on board; all grid emissions are well-to-tank (ISO 14083 scope split)',
    basis: 'physical',
  },
  hydrogen: {
    value: 0,
    unit: 'ratio',
    source: 'Physical: a fuel cell emits water only; production emissions are well-to-tank',
    basis: 'physical',
  },
  'bio-cng': {
    value: 0,
    unit: 'ratio',
    source:
      'ASSUMPTION: the CO2 of burning biomethane is biogenic and counts 0 at the wheel (EN 16258 / GLEC ' +
      'convention for biofuels); methane slip and N2O are neglected',
    basis: 'assumption',
  },
};

/** TTW share of a barge or rail leg's intensity (the legs' intensities are taken as WTW). */
export const INTERMODAL_TTW_SHARE_OF_WTW: Readonly<Record<'barge' | 'rail', SourcedConstant<'ratio'>>> = {
  barge: {
    value: DIESEL_TTW_SHARE,
    unit: 'ratio',
    source:
      'ASSUMPTION: a diesel-powered barge, so the diesel combustion share 2.51/3.17 of its intensity is emitted ' +
      'at the wheel (the source of the intensity does not state its scope)',
    basis: 'assumption',
  },
  rail: {
    value: 0.2 * DIESEL_TTW_SHARE,
    unit: 'ratio',
    source:
      'ASSUMPTION: the source mix is 80 % electric (nothing at the wheel) and 20 % diesel traction; 20 % of the ' +
      'intensity is taken as diesel, of which 2.51/3.17 is combustion',
    basis: 'assumption',
  },
};

/** The powertrain picon gives a vehicle type -> its energy carrier (one to one). */
const CARRIER_OF_POWERTRAIN: Readonly<Record<string, EnergyCarrier>> = {
  electric: 'electricity',
  diesel: 'diesel',
  hydrogen: 'hydrogen',
  'bio-cng': 'bio-cng',
};

/** TTW share of a vehicle type's WTW factor, by its powertrain; an unknown powertrain is counted as diesel. */
export function ttwShareOfPowertrain(powertrain: string): SourcedConstant<'ratio'> {
  return TTW_SHARE_OF_WTW[CARRIER_OF_POWERTRAIN[powertrain] ?? 'diesel'];
}
