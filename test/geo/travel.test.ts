import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../src/domain/location.ts';
import { circuityTravel, greatCircleMetres, matrixTravel } from '../../src/geo/index.ts';
import { GridIndex } from '../../src/geo/grid-index.ts';
import { greatCircleBetween } from '../../src/geo/great-circle.ts';

const GRAND_PLACE: LonLat = [3.0635, 50.6367];
const GARE_FLANDRES: LonLat = [3.0707, 50.6365];

describe('great-circle x circuity travel', () => {
  it('measures metres in [lon, lat] order', () => {
    // 0.0072° of longitude at 50.6367° N: 0.0072 x 111,195 m x cos(50.6367°) ≈ 508 m
    expect(greatCircleMetres(GRAND_PLACE, GARE_FLANDRES)).toBeCloseTo(508, -1);
    // swapping to [lat, lon] would give thousands of km: the order matters
    expect(greatCircleMetres([50.6367, 3.0635], [50.6365, 3.0707])).toBeGreaterThan(700);
  });

  it('applies the circuity factor and each profile speed', () => {
    const travel = circuityTravel([GRAND_PLACE, GARE_FLANDRES], [15, 30], 1.3);
    const d = travel.distance(0, 1);
    expect(d).toBeCloseTo(1.3 * greatCircleMetres(GRAND_PLACE, GARE_FLANDRES), 6);
    expect(travel.distance(1, 0)).toBeCloseTo(d, 6);
    expect(travel.distance(0, 0)).toBe(0);
    expect(travel.duration(0, 1, 0)).toBeCloseTo(d / (15 / 3.6), 6);
    expect(travel.duration(0, 1, 1)).toBeCloseTo(d / (30 / 3.6), 6);
  });

  it('finds the same nearest neighbours as a full scan (ties in any order)', () => {
    const points: LonLat[] = Array.from({ length: 300 }, (_, i) => [
      3.03 + ((i * 7919) % 1000) / 20000,
      50.62 + ((i * 104729) % 1000) / 40000,
    ]);
    const grid = new GridIndex(points);
    for (const from of [0, 17, 150, 299]) {
      const metres = (i: number): number =>
        Math.round(greatCircleMetres(points[from] as LonLat, points[i] as LonLat));
      const brute = points
        .map((_, i) => i)
        .filter((i) => i !== from)
        .map(metres)
        .sort((a, b) => a - b)
        .slice(0, 10);
      const found = grid.nearest(from, 10);
      expect(found).not.toContain(from);
      expect(found.map(metres)).toEqual(brute);
    }
  });
});

describe('great-circle travel: nearest locations', () => {
  it("answers as its grid does, again for the same k and anew for another (each location's last answer is kept)", () => {
    const points: LonLat[] = Array.from({ length: 200 }, (_, i) => [
      3.03 + ((i * 7919) % 1000) / 20000,
      50.62 + ((i * 104729) % 1000) / 40000,
    ]);
    const travel = circuityTravel(points, [15]);
    const grid = new GridIndex(points);
    for (const from of [0, 99, 199]) {
      expect(travel.nearest?.(from, 12)).toEqual(grid.nearest(from, 12));
      expect(travel.nearest?.(from, 12)).toEqual(grid.nearest(from, 12));
      expect(travel.nearest?.(from, 3)).toEqual(grid.nearest(from, 3));
      expect(travel.nearest?.(from, 12)).toEqual(grid.nearest(from, 12));
    }
  });
});

describe('user-supplied matrix travel', () => {
  it('reads km and minutes, and falls back to speeds without durations', () => {
    const km = [
      [0, 2, 5],
      [2, 0, 4],
      [5, 4, 0],
    ];
    const withTimes = matrixTravel(
      km,
      [20],
      [
        [0, 6, 12],
        [6, 0, 9],
        [12, 9, 0],
      ],
    );
    expect(withTimes.distance(0, 2)).toBe(5000);
    expect(withTimes.duration(2, 1, 0)).toBe(9 * 60);
    const bySpeed = matrixTravel(km, [20]);
    expect(bySpeed.duration(0, 1, 0)).toBeCloseTo(2000 / (20 / 3.6), 6);
    expect(bySpeed.nearest?.(2, 2)).toEqual([1, 0]);
  });
});

// large days compute distances on demand through greatCircleBetween: it must be turf's haversine to the bit, or
// plans of days above the stored-matrix size would differ from those of the same places in a small day
describe('greatCircleBetween', () => {
  it('gives turf’s distance to the bit, in Lille and across the globe', () => {
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lille = Array.from({ length: 300 }, (): LonLat => [2.9 + 0.3 * next(), 50.5 + 0.2 * next()]);
    const world = Array.from({ length: 300 }, (): LonLat => [-180 + 360 * next(), -90 + 180 * next()]);
    const edges: LonLat[] = [
      [180, 0],
      [-180, 0],
      [0, 90],
      [0, -90],
      [179.999, 45],
      [-179.999, 45],
      [3.06, 50.63],
    ];
    for (const points of [lille, world, edges]) {
      const between = greatCircleBetween(points);
      for (let i = 0; i < points.length; i++)
        for (let j = 0; j < points.length; j += 7)
          expect(between(i, j)).toBe(greatCircleMetres(points[i] as LonLat, points[j] as LonLat));
    }
  });
});
