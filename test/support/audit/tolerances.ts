/**
 * How close a printed figure must be to the auditor's recomputation, and why. Every tolerance is far
 * below the faults the auditor must catch (a time 2 minutes off, an energy 2 % off, one order too many)
 * and above the noise of floating point and of the plan's own printed rounding.
 */

/**
 * Times: the plan prints seconds to the millisecond and the solver works in float seconds (its own
 * epsilon is 1e-7 s); one second is 120 times smaller than the smallest timing fault we plant.
 */
export const TIME_TOLERANCE_S = 1;

/** `waitMin` is printed to 0.1 min, so it may be up to 3 s off the exact wait. */
export const WAIT_ROUNDING_S = 3;

/** `durationMin` (routes and trunk legs) is printed to 0.1 min: half a step of rounding. */
export const DURATION_ROUNDING_MIN = 0.05;

/** distanceKm, energyKWh, co2eKg, loads and most KPIs are printed to 3 decimals: half a step. */
export const ROUNDING_3_DECIMALS = 0.0005;

/** Money (allocation rows) is printed to cents: half a cent. */
export const MONEY_ROUNDING_EUR = 0.005;

/** Saving percentages are printed to 0.1 %: half a step, plus float noise. */
export const PCT_ROUNDING = 0.05 + 1e-9;

/**
 * Relative slack on recomputed quantities: our haversine uses turf's mean Earth radius
 * (6,371,008.8 m) with an equivalent formula, so the only differences are float rounding (~1e-12);
 * 1e-6 is still 20,000 times below a 2 % fault.
 */
export const RELATIVE_TOLERANCE = 1e-6;

/** Capacity per dimension and battery range: the solver's own feasibility epsilon is 1e-9. */
export const CAPACITY_TOLERANCE = 1e-6;
export const RANGE_TOLERANCE_KWH = 1e-6;

/** `|actual - expected| <= absolute + RELATIVE_TOLERANCE * |expected|`. */
export function close(actual: number, expected: number, absolute: number): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= absolute + RELATIVE_TOLERANCE * Math.abs(expected);
}
