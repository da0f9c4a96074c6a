import { describe, expect, it } from 'vitest';
import type { PlanTaskResult } from '../../src/contracts/index.ts';
import { buildCity, planTasks, runPlanTask, solveContext } from '../../src/planner/index.ts';
import {
  assembleConsolidated,
  groupByStart,
  type ConsolidatedParts,
} from '../../src/planner/consolidated-parts.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';
import { residualScenario } from '../support/residual-scenario.ts';
import { unitRoute } from './unit-city.ts';

const scenario = residualScenario();
const city = buildCity(scenario, {});
const ctx = solveContext(city, { maxIterations: 30 });
const ordersOf = (routes: ConsolidatedParts['pooledRoutes']) =>
  routes.flatMap((r) => r.stops.flatMap((s) => s.orderIds)).sort();

describe('the consolidated plan’s physical part, from the solved tasks', () => {
  let results: PlanTaskResult[] = [];
  let parts: ConsolidatedParts;
  beforeAllOrFail(() => {
    results = planTasks(city).map((t) => runPlanTask(city, t.task, t.budget, ctx));
    parts = assembleConsolidated(city, scenario, results, ctx);
  });
  const resultOf = (kind: string, id: string) =>
    results.find((r) =>
      r.task.kind === 'baseline' ? kind === 'baseline' && r.task.carrierId === id : r.task.hubId === id,
    )!;

  it('keeps the baseline rounds and the pooled runs as solved', () => {
    expect(parts.baselineRoutes).toEqual(['A', 'B', 'C'].flatMap((id) => resultOf('baseline', id).routes));
    expect(parts.pooledRoutes).toEqual(resultOf('pooled', 'H').routes);
    expect(ordersOf(parts.pooledRoutes)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
  });

  it('lists the orders no hub may take, with the facility choice’s reason', () => {
    // R4 (diesel only) and R5 (diesel cargo bikes only): neither the hub's e-van nor its cargo bike may serve them
    expect(parts.unpooled).toEqual(
      ['A4', 'A5', 'C1', 'C2'].map((orderId) => ({ orderId, reason: 'no-vehicle-allowed' })),
    );
    expect(parts.orderIndex.get('A1')).toBe(0);
    expect(parts.orderIndex.get('C2')).toBe(9);
  });

  it('keeps the rounds of a carrier no hub took anything from, and routes the rest of the others again', () => {
    // C: all its orders unpooled, its baseline route kept as it is; A: A4 and A5 routed again by A (A5 in vain)
    const [kept, ...again] = parts.residualRoutes;
    expect(kept).toBe(resultOf('baseline', 'C').routes[0]);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      start: 'A',
      vehicle: 'A/unpooled/diesel-van#1',
      id: 'A/unpooled/diesel-van#1/trip1',
    });
    expect(again[0]?.stops.map((s) => s.orderIds)).toEqual([['A4']]);
    expect(parts.residualRuns.map((r) => r.carrier)).toEqual([0]);
    expect(parts.residualRuns[0]?.solution.unassigned.map((u) => u.reason)).toEqual(['no-vehicle-allowed']);
    // C2 was not delivered by C's kept rounds either
    expect([...parts.keptUndelivered]).toEqual([['C2', 'no-vehicle-allowed']]);
  });

  it('feeds every pooled order to its hub by trunk, in time for the pooled run that carries it', () => {
    expect(parts.trunk.every((t) => t.hubId === 'H')).toBe(true);
    const stops = parts.trunk.flatMap((t) => t.stops);
    expect(stops.flatMap((s) => s.orderIds).sort()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3']);
    for (const s of stops)
      expect(
        s.orderIds.every((id) => id.startsWith(s.id)),
        s.id,
      ).toBe(true);
    // same-day trunking: a stop whose goods reached H after the pooled run left would say how late
    expect(stops.filter((s) => (s.lateMin ?? 0) > 0)).toEqual([]);
    const leaves = Math.min(...parts.pooledRoutes.map((r) => r.departureSec!));
    for (const t of parts.trunk) expect(t.arrivalSec + 1800).toBeLessThanOrEqual(leaves + 1e-6);
    expect(parts.network.runs.length).toBeGreaterThan(0);
  });

  it('charges the hub its handling: 10 pooled units at 0.2 kWh, at 0.1 kg CO2e a kWh', () => {
    // units: A1 2 + A2 2 + A3 1 + B1 3 + B2 1 + B3 1 = 10
    expect(parts.hub.kWh).toBeCloseTo(10 * 0.2, 9);
    expect(parts.hub.co2eKg).toBeCloseTo(10 * 0.2 * 0.1, 9);
    expect(parts.hubs.map((h) => [h.id, h.open, h.units])).toEqual([['H', true, 10]]);
  });

  it('takes the French grid’s 0.048 kg CO2e a kWh when the scenario sets no factor', () => {
    const plain = assembleConsolidated(city, { ...scenario, options: undefined }, results, ctx);
    expect(plain.hub.co2eKg).toBeCloseTo(10 * 0.2 * 0.048, 9);
  });

  it('adds the orders a pooled run left to its carrier’s rounds', () => {
    // the pooled run made to drop its stop at R2 (A2 and B2): both go back to their carriers, B's by a new round
    const pooled = resultOf('pooled', 'H');
    const dropped: PlanTaskResult = {
      ...pooled,
      routes: pooled.routes.map((r) => ({ ...r, stops: r.stops.filter((s) => !s.orderIds.includes('A2')) })),
      unassigned: [
        { orderId: 'A2', reason: 'window-unreachable' },
        { orderId: 'B2', reason: 'window-unreachable' },
      ],
    };
    const again = assembleConsolidated(
      city,
      scenario,
      results.map((r) => (r === pooled ? dropped : r)),
      ctx,
    );
    expect(again.unpooled.map((u) => [u.orderId, u.reason])).toEqual([
      ['A4', 'no-vehicle-allowed'],
      ['A5', 'no-vehicle-allowed'],
      ['C1', 'no-vehicle-allowed'],
      ['C2', 'no-vehicle-allowed'],
      ['A2', 'window-unreachable'],
      ['B2', 'window-unreachable'],
    ]);
    expect(again.residualRuns.map((r) => r.carrier)).toEqual([0, 1]);
    const residual = groupByStart(again.residualRoutes);
    expect(ordersOf(residual.get('A') ?? [])).toEqual(['A2', 'A4']);
    expect(ordersOf(residual.get('B') ?? [])).toEqual(['B2']);
    expect(residual.get('B')?.every((r) => r.vehicle.startsWith('B/unpooled/'))).toBe(true);
    expect(ordersOf(residual.get('C') ?? [])).toEqual(['C1']);
    // 10 - 2 - 1 units pooled now: 7 at 0.2 kWh
    expect(again.hub.kWh).toBeCloseTo(7 * 0.2, 9);
    expect(again.trunk.flatMap((t) => t.stops.flatMap((s) => s.orderIds)).sort()).toEqual([
      'A1',
      'A3',
      'B1',
      'B3',
    ]);
  });
});

describe('a hub too dear to open', () => {
  it('leaves every order to its carrier, saying why', () => {
    // 100,000 EUR a day: the facility model opens no hub; R4 and R5 the hub's fleet may not serve anyway
    const dear = { ...scenario, hubs: scenario.hubs.map((h) => ({ ...h, fixedCostEurPerDay: 100_000 })) };
    const closed = buildCity(dear, {});
    const solved = planTasks(closed).map((t) => runPlanTask(closed, t.task, t.budget, ctx));
    expect(solved.every((r) => r.task.kind === 'baseline')).toBe(true);
    const parts = assembleConsolidated(closed, dear, solved, ctx);
    const hubClosed = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3'];
    expect(parts.unpooled.map((u) => [u.orderId, u.reason])).toEqual(
      closed.orders.map((o) => [o.id, hubClosed.includes(o.id) ? 'hub-closed' : 'no-vehicle-allowed']),
    );
    // every carrier keeps its own rounds as they are: nothing is routed again, nothing goes by trunk
    expect(parts.residualRuns).toEqual([]);
    expect(parts.residualRoutes).toEqual(solved.flatMap((r) => r.routes));
    expect(parts.trunk).toEqual([]);
    expect(parts.hub).toEqual({ kWh: 0, co2eKg: 0 });
  });
});

describe('routes grouped by where they start', () => {
  it('keeps each start’s routes in order', () => {
    const r = (vehicle: string, start: string) => ({
      ...unitRoute({ vehicle, vehicleType: 'van', distanceKm: 1, durationMin: 1 }),
      start,
    });
    const [a1, b1, a2] = [r('a1', 'A'), r('b1', 'B'), r('a2', 'A')];
    expect([...groupByStart([a1, b1, a2])]).toEqual([
      ['A', [a1, a2]],
      ['B', [b1]],
    ]);
    expect(groupByStart([]).size).toBe(0);
  });
});
