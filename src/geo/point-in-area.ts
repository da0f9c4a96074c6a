import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Area, LonLat } from '../domain/location.ts';

type TurfPoint = Parameters<typeof booleanPointInPolygon>[0];
type TurfPolygon = Parameters<typeof booleanPointInPolygon>[1];

/**
 * Whether a point lies in an area (holes excluded). A point on the boundary counts as inside: a receiver
 * on the edge of a low-emission zone is treated as in it, the cautious reading of a rule.
 */
export function pointInArea(point: LonLat, area: Area): boolean {
  // turf only reads its inputs; its GeoJSON types are mutable arrays
  return booleanPointInPolygon(point as unknown as TurfPoint, area as unknown as TurfPolygon);
}
