/** WGS84 `[longitude, latitude]` in degrees, GeoJSON order everywhere in picon. */
export type LonLat = readonly [number, number];

/** A closed ring of positions (first repeated at the end), GeoJSON linear ring order. */
export type Ring = readonly LonLat[];

/** An area as a GeoJSON Polygon (outer ring, then holes) or MultiPolygon geometry. */
export type Area =
  | { readonly type: 'Polygon'; readonly coordinates: readonly Ring[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly Ring[])[] };
