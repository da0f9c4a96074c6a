import type { TravelModel } from '../domain/routing-problem.ts';
import type { Metres, Seconds } from '../domain/units.ts';

/** A point in the plane, in the instance's own length unit (benchmarks treat it as metres). */
export type PlanePoint = readonly [x: number, y: number];

/**
 * How arc lengths are reported:
 * - `exact`: real-valued Euclidean distance (Solomon / Gehring-Homberger VRPTW convention);
 * - `nearest-integer`: rounded to the nearest integer (TSPLIB EUC_2D, CVRPLIB X convention, integer BKS).
 */
export type DistanceRounding = 'exact' | 'nearest-integer';

/** Up to this many locations the full matrix is precomputed (1,001 nodes = 8 MB of float64). */
const MAX_PRECOMPUTED_LOCATIONS = 2_000;

/**
 * Travel over 2-D points for benchmark instances: Euclidean distances, duration = distance for every
 * profile (one length unit takes one time unit), `nearest` computed lazily per location and cached.
 */
export class EuclideanTravel implements TravelModel {
  readonly size: number;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly matrix: Float64Array | undefined;
  /** Per location: every other location sorted by distance, then index (built on first request). */
  private readonly sorted: (Int32Array | undefined)[];
  /** Per location: the last `nearest` answer, reused while `k` is unchanged (the solver asks with a fixed k). */
  private readonly lastNearest: ({ k: number; list: readonly number[] } | undefined)[];

  constructor(
    points: readonly PlanePoint[],
    readonly rounding: DistanceRounding = 'exact',
  ) {
    this.size = points.length;
    this.xs = Float64Array.from(points, (p) => p[0]);
    this.ys = Float64Array.from(points, (p) => p[1]);
    this.sorted = new Array<Int32Array | undefined>(this.size).fill(undefined);
    this.lastNearest = new Array<{ k: number; list: readonly number[] } | undefined>(this.size).fill(
      undefined,
    );
    this.matrix = this.size <= MAX_PRECOMPUTED_LOCATIONS ? this.buildMatrix() : undefined;
  }

  distance(from: number, to: number): Metres {
    if (this.matrix !== undefined) return this.matrix[from * this.size + to] as number;
    return this.compute(from, to);
  }

  duration(from: number, to: number, _profile: number): Seconds {
    return this.distance(from, to);
  }

  nearest(from: number, k: number): readonly number[] {
    const cached = this.lastNearest[from];
    if (cached !== undefined && cached.k === k) return cached.list;
    let order = this.sorted[from];
    if (order === undefined) {
      order = this.sortFrom(from);
      this.sorted[from] = order;
    }
    const list = Array.from(order.subarray(0, Math.max(0, Math.min(k, order.length))));
    this.lastNearest[from] = { k, list };
    return list;
  }

  private compute(from: number, to: number): number {
    const d = Math.hypot(
      (this.xs[from] as number) - (this.xs[to] as number),
      (this.ys[from] as number) - (this.ys[to] as number),
    );
    return this.rounding === 'nearest-integer' ? Math.round(d) : d;
  }

  private buildMatrix(): Float64Array {
    const n = this.size;
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const d = this.compute(i, j);
        m[i * n + j] = d;
        m[j * n + i] = d;
      }
    }
    return m;
  }

  private sortFrom(from: number): Int32Array {
    const others = new Int32Array(this.size - 1);
    for (let i = 0, w = 0; i < this.size; i++) if (i !== from) others[w++] = i;
    // Exact distances for the order even when rounding, so ties of rounded values keep a geometric order.
    const exact = (j: number): number =>
      Math.hypot(
        (this.xs[from] as number) - (this.xs[j] as number),
        (this.ys[from] as number) - (this.ys[j] as number),
      );
    const keys = new Float64Array(this.size);
    for (const j of others) keys[j] = exact(j);
    return others.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  }
}
