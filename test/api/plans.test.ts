import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { planToGeoJson } from '../../src/io/plan-geojson.ts';
import type { Plan } from '../../src/contracts/index.ts';
import { bearer, KEYS, testApp } from './harness.ts';
import { sampleScenario } from './sample-scenario.ts';

describe('plans', () => {
  it('POST /v1/plans queues a scenario: 202 { id, status }, same content -> same id', async () => {
    const { app, planJobs } = testApp();
    const a = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
    expect(a.status).toBe(202);
    expect(a.body).toEqual({ id: expect.stringMatching(/^p[0-9a-f]{32}$/), status: 'queued' });
    expect(a.headers['location']).toBe(`/v1/plans/${a.body.id}`);
    // Same content with keys in another order: same id.
    const { name, ...rest } = sampleScenario();
    const b = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .send({ ...rest, name });
    expect(b.body.id).toBe(a.body.id);
    // another caller's same content is its own plan: plans belong to their submitter (issue 11, finding 7)
    const mine = await request(app).post('/v1/plans').set(bearer(KEYS.plannerDetail)).send(sampleScenario());
    expect(mine.body.id).not.toBe(a.body.id);
    const c = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .send({ ...sampleScenario(), name: 'other' });
    expect(c.body.id).not.toBe(a.body.id);
    expect(planJobs.submitted[0]?.input).toMatchObject({ seed: 7, timeLimitSeconds: 1 });
  });

  it('an Idempotency-Key gives one id per caller and key; the key with another body is 422', async () => {
    const { app } = testApp();
    const a = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .set('Idempotency-Key', 'k1')
      .send(sampleScenario());
    const again = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .set('Idempotency-Key', 'k1')
      .send(sampleScenario());
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(a.body.id);
    const b = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .set('Idempotency-Key', 'k1')
      .send({ ...sampleScenario(), name: 'changed' });
    expect(b.status).toBe(422);
    expect(b.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const other = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.admin))
      .set('Idempotency-Key', 'k1')
      .send(sampleScenario());
    expect(other.body.id).not.toBe(a.body.id);
  });

  it('caps the time limit at the configured maximum', async () => {
    const { app, planJobs } = testApp();
    await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .send({ ...sampleScenario(), options: { timeLimitSeconds: 600 } });
    expect(planJobs.submitted[0]?.input).toMatchObject({ seed: 1, timeLimitSeconds: 10 });
  });

  it('takes effort draft (a first plan fast) and answers an unknown effort with 400 and the levels', async () => {
    const { app, planJobs } = testApp();
    const draft = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .send({ ...sampleScenario(), options: { effort: 'draft' } });
    expect(draft.status).toBe(202);
    expect(planJobs.submitted[0]?.input.scenario.options?.effort).toBe('draft');
    const fast = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .send({ ...sampleScenario(), options: { effort: 'fast' } });
    expect(fast.status).toBe(400);
    const issue = (fast.body.error.issues as { path: string; message: string }[]).find(
      (i) => i.path === 'options.effort',
    );
    for (const level of ['draft', 'quick', 'normal', 'thorough']) expect(issue?.message).toContain(level);
  });

  it('400 with paths for an invalid scenario', async () => {
    const { app } = testApp();
    const s = sampleScenario();
    const res = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .send({ ...s, orders: [{ ...s.orders[0], receiverId: 'nobody' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toContainEqual({
      path: 'orders[0].receiverId',
      message: 'unknown receiver "nobody"',
    });
  });

  it('a dispatcher plans a hub day from stored orders; 422 when there are none', async () => {
    const { app, planJobs } = testApp();
    const empty = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.dispatcher));
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('NO_ORDERS');
    await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({
        hubId: 'hub-a',
        date: '2025-03-04',
        orders: [{ id: 'x', receiverId: 'shop-1', size: { kg: 5 } }],
      });
    await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.ups))
      .send({
        hubId: 'hub-a',
        date: '2025-03-04',
        orders: [{ id: 'x', receiverId: 'shop-3', size: { kg: 5 } }],
      });
    const res = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.dispatcher));
    expect(res.status).toBe(202);
    const scenario = planJobs.submitted[0]?.input.scenario;
    expect(scenario?.orders.map((o) => o.id)).toEqual(['dhl/x', 'ups/x']);
    expect(scenario?.receivers.map((r) => r.id)).toEqual(['shop-1', 'shop-3']);
    expect(scenario?.hubs.map((h) => h.id)).toEqual(['hub-a']);
    const again = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.dispatcher));
    expect(again.body.id).toBe(res.body.id);
    const planner = await request(app).post('/v1/hubs/hub-a/days/2025-03-04/plan').set(bearer(KEYS.planner));
    expect(planner.status).toBe(403);
  });

  it('GET /v1/plans/{id} reports status; exports are 409 until completed', async () => {
    const { app, planJobs } = testApp();
    const { body } = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
    // a dispatcher reads its hubs' day plans and its own, not a planner's scenario
    expect((await request(app).get(`/v1/plans/${body.id}`).set(bearer(KEYS.dispatcher))).status).toBe(404);
    const status = await request(app).get(`/v1/plans/${body.id}`).set(bearer(KEYS.planner));
    expect(status.body).toEqual({ id: body.id, status: 'queued', progress: { percent: 0, bestCost: null } });
    const early = await request(app).get(`/v1/plans/${body.id}/geojson`).set(bearer(KEYS.planner));
    expect(early.status).toBe(409);
    planJobs.plans.set(body.id, {
      id: body.id,
      status: 'completed',
      progress: { percent: 100, bestCost: 1 },
      result: { scenario: { name: 'api sample' } } as never,
    });
    const geo = await request(app).get(`/v1/plans/${body.id}/geojson`).set(bearer(KEYS.planner));
    expect(geo.status).toBe(200);
    expect(geo.headers['content-type']).toContain('application/geo+json');
    const csv = await request(app).get(`/v1/plans/${body.id}/runsheets.csv`).set(bearer(KEYS.planner));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toBe('vehicle,route\n');
    const carrier = await request(app).get(`/v1/plans/${body.id}`).set(bearer(KEYS.dhl));
    expect(carrier.status).toBe(403);
  });

  it('GET /v1/plans/{id} writes a large plan in pieces as the client reads, not as one string', async () => {
    const { app, planJobs } = testApp();
    const { body } = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
    // about 3 MB of JSON: `res.json` would send it with a Content-Length, in one write
    const routes = Array.from({ length: 40_000 }, (_, i) => ({ vehicleId: `v${i}`, stops: [i, i + 1] }));
    const result = { scenario: { name: 'big' }, consolidated: { routes } } as never;
    planJobs.plans.set(body.id, {
      id: body.id,
      status: 'completed',
      progress: { percent: 100, bestCost: 1 },
      result,
    });
    const res = await request(app).get(`/v1/plans/${body.id}`).set(bearer(KEYS.planner));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body).toEqual({
      id: body.id,
      status: 'completed',
      progress: { percent: 100, bestCost: 1 },
      result,
    });
  });

  it('GET /v1/plans/{id}/geojson writes JSON.stringify of the GeoJSON to the byte, its features in batches', async () => {
    // 3,500 stops on 500 routes: about 1.2 MB, so many batches of whole features (io/json-chunks.ts)
    const route = (r: number, prefix: string) => ({
      id: `${prefix}${r}`,
      vehicle: `v${r}`,
      vehicleType: 'e-van',
      start: 'HUB',
      trip: 1,
      departure: '07:30',
      returnAt: '12:00',
      distanceKm: r / 7,
      durationMin: r * 1.5,
      energyKWh: r / 3,
      co2eKg: 0,
      stops: Array.from({ length: 7 }, (_, i) => ({
        receiverId: `rc${r}-${i}`,
        location: [3 + r / 1000, 50 + i / 100],
        orderIds: ['o1', 'o"2'],
        arrival: '08:00',
        departure: '08:05',
        loadAfter: { kg: 12.5 * i },
      })),
    });
    const plan = {
      scenario: { name: 'geo' },
      depots: [{ id: 'HUB', kind: 'hub', location: [3.05, 50.6] }],
      baseline: { routes: Array.from({ length: 400 }, (_, r) => route(r, 'b')) },
      consolidated: { routes: Array.from({ length: 100 }, (_, r) => route(r, 'c')) },
    } as unknown as Plan;
    const { app, planJobs } = testApp({ geojson: planToGeoJson });
    const { body } = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
    planJobs.plans.set(body.id, {
      id: body.id,
      status: 'completed',
      progress: { percent: 100, bestCost: 1 },
      result: plan,
    });
    const geo = await request(app)
      .get(`/v1/plans/${body.id}/geojson`)
      .set(bearer(KEYS.planner))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => done(null, text));
      });
    expect(geo.status).toBe(200);
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(geo.headers['transfer-encoding']).toBe('chunked');
    const expected = JSON.stringify(planToGeoJson(plan));
    expect(expected.length).toBeGreaterThan(1_000_000);
    expect(geo.body).toBe(expected);
  });

  it('streams progress over SSE and ends on completion', async () => {
    const { app, planJobs } = testApp();
    const { body } = await request(app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const req = http.get(
          { port, host: '127.0.0.1', path: `/v1/plans/${body.id}/events`, headers: bearer(KEYS.planner) },
          (res) => {
            expect(res.headers['content-type']).toContain('text/event-stream');
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              data += chunk;
              if (data.includes('event: status')) {
                planJobs.emit(body.id, {
                  type: 'progress',
                  progress: { percent: 40, bestCost: 123, phase: 'baseline' },
                });
                planJobs.emit(
                  body.id,
                  { type: 'completed' },
                  { status: 'completed', progress: { percent: 100, bestCost: 99 } },
                );
              }
            });
            res.on('end', () => resolve(data));
          },
        );
        req.on('error', reject);
      });
      expect(text).toContain('event: status');
      expect(text).toContain('event: progress\ndata: {"percent":40,"bestCost":123,"phase":"baseline"}');
      expect(text).toContain('event: completed');
    } finally {
      server.close();
    }
  });
});

describe('comparisons', () => {
  it('queues a comparison and reports it; unknown ids 404', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({
        variants: [
          { name: 'as is', scenario: sampleScenario() },
          { name: 'more bikes', scenario: sampleScenario() },
        ],
      });
    expect(res.status).toBe(202);
    expect(res.body.id).toMatch(/^c[0-9a-f]{32}$/);
    const status = await request(app).get(`/v1/comparisons/${res.body.id}`).set(bearer(KEYS.planner));
    expect(status.body).toMatchObject({ status: 'queued', progress: { variantsDone: 0, variants: 2 } });
    const missing = await request(app)
      .get(`/v1/comparisons/c${'2'.repeat(32)}`)
      .set(bearer(KEYS.planner));
    expect(missing.status).toBe(404);
    const dup = await request(app)
      .post('/v1/comparisons')
      .set(bearer(KEYS.planner))
      .send({
        variants: [
          { name: 'a', scenario: sampleScenario() },
          { name: 'a', scenario: sampleScenario() },
        ],
      });
    expect(dup.status).toBe(400);
    expect(dup.body.error.issues[0].path).toBe('variants[1].name');
  });
});
