import type { Area } from '../../src/contracts/index.ts';

/** The square (0,0)–(1,1) in lon/lat degrees: a point on its edge counts as inside, for zones and speed profiles. */
export const UNIT_SQUARE: Area = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};
