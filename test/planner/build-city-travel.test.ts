import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/build-city.ts';
import { meridianDay, METRES_PER_DEGREE } from './meridian-day.ts';

// Locations: H 0, depots A 1 and B 2, receivers R1 3 and R2 4, then intermodal terminals.
// Speeds of the built-in types (docs/model/energy.md §3): cargo-bike (type 0) 15 km/h, e-van (type 1) 18 km/h.
const [H, A, B, R1, R2] = [0, 1, 2, 3, 4];
const [BIKE, E_VAN] = [0, 1];
const M_PER_S = (kmh: number): number => kmh / 3.6;

describe('the City travel model: great circle × circuity on the places of the scenario', () => {
  const withLeg: Scenario = {
    ...meridianDay(),
    intermodalLegs: [
      { id: 'L', hubId: 'H', mode: 'barge', terminal: [3.1, 50.2], lengthKm: 12, carrierIds: ['A'] },
    ],
  };
  // built inside each test: a mutant that throws must fail the test, not the collection (docs/QUALITY.md)
  const build = (): ReturnType<typeof buildCity> => buildCity(withLeg);

  it('lists hubs, then carrier depots, then receivers, then intermodal terminals', () => {
    const city = build();
    expect(city.locations).toEqual([
      [3, 50],
      [3, 50.02],
      [3, 50.03],
      [3, 50.01],
      [3, 50.05],
      [3.1, 50.2],
    ]);
    expect(city.travel.size).toBe(6);
  });

  it('measures road km as the meridian arc × the default circuity 1.3 (docs/model/consolidation.md, Defaults)', () => {
    const city = build();
    // H (50.00°) to R2 (50.05°): 0.05° of meridian, 0.05 × 111,195 m = 5,559.7 m, × 1.3 = 7,227.7 m
    expect(city.travel.distance(H, R2)).toBeCloseTo(0.05 * METRES_PER_DEGREE * 1.3, 6);
    expect(city.travel.distance(R2, H)).toBeCloseTo(0.05 * METRES_PER_DEGREE * 1.3, 6);
    // depot A (50.02°) to R1 (50.01°): 0.01°
    expect(city.travel.distance(A, R1)).toBeCloseTo(0.01 * METRES_PER_DEGREE * 1.3, 6);
    expect(city.travel.distance(B, B)).toBe(0);
  });

  it('times each drive at the speed of the vehicle type driving it', () => {
    const city = build();
    const metres = 0.04 * METRES_PER_DEGREE * 1.3; // R1 (50.01°) to R2 (50.05°)
    expect(city.travel.duration(R1, R2, E_VAN)).toBeCloseTo(metres / M_PER_S(18), 6); // 5,782 m at 5 m/s
    expect(city.travel.duration(R1, R2, BIKE)).toBeCloseTo(metres / M_PER_S(15), 6);
  });

  it('has no time-dependent part without speed profiles', () => {
    const city = build();
    expect(city.travel.timed).toBeUndefined();
  });

  it("uses the scenario's circuity instead of the default", () => {
    const wide = buildCity({ ...meridianDay(), options: { circuity: 1.5 } });
    expect(wide.travel.distance(H, R2)).toBeCloseTo(0.05 * METRES_PER_DEGREE * 1.5, 6);
  });

  it('drives at the profiles of travel.profiles when the scenario has some', () => {
    const timed = buildCity({
      ...meridianDay(),
      travel: { profiles: [{ id: 'rush', periods: [{ start: '08:00', end: '09:00', speedFactor: 0.5 }] }] },
    });
    const free = timed.travel.duration(H, R1, E_VAN);
    // leaving at 08:00 the whole drive is at half speed
    expect(timed.travel.timed?.leaving(H, R1, E_VAN, 8 * 3600)).toBeCloseTo(free / 0.5, 6);
    expect(timed.travel.timed?.leaving(H, R1, E_VAN, 12 * 3600)).toBeCloseTo(free, 6);
  });
});

describe("the City travel model from the scenario's own matrix", () => {
  // ids in their own order: R2, H, B, R1, A; entry [i][j] = 10 i + j km in that order, so each pair has its own figure
  const ids = ['R2', 'H', 'B', 'R1', 'A'];
  const km = ids.map((_, i) => ids.map((__, j) => 10 * i + j));
  const at = (id: string): number => ids.indexOf(id);
  const matrixKm = (from: string, to: string): number => 10 * at(from) + at(to);

  it('reorders the rows and columns into the City order (hubs, depots, receivers)', () => {
    const city = buildCity({ ...meridianDay(), options: { matrix: { ids, distancesKm: km } } });
    const order: [number, string][] = [
      [H, 'H'],
      [A, 'A'],
      [B, 'B'],
      [R1, 'R1'],
      [R2, 'R2'],
    ];
    for (const [i, from] of order)
      for (const [j, to] of order) expect(city.travel.distance(i, j)).toBe(matrixKm(from, to) * 1000);
    // e.g. H (row 1) to R1 (column 3): 13 km; R2 (row 0) to A (column 4): 4 km
    expect(city.travel.distance(H, R1)).toBe(13_000);
    expect(city.travel.distance(R2, A)).toBe(4_000);
  });

  it('times drives at the type speed without durations, and at the matrix minutes for every type with them', () => {
    const minutes = ids.map((_, i) => ids.map((__, j) => 100 + 10 * i + j));
    const bySpeed = buildCity({ ...meridianDay(), options: { matrix: { ids, distancesKm: km } } });
    // H to R1: 13 km at 18 km/h = 2,600 s
    expect(bySpeed.travel.duration(H, R1, E_VAN)).toBeCloseTo(13_000 / M_PER_S(18), 9);
    const byMinutes = buildCity({
      ...meridianDay(),
      options: { matrix: { ids, distancesKm: km, durationsMin: minutes } },
    });
    // H (row 1) to R1 (column 3): 113 min, whatever the type
    expect(byMinutes.travel.duration(H, R1, E_VAN)).toBe(113 * 60);
    expect(byMinutes.travel.duration(H, R1, BIKE)).toBe(113 * 60);
    expect(byMinutes.travel.duration(R2, A, BIKE)).toBe(104 * 60);
  });

  it('takes a pair the matrix leaves out as unreachable', () => {
    const ragged = km.map((row, i) => (i === at('H') ? row.slice(0, at('R1')) : row));
    const city = buildCity({ ...meridianDay(), options: { matrix: { ids, distancesKm: ragged } } });
    expect(city.travel.distance(H, R1)).toBe(Number.POSITIVE_INFINITY);
    expect(city.travel.distance(H, B)).toBe(12_000);
  });

  it('takes the drives from a place whose row the durations leave out as unreachable', () => {
    // the schema refuses such a matrix (scenario-schema.test.ts); buildCity stays defensive: no row for A here
    const minutes = ids.slice(0, -1).map((_, i) => ids.map((__, j) => 100 + 10 * i + j));
    const city = buildCity({
      ...meridianDay(),
      options: { matrix: { ids, distancesKm: km, durationsMin: minutes } },
    });
    expect(city.travel.duration(A, H, E_VAN)).toBe(Number.POSITIVE_INFINITY);
    expect(city.travel.duration(H, A, E_VAN)).toBe(114 * 60); // H (row 1) to A (column 4)
  });
});
