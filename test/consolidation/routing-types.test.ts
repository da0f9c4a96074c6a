import { describe, expect, it } from 'vitest';
import { routingVehicleTypes } from '../../src/consolidation/routing-types.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import type { RoutingProblem, TravelModel } from '../../src/domain/routing-problem.ts';
import { buildCity } from '../../src/planner/index.ts';
import { solve } from '../../src/solver/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

/** A depot and one receiver 61 km apart (metres; 10 m/s). */
const line: TravelModel = {
  size: 2,
  distance: (a, b) => (a === b ? 0 : 61_000),
  duration: (a, b) => (a === b ? 0 : 6100),
};

/**
 * One e-van day from the city's vehicle types as production builds them. The built-in e-van:
 * 0.219 / 0.70 = 0.3129 kWh/km empty, 0.219 / 0.60 = 0.365 at its 1,200 kg payload, 40 kWh battery.
 * Out and back, 61 km each way:
 *   1 kg out, empty back:       61 × 0.3129 + 61 × 0.3129 = 38.17 kWh  (within range)
 *   1,200 kg out, empty back:   61 × 0.365  + 61 × 0.3129 = 41.35 kWh  (out of range)
 *   empty out, 1,200 kg back:   61 × 0.3129 + 61 × 0.365  = 41.35 kWh  (out of range)
 * so a range check that ignores payload would let the loaded trips through.
 */
function eVanDay(delivery: number, pickup: number): RoutingProblem {
  const city = buildCity(scenarioSchema.parse(smallScenario()));
  const type = city.vehicleTypes.findIndex((t) => t.id === 'e-van');
  return {
    dimensions: 3,
    travel: line,
    jobs: [
      { location: 1, delivery: [delivery, 0, 0], pickup: [pickup, 0, 0], serviceS: 0, windows: [[0, 1e6]] },
    ],
    vehicleTypes: routingVehicleTypes(city),
    vehicles: [{ type, depot: 0, shiftStartS: 0, shiftEndS: 1e6, maxTrips: 1, reloadS: 0 }],
  };
}

const solved = (p: RoutingProblem) =>
  solve(p, { seed: 1, clock: () => 0, timeLimitMs: 1e9, maxIterations: 50 });

describe("the solver's vehicle types as production builds them", () => {
  it('range depends on payload: a trip within range when light is rejected when loaded', () => {
    const light = solved(eVanDay(1, 0));
    expect(light.unassigned).toEqual([]);
    expect(light.routes.map((r) => r.trips.map((t) => t.visits.map((v) => v.job)))).toEqual([[[0]]]);
    expect(solved(eVanDay(1200, 0)).unassigned).toEqual([{ job: 0, reason: 'range-exceeded' }]);
    expect(solved(eVanDay(0, 1200)).unassigned).toEqual([{ job: 0, reason: 'range-exceeded' }]);
  });

  it('gives each type the energy of its City figures (e-van: 40 kWh range, 38.17 kWh for the light trip)', () => {
    const problem = eVanDay(1, 0);
    const energy = problem.vehicleTypes[problem.vehicles[0]!.type]!.energy!;
    expect(energy.rangeKWh).toBe(40);
    const empty = 0.219 / 0.7;
    const full = 0.219 / 0.6;
    expect(energy.arcKWh(61_000, 1) + energy.arcKWh(61_000, 0)).toBeCloseTo(
      61 * (empty + ((full - empty) * 1) / 1200) + 61 * empty,
      9,
    );
    expect(energy.arcKWh(61_000, 1200) + energy.arcKWh(61_000, 0)).toBeCloseTo(61 * (full + empty), 9);
  });
});
