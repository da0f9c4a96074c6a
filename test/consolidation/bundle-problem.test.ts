import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/consolidation/bundle.ts';
import { buildBundleProblem } from '../../src/consolidation/bundle-problem.ts';
import { lineLocations, unitCity, unitType } from '../planner/unit-city.ts';

const city = unitCity({
  ...lineLocations([0, 1, 2]),
  vehicleTypes: [unitType('van', { fixedCostEur: 10, costPerKmEur: 1, costPerHourEur: 30 })],
  receivers: [
    { id: 'R0', location: 1, windows: [[0, 86_400]], serviceS: 300 },
    { id: 'R1', location: 2, windows: [[0, 86_400]], serviceS: 300 },
  ],
});
const bundle = (receiver: number, windows: Bundle['windows']): Bundle => ({
  receiver,
  orders: [receiver],
  delivery: [10, 0.1, 1],
  pickup: [0, 0, 0],
  windows,
  serviceS: 360,
});
const bundles = [bundle(1, [[3600, 7200]]), bundle(0, [[0, 600]])];
const vehicles = [{ type: 0, depot: 0, shiftStartS: 0, shiftEndS: 86_400, maxTrips: 1, reloadS: 0 }];

describe('the routing problem of some bundles', () => {
  it("without access rules: a job per bundle at its receiver's location, in the bundle's windows, any type", () => {
    const { problem, accessNotes } = buildBundleProblem(city, bundles, vehicles);
    expect(problem.jobs).toEqual([
      { location: 2, delivery: [10, 0.1, 1], pickup: [0, 0, 0], serviceS: 360, windows: [[3600, 7200]] },
      { location: 1, delivery: [10, 0.1, 1], pickup: [0, 0, 0], serviceS: 360, windows: [[0, 600]] },
    ]);
    expect(problem.jobs.map((j) => j.allowedVehicleTypes)).toEqual([undefined, undefined]);
    expect(accessNotes).toEqual([undefined, undefined]);
    expect(problem.vehicles).toBe(vehicles);
    expect(problem.travel).toBe(city.travel);
    expect(problem.dimensions).toBe(3);
  });

  it('with access rules: their windows and types per job, and the note of a job nobody may serve', () => {
    const { accessNotes, problem } = buildBundleProblem(city, bundles, vehicles, (b) =>
      b.receiver === 1
        ? { windows: [], allowedVehicleTypes: [], note: 'R1: its access rule bars every type' }
        : { windows: [[100, 500]], allowedVehicleTypes: [0] },
    );
    expect(problem.jobs.map((j) => [j.windows, j.allowedVehicleTypes])).toEqual([
      [[], []],
      [[[100, 500]], [0]],
    ]);
    expect(accessNotes).toEqual(['R1: its access rule bars every type', undefined]);
  });
});
