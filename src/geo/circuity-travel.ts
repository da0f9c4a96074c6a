import type { LonLat } from '../domain/location.ts';
import type { TravelModel } from '../domain/routing-problem.ts';
import type { Metres, Seconds } from '../domain/units.ts';
import { greatCircleBetween } from './great-circle.ts';
import { GridIndex } from './grid-index.ts';
import { cachedPairs } from './pair-cache.ts';
import { secondsPerMetre, type SpeedProfilesKmh } from './speed-profiles.ts';

/** Road network detour over the straight line in a dense European centre (DESIGN.md default). */
export const DEFAULT_CIRCUITY = 1.3;

/** Above this many locations distances are computed on demand instead of stored (n² doubles = 8n² bytes). */
const MAX_STORED_LOCATIONS = 2500;

/**
 * Great-circle distance × circuity factor, duration = distance / profile speed.
 * Small problems get a stored matrix; large ones compute on demand, behind a cache of the pairs last asked
 * for, so 10,000 stops fit in memory.
 */
export function circuityTravel(
  locations: readonly LonLat[],
  speedsKmh: SpeedProfilesKmh,
  circuity: number = DEFAULT_CIRCUITY,
): TravelModel {
  const n = locations.length;
  const pace = speedsKmh.map(secondsPerMetre);
  const greatCircle = greatCircleBetween(locations);
  const compute = (i: number, j: number): Metres => (i === j ? 0 : greatCircle(i, j) * circuity);
  let distance: (i: number, j: number) => Metres;
  if (n <= MAX_STORED_LOCATIONS) {
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = compute(i, j);
        matrix[i * n + j] = d;
        matrix[j * n + i] = d;
      }
    }
    distance = (i, j) => matrix[i * n + j] as number;
  } else distance = cachedPairs(compute, n);
  let grid: GridIndex | undefined;
  // per location, the last answer and its k: a day's tasks share one travel model per process or thread,
  // and a receiver is a stop of several carriers' rounds, of their clean-fleet re-routes and of its hub's
  const lastNearest = new Map<number, { k: number; list: readonly number[] }>();
  return {
    size: n,
    distance,
    duration: (i: number, j: number, profile: number): Seconds => distance(i, j) * (pace[profile] ?? 0),
    nearest(from: number, k: number): readonly number[] {
      const cached = lastNearest.get(from);
      if (cached !== undefined && cached.k === k) return cached.list;
      grid ??= new GridIndex(locations);
      const list = grid.nearest(from, k);
      lastNearest.set(from, { k, list });
      return list;
    },
  };
}
