import type { LonLat } from '../contracts/primitives.ts';
import type { CityGeography, StreetCluster } from './city-geography.ts';
import { insidePolygon, localDistanceMetres, offsetMetres, roundLonLat } from './geometry.ts';
import { LILLE_CENTRE_POLYGON, LILLE_EXCLUSIONS } from './lille.ts';
import type { Rng } from './rng.ts';

/** Draws beyond this many spreads are redrawn: keeps clusters compact. */
const MAX_SPREADS = 2.5;
const MAX_ATTEMPTS = 64;

/** Where receivers may be: the served areas, minus parks and water. */
export type ServedArea = Pick<CityGeography, 'areas' | 'exclusions'>;

const LILLE_AREA: ServedArea = { areas: [LILLE_CENTRE_POLYGON], exclusions: LILLE_EXCLUSIONS };

/** True when a point is inside one of the served areas and outside every exclusion zone (Lille's by default). */
export function isServable(p: LonLat, city: ServedArea = LILLE_AREA): boolean {
  return (
    city.areas.some((ring) => insidePolygon(p, ring)) &&
    city.exclusions.every((z) => localDistanceMetres(p, z.centre) > z.radiusM)
  );
}

/**
 * A receiver location around a street cluster: Gaussian scatter with the cluster's spread, redrawn until it
 * falls inside the served areas and outside parks and water (the cluster centre itself after 64 misses).
 */
export function placeReceiver(cluster: StreetCluster, rng: Rng, city: ServedArea = LILLE_AREA): LonLat {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const east = rng.normal() * cluster.spreadM;
    const north = rng.normal() * cluster.spreadM;
    if (Math.hypot(east, north) > MAX_SPREADS * cluster.spreadM) continue;
    const p = roundLonLat(offsetMetres(cluster.centre, east, north));
    if (isServable(p, city)) return p;
  }
  return [cluster.centre[0], cluster.centre[1]];
}
