import type { LonLat } from '../contracts/primitives.ts';
import { insidePolygon, localDistanceMetres, offsetMetres, roundLonLat } from './geometry.ts';
import type { StreetCluster } from './lille.ts';
import { LILLE_CENTRE_POLYGON, LILLE_EXCLUSIONS } from './lille.ts';
import type { Rng } from './rng.ts';

/** Draws beyond this many spreads are redrawn: keeps clusters compact. */
const MAX_SPREADS = 2.5;
const MAX_ATTEMPTS = 64;

/** True when a point is inside the served centre and outside every exclusion zone. */
export function isServable(p: LonLat): boolean {
  return (
    insidePolygon(p, LILLE_CENTRE_POLYGON) &&
    LILLE_EXCLUSIONS.every((z) => localDistanceMetres(p, z.centre) > z.radiusM)
  );
}

/**
 * A receiver location around a street cluster: Gaussian scatter with the cluster's spread, redrawn until it
 * falls inside the centre polygon and outside parks and water (the cluster centre itself after 64 misses).
 */
export function placeReceiver(cluster: StreetCluster, rng: Rng): LonLat {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const east = rng.normal() * cluster.spreadM;
    const north = rng.normal() * cluster.spreadM;
    if (Math.hypot(east, north) > MAX_SPREADS * cluster.spreadM) continue;
    const p = roundLonLat(offsetMetres(cluster.centre, east, north));
    if (isServable(p)) return p;
  }
  return [cluster.centre[0], cluster.centre[1]];
}
