import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceRegistry } from '../../src/api/reference-data.ts';
import { orderSchema } from '../../src/contracts/index.ts';
import type { StoredOrder } from '../../src/contracts/ports.ts';
import { ApiError } from '../../src/api/api-error.ts';
import { bearer, KEYS, testApp } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';
import { params } from './runs.ts';

// API bodies, queries and paths by property: whatever a client sends, the answer is a 2xx or a 4xx with an
// error code and message, never a 5xx, a hang or a logged internal error.
let server: http.Server;
let base: string;
let logged: string[];
beforeAll(async () => {
  const t = testApp();
  logged = t.logged;
  server = http.createServer(t.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function send(method: string, path: string, key: string, body?: string) {
  const res = await fetch(base + path, {
    method,
    headers: { ...bearer(key), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, text };
}

function expectClientAnswer({ status, text }: { status: number; text: string }) {
  expect(status, text).toBeLessThan(500);
  if (status >= 400) {
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(body.error.code).toMatch(/^[A-Z_]+$/);
    expect(body.error.message.length).toBeGreaterThan(0);
  }
  expect(logged).toEqual([]);
}

const ROUTES: [string, string, string][] = [
  ['POST', '/v1/orders', KEYS.dhl],
  ['POST', '/v1/orders/cancel', KEYS.dhl],
  ['POST', '/v1/plans', KEYS.planner],
  ['POST', '/v1/comparisons', KEYS.planner],
  ['PUT', '/v1/carriers', KEYS.admin],
  ['PUT', '/v1/receivers', KEYS.admin],
];

const order = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('a/b')),
    receiverId: fc.oneof(fc.constantFrom('shop-1', 'shop-2', 'ghost'), fc.string({ maxLength: 5 })),
    size: fc.record(
      { kg: fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 3 })) },
      { requiredKeys: [] },
    ),
    carrierId: fc.constantFrom('dhl', 'ups'),
  },
  { requiredKeys: ['id', 'receiverId', 'size'] },
);
const ordersBody = fc.record({
  hubId: fc.constantFrom('hub-a', 'hub-x'),
  date: fc.oneof(
    fc.constantFrom('2025-03-04', '0001-01-01', '9999-12-31', '2025-02-30'),
    fc.string({ maxLength: 10 }),
  ),
  orders: fc.array(order, { maxLength: 6 }),
});

describe('API bodies, by property', () => {
  it('any JSON body on any write route: a 2xx or a 4xx with a code, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.jsonValue({ maxDepth: 5 }),
        async ([method, path, key], body) => {
          expectClientAnswer(await send(method, path, key, JSON.stringify(body)));
        },
      ),
      params(),
    );
  });

  it('near-valid order bodies: accepted ones are listed exactly, refused ones name a field', async () => {
    await fc.assert(
      fc.asyncProperty(ordersBody, async (body) => {
        const res = await send('POST', '/v1/orders', KEYS.admin, JSON.stringify(body));
        expectClientAnswer(res);
        if (res.status === 200) {
          const ack = JSON.parse(res.text) as { accepted: number; created: number; replaced: number };
          expect(ack.accepted).toBe(body.orders.length);
          expect(ack.created + ack.replaced).toBe(ack.accepted);
          const list = await send('GET', `/v1/orders?hub=${body.hubId}&date=${body.date}`, KEYS.dispatcher);
          const keys = new Set(
            (JSON.parse(list.text) as { orders: { carrierId: string; id: string }[] }).orders.map(
              (o) => `${o.carrierId}/${o.id}`,
            ),
          );
          for (const o of body.orders) expect(keys.has(`${o.carrierId}/${o.id}`)).toBe(true);
        } else if (res.status === 400 || res.status === 422) {
          expect(
            (JSON.parse(res.text) as { error: { issues?: unknown[] } }).error.issues?.length,
          ).toBeGreaterThan(0);
        }
      }),
      params(),
    );
  });

  it('any query string and any path segment: never a 5xx', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('%ff', '%', '%00', '..', '%2e%2e', 'p' + '0'.repeat(32)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
        segment,
        async (query, raw) => {
          const qs = new URLSearchParams(query).toString();
          expectClientAnswer(await send('GET', `/v1/orders?${qs}`, KEYS.dispatcher));
          const path = raw.replace(/[?#\s]/g, '');
          for (const p of [`/v1/plans/${path}`, `/v1/comparisons/${path}/spread`, `/v1/hubs/${path}`])
            expectClientAnswer(await send('GET', p, KEYS.planner));
        },
      ),
      params(),
    );
  });
});

describe("a hub's day from stored orders, by property", () => {
  const registry = new ReferenceRegistry((({ orders: _o, ...rest }) => rest)(sampleScenario()));
  const stored: fc.Arbitrary<StoredOrder[]> = fc
    .array(
      fc.record({
        carrierId: fc.constantFrom('dhl', 'ups', 'gone'),
        id: fc.constantFrom('1', '2', '3', 'dhl/1'),
        receiverId: fc.constantFrom('shop-1', 'shop-2', 'shop-3', 'removed'),
        kg: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(-1)),
      }),
      { maxLength: 10 },
    )
    .map((list) => {
      const seen = new Set<string>();
      return list
        .filter((o) => !seen.has(`${o.carrierId}|${o.id}`) && seen.add(`${o.carrierId}|${o.id}`))
        .map((o) => ({
          carrierId: o.carrierId,
          id: o.id,
          value: { id: o.id, carrierId: o.carrierId, receiverId: o.receiverId, size: { kg: o.kg } },
        }));
    });

  it('plans every valid order and reports every other one with a reason: none lost, none blocks the day', () => {
    fc.assert(
      fc.property(stored, (orders) => {
        let result;
        try {
          result = registry.hubDayScenario('hub-a', '2025-03-04', orders);
        } catch (err) {
          // only when nothing at all is plannable
          expect(err).toBeInstanceOf(ApiError);
          expect((err as ApiError).code).toBe('NO_ORDERS');
          return;
        }
        // every stored order is rejected (once, with a reason) or planned under its id or as `carrierId/id`
        const remaining = orders.map((o) => `${o.carrierId}|${o.id}`);
        for (const r of result.rejected) {
          const at = remaining.indexOf(`${r.carrierId}|${r.orderId}`);
          expect(at).toBeGreaterThanOrEqual(0);
          remaining.splice(at, 1);
        }
        // planned ids map one to one onto the rest (a tiny matching: each has at most two candidates)
        const candidates = result.scenario.orders.map((o) => [
          `${o.carrierId}|${o.id}`,
          `${o.carrierId}|${o.id.slice(o.carrierId.length + 1)}`,
        ]);
        const match = (i: number, left: string[]): boolean =>
          i === candidates.length
            ? left.length === 0
            : (candidates[i] ?? []).some((c) => {
                const at = left.indexOf(c);
                return (
                  at >= 0 &&
                  match(
                    i + 1,
                    left.filter((_, j) => j !== at),
                  )
                );
              });
        expect(match(0, remaining), JSON.stringify(result.scenario.orders)).toBe(true);
        for (const r of result.rejected) expect(r.reason.length).toBeGreaterThan(0);
        for (const o of result.scenario.orders) expect(orderSchema.safeParse(o).success).toBe(true);
        expect(new Set(result.scenario.orders.map((o) => o.id)).size).toBe(result.scenario.orders.length);
      }),
      params(),
    );
  });
});
