import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { comparisonVariant } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';
import { bearer, KEYS, testApp } from './harness.ts';
import { sampleScenario } from './sample-scenario.ts';

describe('POST /v1/plans?seeds=N', () => {
  it('queues one plan per seed as a comparison and points at its spread', async () => {
    const { app, planJobs } = testApp();
    const res = await request(app).post('/v1/plans?seeds=3').set(bearer(KEYS.planner)).send(sampleScenario());
    expect(res.status).toBe(202);
    expect(res.headers['location']).toBe(`/v1/comparisons/${res.body.id}`);
    expect(res.headers['link']).toBe(`</v1/comparisons/${res.body.id}/spread>; rel="spread"`);
    const [submitted] = planJobs.submittedComparisons;
    expect(submitted?.variants.map((v) => [v.name, v.input.seed])).toEqual([
      ['seed 7', 7],
      ['seed 8', 8],
      ['seed 9', 9],
    ]);
  });

  it.each([
    ['seeds=1', /expected 2 or more seeds/],
    ['seeds=21', /expected at most 20 seeds/],
    ['seeds=many', /seeds/],
    ['sedes=3', /"path":"sedes","message":"unknown field \(did you mean \\"seeds\\"\?\)"/],
  ])('refuses ?%s with a message naming the parameter', async (query, message) => {
    const { app, planJobs } = testApp();
    const res = await request(app)
      .post(`/v1/plans?${query}`)
      .set(bearer(KEYS.planner))
      .send(sampleScenario());
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(message);
    expect(planJobs.submittedComparisons).toEqual([]);
  });
});

describe('GET /v1/comparisons/{id}/spread', () => {
  const scenario = { ...smallScenario(), options: { effort: 'quick' as const } };
  const rows = [3, 4, 5].map((seed) => comparisonVariant(`seed ${seed}`, planScenario(scenario, { seed })));

  async function withComparison(variants: typeof rows, status: 'completed' | 'active' = 'completed') {
    const t = testApp();
    const res = await request(t.app)
      .post('/v1/plans?seeds=3')
      .set(bearer(KEYS.planner))
      .send(sampleScenario());
    const id = res.body.id as string;
    t.planJobs.comparisons.set(id, {
      id,
      status,
      progress: { variantsDone: 3, variants: 3 },
      ...(status === 'completed'
        ? { result: { variants: variants.map((v, i) => ({ ...v, planId: `p${i}` })) } }
        : {}),
    } as never);
    return { ...t, id };
  }

  it('gives every KPI as median and min–max over the seeds', async () => {
    const { app, id } = await withComparison(rows);
    const res = await request(app).get(`/v1/comparisons/${id}/spread`).set(bearer(KEYS.planner));
    expect(res.status).toBe(200);
    expect(res.body.seeds).toEqual([3, 4, 5]);
    const km = rows.map((r) => r.kpis.consolidated.vehicleKm).sort((a, b) => a - b);
    expect(res.body.kpis.consolidated.vehicleKm).toEqual({ median: km[1], min: km[0], max: km[2] });
  });

  it('409 while planning; 422 for variants that are not seeds of one scenario', async () => {
    const active = await withComparison(rows, 'active');
    expect(
      (await request(active.app).get(`/v1/comparisons/${active.id}/spread`).set(bearer(KEYS.planner))).status,
    ).toBe(409);
    const mixed = await withComparison([
      rows[0]!,
      { ...rows[1]!, scenario: { ...rows[1]!.scenario, name: 'other' } },
    ]);
    const res = await request(mixed.app).get(`/v1/comparisons/${mixed.id}/spread`).set(bearer(KEYS.planner));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/not one scenario planned with several seeds/);
  });
});
