import { distance as turfDistance } from '@turf/distance';
import type { LonLat } from '../domain/location.ts';
import type { Metres } from '../domain/units.ts';

/** Great-circle (haversine) distance in metres between two `[lon, lat]` points. */
export function greatCircleMetres(a: LonLat, b: LonLat): Metres {
  return turfDistance(a as [number, number], b as [number, number], { units: 'meters' });
}

/** Turf's mean Earth radius (metres), so that both functions agree to the bit. */
const EARTH_RADIUS_M = 6371008.8;

/** Turf's degrees-to-radians, step for step (the remainder first), for bit-identical results. */
const radians = (degrees: number): number => ((degrees % 360) * Math.PI) / 180;

/**
 * `greatCircleMetres` between locations i and j of a fixed list, the same double to the bit, about three times
 * faster: large days compute their distances on demand (millions of calls a solve), and turf validates both
 * points and takes both cosines on every call. The cosines of the latitudes are taken once here, from the same
 * radians turf uses; every other operation is turf's, in its order.
 */
export function greatCircleBetween(locations: readonly LonLat[]): (i: number, j: number) => Metres {
  const lon = Float64Array.from(locations, (p) => p[0]);
  const lat = Float64Array.from(locations, (p) => p[1]);
  const cosLat = Float64Array.from(lat, (l) => Math.cos(radians(l)));
  return (i, j) => {
    const dLat = radians((lat[j] as number) - (lat[i] as number));
    const dLon = radians((lon[j] as number) - (lon[i] as number));
    const a =
      Math.pow(Math.sin(dLat / 2), 2) +
      Math.pow(Math.sin(dLon / 2), 2) * (cosLat[i] as number) * (cosLat[j] as number);
    return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
  };
}
