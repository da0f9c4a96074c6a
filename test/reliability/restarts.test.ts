import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { loadConfig, type Config } from '../../src/config/env.ts';
import { API_KEYS, bearer, KEYS } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';
import { spawnWorker, testEnv, until, type WorkerProcess } from '../integration/harness.ts';
import { startRedis, type FaultyRedis } from '../support/redis-server.ts';

// Issue 11's fault tests: Redis SIGKILLed and restarted (AOF, fsync always) during ingest loses no
// acknowledged order; the API restarted during a plan serves the plan the workers finish.
let redis: FaultyRedis;
let config: Config;
let api: RunningServer;
let worker: WorkerProcess;
const DAY = '2025-03-04';
const start = () =>
  startServer({
    config,
    keys: API_KEYS,
    reference: referenceFromScenario(sampleScenario()),
    log: () => {},
    now: () => Date.parse('2025-03-03T09:00:00Z'),
  });

beforeAll(async () => {
  redis = await startRedis(undefined, { appendOnly: true });
  const env = testEnv(redis, 'restarts', {
    PICON_RATE_LIMIT_PER_MINUTE: '1000000',
    PICON_MAX_ORDERS_PER_CARRIER_DAY: '100000',
  });
  config = loadConfig(env);
  api = await start();
  worker = await spawnWorker(env);
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await api?.close();
  await redis?.stop();
});

describe('Redis SIGKILLed during ingest', () => {
  it('keeps every acknowledged order (AOF) and refuses the rest with 503, never 500', async () => {
    const acknowledged = new Set<string>();
    const statuses = new Map<number, number>();
    let phase: 'before' | 'down' | 'after' = 'before';
    let stop = false;
    const carrier = async (key: string, carrierId: string) => {
      for (let batch = 0; !stop; batch++) {
        const ids = Array.from({ length: 20 }, (_, j) => `${phase}-${batch}-${j}`);
        const res = await fetch(`${api.url}/v1/orders`, {
          method: 'POST',
          headers: { ...bearer(key), 'Content-Type': 'application/json' },
          body: JSON.stringify({
            hubId: 'hub-a',
            date: DAY,
            orders: ids.map((id) => ({ id, receiverId: 'shop-1', size: { kg: 1 } })),
          }),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) for (const id of ids) acknowledged.add(`${carrierId}/${id}`);
      }
    };
    const running = [carrier(KEYS.dhl, 'dhl'), carrier(KEYS.ups, 'ups')];
    await new Promise((r) => setTimeout(r, 1500));
    await redis.kill();
    phase = 'down';
    await new Promise((r) => setTimeout(r, 1000));
    await redis.restart();
    await until('the API to be ready again', async () =>
      (await fetch(`${api.url}/readyz`)).status === 200 ? true : undefined,
    );
    phase = 'after';
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await Promise.all(running);

    const found = new Set<string>();
    let after: string | undefined;
    do {
      const q = new URLSearchParams({ hub: 'hub-a', date: DAY, ...(after ? { after } : {}) });
      const res = await fetch(`${api.url}/v1/orders?${q.toString()}`, { headers: bearer(KEYS.dispatcher) });
      const page = (await res.json()) as { orders: { carrierId: string; id: string }[]; next?: string };
      for (const o of page.orders) found.add(`${o.carrierId}/${o.id}`);
      after = page.next;
    } while (after);
    expect([...statuses.keys()].sort()).toEqual([200, 503]);
    expect(acknowledged.size).toBeGreaterThan(200);
    expect([...acknowledged].filter((k) => !found.has(k))).toEqual([]);
  });
});

describe('the API restarted during a plan', () => {
  it('serves the plan the workers finish, to its submitter', async () => {
    const res = await fetch(`${api.url}/v1/plans`, {
      method: 'POST',
      headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...sampleScenario(), name: 'restart', options: { seed: 3, effort: 'quick' } }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await api.close();
    api = await start();
    const done = await until(
      'the plan to complete',
      async () => {
        const r = await fetch(`${api.url}/v1/plans/${id}`, { headers: bearer(KEYS.planner) });
        const body = (await r.json()) as { status: string };
        return body.status === 'completed' || body.status === 'failed' ? body : undefined;
      },
      120_000,
    );
    expect(done.status).toBe('completed');
    expect((await fetch(`${api.url}/v1/plans/${id}`, { headers: bearer(KEYS.dispatcher) })).status).toBe(404);
  });
});
