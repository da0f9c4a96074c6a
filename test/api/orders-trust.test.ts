import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';

// Issue 11, findings 2 (one carrier blocks a hub's day) and 3 (unbounded days), through the HTTP API.
const day = { hubId: 'hub-a', date: '2025-03-04' };
const order = (id: string, receiverId = 'shop-1', kg = 10) => ({ id, receiverId, size: { kg } });
const post = (app: Parameters<typeof request>[0], key: string, body: object) =>
  request(app).post('/v1/orders').set(bearer(key)).send(body);

describe('orders of an unknown carrier', () => {
  it('are refused with 422 UNKNOWN_CARRIER naming the field, for a carrier key or an admin', async () => {
    const { app } = testApp();
    const res = await post(app, KEYS.ghost, { ...day, orders: [order('a')] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNKNOWN_CARRIER');
    expect(res.body.error.issues[0].path).toBe('orders[0].carrierId');
    const admin = await post(app, KEYS.admin, { ...day, orders: [{ ...order('a'), carrierId: 'ghost' }] });
    expect(admin.status).toBe(422);
  });
});

describe('order ids', () => {
  it('refuse "/" so that a namespaced id (nordcolis/N1) can never be another order\'s', async () => {
    const { app } = testApp();
    const res = await post(app, KEYS.dhl, { ...day, orders: [order('ups/N1')] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('orders[0].id');
  });

  it('may repeat between carriers: the day plan names them carrierId/orderId and plans both', async () => {
    const { app, planJobs } = testApp();
    await post(app, KEYS.dhl, { ...day, orders: [order('N1')] });
    await post(app, KEYS.ups, { ...day, orders: [order('N1', 'shop-2')] });
    const plan = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.dispatcher));
    expect(plan.status).toBe(202);
    expect(plan.body.rejected).toBeUndefined();
    expect(planJobs.submitted[0]?.input.scenario.orders.map((o) => o.id)).toEqual(['dhl/N1', 'ups/N1']);
  });
});

describe("one carrier's bad order", () => {
  it('is left out of the day plan and reported with its reason; the rest is planned', async () => {
    const { app, planJobs } = testApp();
    await post(app, KEYS.dhl, { ...day, orders: [order('a'), order('b', 'shop-2')] });
    await post(app, KEYS.ups, { ...day, orders: [order('u1', 'shop-2')] });
    // the admin drops ups from the reference data after it submitted: its order no longer validates
    const carriers = (await request(app).get('/v1/carriers').set(bearer(KEYS.admin))).body.carriers as {
      id: string;
    }[];
    const put = await request(app)
      .put('/v1/carriers')
      .set(bearer(KEYS.admin))
      .send({ carriers: carriers.filter((c) => c.id !== 'ups') });
    expect(put.status).toBe(200);
    const plan = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.dispatcher));
    expect(plan.status).toBe(202);
    expect(plan.body.rejected).toEqual([
      { carrierId: 'ups', orderId: 'u1', reason: 'unknown carrier "ups"' },
    ]);
    expect(planJobs.submitted[0]?.input.scenario.orders.map((o) => o.id)).toEqual(['a', 'b']);
  });
});

describe('cancelling orders', () => {
  it("DELETE /v1/orders/{id} removes one of the caller's orders (404 for another carrier's)", async () => {
    const { app } = testApp();
    await post(app, KEYS.dhl, { ...day, orders: [order('a'), order('b')] });
    const q = '?hub=hub-a&date=2025-03-04';
    expect((await request(app).delete(`/v1/orders/a${q}`).set(bearer(KEYS.ups))).status).toBe(404);
    const res = await request(app).delete(`/v1/orders/a${q}`).set(bearer(KEYS.dhl));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cancelled: ['a'], notFound: [] });
    const list = await request(app).get(`/v1/orders${q}`).set(bearer(KEYS.dhl));
    expect(list.body.orders.map((o: { id: string }) => o.id)).toEqual(['b']);
    expect((await request(app).delete(`/v1/orders/a${q}`).set(bearer(KEYS.dhl))).status).toBe(404);
  });

  it("POST /v1/orders/cancel removes several, or all of a carrier's day, and says which were not found", async () => {
    const { app } = testApp();
    await post(app, KEYS.dhl, { ...day, orders: [order('a'), order('b'), order('c')] });
    await post(app, KEYS.ups, { ...day, orders: [order('a')] });
    const some = await request(app)
      .post('/v1/orders/cancel')
      .set(bearer(KEYS.dhl))
      .send({ ...day, orderIds: ['a', 'zz'] });
    expect(some.body).toEqual({ cancelled: ['a'], notFound: ['zz'] });
    const all = await request(app)
      .post('/v1/orders/cancel')
      .set(bearer(KEYS.dhl))
      .send({ ...day, all: true });
    expect(all.body).toEqual({ cancelled: ['b', 'c'], notFound: [] });
    const left = await request(app).get('/v1/orders?hub=hub-a&date=2025-03-04').set(bearer(KEYS.dispatcher));
    expect(left.body.orders).toEqual([{ id: 'a', carrierId: 'ups', receiverId: 'shop-1', size: { kg: 10 } }]);
    const neither = await request(app)
      .post('/v1/orders/cancel')
      .set(bearer(KEYS.dhl))
      .send({ ...day });
    expect(neither.status).toBe(400);
  });
});

describe('bounded days', () => {
  it('refuses orders beyond the per-carrier daily limit with 429 and Retry-After, writing none of them', async () => {
    const { app } = testApp({ maxOrdersPerCarrierDay: 3 });
    expect((await post(app, KEYS.dhl, { ...day, orders: [order('a'), order('b')] })).status).toBe(200);
    const over = await post(app, KEYS.dhl, { ...day, orders: [order('c'), order('d')] });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('TOO_MANY_ORDERS');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // replacing stored orders is not growth; another carrier has its own limit
    expect((await post(app, KEYS.dhl, { ...day, orders: [order('a'), order('b'), order('c')] })).status).toBe(
      200,
    );
    expect((await post(app, KEYS.ups, { ...day, orders: [order('a')] })).status).toBe(200);
    const list = await request(app).get('/v1/orders?hub=hub-a&date=2025-03-04').set(bearer(KEYS.dhl));
    expect(list.body.orders).toHaveLength(3);
  });

  it('pages lists with a cursor: every order once, in carrier then id order', async () => {
    const { app } = testApp();
    const ids = Array.from({ length: 7 }, (_, i) => `o${i}`);
    await post(app, KEYS.dhl, { ...day, orders: ids.map((id) => order(id)) });
    await post(app, KEYS.ups, { ...day, orders: ids.slice(0, 3).map((id) => order(id)) });
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const res = await request(app)
        .get('/v1/orders')
        .query({ hub: 'hub-a', date: '2025-03-04', limit: 3, ...(after ? { after } : {}) })
        .set(bearer(KEYS.dispatcher));
      expect(res.status).toBe(200);
      expect(res.body.orders.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.orders.map((o: { carrierId: string; id: string }) => `${o.carrierId}/${o.id}`));
      after = res.body.next;
      if (!after) break;
      expect(res.headers.link).toContain('rel="next"');
    }
    expect(seen).toEqual([...ids.map((id) => `dhl/${id}`), ...ids.slice(0, 3).map((id) => `ups/${id}`)]);
    const tooMany = await request(app)
      .get('/v1/orders?hub=hub-a&date=2025-03-04&limit=100000')
      .set(bearer(KEYS.dhl));
    expect(tooMany.status).toBe(400);
  });

  it('accepts only plausible delivery days (year 0001 and 9999 were accepted before)', async () => {
    const { app } = testApp();
    for (const date of ['0001-01-01', '9999-12-31', '2025-01-01', '2026-03-05']) {
      const res = await post(app, KEYS.dhl, { ...day, date, orders: [order('a')] });
      expect(res.status, date).toBe(422);
      expect(res.body.error.code).toBe('DATE_OUT_OF_RANGE');
      expect(res.body.error.issues[0].path).toBe('date');
    }
    for (const date of ['2025-02-01', '2025-03-04', '2026-03-04'])
      expect((await post(app, KEYS.dhl, { ...day, date, orders: [order('a')] })).status, date).toBe(200);
  });

  it('scopes a dispatcher key with a hub to that hub', async () => {
    const { app } = testApp();
    await post(app, KEYS.dhl, { ...day, orders: [order('a')] });
    const list = await request(app).get('/v1/orders?hub=hub-a&date=2025-03-04').set(bearer(KEYS.dispatcherB));
    expect(list.status).toBe(403);
    const plan = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.dispatcherB));
    expect(plan.status).toBe(403);
  });
});
