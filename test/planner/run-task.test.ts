import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src/contracts/index.ts';
import { InputError } from '../../src/domain/errors.ts';
import { buildCity, runPlanTask, solveContext } from '../../src/planner/index.ts';
import { toPlanTask, toRoutingTask } from '../../src/planner/run-task.ts';
import { residualScenario } from '../support/residual-scenario.ts';
import { smallScenario } from '../support/small-scenario.ts';
import { unitCity, unitType } from './unit-city.ts';

const rates = { fixedCostEur: 1, costPerKmEur: 1, costPerHourEur: 1 };

describe('a task between its wire form (ids) and its routing form (indices)', () => {
  const city = unitCity({
    carriers: [{ id: 'A' }, { id: 'B' }] as never,
    hubs: [{ id: 'H1' }, { id: 'H2' }] as never,
    vehicleTypes: [unitType('van', rates), unitType('bike', rates)],
  });

  it('finds a baseline task’s carrier and optional vehicle type by id', () => {
    expect(toRoutingTask(city, { kind: 'baseline', carrierId: 'B', zone: 1, zones: 3 })).toEqual({
      kind: 'baseline',
      carrier: 1,
      zone: 1,
      zones: 3,
      vehicleType: undefined,
    });
    expect(
      toRoutingTask(city, { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1, vehicleType: 'van' }),
    ).toEqual({ kind: 'baseline', carrier: 0, zone: 0, zones: 1, vehicleType: 0 });
    expect(
      toRoutingTask(city, { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1, vehicleType: 'bike' }),
    ).toMatchObject({ carrier: 0, vehicleType: 1 });
  });

  it('finds a pooled task’s hub by id', () => {
    for (const [hubId, hub, zone, zones] of [
      ['H1', 0, 0, 1],
      ['H2', 1, 2, 4],
    ] as const)
      expect(toRoutingTask(city, { kind: 'pooled', hubId, zone, zones })).toEqual({
        kind: 'pooled',
        hub,
        zone,
        zones,
      });
  });

  it('is undefined when the carrier, the vehicle type or the hub is not in the city', () => {
    expect(toRoutingTask(city, { kind: 'baseline', carrierId: 'Z', zone: 0, zones: 1 })).toBeUndefined();
    const ship = { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1, vehicleType: 'ship' } as const;
    expect(toRoutingTask(city, ship)).toBeUndefined();
    expect(toRoutingTask(city, { kind: 'pooled', hubId: 'H3', zone: 0, zones: 1 })).toBeUndefined();
  });

  it('names a routing task’s carrier or hub by id again', () => {
    expect(toPlanTask(city, { kind: 'baseline', carrier: 1, zone: 2, zones: 3 })).toEqual({
      kind: 'baseline',
      carrierId: 'B',
      zone: 2,
      zones: 3,
    });
    expect(toPlanTask(city, { kind: 'pooled', hub: 1, zone: 0, zones: 2 })).toEqual({
      kind: 'pooled',
      hubId: 'H2',
      zone: 0,
      zones: 2,
    });
  });
});

describe('one task solved in wire form', () => {
  // smallScenario: A's diesel van may not serve R3 (cargo bikes only), nor may B's
  const city = buildCity(smallScenario(), {});
  const budget = { iterations: 30, timeLimitMs: 5000 };
  const ctx = solveContext(city, { maxIterations: 30 });
  const solve = (task: PlanTask) => runPlanTask(city, task, budget, ctx);
  const ordersOf = (r: ReturnType<typeof solve>) =>
    r.routes.flatMap((route) => route.stops.flatMap((s) => s.orderIds)).sort();

  it('labels a carrier’s vehicles by its id, and says why an order no vehicle may serve is left', () => {
    const task: PlanTask = { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1 };
    const result = solve(task);
    expect(result.task).toBe(task);
    expect(ordersOf(result)).toEqual(['A1', 'A2']);
    expect(result.routes.every((r) => r.start === 'A' && r.vehicle === 'A/diesel-van#1')).toBe(true);
    expect(result.unassigned).toHaveLength(1);
    expect(result.unassigned[0]).toMatchObject({ orderId: 'A3', reason: 'no-vehicle-allowed' });
    expect(result.unassigned[0]?.detail).toMatch(/^diesel-van .* may not serve R3 .*\(receiver access\)$/);
    expect(result.iterations).toBe(30);
    expect(result.timeCapped).toBe(false);
  });

  it('labels a hub’s vehicles per zone when the hub’s runs are split, and only then', () => {
    const zone1 = solve({ kind: 'pooled', hubId: 'H', zone: 0, zones: 2 });
    const zone2 = solve({ kind: 'pooled', hubId: 'H', zone: 1, zones: 2 });
    const routes = [...zone1.routes, ...zone2.routes];
    expect([...ordersOf(zone1), ...ordersOf(zone2)].sort()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    for (const r of zone1.routes) expect(r.vehicle).toMatch(/^H\/z1\/(e-van|cargo-bike)#\d$/);
    for (const r of zone2.routes) expect(r.vehicle).toMatch(/^H\/z2\/(e-van|cargo-bike)#\d$/);
    expect(routes.every((r) => r.start === 'H')).toBe(true);
    const whole = solve({ kind: 'pooled', hubId: 'H', zone: 0, zones: 1 });
    expect(ordersOf(whole)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    for (const r of whole.routes) expect(r.vehicle).toMatch(/^H\/(e-van|cargo-bike)#\d$/);
  });

  it('gives an order left for another reason no detail', () => {
    const s = smallScenario();
    const none = buildCity(
      { ...s, carriers: s.carriers.map((c) => (c.id === 'A' ? { ...c, baselineVehicles: 0 } : c)) },
      {},
    );
    const result = runPlanTask(none, { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1 }, budget, ctx);
    expect(result.routes).toEqual([]);
    expect(result.unassigned).toStrictEqual(
      ['A1', 'A2', 'A3'].map((orderId) => ({ orderId, reason: 'fleet-exhausted' })),
    );
  });

  it('routes a carrier’s orders with the task’s vehicle type under that type’s own access rules', () => {
    // the clean-fleet counterfactual's re-route of A with an e-van: R3 takes cargo bikes only, R4 diesel vehicles
    // only, R5 neither (residualScenario), so the e-van may deliver A1 (R1) and A2 (R2), nothing else
    const day = buildCity(residualScenario(), {});
    const task: PlanTask = { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1, vehicleType: 'e-van' };
    const result = runPlanTask(day, task, budget, solveContext(day, { maxIterations: 30 }));
    expect(ordersOf(result)).toEqual(['A1', 'A2']);
    expect(result.routes.every((r) => r.vehicleType === 'e-van')).toBe(true);
    expect(result.unassigned.map((u) => [u.orderId, u.reason])).toEqual([
      ['A3', 'no-vehicle-allowed'],
      ['A4', 'no-vehicle-allowed'],
      ['A5', 'no-vehicle-allowed'],
    ]);
    for (const u of result.unassigned)
      expect(u.detail).toMatch(/^e-van \(electric van\) may not serve R[345] /);
  });

  it('times the solve on the context’s clock, in seconds to the millisecond', () => {
    // the clock reads 1000 ms when the task starts and 2234.5678 ms ever after: 1.2345678 s -> 1.235
    let reads = 0;
    const clock = () => (reads++ === 0 ? 1000 : 2234.5678);
    const result = runPlanTask(city, { kind: 'baseline', carrierId: 'B', zone: 0, zones: 1 }, budget, {
      ...ctx,
      clock,
    });
    expect(result.solveSeconds).toBe(1.235);
  });

  it('refuses a task whose carrier or hub the scenario does not have, naming the field', () => {
    const fails = (task: PlanTask) => {
      try {
        solve(task);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const carrier = fails({ kind: 'baseline', carrierId: 'Z', zone: 0, zones: 1 });
    expect(carrier).toBeInstanceOf(InputError);
    expect(carrier).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'task.carrierId' });
    expect((carrier as Error).message).toBe('task refers to carrier "Z", which the scenario does not have');
    const hub = fails({ kind: 'pooled', hubId: 'X', zone: 0, zones: 1 });
    expect(hub).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'task.hubId' });
    expect((hub as Error).message).toBe('task refers to hub "X", which the scenario does not have');
  });
});
