import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { stepClock } from '../../workers/step-clock.ts';
import {
  bearer,
  carrierKey,
  KEYS,
  readEvents,
  startStack,
  tinyScenario,
  until,
  type Stack,
} from './harness.ts';

const STEP_MS = '0.05';
let stack: Stack;

const call = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${stack.api.url}${path}`, {
    ...init,
    headers: {
      ...bearer(key),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

async function waitCompleted(id: string): Promise<{ status: string; result?: Plan; error?: string }> {
  return await until(`plan ${id}`, async () => {
    const body = (await (await call(`/v1/plans/${id}`, KEYS.planner)).json()) as { status: string };
    return body.status === 'completed' || body.status === 'failed' ? body : undefined;
  });
}

beforeAll(async () => {
  stack = await startStack('plans', { PICON_STEP_CLOCK_MS: STEP_MS });
});
afterAll(async () => {
  await stack?.stop();
});

describe('orders -> hub-day plan -> progress -> result (real Redis, worker process)', () => {
  it('plans a hub day from stored orders, streams progress over SSE, exports GeoJSON and run sheets', async () => {
    const scenario = tinyScenario();
    const hubId = scenario.hubs[0]!.id;
    for (const { id: carrier } of scenario.carriers) {
      const orders = scenario.orders
        .filter((o) => o.carrierId === carrier)
        .map(({ carrierId: _c, ...o }) => o);
      if (orders.length === 0) continue;
      const res = await call('/v1/orders', carrierKey(carrier), {
        method: 'POST',
        body: JSON.stringify({ hubId, date: scenario.date, orders }),
      });
      expect(res.status).toBe(200);
    }
    const listed = (await (
      await call(`/v1/orders?hub=${hubId}&date=${scenario.date}`, KEYS.dispatcher)
    ).json()) as { orders: unknown[] };
    expect(listed.orders).toHaveLength(scenario.orders.length);

    const submitted = await call(`/v1/hubs/${hubId}/days/${scenario.date}/plan`, KEYS.dispatcher, {
      method: 'POST',
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    const events = await readEvents(`${stack.api.url}/v1/plans/${id}/events`, KEYS.dispatcher);
    const names = events.map((e) => e.event);
    expect(names.at(-1)).toBe('completed');
    expect(names).toContain('progress');
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { percent: number; bestCost: number | null });
    expect(progress.every((p) => p.percent >= 0 && p.percent <= 100)).toBe(true);

    const done = await waitCompleted(id);
    expect(done.status).toBe('completed');
    expect(done.result?.schemaVersion).toBe(1);

    const geo = await call(`/v1/plans/${id}/geojson`, KEYS.dispatcher);
    expect(geo.status).toBe(200);
    expect(((await geo.json()) as { type: string }).type).toBe('FeatureCollection');
    const csv = await call(`/v1/plans/${id}/runsheets.csv`, KEYS.dispatcher);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain('vehicle');
  });

  it('a scenario planned by the worker equals planScenario in-process with the same seed and step clock', async () => {
    const scenario = {
      ...tinyScenario(),
      options: { ...tinyScenario().options, seed: 11, timeLimitSeconds: 1 },
    };
    const res = await call('/v1/plans', KEYS.planner, { method: 'POST', body: JSON.stringify(scenario) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await waitCompleted(id);
    expect(done.status).toBe('completed');
    const local = planScenario(scenario, {
      seed: 11,
      timeLimitSeconds: 1,
      clock: stepClock(Number(STEP_MS)),
      onProgress: () => {},
    });
    expect(done.result).toEqual(JSON.parse(JSON.stringify(local)));

    // Idempotency: the same content or the same Idempotency-Key gives the same id, and no second job.
    const again = await call('/v1/plans', KEYS.planner, { method: 'POST', body: JSON.stringify(scenario) });
    expect(((await again.json()) as { id: string }).id).toBe(id);
    const counts = await stack.api.planJobs.plans.getJobCounts('completed', 'waiting', 'active');
    const keyed1 = await call('/v1/plans', KEYS.planner, {
      method: 'POST',
      body: JSON.stringify(scenario),
      headers: { 'Idempotency-Key': 'day-1' },
    });
    const keyed2 = await call('/v1/plans', KEYS.planner, {
      method: 'POST',
      body: JSON.stringify({ ...scenario, name: 'renamed' }),
      headers: { 'Idempotency-Key': 'day-1' },
    });
    expect(((await keyed1.json()) as { id: string }).id).toBe(((await keyed2.json()) as { id: string }).id);
    const after = await stack.api.planJobs.plans.getJobCounts('completed', 'waiting', 'active');
    expect((after.completed ?? 0) + (after.waiting ?? 0) + (after.active ?? 0)).toBe(
      (counts.completed ?? 0) + (counts.waiting ?? 0) + (counts.active ?? 0) + 1,
    );
  });

  it('answers client mistakes with 400/401/403/404/413/415/422 against the real stack', async () => {
    const post = (path: string, key: string, body: string, type = 'application/json') =>
      fetch(`${stack.api.url}${path}`, {
        method: 'POST',
        headers: { ...bearer(key), 'Content-Type': type },
        body,
      });
    expect((await post('/v1/plans', KEYS.planner, '{"name":1}')).status).toBe(400);
    expect((await fetch(`${stack.api.url}/v1/plans`, { method: 'POST', body: '{}' })).status).toBe(401);
    const forbidden = await post('/v1/plans', carrierKey(tinyScenario().carriers[0]!.id), '{}');
    expect(forbidden.status, await forbidden.clone().text()).toBe(403);
    expect((await call(`/v1/plans/p${'9'.repeat(32)}`, KEYS.planner)).status).toBe(404);
    expect(
      (await post('/v1/plans', KEYS.planner, JSON.stringify({ pad: 'x'.repeat(11 * 1024 * 1024) }))).status,
    ).toBe(413);
    expect(
      (await post('/v1/plans', KEYS.planner, 'name=x', 'application/x-www-form-urlencoded')).status,
    ).toBe(415);
    const unknown = await post(
      '/v1/orders',
      carrierKey(tinyScenario().carriers[0]!.id),
      JSON.stringify({
        hubId: tinyScenario().hubs[0]!.id,
        date: '2025-03-04',
        orders: [{ id: 'q', receiverId: 'ghost', size: { kg: 1 } }],
      }),
    );
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('ghost');
    expect((await fetch(`${stack.api.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${stack.api.url}/metrics`)).text();
    expect(metrics).toMatch(/picon_queue_jobs\{queue="plans",state="completed"\} [1-9]/);
    expect(metrics).toContain('picon_job_duration_seconds_count{queue="plans",status="completed"}');
    const board = await fetch(`${stack.api.url}/admin/queues`, { headers: bearer(KEYS.admin) });
    expect(board.status).toBe(200);
    expect((await fetch(`${stack.api.url}/admin/queues`, { headers: bearer(KEYS.planner) })).status).toBe(
      403,
    );
  });
});
