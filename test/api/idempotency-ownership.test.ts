import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';
import { sampleScenario } from './sample-scenario.ts';

// Issue 11, finding 5 (Idempotency-Key reuse, key lengths) and the ownership part of finding 7.
const comparison = (name = 'a') => ({ variants: [{ name, scenario: sampleScenario() }] });

describe('Idempotency-Key', () => {
  it('has one length limit for plans and comparisons (8,000 characters were accepted for comparisons)', async () => {
    const { app } = testApp();
    for (const [path, body] of [
      ['/v1/plans', sampleScenario()],
      ['/v1/comparisons', comparison()],
    ] as const) {
      const ok = await request(app)
        .post(path)
        .set(bearer(KEYS.planner))
        .set('Idempotency-Key', 'k'.repeat(200))
        .send(body);
      expect(ok.status, path).toBe(202);
      for (const key of ['k'.repeat(201), 'k'.repeat(8000), 'a b']) {
        const res = await request(app)
          .post(path)
          .set(bearer(KEYS.planner))
          .set('Idempotency-Key', key)
          .send(body);
        expect(res.status, `${path} ${key.length}`).toBe(400);
        expect(res.body.error.issues[0].path).toBe('Idempotency-Key');
      }
    }
  });

  it('with another comparison body is 422 IDEMPOTENCY_KEY_REUSED, with the same body the same id', async () => {
    const { app } = testApp();
    const send = (body: object) =>
      request(app).post('/v1/comparisons').set(bearer(KEYS.planner)).set('Idempotency-Key', 'c1').send(body);
    const first = await send(comparison('a'));
    expect((await send(comparison('a'))).body.id).toBe(first.body.id);
    const other = await send(comparison('b'));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('with another seeds body (POST /v1/plans?seeds=N) is refused too', async () => {
    const { app } = testApp();
    const send = (seeds: number) =>
      request(app)
        .post(`/v1/plans?seeds=${seeds}`)
        .set(bearer(KEYS.planner))
        .set('Idempotency-Key', 's1')
        .send(sampleScenario());
    expect((await send(2)).status).toBe(202);
    expect((await send(3)).status).toBe(422);
  });
});

describe('plans belong to their submitter', () => {
  it("a planner's plan is not another planner's or a dispatcher's (404), an admin's yes", async () => {
    const { app } = testApp();
    const { body } = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
    const get = (key: string) => request(app).get(`/v1/plans/${body.id}`).set(bearer(key));
    expect((await get(KEYS.planner)).status).toBe(200);
    expect((await get(KEYS.plannerDetail)).status).toBe(404);
    expect((await get(KEYS.dispatcher)).status).toBe(404);
    expect((await get(KEYS.admin)).status).toBe(200);
    expect((await get(KEYS.planner)).body.owner).toBeUndefined();
  });

  it("a hub's day plan is seen by the hub's dispatchers and planners, not by another hub's", async () => {
    const { app } = testApp();
    await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({
        hubId: 'hub-a',
        date: '2025-03-04',
        orders: [{ id: 'a', receiverId: 'shop-1', size: { kg: 1 } }],
      });
    const { body } = await request(app)
      .post('/v1/hubs/hub-a/days/2025-03-04/plan')
      .set(bearer(KEYS.dispatcher));
    const get = (key: string) => request(app).get(`/v1/plans/${body.id}`).set(bearer(key));
    expect((await get(KEYS.dispatcher)).status).toBe(200);
    expect((await get(KEYS.planner)).status).toBe(200);
    expect((await get(KEYS.dispatcherB)).status).toBe(404);
    expect((await get(KEYS.dhl)).status).toBe(403);
  });

  it("a comparison and its variants' plans are their submitter's", async () => {
    const { app } = testApp();
    const { body } = await request(app).post('/v1/comparisons').set(bearer(KEYS.planner)).send(comparison());
    expect((await request(app).get(`/v1/comparisons/${body.id}`).set(bearer(KEYS.planner))).status).toBe(200);
    expect(
      (await request(app).get(`/v1/comparisons/${body.id}`).set(bearer(KEYS.plannerDetail))).status,
    ).toBe(404);
  });
});
