import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../src/domain/location.ts';
import { GridIndex } from '../../src/geo/grid-index.ts';
import { Rng } from '../../src/solver/rng.ts';

/**
 * The grid's first implementation, kept as the oracle of its answers, ties and all: it walked each ring's
 * whole square (skipping its inside), looked cells up in a Map and sorted what it had found after every
 * ring. Its answers decide the solver's neighbour lists, so the faster walk must give them to the index.
 * It shared one bug with the index, fixed in both: keys of cells past the grid's east or west edge
 * aliased cells of the next or previous row, so a query reaching past an edge met points twice.
 */
function formerGrid(points: readonly LonLat[]): (from: number, k: number) => number[] {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const spread = (values: readonly number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return at(0.98) - at(0.02);
  };
  const minLon = Math.min(...lons);
  const minLat = Math.min(...lats);
  const span = Math.max(spread(lons), spread(lats), 1e-6);
  const cellDeg = span / Math.max(1, Math.ceil(Math.sqrt(points.length / 4)));
  const cols = Math.ceil((Math.max(...lons) - minLon) / cellDeg) + 1;
  const rows = Math.ceil((Math.max(...lats) - minLat) / cellDeg) + 1;
  const cosLat = Math.cos((((minLat + Math.max(...lats)) / 2) * Math.PI) / 180);
  const col = (lon: number) => Math.floor((lon - minLon) / cellDeg);
  const row = (lat: number) => Math.floor((lat - minLat) / cellDeg);
  const key = (c: number, r: number) => r * cols + c;
  const cells = new Map<number, number[]>();
  points.forEach((p, i) => {
    const kk = key(col(p[0]), row(p[1]));
    cells.set(kk, [...(cells.get(kk) ?? []), i]);
  });
  const sq = (a: LonLat, b: LonLat) => ((a[0] - b[0]) * cosLat) ** 2 + (a[1] - b[1]) ** 2;
  return (from, k) => {
    const p = points[from]!;
    const c0 = col(p[0]);
    const r0 = row(p[1]);
    const found: { i: number; d: number }[] = [];
    const maxRing = Math.max(cols, rows) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let dc = -ring; dc <= ring; dc++)
        for (let dr = -ring; dr <= ring; dr++) {
          if (Math.max(Math.abs(dc), Math.abs(dr)) !== ring) continue;
          // (fixed here as in the index: a cell off the grid used to alias a cell of another row)
          if (c0 + dc < 0 || c0 + dc >= cols || r0 + dr < 0 || r0 + dr >= rows) continue;
          for (const i of cells.get(key(c0 + dc, r0 + dr)) ?? [])
            if (i !== from) found.push({ i, d: sq(p, points[i]!) });
        }
      if (found.length >= k) {
        found.sort((a, b) => a.d - b.d);
        const reach = ring * cellDeg * Math.min(1, cosLat);
        if (found[k - 1]!.d <= reach * reach) break;
      }
    }
    found.sort((a, b) => a.d - b.d);
    return found.slice(0, k).map((f) => f.i);
  };
}

/**
 * A city's shape: a dense centre, sparser suburbs, receivers sharing an address (exact ties), points
 * on a lattice (equal distances from different cells) and depots far out.
 */
function cityPoints(seed: number): LonLat[] {
  const rng = new Rng(seed);
  const points: LonLat[] = [];
  for (let i = 0; i < 500; i++)
    points.push([3.06 + (rng.next() - 0.5) * 0.01, 50.635 + (rng.next() - 0.5) * 0.008]);
  for (let i = 0; i < 250; i++)
    points.push([3.06 + (rng.next() - 0.5) * 0.2, 50.635 + (rng.next() - 0.5) * 0.15]);
  for (let i = 0; i < 40; i++) points.push(points[rng.int(0, points.length - 1)]!);
  // a lattice at exactly representable steps: equal distances to the bit, from cells on every side
  for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) points.push([2.98 + i / 64, 50.56 + j / 64]);
  points.push([3.4, 50.9], [2.7, 50.3], [3.108, 50.589]);
  return points;
}

describe('grid index: the same answers as its first implementation, ties in the same order', () => {
  for (const seed of [1, 2])
    for (const k of [5, 48])
      it(`every point of a city's shape, k = ${k}, cells in an array and in a Map (seed ${seed})`, () => {
        const points = cityPoints(seed);
        const dense = new GridIndex(points);
        const sparse = new GridIndex(points, 0);
        const former = formerGrid(points);
        for (let from = 0; from < points.length; from++) {
          const want = former(from, k);
          expect(dense.nearest(from, k)).toEqual(want);
          expect(sparse.nearest(from, k)).toEqual(want);
        }
      });
});

/** The grid's documented ranking metric: equirectangular at the mean of the points' extreme latitudes. */
function rankingDistance(points: readonly LonLat[]): (a: number, b: number) => number {
  const lats = points.map((p) => p[1]);
  const cosLat = Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
  return (a, b) => ((points[a]![0] - points[b]![0]) * cosLat) ** 2 + (points[a]![1] - points[b]![1]) ** 2;
}

/** The k smallest ranking distances from `from`, by a scan of every point. */
function bruteDistances(points: readonly LonLat[], from: number, k: number): number[] {
  const sq = rankingDistance(points);
  return points
    .flatMap((_, i) => (i === from ? [] : [sq(from, i)]))
    .sort((a, b) => a - b)
    .slice(0, k);
}

describe('grid index: the k nearest by a scan of every point, each once', () => {
  const cases: [string, LonLat[]][] = [
    // a line along the east-west axis: queries from its ends reach past the grid's east and west edges
    [
      '200 points in an east-west line',
      Array.from({ length: 200 }, (_, i) => [3 + i * 0.001, 50.6] as LonLat),
    ],
    ['a north-south line', Array.from({ length: 120 }, (_, i) => [3.05, 50.6 + i * 0.001] as LonLat)],
    ["a city's shape", cityPoints(3)],
  ];
  for (const [name, points] of cases)
    for (const maxDense of [1 << 22, 0])
      it(`${name}, k up to every other point (${maxDense ? 'array' : 'Map'})`, () => {
        const grid = new GridIndex(points, maxDense);
        const sq = rankingDistance(points);
        const n = points.length;
        for (const from of [0, 1, Math.floor(n / 2), n - 2, n - 1])
          for (const k of [1, 7, n - 1, n + 5]) {
            const got = grid.nearest(from, k);
            expect(new Set(got).size).toBe(got.length);
            expect(got).not.toContain(from);
            expect(got.map((i) => sq(from, i))).toEqual(bruteDistances(points, from, k));
          }
      });

  it('from the west end of the line, the other 199 points in order of distance', () => {
    const points = Array.from({ length: 200 }, (_, i) => [3 + i * 0.001, 50.6] as LonLat);
    expect(new GridIndex(points).nearest(0, 199)).toEqual(Array.from({ length: 199 }, (_, i) => i + 1));
  });
});
