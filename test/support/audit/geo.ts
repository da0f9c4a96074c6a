import type { Scenario } from '../../../src/contracts/index.ts';
import { DEFAULT_CIRCUITY } from './factors.ts';
import { arcPeriods, profiledDriveS } from './speed-profiles.ts';

/** Mean Earth radius (IUGG), the one turf uses: distances agree with the planner's to float precision. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance of two `[lon, lat]` points, haversine formula. */
export function haversineKm(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = [a[0] as number, a[1] as number];
  const [lon2, lat2] = [b[0] as number, b[1] as number];
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A hub, a carrier depot or a receiver: what travel is measured between. */
export interface Place {
  readonly id: string;
  readonly location: readonly number[];
}

/** The scenario's distance model: its matrix when given, else great-circle x circuity; time from speed. */
export interface Travel {
  distanceKm(from: Place, to: Place): number;
  /** Free-running time (speed factor 1). */
  durationS(from: Place, to: Place, speedKmh: number): number;
  /** Driving time leaving at `departS`, at the scenario's speed profiles (travel.profiles) when it has any. */
  driveS(from: Place, to: Place, type: { speedKmh: number; class: string }, departS: number): number;
}

export function travelModel(scenario: Scenario): Travel {
  const base = staticTravel(scenario);
  return {
    ...base,
    driveS: (from, to, type, departS) =>
      profiledDriveS(
        base.durationS(from, to, type.speedKmh),
        arcPeriods(scenario, from, to, type.class),
        departS,
      ),
  };
}

function staticTravel(scenario: Scenario): Omit<Travel, 'driveS'> {
  const matrix = scenario.options?.matrix;
  if (matrix) {
    const pos = new Map(matrix.ids.map((id, i) => [id, i]));
    const cell = (rows: readonly (readonly number[])[], from: Place, to: Place): number =>
      rows[pos.get(from.id) ?? -1]?.[pos.get(to.id) ?? -1] ?? Number.POSITIVE_INFINITY;
    const durations = matrix.durationsMin;
    return {
      distanceKm: (from, to) => cell(matrix.distancesKm, from, to),
      // a road router's durations hold for every vehicle; without them, distance over the type's speed
      durationS: (from, to, speedKmh) =>
        durations ? cell(durations, from, to) * 60 : (cell(matrix.distancesKm, from, to) / speedKmh) * 3600,
    };
  }
  const circuity = scenario.options?.circuity ?? DEFAULT_CIRCUITY;
  const km = (from: Place, to: Place): number => haversineKm(from.location, to.location) * circuity;
  return { distanceKm: km, durationS: (from, to, speedKmh) => (km(from, to) / speedKmh) * 3600 };
}

type Ring = readonly (readonly number[])[];

/** Whether `p` lies on the segment a-b (collinear and between), within float noise. */
function onSegment(p: readonly number[], a: readonly number[], b: readonly number[]): boolean {
  const [px, py] = [p[0] ?? NaN, p[1] ?? NaN];
  const [ax, ay, bx, by] = [a[0] ?? NaN, a[1] ?? NaN, b[0] ?? NaN, b[1] ?? NaN];
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  if (Math.abs(cross) > 1e-12) return false;
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Ray casting in the lon/lat plane (as GeoJSON tools do); `boundary` says what a point on an edge counts as. */
function inRing(p: readonly number[], ring: Ring, boundary: boolean): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as readonly number[];
    const b = ring[j] as readonly number[];
    if (onSegment(p, a, b)) return boundary;
    const [px, py] = [p[0] as number, p[1] as number];
    const [ax, ay, bx, by] = [a[0] as number, a[1] as number, b[0] as number, b[1] as number];
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** A GeoJSON Polygon or MultiPolygon holds `p`: inside an outer ring (boundary included) and not strictly inside a hole. */
export function pointInArea(
  p: readonly number[],
  area: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] },
): boolean {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(p, outer, true) && !holes.some((h) => inRing(p, h, false)),
  );
}
