import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComparisonFile } from '../../src/cli/read-comparison.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

// Same-day trunking in Lille's rush hours: a carrier's consignment (1.5 t) fits only the rigid trucks, slower
// than the vans of the pool. Its depot stop's window must stay open until a truck can get there; closing it
// when a van could have made it stranded the consignment (its orders pooled, never reaching the hub).
describe('a same-day trunk stop', () => {
  it('opens until the fastest type able to carry the consignment can reach it', async () => {
    const { variants } = await readComparisonFile(
      join(import.meta.dirname, '../../fixtures/lille/scenarios.json'),
    );
    const v = variants.find((x) => x.name === 'rush hours, same-day trunking');
    expect(v).toBeDefined();
    const s = withoutCostGame(v!.scenario);
    const plan = planScenario(s, { seed: 59000, maxIterations: 30, timeLimitSeconds: 120 });
    expect(plan.meta.warnings.filter((w) => w.includes('fit no trunk vehicle'))).toEqual([]);
    expect(auditPlan(s, plan)).toEqual([]);
  }, 120_000);
});
