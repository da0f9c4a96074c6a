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
    // small: one piece, one record holding the whole value
    const text = `[["=",${JSON.stringify(result)}]]`;
    expect(ref).toEqual({ resultRef: createHash('sha256').update(text).digest('hex') });
    expect(await client.lrange(`{t}:result:${ref.resultRef}`, 0, -1)).toEqual([text]);
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

  it('stores a large result in pieces of bounded size and reads it back whole, however many commands it takes', async () => {
    const small = new ResultStore(client, '{t}', 3600, 2_000);
    const result = {
      routes: Array.from({ length: 3_000 }, (_, i) => ({
        id: `r${i}`,
        stops: [`a${i}`, `b${i}`],
        km: i / 7,
      })),
      totals: { km: 1234.5 },
    };
    const ref = await small.put(result);
    const key = `{t}:result:${ref.resultRef}`;
    const pieces = await client.lrange(key, 0, -1);
    // more pieces than one LRANGE reads, none over the size, and the reference is their hash
    expect(pieces.length).toBeGreaterThan(40);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2_000);
    expect(ref.resultRef).toBe(createHash('sha256').update(pieces.join('')).digest('hex'));
    expect(await small.resolve(ref)).toStrictEqual(result);
    // the same result stored twice at once: one list, not two interleaved, and no key left behind
    const [a, b] = await Promise.all([small.put(result), small.put(result)]);
    expect(a).toEqual(ref);
    expect(b).toEqual(ref);
    expect(await client.llen(key)).toBe(pieces.length);
    expect(await client.keys('{t}:result:writing:*')).toEqual([]);
    expect(await small.resolve(ref)).toStrictEqual(result);
  });

  it('reads a result stored as one string, by a worker from before results were stored in pieces', async () => {
    const legacy = { routes: [{ id: 'old' }] };
    await client.set(`{t}:result:${'e'.repeat(64)}`, JSON.stringify(legacy));
    expect(await store.resolve({ resultRef: 'e'.repeat(64) })).toEqual(legacy);
  });

  it('fails, and leaves nothing half written under the reference, when Redis refuses a step', async () => {
    // a user that may not RENAME: the transaction's last step fails inside MULTI
    await client.call('ACL', 'SETUSER', 'norename', 'on', 'nopass', '~*', '&*', '+@all', '-rename');
    const limited = createRedis(redis.url.replace('redis://', 'redis://norename@'), 'producer');
    try {
      await waitReady(limited);
      const refused = new ResultStore(limited, '{t}', 3600);
      const value = { routes: ['refused'] };
      await expect(refused.put(value)).rejects.toThrow(/NOPERM|EXECABORT|rename/i);
      const text = `[["=",${JSON.stringify(value)}]]`;
      const ref = createHash('sha256').update(text).digest('hex');
      expect(await client.exists(`{t}:result:${ref}`)).toBe(0);
    } finally {
      limited.disconnect();
    }
  });

  it('refuses a result that is not a JSON value', async () => {
    await expect(store.put(undefined)).rejects.toThrow(/must be a JSON value/);
    await expect(store.put(() => 1)).rejects.toThrow(/must be a JSON value/);
  });

  it('says so when the referenced result has expired', async () => {
    await expect(store.resolve({ resultRef: 'f'.repeat(64) })).rejects.toThrow(/no longer stored/);
  });
});
