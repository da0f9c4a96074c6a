import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan, haversineKm } from '../support/audit/index.ts';

// The hand-checkable fixture (fixtures/README.md): with three receivers the optimal tours can be found by
// trying every order, independently of the solver.
const scenario = scenarioSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/tiny/two-shops.json'), 'utf8')),
);
const where = new Map<string, readonly number[]>([
  ...scenario.hubs.map((h) => [h.id, h.location] as const),
  ...scenario.carriers.map((c) => [c.id, c.depot] as const),
  ...scenario.receivers.map((r) => [r.id, r.location] as const),
]);
const CIRCUITY = scenario.options?.circuity ?? 1.3;

function tourKm(start: string, stops: readonly string[]): number {
  const path = [start, ...stops, start].map((id) => where.get(id) as readonly number[]);
  return path.slice(1).reduce((km, p, i) => km + haversineKm(path[i] as readonly number[], p) * CIRCUITY, 0);
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

const optimalKm = (start: string, stops: readonly string[]): number =>
  Math.min(...permutations(stops).map((p) => tourKm(start, p)));

describe('fixtures/tiny/two-shops.json', () => {
  const plan = planScenario(scenario, { seed: 1, maxIterations: 300, timeLimitSeconds: 60 });
  const receivers = scenario.receivers.map((r) => r.id);

  it('is feasible', () => {
    expect(auditPlan(scenario, plan)).toEqual([]);
  });

  it('pools everything into one optimal e-van trip from the hub', () => {
    expect(plan.consolidated.unassigned).toEqual([]);
    expect(plan.consolidated.routes).toHaveLength(1);
    const [route] = plan.consolidated.routes;
    expect(route?.vehicleType).toBe('e-van');
    expect(route?.stops.map((s) => s.orderIds.length)).toEqual([2, 2, 2]);
    expect(route?.distanceKm).toBeCloseTo(optimalKm(route?.start ?? '', receivers), 2);
  });

  it('gives each carrier its own optimal round in the baseline', () => {
    expect(plan.baseline.routes).toHaveLength(2);
    for (const r of plan.baseline.routes) expect(r.distanceKm).toBeCloseTo(optimalKm(r.start, receivers), 2);
    expect(plan.baseline.kpis.deliveriesPerReceiver).toBe(2);
    expect(plan.consolidated.kpis.deliveriesPerReceiver).toBe(1);
  });
});
