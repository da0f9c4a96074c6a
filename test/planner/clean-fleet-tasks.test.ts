import { describe, expect, it } from 'vitest';
import type { PlanTaskResult } from '../../src/contracts/index.ts';
import { InternalError } from '../../src/domain/errors.ts';
import {
  baselineBudgetOf,
  cleanFleetMayReroute,
  cleanFleetTasks,
  solvedTask,
} from '../../src/planner/clean-fleet-tasks.ts';
import { buildCity, planTasks, runPlanTask, solveContext } from '../../src/planner/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';

// the counterfactual's re-routes listed before the assembly, so picon plan's threads can solve them: the same
// tasks and budgets the assembly would solve itself, and each solved result found again by its exact task
describe('the clean-fleet counterfactual’s re-routes', () => {
  const day = generateCityDay({ city: 'lille', receivers: 20, seed: 12, carriers: 5 });
  const scenario = {
    ...day,
    options: { ...day.options, seed: 12, effort: 'quick' as const, maxStopsPerZone: 10 },
  };
  const bikes = {
    ...scenario,
    options: { ...scenario.options, cleanFleetVehicleTypes: { 'diesel-van': 'cargo-bike' } },
  };
  const baselineOf = (s: typeof scenario) => {
    const city = buildCity(s, {});
    const tasks = planTasks(city);
    const ctx = solveContext(city, { maxIterations: 20 });
    const results = tasks
      .filter((t) => t.task.kind === 'baseline')
      .map((t) => runPlanTask(city, t.task, t.budget, ctx));
    return { city, tasks, results };
  };

  it('lists every zone of each carrier the clean type cannot drive for, with its baseline budget', () => {
    const { city, tasks, results } = baselineOf(bikes);
    const vans = new Set(
      bikes.carriers.filter((c) => c.baselineVehicleType === 'diesel-van').map((c) => c.id),
    );
    expect(vans.size).toBeGreaterThan(0);
    const expected = tasks.flatMap((t) =>
      t.task.kind === 'baseline' && vans.has(t.task.carrierId)
        ? [{ task: { ...t.task, vehicleType: 'cargo-bike' }, budget: t.budget }]
        : [],
    );
    // some van carrier has its orders cut into zones, so the zone of each budget matters
    expect(expected.some((e) => e.task.kind === 'baseline' && e.task.zone > 0)).toBe(true);
    expect(cleanFleetTasks(city, results)).toEqual(expected);
  });

  it('lists nothing when no carrier changes vehicle type', () => {
    const same = {
      ...scenario,
      options: {
        ...scenario.options,
        cleanFleetVehicleTypes: { 'diesel-van': 'diesel-van', 'rigid-truck': 'rigid-truck' },
      },
    };
    const { city, results } = baselineOf(same);
    expect(cleanFleetTasks(city, results)).toEqual([]);
    expect(cleanFleetMayReroute(city)).toBe(false);
  });

  it('may re-route, before any solve, exactly when some carrier with orders changes vehicle type', () => {
    // the default clean types (diesel van to e-van: type 1, not 0) and cargo bikes (type 0) for diesel vans
    expect(cleanFleetMayReroute(buildCity(scenario, {}))).toBe(true);
    const city = buildCity(bikes, {});
    expect(cleanFleetMayReroute(city)).toBe(true);
    // the carriers that change type (diesel vans to bikes) lose their orders: nothing left to re-route
    const vanCarriers = new Set(
      city.carriers.flatMap((c, i) => (city.cleanTypeOf[c.baselineType] !== c.baselineType ? [i] : [])),
    );
    expect(vanCarriers.size).toBeGreaterThan(0);
    expect(vanCarriers.size).toBeLessThan(city.carriers.length);
    const orders = city.orders.filter((o) => !vanCarriers.has(o.carrier));
    expect(cleanFleetMayReroute({ ...city, orders })).toBe(false);
  });

  it('finds a solved re-route by carrier, zone, zones and vehicle type only', () => {
    const task = { kind: 'baseline' as const, carrierId: 'A', zone: 1, zones: 2, vehicleType: 'cargo-bike' };
    const result = (t: PlanTaskResult['task']): PlanTaskResult => ({
      task: t,
      routes: [],
      unassigned: [],
      solveSeconds: 0,
      iterations: 0,
      timeCapped: false,
    });
    const solved = [
      result({ ...task, carrierId: 'B' }),
      result({ ...task, zone: 0 }),
      result({ ...task, zones: 3 }),
      result({ ...task, vehicleType: 'e-van' }),
      result({ kind: 'pooled', hubId: 'A', zone: 1, zones: 2 }),
      result(task),
    ];
    expect(solvedTask(solved, task)).toBe(solved[5]);
    expect(solvedTask(solved.slice(0, 5), task)).toBeUndefined();
    expect(solvedTask(solved, { kind: 'pooled', hubId: 'A', zone: 1, zones: 2 })).toBeUndefined();
  });

  it('takes the budget of the carrier’s task in the same zone, and calls a missing one a bug', () => {
    const { tasks } = baselineOf(bikes);
    const own = tasks.flatMap((t) =>
      t.task.kind === 'baseline' ? [{ task: t.task, budget: t.budget }] : [],
    );
    for (const t of own)
      expect(baselineBudgetOf(tasks, { ...t.task, vehicleType: 'cargo-bike' })).toBe(t.budget);
    const first = own[0]?.task as { carrierId: string };
    expect(() =>
      baselineBudgetOf(tasks, { kind: 'baseline', carrierId: first.carrierId, zone: 99, zones: 100 }),
    ).toThrow(InternalError);
    expect(() =>
      baselineBudgetOf(tasks, { kind: 'pooled', hubId: first.carrierId, zone: 0, zones: 1 }),
    ).toThrow(InternalError);
  });
});
