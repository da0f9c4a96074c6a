import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';
import { sampleScenario } from './sample-scenario.ts';

describe('API request bodies reject unknown fields with the nearest known name', () => {
  it('an order submission with a misspelt top-level and order field', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({
        hubid: 'hub-a',
        date: '2025-03-04',
        orders: [{ id: 'o1', receiverId: 'shop-1', size: { kg: 1 }, windw: {} }],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'hubid', message: 'unknown field (did you mean "hubId"?)' },
        { path: 'orders[0].windw', message: 'unknown field (did you mean "window"?)' },
      ]),
    );
  });

  it('a plan request whose scenario carries a stray receiver field', async () => {
    const { app } = testApp();
    const scenario = JSON.parse(JSON.stringify(sampleScenario())) as { receivers: Record<string, unknown>[] };
    (scenario.receivers[0] as Record<string, unknown>).acess = { vehicleClasses: ['cargo-bike'] };
    const res = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(scenario);
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: 'receivers[0].acess', message: 'unknown field (did you mean "access"?)' },
    ]);
  });

  it('a comparison variant with an unknown key', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({ variants: [{ name: 'base', scenario: sampleScenario(), patch: {} }] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: 'variants[0].patch', message: 'unknown field' }]);
  });
});
