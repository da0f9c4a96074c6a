import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';
import { sampleScenario } from './sample-scenario.ts';

describe('POST /v1/comparisons with a base and merge patches', () => {
  it('queues one plan per patched variant, the same as whole scenarios would', async () => {
    const { app, planJobs } = testApp();
    const base = sampleScenario();
    const res = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({
        base,
        variants: [
          { name: 'as is', description: 'the sample day' },
          { name: 'three bikes', each: [{ in: 'fleet', patch: { count: 3 } }] },
          { name: 'slow', patch: { options: { circuity: 1.6 } } },
        ],
      });
    expect(res.status).toBe(202);
    const [submitted] = planJobs.submittedComparisons;
    expect(submitted?.id).toBe(res.body.id);
    expect(submitted?.variants.map((v) => [v.name, v.description])).toEqual([
      ['as is', 'the sample day'],
      ['three bikes', undefined],
      ['slow', undefined],
    ]);
    expect(submitted?.variants[0]?.input.scenario).toEqual(base);
    expect(submitted?.variants[1]?.input.scenario.fleet[0]?.count).toBe(3);
    expect(submitted?.variants[2]?.input.scenario.options).toEqual({ ...base.options, circuity: 1.6 });

    // the same variants as whole scenarios give the same plan inputs
    const whole = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({
        variants: submitted?.variants.map((v) => ({ name: v.name, scenario: v.input.scenario })),
      });
    expect(whole.status).toBe(202);
    expect(planJobs.submittedComparisons[1]?.variants.map((v) => v.input)).toEqual(
      submitted?.variants.map((v) => v.input),
    );
  });

  it('answers 400 naming the variant and the field; files cannot be referred to', async () => {
    const { app, planJobs } = testApp();
    const bad = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({
        base: sampleScenario(),
        variants: [{ name: 'no bikes', each: [{ in: 'fleet', patch: { count: -2 } }] }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.issues).toEqual([
      {
        path: 'variants[0]',
        message: expect.stringMatching(
          /^variant "no bikes": the patched scenario is invalid at fleet\[0\]\.count: /,
        ),
      },
    ]);
    const refs = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({ base: { $ref: 'day.json' }, variants: [{ name: 'a' }] });
    expect(refs.status).toBe(400);
    expect(refs.body.error.issues).toEqual([
      {
        path: 'base',
        message: 'files cannot be referred to over HTTP: send the base scenario and the patches inline',
      },
    ]);
    expect(planJobs.submittedComparisons).toEqual([]);
  });
});
