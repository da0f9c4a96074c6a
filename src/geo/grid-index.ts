import type { LonLat } from '../domain/location.ts';
import { maxOf, minOf } from '../domain/arrays.ts';

/**
 * Uniform grid over lon/lat for k-nearest queries without an n x n scan. Distances inside a city are
 * ranked on an equirectangular projection, which orders neighbours the same way as great-circle
 * distance at this scale.
 */
export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly cellDeg: number;
  private readonly cosLat: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly minLon: number;
  private readonly minLat: number;

  constructor(private readonly points: readonly LonLat[]) {
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    this.minLon = minOf(lons);
    this.minLat = minOf(lats);
    // Cells sized on where most points are (2nd to 98th percentile), not on the outliers: a city's
    // receivers with depots 30 km out would otherwise share a few huge cells.
    const span = Math.max(spread(lons), spread(lats), 1e-6);
    // about 4 points per cell on average
    this.cellDeg = span / Math.max(1, Math.ceil(Math.sqrt(points.length / 4)));
    this.cols = Math.ceil((maxOf(lons) - this.minLon) / this.cellDeg) + 1;
    this.rows = Math.ceil((maxOf(lats) - this.minLat) / this.cellDeg) + 1;
    this.cosLat = Math.cos((((this.minLat + maxOf(lats)) / 2) * Math.PI) / 180);
    points.forEach((p, i) => {
      const key = this.key(this.col(p[0]), this.row(p[1]));
      const bucket = this.cells.get(key);
      if (bucket) bucket.push(i);
      else this.cells.set(key, [i]);
    });
  }

  private col(lon: number): number {
    return Math.floor((lon - this.minLon) / this.cellDeg);
  }
  private row(lat: number): number {
    return Math.floor((lat - this.minLat) / this.cellDeg);
  }
  private key(c: number, r: number): number {
    return r * this.cols + c;
  }

  private squaredDistance(a: LonLat, b: LonLat): number {
    const dx = (a[0] - b[0]) * this.cosLat;
    const dy = a[1] - b[1];
    return dx * dx + dy * dy;
  }

  /** Up to k nearest point indices to point `from`, nearest first, excluding `from`. */
  nearest(from: number, k: number): number[] {
    const p = this.points[from] as LonLat;
    const c0 = this.col(p[0]);
    const r0 = this.row(p[1]);
    const found: { i: number; d: number }[] = [];
    // beyond this ring every cell of the grid has been visited
    const maxRing = Math.max(this.cols, this.rows) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let dc = -ring; dc <= ring; dc++) {
        for (let dr = -ring; dr <= ring; dr++) {
          if (Math.max(Math.abs(dc), Math.abs(dr)) !== ring) continue;
          for (const i of this.cells.get(this.key(c0 + dc, r0 + dr)) ?? []) {
            if (i !== from) found.push({ i, d: this.squaredDistance(p, this.points[i] as LonLat) });
          }
        }
      }
      // Every point within `ring` cells (in longitude units) has been seen once this holds.
      if (found.length >= k) {
        found.sort((a, b) => a.d - b.d);
        const reach = ring * this.cellDeg * Math.min(1, this.cosLat);
        if ((found[k - 1] as { d: number }).d <= reach * reach) break;
      }
    }
    found.sort((a, b) => a.d - b.d);
    return found.slice(0, k).map((f) => f.i);
  }
}

/** Width of the 2nd-98th percentile range of some coordinates. */
function spread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return at(0.98) - at(0.02);
}
