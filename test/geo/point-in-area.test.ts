import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/domain/location.ts';
import { pointInArea } from '../../src/geo/index.ts';

const square = (x0: number, y0: number, x1: number, y1: number) =>
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ] as const;

describe('pointInArea', () => {
  const withHole: Area = {
    type: 'Polygon',
    coordinates: [square(3, 50, 3.1, 50.1), square(3.04, 50.04, 3.06, 50.06)],
  };

  it('is true inside the outer ring, false in a hole and outside', () => {
    expect(pointInArea([3.02, 50.02], withHole)).toBe(true);
    expect(pointInArea([3.05, 50.05], withHole)).toBe(false);
    expect(pointInArea([3.2, 50.05], withHole)).toBe(false);
  });

  it('counts a point on the boundary as inside', () => {
    expect(pointInArea([3, 50.05], withHole)).toBe(true);
  });

  it('reads every polygon of a MultiPolygon', () => {
    const two: Area = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1, 1)], [square(3, 50, 3.1, 50.1)]],
    };
    expect(pointInArea([0.5, 0.5], two)).toBe(true);
    expect(pointInArea([3.05, 50.05], two)).toBe(true);
    expect(pointInArea([2, 2], two)).toBe(false);
  });
});
