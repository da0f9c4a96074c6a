import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';

const day = { hubId: 'hub-a', date: '2025-03-04' };
const order = (id: string, receiverId = 'shop-1', kg = 10) => ({ id, receiverId, size: { kg } });

describe('POST /v1/orders', () => {
  it("stores a carrier's orders with the carrierId of its key, idempotently by order id", async () => {
    const { app } = testApp();
    const first = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ ...day, orders: [order('a'), order('b')] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ...day, accepted: 2, created: 2, replaced: 0 });

    const again = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ ...day, orders: [order('a', 'shop-2', 99)] });
    expect(again.body).toMatchObject({ created: 0, replaced: 1 });

    const list = await request(app)
      .get('/v1/orders')
      .query({ hub: 'hub-a', date: '2025-03-04' })
      .set(bearer(KEYS.dispatcher));
    expect(list.status).toBe(200);
    expect(list.body.orders).toEqual([
      { id: 'a', carrierId: 'dhl', receiverId: 'shop-2', size: { kg: 99 } },
      { id: 'b', carrierId: 'dhl', receiverId: 'shop-1', size: { kg: 10 } },
    ]);
  });

  it('shows a carrier only its own orders', async () => {
    const { app } = testApp();
    await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ ...day, orders: [order('a')] });
    await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.ups))
      .send({ ...day, orders: [order('a'), order('z')] });
    const ups = await request(app).get('/v1/orders?hub=hub-a&date=2025-03-04').set(bearer(KEYS.ups));
    expect(ups.body.orders.map((o: { carrierId: string; id: string }) => `${o.carrierId}/${o.id}`)).toEqual([
      'ups/a',
      'ups/z',
    ]);
    const all = await request(app).get('/v1/orders?hub=hub-a&date=2025-03-04').set(bearer(KEYS.dispatcher));
    expect(all.body.orders).toHaveLength(3);
    // planners see aggregates, not carriers' order lists (issue 11, finding 7)
    const planner = await request(app).get('/v1/orders?hub=hub-a&date=2025-03-04').set(bearer(KEYS.planner));
    expect(planner.status).toBe(403);
  });

  it('refuses unknown receivers with 422 naming them', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ ...day, orders: [order('a'), order('b', 'ghost-1'), order('c', 'ghost-2')] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNKNOWN_RECEIVERS');
    expect(res.body.error.message).toContain('ghost-1, ghost-2');
    expect(res.body.error.issues).toEqual([
      { path: 'orders[1].receiverId', message: 'unknown receiver "ghost-1"' },
      { path: 'orders[2].receiverId', message: 'unknown receiver "ghost-2"' },
    ]);
  });

  it('refuses an unknown hub with 422', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ hubId: 'nope', date: '2025-03-04', orders: [order('a')] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNKNOWN_HUB');
  });

  it('returns 400 with field paths for a bad body', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({
        hubId: 'hub-a',
        date: '04/03/2025',
        orders: [{ id: 'a', receiverId: 'shop-1', size: { kg: -1 } }],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['date', 'orders[0].size.kg']));
  });

  it('refuses a carrier writing for another carrier (403) and other roles (403)', async () => {
    const { app } = testApp();
    const spoof = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({ ...day, orders: [{ ...order('a'), carrierId: 'ups' }] });
    expect(spoof.status).toBe(403);
    const dispatcher = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dispatcher))
      .send({ ...day, orders: [order('a')] });
    expect(dispatcher.status).toBe(403);
    expect(dispatcher.body.error.code).toBe('FORBIDDEN');
  });

  it('lets an admin submit for a named carrier, and requires the name', async () => {
    const { app } = testApp();
    const missing = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.admin))
      .send({ ...day, orders: [order('a')] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('orders[0].carrierId');
    const ok = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.admin))
      .send({ ...day, orders: [{ ...order('a'), carrierId: 'ups' }] });
    expect(ok.status).toBe(200);
  });
});
