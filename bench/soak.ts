/**
 * Soak test, loopback only: `npm run bench:soak -- [--minutes 10] [--carriers 20] [--workers 2] [--batch 10]
 * [--interval-ms 500] [--plan-every-s 30]`. Starts its own redis-server on a free 127.0.0.1 port, the API in this
 * process and `--workers` worker processes; for `--minutes`, every carrier posts a batch of new orders every
 * `--interval-ms` while a planner submits a small plan every `--plan-every-s` and waits for it. At the end it reads
 * every carrier's orders back page by page and counts the acknowledged orders it cannot find (lost), and prints
 * the memory of the API process and of each worker's process tree at the start (after one minute) and the end.
 */
import { parseArgs } from 'node:util';
import { referenceFromScenario } from '../src/api/reference-data.ts';
import { startServer } from '../src/cli/commands/serve-run.ts';
import type { ApiKey } from '../src/config/api-keys.ts';
import { loadConfig } from '../src/config/env.ts';
import { scenarioSchema } from '../src/contracts/index.ts';
import { generateCityDay } from '../src/scenario-gen/index.ts';
import { sampleScenario } from '../test/api/sample-scenario.ts';
import { startRedis } from '../test/support/redis-server.ts';
import { spawnWorker, stopWorker, treeRssMb } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    carriers: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    batch: { type: 'string', default: '10' },
    'interval-ms': { type: 'string', default: '500' },
    'plan-every-s': { type: 'string', default: '30' },
  },
});
const MINUTES = Math.min(120, Number(values.minutes));
const CARRIERS = Math.min(60, Math.max(5, Number(values.carriers)));
const WORKERS = Math.min(8, Number(values.workers));
const BATCH = Math.min(1000, Number(values.batch));
const INTERVAL_MS = Math.max(50, Number(values['interval-ms']));
const PLAN_EVERY_S = Math.max(5, Number(values['plan-every-s']));

const day = scenarioSchema.parse(
  generateCityDay({ city: 'lille', receivers: 300, seed: 11, carriers: CARRIERS }),
);
const hubId = day.hubs[0]!.id;
const redis = await startRedis();
const env = {
  REDIS_URL: redis.url,
  PORT: '0',
  HOST: '127.0.0.1',
  PICON_QUEUE_PREFIX: `{picon-soak-${process.pid}}`,
  PICON_MAX_ORDERS_PER_CARRIER_DAY: '150000',
  PICON_RATE_LIMIT_PER_MINUTE: '1000000',
};
const config = loadConfig(env);
const keys: ApiKey[] = [
  ...day.carriers.map((c, i) => ({
    key: `soak-carrier-key-${String(i).padStart(16, '0')}`,
    role: 'carrier' as const,
    carrierId: c.id,
  })),
  { key: 'soak-planner-key-0123456789', role: 'planner' },
];
const headers = (k: ApiKey) => ({ Authorization: `Bearer ${k.key}`, 'Content-Type': 'application/json' });
const api = await startServer({
  config,
  keys,
  reference: referenceFromScenario(day),
  log: () => {},
  now: () => Date.parse(`${day.date}T06:00:00Z`),
});
const workers = Array.from({ length: WORKERS }, () => spawnWorker(env));
await Promise.all(workers.map((w) => w.ready));

interface Memory {
  apiRssMb: number;
  apiHeapMb: number;
  workersRssMb: number[];
}
const memory = (): Memory => ({
  apiRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  apiHeapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  workersRssMb: workers.map((w) => Math.round(treeRssMb(w.child.pid ?? -1))),
});

const acknowledged = new Map<string, Set<string>>(day.carriers.map((c) => [c.id, new Set<string>()]));
const counts = { requests: 0, ok: 0, refused: 0, failed: 0, plans: 0, plansCompleted: 0, plansFailed: 0 };
const latencies: number[] = [];
const deadline = Date.now() + MINUTES * 60_000;
let startMemory: Memory | undefined;
setTimeout(() => (startMemory = memory()), Math.min(60_000, (MINUTES * 60_000) / 4));

/** One carrier: a batch of new orders every interval, to receivers of the day, until the deadline. */
async function carrier(index: number): Promise<void> {
  const key = keys[index]!;
  const carrierId = key.carrierId!;
  const mine = day.orders.filter((o) => o.carrierId === carrierId);
  let seq = 0;
  while (Date.now() < deadline) {
    const orders = Array.from({ length: BATCH }, () => {
      const o = mine[seq % Math.max(1, mine.length)] ?? day.orders[seq % day.orders.length]!;
      return { id: `${carrierId}-soak-${seq++}`, receiverId: o.receiverId, kind: o.kind, size: o.size };
    });
    const t0 = performance.now();
    counts.requests++;
    try {
      const res = await fetch(`${api.url}/v1/orders`, {
        method: 'POST',
        headers: headers(key),
        body: JSON.stringify({ hubId, date: day.date, orders }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.ok) {
        counts.ok++;
        for (const o of orders) acknowledged.get(carrierId)!.add(o.id);
      } else counts.refused++;
    } catch {
      counts.failed++;
    }
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
}

/** The planner: a small plan every PLAN_EVERY_S seconds, each awaited. */
async function planner(): Promise<void> {
  const key = keys.at(-1)!;
  while (Date.now() < deadline) {
    counts.plans++;
    const res = await fetch(`${api.url}/v1/plans`, {
      method: 'POST',
      headers: { ...headers(key), 'Idempotency-Key': `soak-${counts.plans}` },
      body: JSON.stringify({ ...sampleScenario(), options: { effort: 'quick', seed: counts.plans } }),
    });
    const { id } = (await res.json()) as { id: string };
    let status = 'queued';
    while (status !== 'completed' && status !== 'failed') {
      await new Promise((r) => setTimeout(r, 500));
      const view = await fetch(`${api.url}/v1/plans/${id}`, { headers: headers(key) });
      status = ((await view.json()) as { status: string }).status;
    }
    if (status === 'completed') counts.plansCompleted++;
    else counts.plansFailed++;
    await new Promise((r) => setTimeout(r, PLAN_EVERY_S * 1000));
  }
}

await Promise.all([...day.carriers.map((_, i) => carrier(i)), planner()]);
const endMemory = memory();

/** Every order of a carrier's day, page by page. */
async function storedIds(index: number): Promise<Set<string>> {
  const key = keys[index]!;
  const ids = new Set<string>();
  let after: string | undefined;
  do {
    const q = new URLSearchParams({ hub: hubId, date: day.date, ...(after ? { after } : {}) });
    const res = await fetch(`${api.url}/v1/orders?${q.toString()}`, { headers: headers(key) });
    const page = (await res.json()) as { orders: { id: string }[]; next?: string };
    for (const o of page.orders) ids.add(o.id);
    after = page.next;
  } while (after);
  return ids;
}
let ackTotal = 0;
let lost = 0;
for (let i = 0; i < day.carriers.length; i++) {
  const ack = acknowledged.get(keys[i]!.carrierId!)!;
  const found = await storedIds(i);
  ackTotal += ack.size;
  for (const id of ack) if (!found.has(id)) lost++;
}
latencies.sort((a, b) => a - b);
const p = (q: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
const row = (label: string, v: unknown) => `| ${label} | ${typeof v === 'string' ? v : JSON.stringify(v)} |`;
process.stdout.write(
  [
    `| soak: ${MINUTES} min, ${CARRIERS} carriers, ${WORKERS} workers, batches of ${BATCH} every ${INTERVAL_MS} ms | |`,
    '|---|---|',
    row(
      'POST /v1/orders requests (ok / refused / transport errors)',
      `${counts.requests} (${counts.ok} / ${counts.refused} / ${counts.failed})`,
    ),
    row('orders acknowledged / found afterwards / lost', `${ackTotal} / ${ackTotal - lost} / ${lost}`),
    row(
      'POST latency p50 / p95 / max (ms)',
      `${p(0.5)} / ${p(0.95)} / ${Math.round(latencies.at(-1) ?? NaN)}`,
    ),
    row(
      'plans submitted / completed / failed',
      `${counts.plans} / ${counts.plansCompleted} / ${counts.plansFailed}`,
    ),
    row(
      'API RSS / heap at start → end (MB)',
      `${startMemory?.apiRssMb} / ${startMemory?.apiHeapMb} → ${endMemory.apiRssMb} / ${endMemory.apiHeapMb}`,
    ),
    row(
      'workers RSS at start → end (MB)',
      `${startMemory?.workersRssMb.join(', ')} → ${endMemory.workersRssMb.join(', ')}`,
    ),
  ].join('\n') + '\n',
);
await Promise.all(workers.map((w) => stopWorker(w.child)));
await api.close();
await redis.stop();
if (lost > 0 || counts.plansFailed > 0) process.exitCode = 1;
