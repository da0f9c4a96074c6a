import { describe, expect, it } from 'vitest';
import type { TravelInput } from '../../src/contracts/index.ts';
import type { LonLat } from '../../src/domain/location.ts';
import type { TravelModel } from '../../src/domain/routing-problem.ts';
import { withSpeedProfiles } from '../../src/planner/speed-profiles.ts';
import { UNIT_SQUARE } from './unit-square.ts';
import { unitType } from './unit-city.ts';

const H = 3600;
// 0 and 1 inside the square, 2 on its edge, 3 outside
const LOCATIONS: LonLat[] = [
  [0.5, 0.5],
  [0.2, 0.2],
  [1, 0.5],
  [2, 2],
];
const [IN_A, IN_B, EDGE, OUT] = [0, 1, 2, 3];
const rates = { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 };
const TYPES = [
  { ...unitType('van', rates), class: 'van' },
  { ...unitType('bike', rates), class: 'cargo-bike' },
];
const [VAN, BIKE] = [0, 1];
/** A static model: every arc 1 km, 10 min free-running. */
const STATIC: TravelModel = { size: 4, distance: () => 1000, duration: () => 600 };

const centre = {
  id: 'centre',
  area: UNIT_SQUARE,
  vehicleClasses: ['van'],
  periods: [{ start: '08:00', end: '09:00', speedFactor: 0.5 }],
};
const city = { id: 'city', periods: [{ start: '07:00', end: '10:30', speedFactor: 0.8 }] };
// the factors of each profile over the day, factor 1 outside its periods
const CENTRE = { startsS: [0, 8 * H, 9 * H], factors: [1, 0.5, 1] };
const CITY = { startsS: [0, 7 * H, 10.5 * H], factors: [1, 0.8, 1] };

const factorsOf = (input: TravelInput, from: number, to: number, type: number): unknown =>
  withSpeedProfiles(STATIC, input, LOCATIONS, TYPES).timed?.factorsOf(from, to, type);

describe('which speed profile drives an arc (docs/model/time-dependent-travel.md)', () => {
  const input: TravelInput = { profiles: [centre, city] };

  it('the first listed profile whose area holds both ends, for a class it names', () => {
    expect(factorsOf(input, IN_A, IN_B, VAN)).toEqual(CENTRE);
    expect(factorsOf(input, IN_B, IN_A, VAN)).toEqual(CENTRE);
    // the boundary is inside
    expect(factorsOf(input, IN_A, EDGE, VAN)).toEqual(CENTRE);
  });

  it('the city-wide profile for an arc with an end outside the area, or a class the area profile does not name', () => {
    expect(factorsOf(input, IN_A, OUT, VAN)).toEqual(CITY);
    expect(factorsOf(input, OUT, IN_A, VAN)).toEqual(CITY);
    expect(factorsOf(input, IN_A, IN_B, BIKE)).toEqual(CITY);
  });

  it('a city-wide profile listed first hides the area profile after it', () => {
    expect(factorsOf({ profiles: [city, centre] }, IN_A, IN_B, VAN)).toEqual(CITY);
  });

  it('no factors where no profile applies: an area profile only, an arc out of it or a class it does not name', () => {
    const only = { profiles: [{ ...centre, vehicleClasses: ['truck', 'van'] }] };
    expect(factorsOf(only, IN_A, IN_B, VAN)).toEqual(CENTRE);
    expect(factorsOf(only, IN_A, OUT, VAN)).toBeUndefined();
    expect(factorsOf(only, OUT, OUT, VAN)).toBeUndefined();
    expect(factorsOf(only, IN_A, IN_B, BIKE)).toBeUndefined();
  });

  it('a later area profile applies where the earlier ones do not', () => {
    const bikes = {
      ...centre,
      id: 'bikes',
      vehicleClasses: ['cargo-bike'],
      periods: [{ start: '12:00', end: '13:00', speedFactor: 0.9 }],
    };
    const three = { profiles: [centre, bikes, { ...city, vehicleClasses: ['van'] }] };
    expect(factorsOf(three, IN_A, IN_B, BIKE)).toEqual({
      startsS: [0, 12 * H, 13 * H],
      factors: [1, 0.9, 1],
    });
    expect(factorsOf(three, IN_A, OUT, BIKE)).toBeUndefined();
    expect(factorsOf(three, IN_A, OUT, VAN)).toEqual(CITY);
  });

  it('times a drive with those factors: 10 min free-running leaving 08:00 in the centre take 20 min', () => {
    const travel = withSpeedProfiles(STATIC, input, LOCATIONS, TYPES);
    expect(travel.timed?.leaving(IN_A, IN_B, VAN, 8 * H)).toBeCloseTo(600 / 0.5, 9);
    // the city-wide factor 0.8 for the bike: 600 / 0.8 = 750 s
    expect(travel.timed?.leaving(IN_A, IN_B, BIKE, 8 * H)).toBeCloseTo(750, 9);
    expect(travel.distance(IN_A, OUT)).toBe(1000);
    expect(travel.duration(IN_A, OUT, VAN)).toBe(600);
  });
});

describe('no speed profile', () => {
  it('leaves the static model itself, unchanged', () => {
    expect(withSpeedProfiles(STATIC, undefined, LOCATIONS, TYPES)).toBe(STATIC);
    expect(withSpeedProfiles(STATIC, { profiles: [] }, LOCATIONS, TYPES)).toBe(STATIC);
  });
});
