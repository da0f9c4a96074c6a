import type { LonLat } from '../domain/location.ts';
import { maxOf, minOf } from '../domain/arrays.ts';

/**
 * Uniform grid over lon/lat for k-nearest queries without an n x n scan. Distances inside a city are
 * ranked on an equirectangular projection, which orders neighbours the same way as great-circle
 * distance at this scale.
 */
export class GridIndex {
  /** Cell of each key (row * cols + col) when the grid is small enough to index densely (-1: empty). */
  private readonly denseCell: Int32Array | undefined;
  /** Else the occupied cells by key. */
  private readonly sparseCell = new Map<number, number>();
  /** Points of cell c: cellPoints[cellStart[c] .. cellStart[c + 1]), ascending. */
  private readonly cellStart: Int32Array;
  private readonly cellPoints: Int32Array;
  private readonly cellDeg: number;
  private readonly cosLat: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly minLon: number;
  private readonly minLat: number;

  constructor(
    private readonly points: readonly LonLat[],
    maxDenseCells: number = MAX_DENSE_CELLS,
  ) {
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
    const keys = points.map((p) => this.key(this.col(p[0]), this.row(p[1])));
    // most cells of a city's grid are empty (the 10,000-receiver day: 2,200 of 600,000), and a query far
    // out walks many of them: an array answers an empty cell faster than a Map
    const cells = this.cols * this.rows;
    this.denseCell = cells <= maxDenseCells ? new Int32Array(cells).fill(-1) : undefined;
    const cellOfKey: number[] = [];
    const counts: number[] = [];
    keys.forEach((key) => {
      let c = this.cellOf(key);
      if (c < 0) {
        c = counts.length;
        counts.push(0);
        cellOfKey.push(key);
        if (this.denseCell) this.denseCell[key] = c;
        else this.sparseCell.set(key, c);
      }
      counts[c] = (counts[c] as number) + 1;
    });
    this.cellStart = new Int32Array(counts.length + 1);
    counts.forEach((n, c) => (this.cellStart[c + 1] = (this.cellStart[c] as number) + n));
    const filled = this.cellStart.slice(0, counts.length);
    this.cellPoints = new Int32Array(points.length);
    keys.forEach((key, i) => {
      const c = this.cellOf(key);
      this.cellPoints[filled[c] as number] = i;
      filled[c] = (filled[c] as number) + 1;
    });
  }

  /** The cell holding points of this key, or -1. Only keys of in-grid (col, row) pairs are asked. */
  private cellOf(key: number): number {
    if (this.denseCell) return this.denseCell[key] as number;
    return this.sparseCell.get(key) ?? -1;
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

  /** Up to k nearest point indices to point `from`, nearest first (ties in the order the rings meet them), excluding `from`. */
  nearest(from: number, k: number): number[] {
    const p = this.points[from] as LonLat;
    const c0 = this.col(p[0]);
    const r0 = this.row(p[1]);
    const found: { i: number; d: number }[] = [];
    // the k smallest distances met so far, ascending: whether the k nearest are all in is the k-th of them
    const smallest: number[] = [];
    // beyond this ring every cell of the grid has been visited
    const maxRing = Math.max(this.cols, this.rows) + 1;
    const visit = (dc: number, dr: number): void => {
      const col = c0 + dc;
      const row = r0 + dr;
      // a (col, row) off the grid has no points, and its key would alias a cell of another row
      if (col < 0 || col >= this.cols || row < 0 || row >= this.rows) return;
      const c = this.cellOf(this.key(col, row));
      if (c < 0) return;
      for (let s = this.cellStart[c] as number, end = this.cellStart[c + 1] as number; s < end; s++) {
        const i = this.cellPoints[s] as number;
        if (i === from) continue;
        const d = this.squaredDistance(p, this.points[i] as LonLat);
        // never among the k nearest: k points found already are at least as near (the bound only falls), and
        // on a tie the ones found first come first
        if (smallest.length >= k && d >= (smallest[k - 1] as number)) continue;
        found.push({ i, d });
        if (smallest.length < k || d < (smallest[k - 1] as number)) keepSmallest(smallest, d, k);
      }
    };
    for (let ring = 0; ring <= maxRing; ring++) {
      // only the ring's border, in the order of a scan of its whole square (column by column, rows
      // ascending), so ties keep their order: walking the square and skipping its inside, and sorting
      // everything found after each ring, cost about 3 ms a query on clustered city points, whose
      // outskirts need dozens of rings
      for (let dc = -ring; dc <= ring; dc++) {
        if (dc === -ring || dc === ring) for (let dr = -ring; dr <= ring; dr++) visit(dc, dr);
        else {
          visit(dc, -ring);
          visit(dc, ring);
        }
      }
      // Every point within `ring` cells (in longitude units) has been seen once this holds.
      if (smallest.length >= k) {
        const reach = ring * this.cellDeg * Math.min(1, this.cosLat);
        if ((smallest[k - 1] as number) <= reach * reach) break;
      }
    }
    // one stable sort: ties in the order found, as sorting after every ring gave
    found.sort((a, b) => a.d - b.d);
    return found.slice(0, k).map((f) => f.i);
  }
}

/** Inserts d into the ascending list `smallest`, keeping at most k values. */
function keepSmallest(smallest: number[], d: number, k: number): void {
  let at = smallest.length;
  while (at > 0 && (smallest[at - 1] as number) > d) at--;
  smallest.splice(at, 0, d);
  if (smallest.length > k) smallest.pop();
}

/** Above this many cells (16 MB of index) the grid keeps its occupied cells in a Map. */
const MAX_DENSE_CELLS = 1 << 22;

/** Width of the 2nd-98th percentile range of some coordinates. */
function spread(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return at(0.98) - at(0.02);
}
