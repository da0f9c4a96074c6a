import type { TravelModel } from '../domain/routing-problem.ts';
import { secondsPerMetre, type SpeedProfilesKmh } from './speed-profiles.ts';

/**
 * A user-supplied matrix (e.g. from OSRM or Valhalla) in the same model. `distancesKm[i][j]` between
 * location i and j; durations, when supplied, are used for every profile (a road router's car times);
 * otherwise duration = distance / profile speed.
 */
export function matrixTravel(
  distancesKm: readonly (readonly number[])[],
  speedsKmh: SpeedProfilesKmh,
  durationsMin?: readonly (readonly number[])[],
): TravelModel {
  const n = distancesKm.length;
  const pace = speedsKmh.map(secondsPerMetre);
  const distance = (i: number, j: number): number => (distancesKm[i]?.[j] ?? Number.POSITIVE_INFINITY) * 1000;
  return {
    size: n,
    distance,
    duration: durationsMin
      ? (i, j) => (durationsMin[i]?.[j] ?? Number.POSITIVE_INFINITY) * 60
      : (i, j, profile) => distance(i, j) * (pace[profile] ?? 0),
    nearest(from, k) {
      const order = [...Array(n).keys()].filter((j) => j !== from);
      order.sort((a, b) => distance(from, a) - distance(from, b));
      return order.slice(0, k);
    },
  };
}
