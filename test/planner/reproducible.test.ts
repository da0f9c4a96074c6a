import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Plan } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

/** The plan without its one timing field: what must be equal between two runs. */
function withoutTiming(plan: Plan): unknown {
  const { solveSeconds: _ignored, ...meta } = plan.meta;
  return { ...plan, meta };
}

/** A clock for a machine N times slower or busier than this one: every reading advances N times as far. */
function slowedClock(factor: number): () => number {
  const origin = performance.now();
  return () => origin + (performance.now() - origin) * factor;
}

describe('a plan is a pure function of scenario, seed and effort', () => {
  // a small generated day: several carriers, one hub, real task split (quick effort keeps the test short)
  const scenario = withoutCostGame(
    scenarioSchema.parse({
      ...generateCityDay({ city: 'lille', receivers: 25, seed: 3 }),
      options: { seed: 5, effort: 'quick' },
    }),
  );

  it('gives identical plans on a quiet and on a 20x busier machine, and says the cap did not bind', () => {
    // the cap is raised so that it cannot bind even when this test's machine is itself busy (a 20x slower
    // clock on a machine at a load of 12 reads ~120x): the test is about the clock's speed, not the cap
    const quiet = planScenario(scenario, { timeLimitSeconds: 3600 });
    const busy = planScenario(scenario, { clock: slowedClock(20), timeLimitSeconds: 3600 });
    expect(auditPlan(scenario, quiet)).toEqual([]);
    expect(withoutTiming(busy)).toEqual(withoutTiming(quiet));
    expect(quiet.meta.timeCapped).toBe(false);
    expect(quiet.meta.iterations).toBeGreaterThan(0);
    expect(quiet.scenario.effort).toBe('quick');
  });

  it('does more search at a higher effort, and the same seed gives the same plan again', () => {
    const quick = planScenario(scenario);
    const normal = planScenario(scenario, { effort: 'normal' });
    expect(auditPlan(scenario, normal)).toEqual([]);
    expect(normal.meta.iterations).toBeGreaterThan(quick.meta.iterations);
    expect(withoutTiming(planScenario(scenario, { effort: 'normal' }))).toEqual(withoutTiming(normal));
  });

  it('says so in meta when the wall-clock cap cuts a solve short', () => {
    // a machine 10^6 times slower: a 1 s cap binds at once
    const capped = planScenario(scenario, { clock: slowedClock(1e6), timeLimitSeconds: 1 });
    expect(capped.meta.timeCapped).toBe(true);
    expect(auditPlan(scenario, capped)).toEqual([]); // cut short, but still feasible and correctly figured
    expect(capped.meta.iterations).toBeLessThan(planScenario(scenario).meta.iterations);
  });
});
