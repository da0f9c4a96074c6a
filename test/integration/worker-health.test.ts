import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { keepHealthFile } from '../../workers/health-file.ts';
import { startWorkers, workersHealthy, type RunningWorkers } from '../../workers/plan.worker.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { testEnv } from './harness.ts';

const waitFor = async (ok: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('worker health signal (picon worker --health-file)', () => {
  let redis: TestRedis;
  let workers: RunningWorkers;
  const file = join(mkdtempSync(join(tmpdir(), 'picon-health-')), 'alive');
  beforeAll(async () => {
    redis = await startRedis();
    workers = await startWorkers(loadConfig(testEnv(redis, 'health')), () => undefined);
  });
  afterAll(async () => {
    await workers.close();
    await redis.stop();
  });

  it('keeps the file fresh while workers run and Redis answers, removes it when Redis is gone', async () => {
    // the probe on a Redis of its own, stopped below: the workers' Redis stays up so that they close cleanly
    const probed = await startRedis();
    const probe = createRedis(probed.url, 'producer');
    probe.on('error', () => undefined);
    const health = keepHealthFile(file, () => workersHealthy(workers, probe), 100);
    await waitFor(() => existsSync(file));
    const first = statSync(file).mtimeMs;
    await waitFor(() => existsSync(file) && statSync(file).mtimeMs > first); // refreshed, not written once
    await probed.stop();
    await waitFor(() => !existsSync(file));
    await health.stop();
    probe.disconnect();
  });

  it('removes the file when the check fails or throws, and on stop', async () => {
    let healthy = true;
    const health = keepHealthFile(
      file,
      async () => {
        if (healthy === undefined) throw new Error('hung');
        return healthy;
      },
      20,
    );
    await waitFor(() => existsSync(file));
    healthy = false;
    await waitFor(() => !existsSync(file));
    healthy = true;
    await waitFor(() => existsSync(file));
    await health.stop();
    expect(existsSync(file)).toBe(false);
  });
});
