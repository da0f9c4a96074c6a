import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, waitReady } from '../../src/queue/connection.ts';
import { ResultStore } from '../../src/queue/result-store.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';

let redis: TestRedis;
let client: ReturnType<typeof createRedis>;
let store: ResultStore;
beforeAll(async () => {
  redis = await startRedis();
  client = createRedis(redis.url, 'producer');
  await waitReady(client);
  store = new ResultStore(client, '{t}', 3600);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

describe('ResultStore', () => {
  it('returns a 64-character reference to the stored result, and resolves it back', async () => {
    const result = { routes: [{ id: 'r1', stops: ['a', 'b'] }], costEur: 12.5 };
    const ref = await store.put(result);
    const text = JSON.stringify(result);
    expect(ref).toEqual({ resultRef: createHash('sha256').update(text).digest('hex') });
    expect(await client.get(`{t}:result:${ref.resultRef}`)).toBe(text);
    const ttl = await client.ttl(`{t}:result:${ref.resultRef}`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
    expect(await store.resolve(ref)).toEqual(result);
  });

  it('passes a value that is not a reference through (a job completed before results were stored)', async () => {
    const inline = { resultRef: 'not-a-hash', routes: [] };
    expect(await store.resolve(inline)).toBe(inline);
    expect(await store.resolve(null)).toBeNull();
    // a reference is exactly 64 hex characters
    for (const resultRef of [`x${'f'.repeat(64)}`, `${'f'.repeat(64)}x`]) {
      const almost = { resultRef };
      expect(await store.resolve(almost)).toBe(almost);
    }
  });

  it('says so when the referenced result has expired', async () => {
    await expect(store.resolve({ resultRef: 'f'.repeat(64) })).rejects.toThrow(/no longer stored/);
  });
});
