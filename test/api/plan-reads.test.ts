import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTE_TABLE } from '../../src/api/route-table.ts';
import type { PlanView } from '../../src/contracts/ports.ts';
import { bearer, KEYS, PLAN_ROUTES_UNDER_READ_GATE, testApp } from './harness.ts';
import { holdPlanReads } from './hold-plan-reads.ts';
import { sampleScenario } from './sample-scenario.ts';

// The bound on whole-plan reads (src/api/read-gate.ts): reads are held inside the job store here, so which
// requests overlap is decided by the test, not by timing.

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function listen(app: http.RequestListener): Promise<string> {
  const server = http.createServer(app).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function until(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The sample scenario submitted and completed with `result` as its plan. */
async function completedPlan(opts: { maxConcurrentPlanReads: number }, result: unknown = smallResult()) {
  const t = testApp(opts);
  const { body } = await request(t.app).post('/v1/plans').set(bearer(KEYS.planner)).send(sampleScenario());
  const view: PlanView = {
    id: body.id,
    status: 'completed',
    progress: { percent: 100, bestCost: 1 },
    result: result as never,
  };
  t.planJobs.plans.set(body.id, view);
  return { ...t, id: body.id as string, url: await listen(t.app) };
}

const smallResult = () => ({ scenario: { name: 'api sample' }, allocation: [] });

const get = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { ...bearer(KEYS.planner) } });

describe('concurrent plan reads are bounded (PICON_MAX_CONCURRENT_PLAN_READS)', () => {
  it('N+1 reads with a limit of N: exactly one 503 BUSY with Retry-After, then the gate is back to 0', async () => {
    const { url, id, planJobs, readGate } = await completedPlan({ maxConcurrentPlanReads: 2 });
    const held = holdPlanReads(planJobs);
    const answers = [0, 1, 2].map(() => get(`${url}/v1/plans/${id}`));
    // two reads are in the store, the third was answered at once
    const first = await Promise.race(answers);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    const body = (await first.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BUSY');
    expect(body.error.message).toMatch(/2 plan reads are in progress/);
    await until('two reads in the store', () => held.entered === 2);
    expect(readGate.inUse).toBe(2);
    held.release();
    const statuses = await Promise.all(answers.map(async (a) => (await a).status));
    expect(statuses.sort()).toEqual([200, 200, 503]);
    await until('every permit back', () => readGate.inUse === 0);
    const metrics = await fetch(`${url}/metrics`, { headers: bearer(KEYS.metrics) });
    expect(await metrics.text()).toMatch(
      /^picon_plan_reads_in_progress 0\n(.|\n)*^picon_plan_reads_refused_total 1$/m,
    );
    // and the whole limit is usable again
    const again = [0, 1].map(() => get(`${url}/v1/plans/${id}`));
    await until('two reads in the store again', () => held.entered === 4);
    held.release();
    expect((await Promise.all(again)).map((r) => r.status)).toEqual([200, 200]);
    await until('every permit back again', () => readGate.inUse === 0);
  });

  it('names every plan route but the event stream as a whole-plan read', () => {
    const planRoutes = Object.keys(ROUTE_TABLE)
      .filter((r) => r.startsWith('GET /v1/plans/:id'))
      .map((r) => r.slice('GET /v1/plans/:id'.length));
    expect(planRoutes.filter((r) => r !== '/events').sort()).toEqual(
      PLAN_ROUTES_UNDER_READ_GATE.map((r) => r.split('?')[0]).sort(),
    );
  });

  it('every whole-plan route takes a permit; the event stream (status only) takes none', async () => {
    const { url, id, planJobs, readGate } = await completedPlan({ maxConcurrentPlanReads: 1 });
    const held = holdPlanReads(planJobs);
    const holding = get(`${url}/v1/plans/${id}`);
    await until('one read in the store', () => held.entered === 1);
    for (const path of PLAN_ROUTES_UNDER_READ_GATE) {
      const res = await get(`${url}/v1/plans/${id}${path}`);
      expect(res.status, path).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code, path).toBe('BUSY');
    }
    const carrier = await fetch(`${url}/v1/plans/${id}/share`, { headers: bearer(KEYS.dhl) });
    expect(carrier.status).toBe(503);
    const reads = planJobs.resultReads;
    const events = await get(`${url}/v1/plans/${id}/events`);
    expect(events.status).toBe(200);
    expect(await events.text()).toContain('event: completed');
    expect(planJobs.resultReads, 'the event stream read no plan').toBe(reads);
    held.release();
    expect((await holding).status).toBe(200);
    await until('every permit back', () => readGate.inUse === 0);
  });

  it('gives the permit back after a handler error, a 404 and a 409', async () => {
    const { url, id, planJobs, readGate, logged } = await completedPlan({ maxConcurrentPlanReads: 1 });
    const held = holdPlanReads(planJobs);
    held.failNext = true;
    const failing = get(`${url}/v1/plans/${id}/geojson`);
    await until('one read in the store', () => held.entered === 1);
    expect(readGate.inUse).toBe(1);
    held.release();
    expect((await failing).status).toBe(500);
    expect(logged.join('\n')).toContain('store failed mid-read');
    await until('the permit back after a 500', () => readGate.inUse === 0);

    const unknown = get(`${url}/v1/plans/p${'9'.repeat(32)}`);
    await until('the unknown plan read', () => held.entered === 2);
    held.release();
    expect((await unknown).status).toBe(404);
    await until('the permit back after a 404', () => readGate.inUse === 0);

    planJobs.plans.set(id, { id, status: 'active', progress: { percent: 10, bestCost: 5 } });
    const early = get(`${url}/v1/plans/${id}/runsheets.csv`);
    await until('the unfinished plan read', () => held.entered === 3);
    held.release();
    expect((await early).status).toBe(409);
    await until('the permit back after a 409', () => readGate.inUse === 0);
  });

  it('holds the permit while a read outlives its client, and gives it back when the read ends', async () => {
    const { url, id, planJobs, readGate } = await completedPlan({ maxConcurrentPlanReads: 1 });
    const held = holdPlanReads(planJobs);
    const client = new AbortController();
    const aborted = get(`${url}/v1/plans/${id}`, { signal: client.signal }).catch((err: unknown) => err);
    await until('one read in the store', () => held.entered === 1);
    client.abort();
    expect(await aborted).toBeInstanceOf(Error);
    // the client is gone, but the plan is still being read: the permit stays taken
    await new Promise((r) => setTimeout(r, 50));
    expect(readGate.inUse).toBe(1);
    expect((await get(`${url}/v1/plans/${id}`)).status).toBe(503);
    held.release();
    await until('the permit back once the read ended', () => readGate.inUse === 0);
    const next = get(`${url}/v1/plans/${id}`);
    await until('the next read in the store', () => held.entered === 2);
    held.release();
    expect((await next).status).toBe(200);
  });

  it('gives the permit back when a client leaves in the middle of a streamed plan', async () => {
    // about 25 MB of JSON: more than the sockets' buffers hold (3 MB fit, and the answer ended before the
    // client left), so the server is still writing when the client goes
    const routes = Array.from({ length: 300_000 }, (_, i) => ({ vehicleId: `v${i}`, stops: [i, i + 1] }));
    const result = { scenario: { name: 'big' }, consolidated: { routes } };
    const { url, id, readGate } = await completedPlan({ maxConcurrentPlanReads: 1 }, result);
    const firstBytes = await new Promise<number>((resolve, reject) => {
      const req = http.get(`${url}/v1/plans/${id}`, { headers: bearer(KEYS.planner) }, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (err) => {
        if (!req.destroyed) reject(err);
      });
    });
    expect(firstBytes).toBeGreaterThan(0);
    await until('the permit back after the client left', () => readGate.inUse === 0);
    expect((await get(`${url}/v1/plans/${id}`)).status).toBe(200);
  });
});
