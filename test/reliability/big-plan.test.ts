import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createRedis, PRODUCER_COMMAND_TIMEOUT_MS } from '../../src/queue/connection.ts';
import { JOB_NAMES, QUEUES } from '../../src/queue/queue-names.ts';
import { ResultStore } from '../../src/queue/result-store.ts';
import { API_KEYS, bearer, KEYS } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';
import { testEnv, until } from '../integration/harness.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { startThrottledProxy, type ThrottledProxy } from '../support/throttled-proxy.ts';

// A 20,000-receiver plan is about 200 MB. On a loaded machine it took longer than the API's one-second command
// timeout to arrive: GET /v1/plans/{id} answered 503 with Redis fine, and the service bench crashed reading the
// same job. Here the API reaches Redis through a link of 4 MB/s, so an 8 MB plan takes about 2 s to arrive.
const PLAN_CHARS = 8_000_000;
let redis: TestRedis;
let proxy: ThrottledProxy;
let api: RunningServer;
let prefix: string;

beforeAll(async () => {
  redis = await startRedis();
  proxy = await startThrottledProxy(redis.port, 4_000_000);
  const config = loadConfig(testEnv(redis, 'big-plan', { REDIS_URL: proxy.url }));
  prefix = config.queue.prefix;
  api = await startServer({
    config,
    keys: API_KEYS,
    reference: referenceFromScenario(sampleScenario()),
    log: () => {},
  });
});
afterAll(async () => {
  await api?.close();
  await proxy?.close();
  await redis?.stop();
});

describe('a plan larger than the API can read in a second', () => {
  it('is served whole, however long it takes to arrive', async () => {
    const id = `p${'0'.repeat(31)}1`;
    // a real BullMQ worker completes the job as plan workers do (the plan stored, a reference returned),
    // straight to Redis: only the API's link is slow
    const connection = createRedis(redis.url, 'blocking');
    const results = new ResultStore(connection, prefix, 3600);
    const worker = new Worker(QUEUES.plans, () => results.put({ blob: 'x'.repeat(PLAN_CHARS) }), {
      connection,
      prefix,
    });
    try {
      await api.planJobs.plans.add(JOB_NAMES.plan, { schemaVersion: 2 }, { jobId: id });
      await until('the job to complete', async () =>
        (await api.planJobs.plans.getJobState(id)) === 'completed' ? true : undefined,
      );
    } finally {
      await worker.close();
      connection.disconnect();
    }
    const t0 = performance.now();
    const res = await fetch(`${api.url}/v1/plans/${id}`, { headers: bearer(KEYS.admin) });
    const tookMs = performance.now() - t0;
    expect(res.status).toBe(200);
    const view = (await res.json()) as { status: string; result: { blob: string } };
    expect(view.status).toBe('completed');
    expect(view.result.blob.length).toBe(PLAN_CHARS);
    // the link really was slower than the producer connection allows (else this test proves nothing)
    expect(tookMs).toBeGreaterThan(PRODUCER_COMMAND_TIMEOUT_MS);
  });
});
