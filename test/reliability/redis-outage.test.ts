import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { loadConfig } from '../../src/config/env.ts';
import { API_KEYS, bearer, KEYS } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';
import { spawnWorker, testEnv, until, type WorkerProcess } from '../integration/harness.ts';
import { startRedis, type FaultyRedis } from '../support/redis-server.ts';

// Issue 11, finding 6: with Redis down, requests got 500 INTERNAL with a stack trace each (15,855 log lines in
// 12 s) and a worker flooded stderr. Now: 503 with Retry-After within a second, one line per outage.
let redis: FaultyRedis;
let api: RunningServer;
let worker: WorkerProcess;
const apiLog: string[] = [];

beforeAll(async () => {
  // append-only, so the reference data (seeded once at start) survives the SIGKILL
  redis = await startRedis(undefined, { appendOnly: true });
  const env = testEnv(redis, 'outage');
  api = await startServer({
    config: loadConfig(env),
    keys: API_KEYS,
    reference: referenceFromScenario(sampleScenario()),
    log: (line) => apiLog.push(line),
    now: () => Date.parse('2025-03-03T09:00:00Z'),
  });
  worker = await spawnWorker(env);
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await api?.close();
  await redis?.stop();
});

const orders = {
  hubId: 'hub-a',
  date: '2025-03-04',
  orders: [{ id: 'a', receiverId: 'shop-1', size: { kg: 1 } }],
};
const requests: [string, () => Promise<Response>][] = [
  [
    'GET /v1/orders',
    () => fetch(`${api.url}/v1/orders?hub=hub-a&date=2025-03-04`, { headers: bearer(KEYS.dispatcher) }),
  ],
  [
    'POST /v1/orders',
    () =>
      fetch(`${api.url}/v1/orders`, {
        method: 'POST',
        headers: { ...bearer(KEYS.dhl), 'Content-Type': 'application/json' },
        body: JSON.stringify(orders),
      }),
  ],
  [
    'POST /v1/plans',
    () =>
      fetch(`${api.url}/v1/plans`, {
        method: 'POST',
        headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
        body: JSON.stringify(sampleScenario()),
      }),
  ],
  ['GET /readyz', () => fetch(`${api.url}/readyz`)],
];

describe('Redis SIGKILLed under the API and a worker', () => {
  it('answers 503 with Retry-After within a second, logs one line per outage, and recovers', async () => {
    expect((await requests[1]![1]()).status).toBe(200);
    const printed = vi.spyOn(console, 'error');
    await redis.kill();
    const slowestMs: number[] = [];
    for (let round = 0; round < 25; round++) {
      for (const [name, send] of requests) {
        const t0 = performance.now();
        const res = await send();
        slowestMs.push(performance.now() - t0);
        expect(res.status, name).toBe(503);
        expect(Number(res.headers.get('retry-after')), name).toBeGreaterThan(0);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DEPENDENCY_UNAVAILABLE');
      }
    }
    expect(Math.max(...slowestMs)).toBeLessThan(1000);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    // 100 failed requests, one line, no stack trace
    expect(apiLog.filter((l) => l.includes('Redis unreachable'))).toHaveLength(1);
    expect(apiLog.filter((l) => l.includes('    at '))).toEqual([]);
    expect(printed).not.toHaveBeenCalled();
    // the worker, 3 s into the outage (several reconnect attempts): one state line, no ioredis noise
    await new Promise((r) => setTimeout(r, 3000));
    const workerLines = worker.output().split('\n');
    expect(workerLines.filter((l) => l.includes('Redis unreachable'))).toHaveLength(1);
    expect(
      workerLines.filter((l) => /ioredis|ECONNREFUSED/.test(l) && !l.includes('Redis unreachable')),
    ).toEqual([]);

    await redis.restart();
    await until('the API to be ready again', async () =>
      (await fetch(`${api.url}/readyz`)).status === 200 ? true : undefined,
    );
    expect((await requests[1]![1]()).status).toBe(200);
    expect(apiLog.filter((l) => l.includes('Redis reachable again'))).toHaveLength(1);
    await until('the worker to see Redis again', async () =>
      worker.output().includes('Redis reachable again') ? true : undefined,
    );
  });

  it('answers 503 within a second when Redis hangs (SIGSTOP) instead of waiting for it', async () => {
    await until('the API to be ready', async () =>
      (await fetch(`${api.url}/readyz`)).status === 200 ? true : undefined,
    );
    // plans are read and written over the bulk connection (60 s per command): a small command comes first
    const readPlan = () => fetch(`${api.url}/v1/plans/p${'0'.repeat(32)}`, { headers: bearer(KEYS.planner) });
    redis.pause();
    try {
      for (const [name, request] of [requests[0]!, requests[2]!, ['GET /v1/plans/{id}', readPlan] as const]) {
        const t0 = performance.now();
        const res = await request();
        const tookMs = performance.now() - t0;
        expect(res.status, name).toBe(503);
        expect(res.headers.get('retry-after'), name).not.toBeNull();
        expect(tookMs, name).toBeLessThan(1500);
      }
      // The rate limiter's command fails those requests first; the port itself must fail fast too.
      const t0 = performance.now();
      await expect(api.planJobs.getPlan(`p${'0'.repeat(32)}`)).rejects.toThrow(/timed out/);
      expect(performance.now() - t0).toBeLessThan(1500);
    } finally {
      redis.resume();
    }
  });
});
