import { describe, expect, it } from 'vitest';
import type { PlanTaskResult } from '../../src/contracts/index.ts';
import type { SolveContext } from '../../src/consolidation/index.ts';
import type { City } from '../../src/domain/city.ts';
import { InternalError } from '../../src/domain/errors.ts';
import { buildCity, planTasks, runPlanTask, solveContext } from '../../src/planner/index.ts';
import {
  coalitionPricer,
  priceCoalitions,
  type GrandPlanParts,
} from '../../src/planner/coalition-pricing.ts';
import { assembleConsolidated } from '../../src/planner/consolidated-parts.ts';
import { gameParts } from '../../src/planner/game-parts.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';
import { residualScenario } from '../support/residual-scenario.ts';

// c(S) on residualScenario: carriers A (0) and B (1) pool A1-A3 and B1-B3 through H; A's A4 and A5 and all of
// C's (2) orders stay with their carriers. H costs 0 EUR a day and 0.5 EUR a handling unit (1 min at 30 EUR/h,
// hub-costs.ts). The thorough effort gives a coalition's trunk 10 * 2 = 20 iterations per flow (carrier, hub),
// at least 20 (effort.ts).
const scenario = residualScenario();
const city = buildCity(scenario, { effort: 'thorough' });
const ctx = solveContext(city, { maxIterations: 30 });
type Stats = { iterations: number; timeCapped: boolean };

describe('the price of a coalition, c(S)', () => {
  let results: PlanTaskResult[] = [];
  let parts: GrandPlanParts;
  /** The parts with stand-alone costs no coalition reaches, so that c(S) is the pooled cost itself. */
  let pooling: GrandPlanParts;
  beforeAllOrFail(() => {
    results = planTasks(city).map((t) => runPlanTask(city, t.task, t.budget, ctx));
    parts = gameParts(city, results, assembleConsolidated(city, scenario, results, ctx));
    pooling = { ...parts, standaloneEur: [1e6, 1e6, 1e6] };
  });
  const pricer = (p: GrandPlanParts, c: City = city, context: SolveContext = ctx) => {
    const solves: Stats[] = [];
    const price = coalitionPricer(c, p, context, (s) => solves.push(s));
    return { price, solves };
  };

  it('is the plan’s cost for every carrier together, without solving anything', () => {
    const { price, solves } = pricer({ ...parts, grandEur: 1234.5 });
    expect(price([0, 1, 2])).toBe(1234.5);
    expect(solves).toEqual([]);
  });

  it('is its own rounds for a coalition that pools nothing (never above its stand-alone cost)', () => {
    // C's orders all stay with C: no pooled run, no trunk, no hub
    const { price, solves } = pricer({ ...parts, standaloneEur: [1e6, 1e6, 80], residualEur: [0, 0, 60] });
    expect(price([2])).toBe(60);
    expect(solves).toEqual([]);
    expect(pricer({ ...parts, standaloneEur: [1e6, 1e6, 50], residualEur: [0, 0, 60] }).price([2])).toBe(50);
    // a hub it does not use costs it nothing, not even the hub's fixed cost of the day
    const fixed = { ...city, hubs: city.hubs.map((h) => ({ ...h, fixedCostEurPerDay: 10 })) };
    expect(
      pricer({ ...parts, standaloneEur: [1e6, 1e6, 80], residualEur: [0, 0, 60] }, fixed).price([2]),
    ).toBe(60);
  });

  it('solves a coalition’s pooled runs and its trunk, and adds its members’ own rounds', () => {
    const { price, solves } = pricer(pooling, city, { ...ctx, maxIterations: undefined });
    const a = price([0]);
    // one pooled solve and one trunk solve of A's single flow: 20 iterations each
    expect(solves).toEqual([
      { iterations: 20, elapsedMs: expect.any(Number), timeCapped: false },
      { iterations: 20, elapsedMs: expect.any(Number), timeCapped: false },
    ]);
    // more than A's own rounds of A4 and A5 plus H's handling of A's 2 + 2 + 1 units at 0.5 EUR
    expect(a).toBeGreaterThan(parts.residualEur[0]! + 5 * 0.5);
    // C pools nothing: adding it adds its own rounds only
    expect(price([0, 2])).toBeCloseTo(a + parts.residualEur[2]!, 9);
    expect(parts.residualEur[2]).toBeGreaterThan(0);
    // A and B: two flows to H, a trunk of 2 * 20 = 40 iterations (or the context's 30 when it has one)
    solves.length = 0;
    price([0, 1]);
    expect(solves.map((s) => s.iterations)).toEqual([20, 40]);
    const capped = pricer(pooling);
    capped.price([0, 1]);
    expect(capped.solves.map((s) => s.iterations)).toEqual([20, 30]);
    // told nothing when nobody listens: the same price
    expect(coalitionPricer(city, pooling, { ...ctx, maxIterations: undefined })([0])).toBe(a);
  });

  it('prices the carriers that pool at the plan’s own cost of pooling them (the plan’s runs as warm start)', () => {
    // A and B pool everything the plan pools: the same runs, trunk and hub as the plan, and A's own rounds for
    // A4 and A5; only C's own rounds are missing from the plan's cost
    expect(pricer(pooling).price([0, 1])).toBeCloseTo(parts.grandEur - parts.residualEur[2]!, 6);
    expect(parts.residualEur[1]).toBe(0);
  });

  it('charges the hub each handling unit of the coalition’s orders', () => {
    const base = pricer(pooling).price([0]);
    // H at 1.5 EUR a unit: A's units (A1 2, A2 2, A3 1) cost 5 * 1.5 instead of 5 * 0.5
    const dearer = { ...city, hubs: city.hubs.map((h) => ({ ...h, handlingCostEurPerUnit: 1.5 })) };
    expect(pricer(pooling, dearer).price([0])).toBeCloseTo(base + 5 * (1.5 - 0.5), 6);
    // B's units: B1 3, B2 1, B3 (a pickup) 1
    const b = pricer(pooling).price([1]);
    expect(pricer(pooling, dearer).price([1])).toBeCloseTo(b + 5 * (1.5 - 0.5), 6);
  });

  it('is its members’ stand-alone cost when its pooled runs would leave an order the plan delivers', () => {
    // R1 open for one minute after midnight: no pooled run reaches A1 and B1 in time now
    const closed = {
      ...city,
      receivers: city.receivers.map((r) => (r.id === 'R1' ? { ...r, windows: [[0, 60]] as const } : r)),
    } as City;
    const { price } = pricer({ ...parts, standaloneEur: [100, 200, 300] }, closed);
    expect(price([0])).toBe(100);
    expect(price([0, 1])).toBe(300);
  });

  it('prices coalitions given as bitmasks, counting them, and says whether a clock cut a solve short', () => {
    const done: number[] = [];
    const { price } = pricer(pooling);
    const priced = priceCoalitions(city, pooling, ctx, [1, 4, 3], (n) => done.push(n));
    expect(priced).toEqual({
      costs: [
        { coalition: 1, costEur: price([0]) },
        { coalition: 4, costEur: price([2]) },
        { coalition: 3, costEur: price([0, 1]) },
      ],
      timeCapped: false,
    });
    expect(done).toEqual([1, 2, 3]);
    // a clock that jumps 1000 s at each reading: the first solve is cut at once
    let reads = 0;
    const late = priceCoalitions(city, pooling, { ...ctx, clock: () => 1e6 * reads++ }, [1, 4]);
    expect(late.timeCapped).toBe(true);
    expect(priceCoalitions(city, pooling, ctx, [4]).timeCapped).toBe(false);
  });

  it('refuses parts that name an order or hub the city does not have', () => {
    const pooled = parts.pooled[0]!;
    const renamed = (r: PlanTaskResult): PlanTaskResult => ({
      ...r,
      routes: r.routes.map((route) => ({
        ...route,
        stops: route.stops.map((s) => ({
          ...s,
          orderIds: s.orderIds.map((id) => (id === 'A2' ? 'Z9' : id)),
        })),
      })),
    });
    const fails = (p: GrandPlanParts) => {
      try {
        coalitionPricer(city, p, ctx);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const order = fails({ ...parts, pooled: [renamed(pooled)] });
    expect(order).toBeInstanceOf(InternalError);
    expect(order).toMatchObject({ code: 'BROKEN_INVARIANT' });
    expect((order as Error).message).toBe('plan order Z9 is not in the city');
    const unassigned = fails({
      ...parts,
      pooled: [{ ...pooled, unassigned: [{ orderId: 'Z8', reason: 'window-unreachable' }] }],
    });
    expect((unassigned as Error).message).toBe('plan order Z8 is not in the city');
    const task = { kind: 'pooled' as const, hubId: 'X', zone: 0, zones: 1 };
    const hub = fails({ ...parts, pooled: [{ ...pooled, task }] });
    expect(hub).toBeInstanceOf(InternalError);
    expect(hub).toMatchObject({ code: 'BROKEN_INVARIANT' });
    expect((hub as Error).message).toBe(`pooled result of task ${JSON.stringify(task)}`);
    const baseline = { kind: 'baseline' as const, carrierId: 'A', zone: 0, zones: 1 };
    expect((fails({ ...parts, pooled: [{ ...pooled, task: baseline }] }) as Error).message).toBe(
      `pooled result of task ${JSON.stringify(baseline)}`,
    );
  });
});
