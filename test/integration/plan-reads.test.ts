import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/index.ts';
import { planToGeoJson } from '../../src/io/plan-geojson.ts';
import { planToRunsheetsCsv } from '../../src/io/runsheets-csv.ts';
import { holdPlanReads, type HeldPlanReads } from '../api/hold-plan-reads.ts';
import { bearer, KEYS, startStack, tinyScenario, until, type Stack } from './harness.ts';

// The bound on whole-plan reads and the streamed exports over the real service: `picon serve`'s composition
// root with PICON_MAX_CONCURRENT_PLAN_READS, Redis and a worker. Reads are held inside the real BullPlanJobs
// (before it reads Redis), so which requests overlap is decided by the test, not by timing.
const LIMIT = 2;
let stack: Stack;
let id: string;
let plan: Plan;

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.api.url}${path}`, { ...init, headers: bearer(KEYS.planner) });

/** A figure of the API's /metrics, e.g. `picon_plan_reads_in_progress`. */
async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${stack.api.url}/metrics`, { headers: bearer(KEYS.metrics) })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics`);
  return Number(line.slice(name.length + 1));
}

/**
 * The gate is back to 0 (a read whose client left ends a moment later), and LIMIT reads can be held at once
 * again, none refused.
 */
async function allPermitsFree(held: HeldPlanReads): Promise<void> {
  await until('no plan read in progress', async () =>
    (await metric('picon_plan_reads_in_progress')) === 0 ? true : undefined,
  );
  const refused = await metric('picon_plan_reads_refused_total');
  const before = held.entered;
  const reads = Array.from({ length: LIMIT }, () => get(`/v1/plans/${id}`));
  await until('every permit taken again', async () => (held.entered === before + LIMIT ? true : undefined));
  held.release();
  expect((await Promise.all(reads)).map((r) => r.status)).toEqual(Array(LIMIT).fill(200));
  expect(await metric('picon_plan_reads_refused_total')).toBe(refused);
}

beforeAll(async () => {
  stack = await startStack('reads', {
    PICON_MAX_CONCURRENT_PLAN_READS: String(LIMIT),
    PICON_MAX_TIME_LIMIT_SECONDS: '30',
    PICON_LOCK_DURATION_MS: '60000',
  });
  const submitted = await fetch(`${stack.api.url}/v1/plans`, {
    method: 'POST',
    headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
    body: JSON.stringify(tinyScenario()),
  });
  expect(submitted.status).toBe(202);
  id = ((await submitted.json()) as { id: string }).id;
  plan = await until(
    `plan ${id}`,
    async () => {
      const body = (await (await get(`/v1/plans/${id}`)).json()) as { status: string; result?: Plan };
      if (body.status === 'failed') throw new Error(`plan failed: ${JSON.stringify(body)}`);
      return body.status === 'completed' ? body.result : undefined;
    },
    120_000,
  );
});
afterAll(async () => {
  await stack?.stop();
});

describe('plan reads over the service (real Redis, worker process)', () => {
  it('streams the GeoJSON and the CSV run sheets byte for byte as the whole-string exports were', async () => {
    const geo = await get(`/v1/plans/${id}/geojson`);
    expect(geo.status).toBe(200);
    expect(geo.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(geo.headers.get('transfer-encoding')).toBe('chunked');
    expect(await geo.text()).toBe(JSON.stringify(planToGeoJson(plan)));
    const csv = await get(`/v1/plans/${id}/runsheets.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(`${id}-runsheets.csv`);
    expect(await csv.text()).toBe(planToRunsheetsCsv(plan));
  });

  it(`${LIMIT + 1} reads with a limit of ${LIMIT}: exactly one 503 BUSY, then every permit is back`, async () => {
    const held = holdPlanReads(stack.api.planJobs);
    try {
      const answers = Array.from({ length: LIMIT + 1 }, () => get(`/v1/plans/${id}/geojson`));
      const refused = await Promise.race(answers);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BUSY');
      await until('the reads in the store', async () => (held.entered === LIMIT ? true : undefined));
      held.release();
      const statuses = (await Promise.all(answers)).map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(LIMIT).fill(200), 503]);
      expect(await metric('picon_plan_reads_refused_total')).toBe(1);
      await allPermitsFree(held);
    } finally {
      held.restore();
    }
  });

  it('gives the permit back after a failed read and after a client that left', async () => {
    const held = holdPlanReads(stack.api.planJobs);
    try {
      held.failNext = true;
      const failing = get(`/v1/plans/${id}`);
      await until('the failing read', async () => (held.entered === 1 ? true : undefined));
      expect(await metric('picon_plan_reads_in_progress')).toBe(1);
      held.release();
      expect((await failing).status).toBe(500);
      await allPermitsFree(held);

      const client = new AbortController();
      const left = get(`/v1/plans/${id}`, { signal: client.signal }).catch((err: unknown) => err);
      const before = held.entered;
      await until('the read of the client that leaves', async () =>
        held.entered === before + 1 ? true : undefined,
      );
      client.abort();
      expect(await left).toBeInstanceOf(Error);
      held.release();
      await allPermitsFree(held);
    } finally {
      held.restore();
    }
  });
});
