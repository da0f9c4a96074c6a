import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceRegistry } from '../../src/api/reference-data.ts';
import { startServer } from '../../src/cli/commands/serve-run.ts';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import { API_KEYS } from '../api/harness.ts';
import { planScenario } from '../../src/planner/index.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { QUEUES } from '../../src/queue/queue-names.ts';
import { resultRefSchema } from '../../src/queue/result-store.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';
import {
  bearer,
  carrierKey,
  KEYS,
  readEvents,
  startStack,
  tinyScenario,
  until,
  type Stack,
} from './harness.ts';

/** The cap the plans below never reach: they stop on their effort's iteration budget, as by default. */
const TIME_LIMIT_SECONDS = 60;
/**
 * The in-process plan each service plan is compared with: the same seed and effort, with a cap it never reaches
 * even on a loaded machine (a time-capped plan stops early and differs; the cap is not part of the plan).
 */
const LOCAL = { timeLimitSeconds: 600 };
let stack: Stack;

const call = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${stack.api.url}${path}`, {
    ...init,
    headers: {
      ...bearer(key),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

/**
 * A plan as JSON, minus the measured solve time (the one wall-clock figure in it) and the wall-clock cap it
 * echoes (the in-process plan gets a larger one, `LOCAL`; neither plan reaches its cap, which the tests check).
 */
function withoutTimings(plan: Plan | undefined): unknown {
  const json = JSON.parse(JSON.stringify(plan ?? null)) as {
    meta?: { solveSeconds?: number };
    scenario?: { timeLimitSeconds?: number };
  } | null;
  delete json?.meta?.solveSeconds;
  delete json?.scenario?.timeLimitSeconds;
  return json;
}

/** Submits a scenario as the planner, waits for its plan and checks it with the independent auditor. */
async function planOverService(scenario: Scenario): Promise<{ id: string; plan: Plan }> {
  const res = await call('/v1/plans', KEYS.planner, { method: 'POST', body: JSON.stringify(scenario) });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const done = await waitCompleted(id);
  expect(done.error).toBeUndefined();
  expect(done.status).toBe('completed');
  const plan = done.result as Plan;
  expect(auditPlan(scenario, plan)).toEqual([]);
  return { id, plan };
}

async function waitCompleted(id: string): Promise<{ status: string; result?: Plan; error?: string }> {
  return await until(`plan ${id}`, async () => {
    const body = (await (await call(`/v1/plans/${id}`, KEYS.planner)).json()) as { status: string };
    return body.status === 'completed' || body.status === 'failed' ? body : undefined;
  });
}

beforeAll(async () => {
  stack = await startStack(
    'plans',
    {
      PICON_MAX_TIME_LIMIT_SECONDS: '60',
      PICON_LOCK_DURATION_MS: '90000',
    },
    2,
  );
});
afterAll(async () => {
  await stack?.stop();
});

describe('orders -> hub-day plan -> progress -> result (real Redis, worker process)', () => {
  it('plans a hub day from stored orders, streams progress over SSE, exports GeoJSON and run sheets', async () => {
    const scenario = tinyScenario();
    const hubId = scenario.hubs[0]!.id;
    for (const { id: carrier } of scenario.carriers) {
      const orders = scenario.orders
        .filter((o) => o.carrierId === carrier)
        .map(({ carrierId: _c, ...o }) => o);
      if (orders.length === 0) continue;
      const res = await call('/v1/orders', carrierKey(carrier), {
        method: 'POST',
        body: JSON.stringify({ hubId, date: scenario.date, orders }),
      });
      expect(res.status).toBe(200);
    }
    const listed = (await (
      await call(`/v1/orders?hub=${hubId}&date=${scenario.date}`, KEYS.dispatcher)
    ).json()) as { orders: unknown[] };
    expect(listed.orders).toHaveLength(scenario.orders.length);

    const submitted = await call(`/v1/hubs/${hubId}/days/${scenario.date}/plan`, KEYS.dispatcher, {
      method: 'POST',
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    const events = await readEvents(`${stack.api.url}/v1/plans/${id}/events`, KEYS.dispatcher);
    const names = events.map((e) => e.event);
    expect(names.at(-1)).toBe('completed');
    expect(names).toContain('progress');
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { percent: number; bestCost: number | null });
    expect(progress.every((p) => p.percent >= 0 && p.percent <= 100)).toBe(true);

    const done = await waitCompleted(id);
    expect(done.status).toBe('completed');
    expect(done.result?.schemaVersion).toBe(1);
    // the scenario the service built from stored orders and reference data, as the workers read it
    const job = await stack.api.planJobs.plans.getJob(id);
    const built = await stack.api.planJobs.scenarios.get(
      (job!.data as { scenarioHash: string }).scenarioHash,
    );
    expect(auditPlan(built as Scenario, done.result as Plan)).toEqual([]);

    const geo = await call(`/v1/plans/${id}/geojson`, KEYS.dispatcher);
    expect(geo.status).toBe(200);
    expect(((await geo.json()) as { type: string }).type).toBe('FeatureCollection');
    const csv = await call(`/v1/plans/${id}/runsheets.csv`, KEYS.dispatcher);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n')[0]).toContain('vehicle');
    // the drivers' sheets as a workbook and as a PDF, one page per vehicle
    const vehicles = new Set((done.result as Plan).consolidated.routes.map((r) => r.vehicle)).size;
    const pdf = await call(`/v1/plans/${id}/runsheets.pdf`, KEYS.dispatcher);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const pdfText = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(pdfText.startsWith('%PDF-')).toBe(true);
    expect((pdfText.match(/\/Type \/Page\b/g) ?? []).length).toBe(vehicles);
    const xlsx = await call(`/v1/plans/${id}/runsheets.xlsx`, KEYS.dispatcher);
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('PK\x03\x04');
  });

  it('a scenario planned by the workers equals planScenario in-process with the same seed and effort', async () => {
    const scenario = {
      ...tinyScenario(),
      options: { ...tinyScenario().options, seed: 11, effort: 'quick', timeLimitSeconds: TIME_LIMIT_SECONDS },
    } as const;
    const res = await call('/v1/plans', KEYS.planner, { method: 'POST', body: JSON.stringify(scenario) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await waitCompleted(id);
    expect(done.status).toBe('completed');
    expect(auditPlan(scenario, done.result as Plan)).toEqual([]);
    const local = planScenario(scenario, LOCAL);
    expect(done.result?.meta.timeCapped).toBe(false);
    expect(withoutTimings(done.result)).toEqual(withoutTimings(local));

    // Idempotency: the same content or the same Idempotency-Key gives the same id, and no second job.
    const again = await call('/v1/plans', KEYS.planner, { method: 'POST', body: JSON.stringify(scenario) });
    expect(((await again.json()) as { id: string }).id).toBe(id);
    const STATES = ['completed', 'waiting', 'active', 'waiting-children'] as const;
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    const counts = await stack.api.planJobs.plans.getJobCounts(...STATES);
    const keyed1 = await call('/v1/plans', KEYS.planner, {
      method: 'POST',
      body: JSON.stringify(scenario),
      headers: { 'Idempotency-Key': 'day-1' },
    });
    const keyed2 = await call('/v1/plans', KEYS.planner, {
      method: 'POST',
      body: JSON.stringify(scenario),
      headers: { 'Idempotency-Key': 'day-1' },
    });
    expect(((await keyed1.json()) as { id: string }).id).toBe(((await keyed2.json()) as { id: string }).id);
    // the key with another body is refused, not answered with the first plan (issue 11, finding 5)
    const reused = await call('/v1/plans', KEYS.planner, {
      method: 'POST',
      body: JSON.stringify({ ...scenario, name: 'renamed' }),
      headers: { 'Idempotency-Key': 'day-1' },
    });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const after = await stack.api.planJobs.plans.getJobCounts(...STATES);
    expect(total(after)).toBe(total(counts) + 1);
  });

  it('splits a large day into task children solved by both workers; the assembled plan equals planScenario', async () => {
    const day = generateCityDay({ city: 'lille', receivers: 60, seed: 11, carriers: 8 });
    const scenario = {
      ...day,
      name: 'zoned day',
      options: {
        ...day.options,
        seed: 11,
        effort: 'quick',
        timeLimitSeconds: TIME_LIMIT_SECONDS,
        maxStopsPerZone: 25,
        allocation: 'pro-rata-by-kg', // this test is about the task split: 8 carriers' game = 255 coalitions
      },
    } as const;
    const { id, plan } = await planOverService(scenario);

    // The flow: one parent (the plan id) and its task children, spread over both worker processes.
    const parent = await stack.api.planJobs.plans.getJob(id);
    const deps = await parent!.getDependencies({ processed: {} });
    const childKeys = Object.keys(deps.processed ?? {});
    expect(childKeys.length).toBeGreaterThanOrEqual(6);
    expect(childKeys.every((k) => k.startsWith(`${stack.config.queue.prefix}:${QUEUES.tasks}:${id}-t`))).toBe(
      true,
    );
    const children = await Promise.all(
      childKeys.map((k) => stack.api.planJobs.tasks.getJob(k.slice(k.lastIndexOf(':') + 1))),
    );
    const takenBy = new Set(children.map((c) => c?.processedBy));
    expect(takenBy.size, `tasks taken by ${[...takenBy].join(', ')}`).toBe(2);
    // Job data stays small: the scenario is stored once, jobs carry its hash.
    const dataBytes = children.map((c) => JSON.stringify(c?.data).length);
    expect(Math.max(...dataBytes, JSON.stringify(parent!.data).length)).toBeLessThan(1000);
    const hash = (parent!.data as { scenarioHash: string }).scenarioHash;
    const redis = createRedis(stack.redis.url, 'blocking');
    try {
      expect(await redis.ttl(`${stack.config.queue.prefix}:scenario:${hash}`)).toBeGreaterThan(86_400);
      // So do return values, which BullMQ copies into each queue's event stream (kept for 10,000 events):
      // plans and tasks return their results by reference (result-store.ts).
      for (const queue of [QUEUES.plans, QUEUES.tasks]) {
        const events = await redis.xrange(`${stack.config.queue.prefix}:${queue}:events`, '-', '+');
        const completed = events
          .map(([, fields]) =>
            Object.fromEntries(fields.flatMap((f, i) => (i % 2 ? [] : [[f, fields[i + 1]]]))),
          )
          .filter((e) => e.event === 'completed');
        expect(completed.length, queue).toBeGreaterThan(0);
        for (const e of completed)
          expect(resultRefSchema.parse(JSON.parse(e.returnvalue!)), queue).toBeTruthy();
      }
      expect(JSON.stringify(parent!.returnvalue).length).toBeLessThan(100);
    } finally {
      redis.disconnect();
    }
    expect((await stack.api.planJobs.scenarios.get(hash))?.receivers).toHaveLength(60);

    const local = planScenario(scenario, LOCAL);
    expect(plan.meta.timeCapped).toBe(false);
    expect(withoutTimings(plan)).toEqual(withoutTimings(local));
  });

  it('prices the cost game in chunks of coalitions over both workers; the shares equal planScenario', async () => {
    const day = generateCityDay({ city: 'lille', receivers: 40, seed: 12, carriers: 6 });
    const scenario = {
      ...day,
      name: 'cost game over workers',
      options: { ...day.options, seed: 12, effort: 'quick', timeLimitSeconds: TIME_LIMIT_SECONDS },
    } as const;
    const { id, plan } = await planOverService(scenario);
    expect(plan.allocationGame?.exact).toBe(true);
    expect(plan.allocationGame?.coalitions).toHaveLength(2 ** 6 - 1);

    // 62 coalitions to price: 4 chunks of 15–16 (planner/game-parts.ts), children of the plan after its tasks
    const parent = await stack.api.planJobs.plans.getJob(id);
    const deps = await parent!.getDependencies({ processed: {} });
    const ids = Object.keys(deps.processed ?? {}).map((k) => k.slice(k.lastIndexOf(':') + 1));
    const chunks = ids.filter((k) => k.startsWith(`${id}-g`));
    expect(chunks.sort()).toEqual([0, 1, 2, 3].map((k) => `${id}-g${k}`));
    const priced = (
      await Promise.all(
        chunks.map(async (k) =>
          stack.api.planJobs.results.resolve((await stack.api.planJobs.tasks.getJob(k))?.returnvalue),
        ),
      )
    ).flatMap((v) => (v as { costs: { coalition: number }[] }).costs.map((c) => c.coalition));
    expect(priced.sort((a, b) => a - b)).toEqual(Array.from({ length: 62 }, (_, k) => k + 1));
    const tasks = ids.filter((k) => k.startsWith(`${id}-t`)).length;
    expect(ids.length).toBe(tasks + 4); // this day re-routes no carrier: no re-route child
    expect((parent!.data as { flow?: unknown }).flow).toEqual({ tasks, gameChunks: 4, mayReroute: true });

    const local = planScenario(scenario, LOCAL);
    expect(plan.meta.timeCapped).toBe(false);
    expect(withoutTimings(plan)).toEqual(withoutTimings(local));
  });

  it('solves the clean-fleet counterfactual’s re-routes as children too; the plan equals planScenario', async () => {
    // the small day: R3 takes cargo bikes only, so both carriers' diesel vans leave it undelivered and the
    // counterfactual re-routes each carrier with its clean type (the e-van) rather than driving the same routes
    const scenario = {
      ...smallScenario(),
      name: 're-routes over workers',
      options: {
        seed: 5,
        effort: 'quick',
        timeLimitSeconds: TIME_LIMIT_SECONDS,
        allocation: 'pro-rata-by-kg',
      },
    } as const;
    const { id, plan } = await planOverService(scenario);
    const parent = await stack.api.planJobs.plans.getJob(id);
    const deps = await parent!.getDependencies({ processed: {} });
    const ids = Object.keys(deps.processed ?? {}).map((k) => k.slice(k.lastIndexOf(':') + 1));
    expect(ids.filter((k) => k.startsWith(`${id}-r`)).sort()).toEqual([`${id}-r0`, `${id}-r1`]);
    const rerouted = await Promise.all(
      [0, 1].map(
        async (i) => (await stack.api.planJobs.tasks.getJob(`${id}-r${i}`))?.data as { task: unknown },
      ),
    );
    expect(rerouted.map((d) => d.task)).toEqual(
      ['A', 'B'].map((carrierId) => ({
        kind: 'baseline',
        carrierId,
        zone: 0,
        zones: 1,
        vehicleType: 'e-van',
      })),
    );
    expect(plan.ownRoundsCleanFleet.carriers.map((c) => c.method)).toEqual(['rerouted', 'rerouted']);
    expect(plan.meta.timeCapped).toBe(false);
    const local = planScenario(scenario, LOCAL);
    expect(withoutTimings(plan)).toEqual(withoutTimings(local));
  });

  it('reference data lives in Redis: an admin change on one API process is served by another', async () => {
    const other = await startServer({
      config: stack.config,
      keys: API_KEYS,
      reference: ReferenceRegistry.empty(), // already seeded by the first process: not used
      log: () => {},
    });
    try {
      const receivers = (
        (await (await call('/v1/receivers', KEYS.admin)).json()) as { receivers: { id: string }[] }
      ).receivers;
      const renamed = receivers.map((r, i) => (i === 0 ? { ...r, name: 'Renamed shop' } : r));
      const put = await call('/v1/receivers', KEYS.admin, {
        method: 'PUT',
        body: JSON.stringify({ receivers: renamed }),
      });
      expect(put.status).toBe(200);
      const seen = await fetch(`${other.url}/v1/receivers`, { headers: bearer(KEYS.dispatcher) });
      expect(((await seen.json()) as { receivers: { name?: string }[] }).receivers[0]?.name).toBe(
        'Renamed shop',
      );
    } finally {
      await other.close();
    }
  });

  it('answers client mistakes with 400/401/403/404/413/415/422 against the real stack', async () => {
    const post = (path: string, key: string, body: string, type = 'application/json') =>
      fetch(`${stack.api.url}${path}`, {
        method: 'POST',
        headers: { ...bearer(key), 'Content-Type': type },
        body,
      });
    expect((await post('/v1/plans', KEYS.planner, '{"name":1}')).status).toBe(400);
    expect((await fetch(`${stack.api.url}/v1/plans`, { method: 'POST', body: '{}' })).status).toBe(401);
    const forbidden = await post('/v1/plans', carrierKey(tinyScenario().carriers[0]!.id), '{}');
    expect(forbidden.status, await forbidden.clone().text()).toBe(403);
    expect((await call(`/v1/plans/p${'9'.repeat(32)}`, KEYS.planner)).status).toBe(404);
    expect(
      (await post('/v1/plans', KEYS.planner, JSON.stringify({ pad: 'x'.repeat(11 * 1024 * 1024) }))).status,
    ).toBe(413);
    expect(
      (await post('/v1/plans', KEYS.planner, 'name=x', 'application/x-www-form-urlencoded')).status,
    ).toBe(415);
    const unknown = await post(
      '/v1/orders',
      carrierKey(tinyScenario().carriers[0]!.id),
      JSON.stringify({
        hubId: tinyScenario().hubs[0]!.id,
        date: '2025-03-04',
        orders: [{ id: 'q', receiverId: 'ghost', size: { kg: 1 } }],
      }),
    );
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('ghost');
    expect((await fetch(`${stack.api.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${stack.api.url}/metrics`)).status).toBe(401);
    const metrics = await (await fetch(`${stack.api.url}/metrics`, { headers: bearer(KEYS.metrics) })).text();
    expect(metrics).toMatch(/picon_queue_jobs\{queue="plans",state="completed"\} [1-9]/);
    expect(metrics).toContain('picon_job_duration_seconds_count{queue="plans",status="completed"}');
    const board = await fetch(`${stack.api.url}/admin/queues`, { headers: bearer(KEYS.admin) });
    expect(board.status).toBe(200);
    expect((await fetch(`${stack.api.url}/admin/queues`, { headers: bearer(KEYS.planner) })).status).toBe(
      403,
    );
  });
});
