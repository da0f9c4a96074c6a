import type { Size } from '../contracts/primitives.ts';
import type { Rng } from './rng.ts';
import type { SectorProfile } from './sectors.ts';
import { RETURN_DENSITY_KG_PER_M3 } from './sectors.ts';

/**
 * Volume of one parcel-equivalent handling unit, m3 (the assumption picon's built-in vehicles use to size
 * `capacity.units`, see src/energy/constants.ts HANDLING_UNIT_M3). Orders never count more units than their
 * volume holds, so a vehicle's unit capacity never binds before its volume does.
 */
const HANDLING_UNIT_M3 = 0.05;

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function sizeOf(kg: number, density: number, units: number): Size {
  const m3 = round3(Math.max(0.001, kg / density));
  return { kg, m3, units: Math.max(1, Math.min(units, Math.floor(m3 / HANDLING_UNIT_M3))) };
}

/**
 * Size of one delivery of a sector's freight to a receiver whose kind scales sizes by `sizeFactor`,
 * clamped to the sector's range.
 */
export function drawDeliverySize(profile: SectorProfile, sizeFactor: number, rng: Rng): Size {
  const [min, max] = profile.kg;
  const raw = (min + (max - min) * rng.next() ** profile.skew) * sizeFactor;
  const kg = round1(Math.min(max, Math.max(min, raw)));
  const units = rng.int(profile.units[0], profile.units[1]);
  return sizeOf(kg, rng.range(profile.densityKgPerM3[0], profile.densityKgPerM3[1]), units);
}

/** Size of a pickup of returns (empty packaging): light and bulky. */
export function drawReturnSize(profile: SectorProfile, rng: Rng): Size {
  const kg = round1(rng.range(profile.returnKg[0], profile.returnKg[1]));
  return sizeOf(kg, rng.range(RETURN_DENSITY_KG_PER_M3[0], RETURN_DENSITY_KG_PER_M3[1]), rng.int(1, 3));
}

/**
 * Shrinks a receiver's sizes proportionally so that their sum stays within `max` (kg, m3 and units alike):
 * the small drops a cargo bike makes to an outlet of the pedestrian core. Rounds down, so the result fits.
 */
export function shrinkToFit(sizes: readonly Size[], max: { kg: number; m3: number; units: number }): Size[] {
  const sum = (f: (s: Size) => number): number => sizes.reduce((a, s) => a + f(s), 0);
  const massFactor = Math.min(1, max.kg / sum((s) => s.kg), max.m3 / sum((s) => s.m3 ?? 0));
  const unitFactor = Math.min(1, max.units / sum((s) => s.units ?? 0));
  return sizes.map((s) => ({
    kg: Math.max(0.1, Math.floor(s.kg * massFactor * 10) / 10),
    m3: Math.max(0.001, Math.floor((s.m3 ?? 0) * massFactor * 1000) / 1000),
    units: Math.max(1, Math.floor((s.units ?? 1) * unitFactor)),
  }));
}
