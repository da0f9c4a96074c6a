import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';

describe('ops endpoints', () => {
  it('/healthz and /readyz (503 when the job store is down)', async () => {
    const { app, planJobs } = testApp();
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/readyz')).status).toBe(200);
    planJobs.down = true;
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('DEPENDENCY_UNAVAILABLE');
  });

  it('/metrics exposes HTTP latency, queue depth and job durations', async () => {
    const { app, planJobs } = testApp();
    await request(app).get('/v1/hubs').set(bearer(KEYS.planner));
    for (const l of planJobs.finished) l({ queue: 'plans', status: 'completed', durationSeconds: 1.5 });
    expect((await request(app).get('/metrics')).status).toBe(401);
    expect((await request(app).get('/metrics').set(bearer(KEYS.planner))).status).toBe(403);
    const res = await request(app).get('/metrics').set(bearer(KEYS.metrics));
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      'picon_http_request_duration_seconds_bucket{le="0.001",method="GET",route="/v1/hubs",status="200"}',
    );
    expect(res.text).toContain('picon_queue_jobs{queue="plans",state="waiting"} 0');
    expect(res.text).toContain('picon_job_duration_seconds_count{queue="plans",status="completed"} 1');
  });

  it('/openapi.json is generated from the zod schemas and /docs renders it offline', async () => {
    const { app } = testApp();
    const doc = (await request(app).get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/orders',
        '/v1/plans',
        '/v1/plans/{id}',
        '/v1/plans/{id}/events',
        '/v1/comparisons',
        '/v1/hubs/{hubId}/days/{date}/plan',
      ]),
    );
    expect(doc.components.schemas.Scenario.properties.hubs.type).toBe('array');
    expect(doc.components.schemas.Order.required).toEqual(
      expect.arrayContaining(['id', 'carrierId', 'receiverId', 'size']),
    );
    expect(JSON.stringify(doc)).not.toContain('"$ref":"#/components/schemas/undefined"');
    const docs = await request(app).get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('/openapi.json');
    expect(docs.text).not.toMatch(/https?:\/\//);
  });

  it('reference data is readable by every role', async () => {
    const { app } = testApp();
    const hubs = await request(app).get('/v1/hubs').set(bearer(KEYS.dhl));
    expect(hubs.body.hubs[0]).toMatchObject({
      id: 'hub-a',
      fleet: [{ vehicleType: 'cargo-bike', count: 2 }],
    });
    const receivers = await request(app).get('/v1/receivers').set(bearer(KEYS.dispatcher));
    expect(receivers.body.receivers).toHaveLength(3);
    expect(receivers.body.receivers[2].access).toEqual({ vehicleClasses: ['cargo-bike'] });
  });

  it('admins replace hubs (with fleet), carriers and receivers; other roles may not; references are checked', async () => {
    const { app } = testApp();
    const hubs = (await request(app).get('/v1/hubs').set(bearer(KEYS.admin))).body.hubs as {
      id: string;
      fleet: { count: number }[];
    }[];
    const more = hubs.map((h) => ({ ...h, fleet: h.fleet.map((f) => ({ ...f, count: f.count + 1 })) }));
    expect((await request(app).put('/v1/hubs').set(bearer(KEYS.planner)).send({ hubs: more })).status).toBe(
      403,
    );
    const put = await request(app).put('/v1/hubs').set(bearer(KEYS.admin)).send({ hubs: more });
    expect(put.status).toBe(200);
    expect(put.body.hubs[0].fleet[0].count).toBe(3);
    expect((await request(app).get('/v1/hubs').set(bearer(KEYS.dhl))).body.hubs[0].fleet[0].count).toBe(3);

    const receivers = (await request(app).get('/v1/receivers').set(bearer(KEYS.admin))).body.receivers as {
      id: string;
    }[];
    const added = [...receivers, { ...receivers[0], id: 'new-shop' }];
    expect(
      (await request(app).put('/v1/receivers').set(bearer(KEYS.admin)).send({ receivers: added })).status,
    ).toBe(200);
    // orders may now name the new receiver
    const order = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({
        hubId: 'hub-a',
        date: '2025-03-04',
        orders: [{ id: 'n1', receiverId: 'new-shop', size: { kg: 3 } }],
      });
    expect(order.status).toBe(200);

    expect(
      (
        await request(app)
          .put('/v1/carriers')
          .set(bearer(KEYS.admin))
          .send({ carriers: [{}] })
      ).status,
    ).toBe(400);
    const badType = await request(app)
      .put('/v1/carriers')
      .set(bearer(KEYS.admin))
      .send({ carriers: [{ id: 'dhl', depot: [3.0, 50.6], baselineVehicleType: 'zeppelin' }] });
    expect(badType.status).toBe(422);
    expect(JSON.stringify(badType.body)).toContain('zeppelin');
    const wrongHub = more.map((h) => ({ ...h, fleet: h.fleet.map((f) => ({ ...f, hubId: 'elsewhere' })) }));
    expect((await request(app).put('/v1/hubs').set(bearer(KEYS.admin)).send({ hubs: wrongHub })).status).toBe(
      400,
    );
  });
});
