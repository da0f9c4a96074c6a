import { describe, expect, it, vi } from 'vitest';
import type { Bundle } from '../../src/consolidation/bundle.ts';
import {
  COALITION_TEMPERATURE,
  planCoalitionRuns,
  type GrandTrip,
} from '../../src/consolidation/coalition-runs.ts';
import { planPooledRuns } from '../../src/consolidation/pooled-runs.ts';
import type * as PooledRunsModule from '../../src/consolidation/pooled-runs.ts';
import { listTasks, type RoutingTask } from '../../src/consolidation/tasks.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

// what a coalition's pooled runs are asked to solve (orders, budget, context, warm start), without solving them
vi.mock('../../src/consolidation/pooled-runs.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof PooledRunsModule>()),
  planPooledRuns: vi.fn(() => ({})),
}));
const asked = () => vi.mocked(planPooledRuns).mock.calls.at(-1) as Parameters<typeof planPooledRuns>;

/** The small scenario (orders A1 A2 A3 B1 B2 B3 = 0..5 of carriers A = 0 and B = 1, all pooled at hub 0). */
const city = buildCity(scenarioSchema.parse(smallScenario()));
const pooled = listTasks(city).find((t) => t.kind === 'pooled') as Extract<RoutingTask, { kind: 'pooled' }>;
const ctx = { seed: 1, clock: () => 0 };

describe("a coalition's pooled runs: what they are asked to solve", () => {
  it("the members' orders, the task's hub, the plan's whole cap, iterations capping the context's override", () => {
    planCoalitionRuns(city, pooled, (c) => c === 1, [], 40, { ...ctx, maxIterations: 100 });
    const [, hub, orders, , budget, capped] = asked();
    expect(hub).toBe(0);
    expect(orders).toEqual([3, 4, 5]);
    expect(budget).toEqual({ iterations: 40, timeLimitMs: city.timeLimitS * 1000 });
    expect(capped).toEqual({ ...ctx, maxIterations: 40 });
    planCoalitionRuns(city, pooled, (c) => c === 0, [], 40, { ...ctx, maxIterations: 9 });
    expect(asked()[2]).toEqual([0, 1, 2]);
    expect(asked()[5].maxIterations).toBe(9);
    planCoalitionRuns(city, pooled, () => true, [], 40, ctx);
    expect(asked()[5].maxIterations).toBe(40);
  });

  it('the warm start: each bundle at its earliest order in the grand trips (vehicle, trip, stop), then by bundle', () => {
    // spots (vehicle, trip, stop): 10 (1,0,0), 11 and 12 (1,0,1), 13 (0,1,0), 14 (0,1,1), 15 (0,0,0), 16 (0,0,1),
    // 17 (0,0,2); 99 is in no grand trip
    const grand: GrandTrip[] = [
      { vehicle: 1, trip: 0, stops: [[10], [11, 12]] },
      { vehicle: 0, trip: 1, stops: [[13], [14]] },
      { vehicle: 0, trip: 0, stops: [[15], [16], [17]] },
    ];
    planCoalitionRuns(city, pooled, () => true, grand, 10, ctx);
    const warm = asked()[6];
    const bundle = (orders: number[]) => ({ orders }) as unknown as Bundle;
    const start = warm?.([
      bundle([12, 10]), // 0: (1,0,0): an earlier stop than (1,0,1)
      bundle([11, 14]), // 1: (0,1,1), an earlier vehicle than (1,0,1)
      bundle([17, 16]), // 2: (0,0,1), an earlier stop than (0,0,2)
      bundle([13, 99]), // 3: (0,1,0)
      bundle([99]), // 4: in no trip: left out
      bundle([15]), // 5: (0,0,0)
      bundle([16]), // 6: (0,0,1) as bundle 2: after it
      bundle([14, 17]), // 7: (0,0,2), an earlier trip than (0,1,1)
      bundle([14, 11]), // 8: (0,1,1) first, the later vehicle after it
      bundle([16, 17]), // 9: (0,0,1) first, the later stop after it
      bundle([17, 14]), // 10: (0,0,2) first, the later trip after it
    ]);
    expect(start).toEqual({
      initial: [
        {
          vehicle: 0,
          trips: [
            [5, 2, 6, 9, 7, 10],
            [3, 1, 8],
          ],
        },
        { vehicle: 1, trips: [[0]] },
      ],
      temperature: COALITION_TEMPERATURE,
    });
    expect(COALITION_TEMPERATURE).toEqual({ start: 0.5, end: 0.01 });
  });
});
