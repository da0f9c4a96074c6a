import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierShareSchema, planSchema, type Plan } from '../../src/contracts/index.ts';
import { bearer, carrierKey, KEYS, startStack, tinyScenario, until, type Stack } from './harness.ts';

// Issue 9, item 5, end to end: carriers submit their orders, the dispatcher plans the hub day on a worker
// (real Redis), then each carrier reads its own share and nothing of its competitor's.
let stack: Stack;

const call = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${stack.api.url}${path}`, {
    ...init,
    headers: { ...bearer(key), ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });

beforeAll(async () => {
  stack = await startStack('share', { PICON_MAX_TIME_LIMIT_SECONDS: '30', PICON_LOCK_DURATION_MS: '60000' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('carriers read their own share of a hub-day plan (real Redis, worker process)', () => {
  it("gives each carrier key its own cost row and emission statement, 403 for the other's", async () => {
    const scenario = tinyScenario();
    const hubId = scenario.hubs[0]!.id;
    const [first, second] = scenario.carriers.map((c) => c.id) as [string, string];
    for (const carrier of [first, second]) {
      const orders = scenario.orders
        .filter((o) => o.carrierId === carrier)
        .map(({ carrierId: _c, ...o }) => o);
      const res = await call('/v1/orders', carrierKey(carrier), {
        method: 'POST',
        body: JSON.stringify({ hubId, date: scenario.date, orders }),
      });
      expect(res.status).toBe(200);
    }
    const submitted = await call(`/v1/hubs/${hubId}/days/${scenario.date}/plan`, KEYS.dispatcher, {
      method: 'POST',
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    // before the plan completes, a carrier learns nothing about it
    const early = await call(`/v1/plans/${id}/share`, carrierKey(first));
    expect([404, 200]).toContain(early.status);

    const plan = await until(
      `plan ${id}`,
      async () => {
        const body = (await (await call(`/v1/plans/${id}`, KEYS.planner)).json()) as {
          status: string;
          result?: Plan;
        };
        if (body.status === 'failed') throw new Error(`plan failed: ${JSON.stringify(body)}`);
        return body.status === 'completed' ? planSchema.parse(body.result) : undefined;
      },
      120_000,
    );
    expect(plan.allocation.map((r) => r.carrierId).sort()).toEqual([first, second].sort());

    for (const [me, other] of [
      [first, second],
      [second, first],
    ] as const) {
      const res = await call(`/v1/plans/${id}/share`, carrierKey(me));
      expect(res.status).toBe(200);
      const text = await res.text();
      const share = carrierShareSchema.parse(JSON.parse(text));
      expect(share.carrierId).toBe(me);
      expect(share.cost).toEqual(plan.allocation.find((r) => r.carrierId === me));
      const mine = plan.emissions.carriers.find((c) => c.carrierId === me);
      expect(share.emissions.consolidated).toEqual(mine?.consolidated);
      expect(share.emissions.baseline).toEqual(mine?.baseline);
      expect(share.emissions.consignments.map((c) => c.orderId).sort()).toEqual(
        scenario.orders
          .filter((o) => o.carrierId === me)
          .map((o) => o.id)
          .sort(),
      );
      // nothing of the competitor: not its id, not one of its orders
      expect(text).not.toContain(`"${other}"`);
      for (const o of scenario.orders.filter((x) => x.carrierId === other)) expect(text).not.toContain(o.id);
      const theirs = await call(`/v1/plans/${id}/share?carrier=${other}`, carrierKey(me));
      expect(theirs.status).toBe(403);
      // and a carrier key reads no whole plan
      expect((await call(`/v1/plans/${id}`, carrierKey(me))).status).toBe(403);
    }
    // a carrier with no orders in the plan, and an unknown plan: 404
    expect((await call(`/v1/plans/${id}/share`, KEYS.ghost)).status).toBe(404);
    expect((await call(`/v1/plans/p${'0'.repeat(32)}/share`, carrierKey(first))).status).toBe(404);

    // the planner reads any carrier's share; the dispatcher reads the plan without per-carrier figures
    const planner = await call(`/v1/plans/${id}/share?carrier=${second}`, KEYS.planner);
    expect(planner.status).toBe(200);
    expect(((await planner.json()) as { carrierId: string }).carrierId).toBe(second);
    expect((await call(`/v1/plans/${id}/share?carrier=${second}`, KEYS.dispatcher)).status).toBe(403);
    const dispatcher = (await (await call(`/v1/plans/${id}`, KEYS.dispatcher)).json()) as { result: Plan };
    expect(dispatcher.result.allocation).toEqual([]);
    expect(dispatcher.result.emissions.carriers).toEqual([]);
    expect(dispatcher.result.emissions.consignments).toEqual([]);
    expect(dispatcher.result.emissions.totals).toEqual(plan.emissions.totals);
  }, 180_000);
});
