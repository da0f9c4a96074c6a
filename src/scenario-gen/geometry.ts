import type { LonLat } from '../contracts/primitives.ts';

/** Mean Earth radius, metres (IUGG). */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/**
 * Point `eastM` metres east and `northM` metres north of `origin`. A local flat-Earth step: exact to well
 * under a metre over the few hundred metres the generator moves points, and free of any geo dependency.
 */
export function offsetMetres(origin: LonLat, eastM: number, northM: number): LonLat {
  const [lon, lat] = origin;
  const dLat = northM / EARTH_RADIUS_M / RAD;
  const dLon = eastM / (EARTH_RADIUS_M * Math.cos(lat * RAD)) / RAD;
  return [lon + dLon, lat + dLat];
}

/** Equirectangular distance in metres: accurate within 0.1 % over a city. */
export function localDistanceMetres(a: LonLat, b: LonLat): number {
  const meanLat = ((a[1] + b[1]) / 2) * RAD;
  const x = (b[0] - a[0]) * RAD * Math.cos(meanLat);
  const y = (b[1] - a[1]) * RAD;
  return Math.hypot(x, y) * EARTH_RADIUS_M;
}

/** Ray-casting point-in-polygon test; `ring` is a closed or open list of [lon, lat] vertices. */
export function insidePolygon(point: LonLat, ring: readonly LonLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LonLat;
    const [xj, yj] = ring[j] as LonLat;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Rounds a coordinate to 6 decimals (~0.1 m), so generated JSON stays short and stable. */
export function roundLonLat(p: LonLat): LonLat {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}
