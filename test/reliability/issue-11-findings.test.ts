import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import type { ApiKey } from '../../src/config/api-keys.ts';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { loadConfig } from '../../src/config/env.ts';
import { API_KEYS, KEYS } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';
import { testEnv } from '../integration/harness.ts';
import { startRedis, type FaultyRedis } from '../support/redis-server.ts';

/**
 * Issue 11's numbered findings, each replayed as it was found, over HTTP against a real `picon serve` stack
 * (real Redis, the server's own clock): every test here failed on main before the fix (docs/RELIABILITY.md).
 * Finding 4 (CSV formula injection) belongs to the run sheets' owner; the worker's part of findings 1 and 6
 * is in worker-memory-cap.test.ts and redis-outage.test.ts.
 */
let redis: FaultyRedis;
let api: RunningServer;
const OTHER_PLANNER = 'planner-two-key-0123456789';
const GHOST = 'carrier-ghost-key-0123456789';
const METRICS = 'metrics-key-0123456789abcdef';

beforeAll(async () => {
  redis = await startRedis();
  const keys = [
    ...API_KEYS,
    { key: OTHER_PLANNER, role: 'planner' },
    { key: GHOST, role: 'carrier', carrierId: 'ghost' },
    { key: METRICS, role: 'metrics' },
  ] as ApiKey[];
  api = await startServer({
    config: loadConfig(testEnv(redis, 'findings', { PICON_MAX_ORDERS_PER_CARRIER_DAY: '5' })),
    keys,
    reference: referenceFromScenario(sampleScenario()),
    log: () => {},
  });
});
afterAll(async () => {
  await api?.close();
  await redis?.stop();
});

/** A delivery day a few days ahead of the real clock: plausible on any day the suite runs. */
const DAY = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

async function call(method: string, path: string, key: string | undefined, body?: unknown, headers = {}) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: { error?: { code: string }; [k: string]: unknown } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // not JSON (metrics text)
  }
  return { status: res.status, headers: res.headers, json, text };
}
const orders = (ids: string[], receiverId = 'shop-1') => ({
  hubId: 'hub-a',
  date: DAY,
  orders: ids.map((id) => ({ id, receiverId, size: { kg: 5 } })),
});

describe('finding 1: out-of-memory by request', () => {
  it('refuses a billion vehicles in fleet[].count and carriers[].baselineVehicles (was 202)', async () => {
    const s = sampleScenario();
    const fleet = await call('POST', '/v1/plans', KEYS.planner, {
      ...s,
      fleet: [{ ...s.fleet[0]!, count: 1e9 }],
    });
    expect(fleet.status).toBe(400);
    expect(JSON.stringify(fleet.json)).toContain('fleet[0].count');
    const carriers = [{ ...s.carriers[0]!, baselineVehicles: 1e9 }, s.carriers[1]!];
    const own = await call('POST', '/v1/plans', KEYS.planner, { ...s, carriers });
    expect(own.status).toBe(400);
    expect(JSON.stringify(own.json)).toContain('carriers[0].baselineVehicles');
  });
});

describe("finding 2: one carrier blocks a hub's day", () => {
  it('refuses orders of a carrier missing from the reference data (was 200)', async () => {
    const res = await call('POST', '/v1/orders', GHOST, orders(['g1']));
    expect(res.status).toBe(422);
    expect(res.json.error?.code).toBe('UNKNOWN_CARRIER');
  });

  it('refuses ids that collide once namespaced (N1 and ups/N1), and plans the day (was 422 for everyone)', async () => {
    expect((await call('POST', '/v1/orders', KEYS.ups, orders(['N1']))).status).toBe(200);
    expect((await call('POST', '/v1/orders', KEYS.dhl, orders(['N1']))).status).toBe(200);
    expect((await call('POST', '/v1/orders', KEYS.dhl, orders(['ups/N1']))).status).toBe(400);
    const plan = await call('POST', `/v1/hubs/hub-a/days/${DAY}/plan`, KEYS.dispatcher);
    expect(plan.status).toBe(202);
  });

  it('lets a carrier delete an order (no route could)', async () => {
    const res = await call('DELETE', `/v1/orders/N1?hub=hub-a&date=${DAY}`, KEYS.dhl);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ cancelled: ['N1'] });
  });
});

describe('finding 3: unbounded days', () => {
  it('stops a carrier at its daily limit with 429 and Retry-After (283,035 orders were stored)', async () => {
    expect((await call('POST', '/v1/orders', KEYS.ups, orders(['a', 'b', 'c', 'd']))).status).toBe(200);
    const over = await call('POST', '/v1/orders', KEYS.ups, orders(['e', 'f']));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('pages order lists', async () => {
    const page = await call('GET', `/v1/orders?hub=hub-a&date=${DAY}&limit=2`, KEYS.dispatcher);
    expect(page.status).toBe(200);
    expect((page.json['orders'] as unknown[]).length).toBe(2);
    expect(typeof page.json['next']).toBe('string');
  });

  it('refuses implausible dates (year 0001 and 9999 were accepted)', async () => {
    for (const date of ['0001-01-01', '9999-12-31'])
      expect((await call('POST', '/v1/orders', KEYS.dhl, { ...orders(['z']), date })).status).toBe(422);
  });
});

describe('finding 5: Idempotency-Key', () => {
  it('refuses a key reused with another body (was 202 with the first plan)', async () => {
    const key = { 'Idempotency-Key': 'finding-5' };
    expect((await call('POST', '/v1/plans', KEYS.planner, sampleScenario(), key)).status).toBe(202);
    const other = await call('POST', '/v1/plans', KEYS.planner, { ...sampleScenario(), name: 'other' }, key);
    expect(other.status).toBe(422);
    expect(other.json.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('has the plans limit for comparison keys too (8,000 characters were accepted)', async () => {
    const body = { variants: [{ name: 'a', scenario: sampleScenario() }] };
    const res = await call('POST', '/v1/comparisons', KEYS.planner, body, {
      'Idempotency-Key': 'k'.repeat(8000),
    });
    expect(res.status).toBe(400);
  });
});

describe('finding 7: roles and HTTP hardening', () => {
  it('refuses a cross-site form POST to Bull Board with Basic credentials', async () => {
    const res = await fetch(`${api.url}/admin/queues/api/queues/plans/clean/failed`, {
      method: 'PUT',
      headers: {
        Authorization: `Basic ${Buffer.from(`x:${KEYS.admin}`).toString('base64')}`,
        Origin: 'http://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1',
    });
    expect(res.status).toBe(403);
  });

  it('answers a malformed path with 400 (was 500)', async () => {
    expect((await call('GET', '/v1/plans/%ff', KEYS.planner)).status).toBe(400);
  });

  it('keeps /metrics behind a key', async () => {
    expect((await call('GET', '/metrics', undefined)).status).toBe(401);
    expect((await call('GET', '/metrics', METRICS)).status).toBe(200);
  });

  it("does not let a planner list carriers' orders, nor read another planner's plan", async () => {
    expect((await call('GET', `/v1/orders?hub=hub-a&date=${DAY}`, KEYS.planner)).status).toBe(403);
    const { json } = await call('POST', '/v1/plans', KEYS.planner, { ...sampleScenario(), name: 'mine' });
    expect((await call('GET', `/v1/plans/${json['id'] as string}`, KEYS.planner)).status).toBe(200);
    expect((await call('GET', `/v1/plans/${json['id'] as string}`, OTHER_PLANNER)).status).toBe(404);
  });

  it('sends nosniff and HSTS', async () => {
    const res = await call('GET', '/healthz', undefined);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('rejects "Bearer KEY junk"', async () => {
    const res = await fetch(`${api.url}/v1/hubs`, {
      headers: { Authorization: `Bearer ${KEYS.planner} junk` },
    });
    expect(res.status).toBe(401);
  });
});

describe("finding 6: Redis down (run last: it kills this file's Redis)", () => {
  it('answers 503 with Retry-After (was 500 INTERNAL)', async () => {
    await redis.kill();
    const res = await call('GET', `/v1/orders?hub=hub-a&date=${DAY}`, KEYS.dispatcher);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
