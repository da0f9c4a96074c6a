/** WGS84 `[longitude, latitude]` in degrees, GeoJSON order everywhere in picon. */
export type LonLat = readonly [number, number];
