import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema, scenarioSchema } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';

// (split from plan-emissions.test.ts, whose hand-made trips are fast enough for mutation runs)
const grams = (kg: number): number => Math.round(kg * 1000);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

// ---- the Lille fixture day, on a small iteration budget (as test/planner/lille-day.test.ts) ---------------

describe('plan emissions on the Lille fixture day', () => {
  const lille = scenarioSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/lille/day.json'), 'utf8')),
  );
  const plan = planScenario(lille, { maxIterations: 100, timeLimitSeconds: 600 });
  const e = plan.emissions;

  it('is part of the plan contract', () => {
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it("adds the carriers' shares up to the consolidated and baseline CO2e exactly, to the gram", () => {
    for (const part of ['baseline', 'consolidated'] as const) {
      const total = grams(plan[part].kpis.co2eKg);
      expect(sum(e.carriers.map((c) => grams(c[part].wtwCo2eKg))), part).toBe(total);
      expect(grams(e.totals[part].wtwCo2eKg), part).toBe(total);
      expect(sum(e.elements.filter((x) => x.plan === part).map((x) => grams(x.wtwCo2eKg))), part).toBe(total);
      expect(sum(e.consignments.map((c) => grams(c[part]?.wtwCo2eKg ?? 0))), part).toBe(total);
      const ttw = grams(e.totals[part].ttwCo2eKg);
      expect(sum(e.carriers.map((c) => grams(c[part].ttwCo2eKg))), part).toBe(ttw);
    }
  });

  it("adds each carrier's consignments up to its share, and puts that share on its allocation row", () => {
    for (const c of e.carriers) {
      const own = e.consignments.filter((x) => x.carrierId === c.carrierId);
      expect(sum(own.map((x) => grams(x.consolidated?.wtwCo2eKg ?? 0)))).toBe(
        grams(c.consolidated.wtwCo2eKg),
      );
      expect(own.length).toBe(c.orders);
      const row = plan.allocation.find((r) => r.carrierId === c.carrierId);
      expect(row?.co2eKg).toBe(c.consolidated.wtwCo2eKg);
      expect(row?.tonneKm).toBe(c.consolidated.tonneKm);
    }
    expect(e.carriers.map((c) => c.carrierId)).toEqual(lille.carriers.map((c) => c.id));
  });

  it('reports every chain element of the day with its intensity, and discloses its method and factors', () => {
    expect(e.elements.map((x) => `${x.plan} ${x.element}`)).toEqual([
      'baseline own-round',
      'consolidated trunk-road',
      'consolidated pooled-run',
      'consolidated hub',
    ]);
    for (const x of e.elements.filter((y) => y.kind === 'transport'))
      expect(x.wtwGPerTkm).toBeCloseTo((1000 * x.wtwCo2eKg) / x.tonneKm, 0);
    expect(e.method.distanceBasis).toMatch(/travel model/);
    expect(e.factors.map((f) => f.appliesTo)).toEqual(
      expect.arrayContaining(['e-van', 'diesel-van', 'hub handling']),
    );
    for (const f of e.factors) expect(f.source.length).toBeGreaterThan(10);
  });
});
