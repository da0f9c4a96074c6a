/**
 * Service benchmark, loopback only: `npm run bench:service -- [--requests 200] [--concurrency 8]
 * [--batch 50] [--time-limit 5] [--plans 2]`.
 * Starts its own redis-server on a free 127.0.0.1 port (never 6379's data), the API in this process and
 * 1 then 2 worker processes; prints a markdown table: order ingestion rate, p50/p95 of POST and GET,
 * and submit -> completed for the fixture day (fixtures/lille/day.json, else the tiny sample).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { referenceFromScenario } from '../src/api/reference-data.ts';
import { startServer } from '../src/cli/commands/serve.ts';
import type { ApiKey } from '../src/config/api-keys.ts';
import { loadConfig } from '../src/config/env.ts';
import { scenarioSchema, type Scenario } from '../src/contracts/index.ts';
import { sampleScenario } from '../test/api/sample-scenario.ts';
import { startRedis } from '../test/support/redis-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '50' },
    'time-limit': { type: 'string', default: '5' },
    plans: { type: 'string', default: '2' },
  },
});
const REQUESTS = Math.min(5000, Number(values.requests));
const CONCURRENCY = Math.min(64, Number(values.concurrency));
const BATCH = Math.min(1000, Number(values.batch));
const TIME_LIMIT = Number(values['time-limit']);
const PLANS = Math.min(8, Number(values.plans));

function loadDay(): { scenario: Scenario; source: string } {
  for (const f of ['fixtures/lille/day.json', 'fixtures/tiny/two-shops.json']) {
    if (existsSync(ROOT + f))
      return { scenario: scenarioSchema.parse(JSON.parse(readFileSync(ROOT + f, 'utf8'))), source: f };
  }
  return { scenario: sampleScenario(), source: 'test/api/sample-scenario.ts' };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `total` requests, at most `concurrency` in flight; returns latencies in ms and the wall time. */
async function load(total: number, concurrency: number, send: (i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, p50: pct(latencies, 50), p95: pct(latencies, 95), errors, rps: total / seconds };
}

function spawnWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/plan.worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(' ready ')) resolve();
    });
    child.once('exit', () => reject(new Error(`worker exited:\n${out}`)));
  });
  return { child, ready };
}

const { scenario, source } = loadDay();
const redis = await startRedis();
const env = {
  REDIS_URL: redis.url,
  PORT: '0',
  HOST: '127.0.0.1',
  PICON_QUEUE_PREFIX: `{picon-bench-${process.pid}}`,
  PICON_MAX_TIME_LIMIT_SECONDS: String(Math.max(TIME_LIMIT, 1)),
};
const config = loadConfig(env);
const carrierId = scenario.carriers[0]!.id;
const keys: ApiKey[] = [
  { key: 'bench-carrier-key-0123456789', role: 'carrier', carrierId },
  { key: 'bench-planner-key-0123456789', role: 'planner' },
];
const auth = (k: ApiKey) => ({ Authorization: `Bearer ${k.key}`, 'Content-Type': 'application/json' });
const api = await startServer({ config, keys, reference: referenceFromScenario(scenario), log: () => {} });
const rows: string[][] = [];
const workers: ReturnType<typeof spawnWorker>[] = [];
try {
  const hubId = scenario.hubs[0]!.id;
  const receivers = scenario.receivers.map((r) => r.id);
  const post = await load(REQUESTS, CONCURRENCY, (i) =>
    fetch(`${api.url}/v1/orders`, {
      method: 'POST',
      headers: auth(keys[0]!),
      body: JSON.stringify({
        hubId,
        date: scenario.date,
        orders: Array.from({ length: BATCH }, (_, j) => ({
          id: `b${i}-${j}`,
          receiverId: receivers[(i * BATCH + j) % receivers.length],
          size: { kg: 5 + (j % 20) },
        })),
      }),
    }),
  );
  rows.push([
    `POST /v1/orders (${BATCH} orders each)`,
    String(REQUESTS),
    post.rps.toFixed(0),
    post.p50.toFixed(1),
    post.p95.toFixed(1),
    `${(post.rps * BATCH).toFixed(0)} orders/s`,
  ]);

  // GET over a small day, so the figure is the service's overhead rather than JSON size.
  await fetch(`${api.url}/v1/orders`, {
    method: 'POST',
    headers: auth(keys[0]!),
    body: JSON.stringify({
      hubId,
      date: '2030-01-01',
      orders: [{ id: 'x', receiverId: receivers[0], size: { kg: 1 } }],
    }),
  });
  const get = await load(REQUESTS, CONCURRENCY, () =>
    fetch(`${api.url}/v1/orders?hub=${hubId}&date=2030-01-01`, { headers: auth(keys[1]!) }),
  );
  rows.push([
    'GET /v1/orders (1-order day)',
    String(REQUESTS),
    get.rps.toFixed(0),
    get.p50.toFixed(1),
    get.p95.toFixed(1),
    `${get.errors} errors`,
  ]);
  const health = await load(REQUESTS, CONCURRENCY, () => fetch(`${api.url}/readyz`));
  rows.push([
    'GET /readyz (Redis ping)',
    String(REQUESTS),
    health.rps.toFixed(0),
    health.p50.toFixed(1),
    health.p95.toFixed(1),
    '',
  ]);

  // End to end: PLANS plans of the fixture day (seeds 1..PLANS), with 1 then 2 workers.
  for (const n of [1, 2]) {
    while (workers.length < n) {
      const w = spawnWorker(env);
      workers.push(w);
      await w.ready;
    }
    const started = performance.now();
    const ids: string[] = [];
    for (let s = 1; s <= PLANS; s++) {
      const body = {
        ...scenario,
        name: `${scenario.name} bench w${n}`,
        options: { ...scenario.options, seed: s, timeLimitSeconds: TIME_LIMIT },
      };
      const res = await fetch(`${api.url}/v1/plans`, {
        method: 'POST',
        headers: auth(keys[1]!),
        body: JSON.stringify(body),
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const done = new Map<string, number>();
    while (done.size < ids.length) {
      for (const id of ids) {
        if (done.has(id)) continue;
        const view = (await (
          await fetch(`${api.url}/v1/plans/${id}`, { headers: auth(keys[1]!) })
        ).json()) as { status: string };
        if (view.status === 'completed' || view.status === 'failed')
          done.set(id, (performance.now() - started) / 1000);
        if (view.status === 'failed') process.stderr.write(`plan ${id} failed\n`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const times = [...done.values()].sort((a, b) => a - b);
    rows.push([
      `submit -> completed, ${PLANS} plans of ${source} (limit ${TIME_LIMIT} s), ${n} worker${n > 1 ? 's' : ''}`,
      String(PLANS),
      '',
      '',
      '',
      `first ${times[0]!.toFixed(1)} s, all ${times.at(-1)!.toFixed(1)} s`,
    ]);
  }
} finally {
  for (const w of workers) w.child.kill('SIGTERM');
  await api.close();
  await redis.stop();
}

process.stdout.write(
  [
    `Service bench: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, loopback, concurrency ${CONCURRENCY}, day ${source} (${scenario.orders.length} orders)`,
    '',
    '| measure | requests | req/s | p50 ms | p95 ms | notes |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n'),
);
