import { describe, expect, it } from 'vitest';
import { coalitionIterations } from '../../src/consolidation/effort.ts';
import { intersectWindows } from '../../src/consolidation/windows.ts';
import { sectorZones, splitCount, zoneCount } from '../../src/consolidation/zones.ts';
import type { City } from '../../src/domain/city.ts';

// Hand-worked cases of the small helpers the planner's tasks are cut with (mutation testing found them
// exercised only through whole plans, where a wrong split still gives a plan).

describe('intersectWindows', () => {
  it('keeps each overlap of two lists, sorted by start, touching ends included', () => {
    expect(
      intersectWindows(
        [
          [0, 10],
          [20, 30],
        ],
        [
          [25, 40],
          [5, 20],
        ],
      ),
    ).toEqual([
      [5, 10],
      [20, 20],
      [25, 30],
    ]);
  });

  it('is empty when the lists never meet', () => {
    expect(intersectWindows([[0, 10]], [[10.5, 20]])).toEqual([]);
  });
});

describe('zoneCount and splitCount', () => {
  it('cuts stops into the fewest zones of at most maxStops each, at least one', () => {
    expect(zoneCount(0, 50)).toBe(1);
    expect(zoneCount(50, 50)).toBe(1);
    expect(zoneCount(51, 50)).toBe(2);
    expect(zoneCount(150, 50)).toBe(3);
  });

  it('splits vehicles by weight with the largest remainders (7 by 1:2:4 = 1, 2, 4; 5 by 1:1:1 = 2, 2, 1)', () => {
    expect(splitCount(7, [1, 2, 4])).toEqual([1, 2, 4]);
    // exact 5/3 each: floors 1, 1, 1 and 2 left, to the first two (equal remainders, lowest index first)
    expect(splitCount(5, [1, 1, 1])).toEqual([2, 2, 1]);
    // exact 3/7, 6/7, 12/7: floors 0, 0, 1 and 2 left, to the largest remainders 0.86 (second) and 0.71 (third)
    expect(splitCount(3, [1, 2, 4])).toEqual([0, 1, 2]);
    // exact 0.5 and 1.5: the remainders tie, the lower index gets the one left (not the larger share)
    expect(splitCount(2, [1, 3])).toEqual([1, 1]);
  });

  it('gives every vehicle to the first zone when no zone weighs anything', () => {
    expect(splitCount(4, [0, 0])).toEqual([4, 0]);
  });
});

describe('sectorZones', () => {
  /** Receivers at these bearings (degrees from east, counter-clockwise) 1 km around a centre on the equator. */
  const around = (bearings: readonly number[]): Pick<City, 'locations' | 'receivers'> => ({
    locations: [
      [0, 0],
      ...bearings.map((b): [number, number] => [
        0.01 * Math.cos((b * Math.PI) / 180),
        0.01 * Math.sin((b * Math.PI) / 180),
      ]),
    ],
    receivers: bearings.map((_, i) => ({ location: i + 1 }) as City['receivers'][number]),
  });

  it('one zone holds every receiver as given', () => {
    const city = around([10, 200]) as City;
    expect(sectorZones(city, 0, [0, 1], 1)).toEqual([[0, 1]]);
    expect(sectorZones(city, 0, [1, 0], 0)).toEqual([[1, 0]]);
  });

  it('starts the first sector at the widest gap, so a cluster is not cut (0, 10, 20 | 170, 185, 195 degrees)', () => {
    // receivers by index at 185, 10, 170, 0, 195, 20 degrees; sorted by angle (-180, 180]: 185 (-175),
    // 195 (-165), 0, 10, 20, 170; widest gap 195 -> 0 (165 degrees), so the sectors start at 0
    const city = around([185, 10, 170, 0, 195, 20]) as City;
    expect(sectorZones(city, 0, [0, 1, 2, 3, 4, 5], 2)).toEqual([
      [3, 1, 5],
      [2, 0, 4],
    ]);
    // the widest gap is the one across the start of the sorted angles (100 -> 330 = -30): no rotation
    const wrap = around([330, 0, 30, 100]) as City;
    expect(sectorZones(wrap, 0, [0, 1, 2, 3], 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('orders receivers at the same bearing by index', () => {
    // 10, 10 and 200 (-160) degrees, given out of order: sorted 200, then receivers 0 and 1 at 10
    const city = around([10, 10, 200]) as City;
    expect(sectorZones(city, 0, [1, 0, 2], 3)).toEqual([[2], [0], [1]]);
  });

  it('corrects east-west distances for latitude: at 60 N a degree of longitude is half as long', () => {
    // receivers A (+0.01, +0.004), B (-0.01, +0.004), C (+0.001, -0.01) in degrees from a centre at 3 E 60 N.
    // On the ground (x halved): A 38.7, B 141.3, C -87.1 degrees; widest gap B -> C (131.5), so C, A, B.
    // Uncorrected: A 21.8, B 158.2, C -84.3; widest gap A -> B (136.4), which would give B, C, A.
    const city: Pick<City, 'locations' | 'receivers'> = {
      locations: [
        [3, 60],
        [3.01, 60.004],
        [2.99, 60.004],
        [3.001, 59.99],
      ],
      receivers: [1, 2, 3].map((location) => ({ location }) as City['receivers'][number]),
    };
    expect(sectorZones(city as City, 0, [0, 1, 2], 3)).toEqual([[2], [0], [1]]);
  });
});

describe('coalitionIterations', () => {
  it('per stop 0.25 / 0.5 / 2 by effort, never below 20 nor above the effort maximum', () => {
    expect(coalitionIterations('quick', 400)).toBe(100);
    expect(coalitionIterations('normal', 400)).toBe(200);
    expect(coalitionIterations('thorough', 400)).toBe(800);
    expect(coalitionIterations('normal', 10)).toBe(20);
    expect(coalitionIterations('normal', 1e9)).toBe(60_000);
    expect(coalitionIterations('quick', 101)).toBe(25);
  });
});
