import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { loadConfig } from '../../src/config/env.ts';
import { API_KEYS, bearer, KEYS } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';
import { testEnv } from '../integration/harness.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';

// Issue 11, finding 7: slow request bodies held sockets for 328 s with an invalid key; rate limits must hold
// across API processes (Redis-backed). Two real API processes' servers on one real Redis.
const REQUEST_TIMEOUT_MS = 1500;
const LIMIT = 6;
let redis: TestRedis;
let apis: RunningServer[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const env = testEnv(redis, 'slow', {
    PICON_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    PICON_HEADERS_TIMEOUT_MS: '1000',
    PICON_RATE_LIMIT_PER_MINUTE: String(LIMIT),
  });
  const start = () =>
    startServer({
      config: loadConfig(env),
      keys: API_KEYS,
      reference: referenceFromScenario(sampleScenario()),
      log: () => {},
    });
  apis = [await start(), await start()];
});
afterAll(async () => {
  for (const api of apis) await api.close();
  await redis?.stop();
});

/** Sends headers announcing a large body, then trickles a byte every 200 ms; resolves with ms until closed. */
async function trickle(
  url: string,
  authorization: string,
): Promise<{ closedAfterMs: number; reply: string }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let reply = '';
  socket.on('data', (d) => (reply += d.toString()));
  await new Promise((r) => socket.once('connect', r));
  const t0 = performance.now();
  socket.write(
    `POST /v1/plans HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: ${authorization}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{',
  );
  const timer = setInterval(() => socket.writable && socket.write(' '), 200);
  await new Promise((r) => socket.once('close', r));
  clearInterval(timer);
  return { closedAfterMs: performance.now() - t0, reply };
}

describe('slow request bodies', () => {
  it('with an invalid key: 401 and the socket closed at once', async () => {
    const { closedAfterMs, reply } = await trickle(apis[0]!.url, 'Bearer not-a-valid-key-0123456789');
    expect(reply).toMatch(/^HTTP\/1\.1 401/);
    expect(closedAfterMs).toBeLessThan(1000);
  });

  it('with a valid key: cut off after the request timeout (was 300 s)', async () => {
    const { closedAfterMs, reply } = await trickle(apis[0]!.url, `Bearer ${KEYS.planner}`);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThan(REQUEST_TIMEOUT_MS - 100);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2500);
  });
});

describe('rate limit per key', () => {
  it('is shared by two API processes through Redis', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await fetch(`${apis[i % 2]!.url}/v1/hubs`, { headers: bearer(KEYS.dispatcher) });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429, 429]);
    expect((await fetch(`${apis[1]!.url}/v1/hubs`, { headers: bearer(KEYS.planner) })).status).toBe(200);
  });
});
