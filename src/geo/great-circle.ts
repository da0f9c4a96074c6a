import { distance as turfDistance } from '@turf/distance';
import type { LonLat } from '../domain/location.ts';
import type { Metres } from '../domain/units.ts';

/** Great-circle (haversine) distance in metres between two `[lon, lat]` points. */
export function greatCircleMetres(a: LonLat, b: LonLat): Metres {
  return turfDistance(a as [number, number], b as [number, number], { units: 'meters' });
}
