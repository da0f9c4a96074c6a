import type { Scenario } from '../../../src/contracts/index.ts';
import { DEFAULT_CIRCUITY } from './factors.ts';

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
  durationS(from: Place, to: Place, speedKmh: number): number;
}

export function travelModel(scenario: Scenario): Travel {
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
