import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';

describe('client mistakes are 4xx with { error: { code, message } }, never 500', () => {
  it('401 without a key or with an unknown key', async () => {
    const { app } = testApp();
    const none = await request(app).get('/v1/hubs');
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    const wrong = await request(app).get('/v1/hubs').set(bearer('not-a-real-key-at-all'));
    expect(wrong.status).toBe(401);
    const malformed = await request(app).get('/v1/hubs').set('Authorization', 'Token abc');
    expect(malformed.status).toBe(401);
  });

  it('403 for a role that may not do it', async () => {
    const { app } = testApp();
    const res = await request(app).post('/v1/plans').set(bearer(KEYS.dhl)).send({});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('413 over the body limit', async () => {
    const { app } = testApp({ bodyLimit: '1kb' });
    const orders = Array.from({ length: 100 }, (_, i) => ({
      id: `o${i}`,
      receiverId: 'shop-1',
      size: { kg: 1 },
    }));
    const res = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ hubId: 'hub-a', date: '2025-03-04', orders });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('415 for a non-JSON body, 400 for malformed JSON', async () => {
    const { app } = testApp();
    const text = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const form = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).type('form').send({ a: 1 });
    expect(form.status).toBe(415);
    const bad = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .set('Content-Type', 'application/json')
      .send('{"hubId":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('MALFORMED_JSON');
  });

  it('404 for unknown ids and routes', async () => {
    const { app } = testApp();
    const plan = await request(app)
      .get(`/v1/plans/p${'0'.repeat(32)}`)
      .set(bearer(KEYS.planner));
    expect(plan.status).toBe(404);
    const junk = await request(app).get('/v1/plans/../../etc').set(bearer(KEYS.planner));
    expect(junk.status).toBe(404);
    const route = await request(app).get('/v1/nothing-here').set(bearer(KEYS.planner));
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('NOT_FOUND');
    const hub = await request(app).post('/v1/hubs/hub-x/days/2025-03-04/plan').set(bearer(KEYS.dispatcher));
    expect(hub.status).toBe(404);
  });

  it('500 for real bugs, with nothing leaked', async () => {
    const { app, planJobs, logged } = testApp();
    planJobs.getPlan = async () => {
      throw new Error('boom');
    };
    const res = await request(app)
      .get(`/v1/plans/p${'1'.repeat(32)}`)
      .set(bearer(KEYS.planner));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(logged.join('\n')).toContain('boom');
  });
});
