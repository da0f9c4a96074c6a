import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOrderStore } from '../../src/api/memory-order-store.ts';
import type { Order } from '../../src/contracts/index.ts';
import type { OrderStore } from '../../src/contracts/ports.ts';
import { createRedis, waitReady } from '../../src/queue/connection.ts';
import { RedisOrderStore } from '../../src/queue/redis-order-store.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';

// Both OrderStore implementations against one contract: limits, pages, cancels, retention (issue 11, 2 and 3).
let redis: TestRedis;
let client: ReturnType<typeof createRedis>;
beforeAll(async () => {
  redis = await startRedis();
  client = createRedis(redis.url, 'producer');
  await waitReady(client);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

const limits = { maxPerCarrier: 5, ttlSeconds: 3600 };
const o = (carrierId: string, id: string, kg = 1): Order => ({
  id,
  carrierId,
  receiverId: 'r',
  size: { kg },
});
let n = 0;
const stores: [string, () => OrderStore][] = [
  ['memory', () => new MemoryOrderStore()],
  ['redis', () => new RedisOrderStore(client, `{t${process.pid}-${n++}}`)],
];

describe.each(stores)('%s order store', (_name, make) => {
  it('upserts idempotently per carrier and id; two carriers may share an id', async () => {
    const s = make();
    expect(await s.upsertOrders('h', '2025-03-04', [o('a', '1'), o('b', '1')], limits)).toEqual({
      created: 2,
      replaced: 0,
    });
    expect(await s.upsertOrders('h', '2025-03-04', [o('a', '1', 9)], limits)).toEqual({
      created: 0,
      replaced: 1,
    });
    const page = await s.listOrders('h', '2025-03-04', { limit: 10 });
    expect(page).toEqual({ orders: [o('a', '1', 9), o('b', '1')] });
    expect((await s.dayOrders('h', '2025-03-04')).map((x) => `${x.carrierId}/${x.id}`)).toEqual([
      'a/1',
      'b/1',
    ]);
  });

  it('refuses a write that takes a carrier over its limit, writing nothing of it', async () => {
    const s = make();
    const five = ['1', '2', '3', '4', '5'].map((id) => o('a', id));
    expect(await s.upsertOrders('h', 'd', five, limits)).toEqual({ created: 5, replaced: 0 });
    expect(await s.upsertOrders('h', 'd', [o('a', '1'), o('a', '6')], limits)).toEqual({
      refused: { carrierId: 'a', stored: 5, limit: 5 },
    });
    expect(await s.upsertOrders('h', 'd', [o('b', '1'), o('a', '6')], limits)).toMatchObject({
      refused: { carrierId: 'a' },
    });
    expect((await s.dayOrders('h', 'd')).length).toBe(5);
    expect(await s.upsertOrders('h', 'd', [o('a', '5', 3)], limits)).toEqual({ created: 0, replaced: 1 });
  });

  it('pages in carrier then id order, each order once, one carrier alone when asked', async () => {
    const s = make();
    await s.upsertOrders(
      'h',
      'd',
      ['3', '1', '2'].map((id) => o('b', id)),
      limits,
    );
    await s.upsertOrders(
      'h',
      'd',
      ['2', '1'].map((id) => o('a', id)),
      limits,
    );
    const keys: string[] = [];
    let after: string | undefined;
    do {
      const page = await s.listOrders('h', 'd', { limit: 2, ...(after ? { after } : {}) });
      keys.push(...page.orders.map((x) => `${x.carrierId}/${x.id}`));
      after = page.next;
    } while (after);
    expect(keys).toEqual(['a/1', 'a/2', 'b/1', 'b/2', 'b/3']);
    const b = await s.listOrders('h', 'd', { carrierId: 'b', limit: 2 });
    expect(b.orders.map((x) => x.id)).toEqual(['1', '2']);
    expect(b.next).toBeDefined();
  });

  it("cancels by id or all of a carrier's day, returning what it deleted", async () => {
    const s = make();
    await s.upsertOrders(
      'h',
      'd',
      ['1', '2', '3'].map((id) => o('a', id)),
      limits,
    );
    await s.upsertOrders('h', 'd', [o('b', '1')], limits);
    expect(await s.cancelOrders('h', 'd', 'a', ['2', 'x', '2'])).toEqual(['2']);
    expect(await s.cancelOrders('h', 'd', 'a', 'all')).toEqual(['1', '3']);
    expect(await s.cancelOrders('h', 'd', 'c', 'all')).toEqual([]);
    expect((await s.dayOrders('h', 'd')).map((x) => `${x.carrierId}/${x.id}`)).toEqual(['b/1']);
    // a cancelled day frees the carrier's room
    expect(
      await s.upsertOrders(
        'h',
        'd',
        ['1', '2', '3', '4', '5'].map((id) => o('a', id)),
        limits,
      ),
    ).toEqual({
      created: 5,
      replaced: 0,
    });
  });
});

describe('retention', () => {
  it('the memory store forgets a day once its retention has passed', async () => {
    let now = 0;
    const s = new MemoryOrderStore(() => now);
    await s.upsertOrders('h', 'd', [o('a', '1')], { maxPerCarrier: 5, ttlSeconds: 10 });
    now = 9_999;
    expect(await s.dayOrders('h', 'd')).toHaveLength(1);
    now = 10_000;
    expect(await s.dayOrders('h', 'd')).toEqual([]);
  });

  it('the Redis store sets the retention on every key of the day', async () => {
    const prefix = `{ttl${process.pid}}`;
    const s = new RedisOrderStore(client, prefix);
    await s.upsertOrders('h', 'd', [o('a', '1')], { maxPerCarrier: 5, ttlSeconds: 1234 });
    const keys = await client.keys(`${prefix}:*`);
    expect(keys.length).toBe(2);
    for (const k of keys) {
      const ttl = await client.ttl(k);
      expect(ttl).toBeGreaterThan(1200);
      expect(ttl).toBeLessThanOrEqual(1234);
    }
  });
});

describe('orders stored before issue 11', () => {
  it('are moved from the one hash per day into the per-carrier hashes on first access, none lost', async () => {
    const prefix = `{legacy${process.pid}}`;
    const legacy = `${prefix}:orders:h:2025-03-04`;
    await client.hset(
      legacy,
      JSON.stringify(['a', '1']),
      JSON.stringify(o('a', '1', 4)),
      JSON.stringify(['b', '1']),
      JSON.stringify(o('b', '1', 5)),
    );
    const s = new RedisOrderStore(client, prefix);
    expect((await s.listOrders('h', '2025-03-04', { limit: 10 })).orders).toEqual([
      o('a', '1', 4),
      o('b', '1', 5),
    ]);
    expect(await client.exists(legacy)).toBe(0);
    expect(await s.upsertOrders('h', '2025-03-04', [o('a', '1', 9)], limits)).toEqual({
      created: 0,
      replaced: 1,
    });
  });
});
