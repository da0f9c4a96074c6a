import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOrderStore } from '../../src/api/memory-order-store.ts';
import type { Order } from '../../src/contracts/index.ts';
import type { OrderStore } from '../../src/contracts/ports.ts';
import { createRedis, waitReady } from '../../src/queue/connection.ts';
import { RedisOrderStore } from '../../src/queue/redis-order-store.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { params } from './runs.ts';

// Both order stores against a plain model (a Map per carrier): any sequence of upserts and cancels leaves
// exactly the model's orders, no carrier ever holds more than its limit, and pages list each order once.
const LIMIT = 6;
type Op = { kind: 'upsert'; orders: Order[] } | { kind: 'cancel'; carrierId: string; ids: string[] | 'all' };

const carrier = fc.constantFrom('a', 'b', 'c');
const orderId = fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', 'x/y', 'é');
const orderArb = fc
  .record({ carrierId: carrier, id: orderId, kg: fc.integer({ min: 0, max: 100 }) })
  .map(({ carrierId, id, kg }): Order => ({ id, carrierId, receiverId: 'r', size: { kg } }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(orderArb, { minLength: 1, maxLength: 8 })
      .map((orders) => ({ kind: 'upsert' as const, orders })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        carrierId: carrier,
        ids: fc.oneof(fc.constant('all' as const), fc.array(orderId, { maxLength: 4 })),
      })
      .map((c) => ({ kind: 'cancel' as const, ...c })),
  },
);

/** The model: what the stores must hold after the same operations. */
function applyToModel(model: Map<string, Map<string, Order>>, op: Op): void {
  if (op.kind === 'cancel') {
    const m = model.get(op.carrierId);
    if (!m) return;
    for (const id of op.ids === 'all' ? [...m.keys()] : op.ids) m.delete(id);
    return;
  }
  const next = new Map([...model].map(([c, m]) => [c, new Map(m)]));
  for (const o of op.orders) {
    const m = next.get(o.carrierId) ?? new Map<string, Order>();
    m.set(o.id, o);
    next.set(o.carrierId, m);
  }
  // all or nothing: refused when any carrier would go over its limit
  if ([...next.values()].some((m) => m.size > LIMIT)) return;
  model.clear();
  for (const [c, m] of next) model.set(c, m);
}

async function checkSequence(store: OrderStore, ops: Op[]): Promise<void> {
  const model = new Map<string, Map<string, Order>>();
  for (const op of ops) {
    if (op.kind === 'upsert')
      await store.upsertOrders('h', 'd', op.orders, { maxPerCarrier: LIMIT, ttlSeconds: 3600 });
    else await store.cancelOrders('h', 'd', op.carrierId, op.ids);
    applyToModel(model, op);
  }
  const expected = [...model.values()]
    .flatMap((m) => [...m.values()])
    .map((o) => `${o.carrierId}|${o.id}|${o.size.kg}`)
    .sort();
  const stored = (await store.dayOrders('h', 'd')).map(
    (s) => `${s.carrierId}|${s.id}|${(s.value as Order).size.kg}`,
  );
  expect([...stored].sort()).toEqual(expected);
  let after: string | undefined;
  const paged: string[] = [];
  do {
    const page = await store.listOrders('h', 'd', { limit: 4, ...(after ? { after } : {}) });
    paged.push(...page.orders.map((o) => `${o.carrierId}|${o.id}|${o.size.kg}`));
    after = page.next;
  } while (after);
  expect(paged).toEqual(stored);
}

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

describe('order stores against a model, by property', () => {
  it('memory store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 12 }), (ops) =>
        checkSequence(new MemoryOrderStore(), ops),
      ),
      params(),
    );
  });

  it('Redis store (real Redis)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 12 }), (ops) =>
        checkSequence(new RedisOrderStore(client, `{prop${process.pid}-${n++}}`), ops),
      ),
      params(100),
    );
  });
});
