/**
 * Service benchmark, loopback only: `npm run bench:service -- [--requests 200] [--concurrency 8]
 * [--batch 50] [--time-limit 5] [--big-receivers 10000] [--big-time-limit 60] [--skip-big] [--workers 1,2]
 * [--big-allocation pro-rata-by-kg]
 * [--out plan.json]`.
 * Starts its own redis-server on a free 127.0.0.1 port (never 6379's data) and the API in this process;
 * prints markdown tables: order ingestion rate, p50/p95 of POST and GET, then submit -> completed of one plan
 * (a BullMQ flow: split, task children, assemble) with 1 and then 2 fresh worker processes, for the fixture day
 * (fixtures/lille/day.json, else the tiny sample) and a generated large day (`generateCityDay`, Lille, seed 7),
 * with the phases read back from the jobs' timestamps and the peak RSS of the worker process trees.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { referenceFromScenario } from '../src/api/reference-data.ts';
import { startServer } from '../src/cli/commands/serve-run.ts';
import type { ApiKey } from '../src/config/api-keys.ts';
import { loadConfig } from '../src/config/env.ts';
import { LIMITS, scenarioSchema, type Scenario } from '../src/contracts/index.ts';
import type { RunningServer } from '../src/cli/commands/serve-run.ts';
import { Queue } from 'bullmq';
import { createRedis } from '../src/queue/connection.ts';
import { parseChildJobId, QUEUES } from '../src/queue/queue-names.ts';
import { generateCityDay } from '../src/scenario-gen/index.ts';
import { sampleScenario } from '../test/api/sample-scenario.ts';
import { startRedis } from '../test/support/redis-server.ts';
import { spawnWorker, stopWorker, treeRssMb } from './support/processes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    batch: { type: 'string', default: '50' },
    'time-limit': { type: 'string', default: '5' },
    'big-receivers': { type: 'string', default: '10000' },
    'big-time-limit': { type: 'string', default: '60' },
    'skip-big': { type: 'boolean', default: false },
    /** Plans only the large day (its cost game at the fixture day's limit takes minutes). */
    'skip-fixture': { type: 'boolean', default: false },
    /** The large day's cost-sharing rule (default: the scenario's, Shapley): pro-rata-by-kg skips the cost game. */
    'big-allocation': { type: 'string' },
    /** Heap cap of each worker's sandboxes, MB (PICON_WORKER_MAX_OLD_SPACE_MB): a 50,000-receiver plan's assembly needs more than the default. */
    'worker-heap-mb': { type: 'string' },
    /** Longest a plan may take before the bench stops its workers and reports a timeout, minutes. */
    'deadline-minutes': { type: 'string', default: '20' },
    /** Worker counts to run each day with, in order (the speed-up is against the first). */
    workers: { type: 'string', default: '1,2' },
    /** Writes the fixture day's plan (the last run's) to this file, to compare with `picon plan --json`. */
    out: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const REQUESTS = Math.min(5000, Number(values.requests));
const CONCURRENCY = Math.min(64, Number(values.concurrency));
const BATCH = Math.min(1000, Number(values.batch));
const TIME_LIMIT = Number(values['time-limit']);
const BIG_RECEIVERS = Math.min(LIMITS.receivers, Number(values['big-receivers']));
// the service's own ceiling (PICON_MAX_TIME_LIMIT_SECONDS at most 3,600)
const BIG_TIME_LIMIT = Math.min(3_600, Number(values['big-time-limit']));
const WORKER_COUNTS = values.workers
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 1 && n <= 8);
/** No run may exceed this: the bench stops its workers and reports a timeout instead. */
const PLAN_DEADLINE_MS = Math.min(180, Number(values['deadline-minutes'])) * 60_000;

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

const { scenario, source } = loadDay();
const redis = await startRedis();
const env = {
  REDIS_URL: redis.url,
  PORT: '0',
  HOST: '127.0.0.1',
  PICON_QUEUE_PREFIX: `{picon-bench-${process.pid}}`,
  PICON_MAX_TIME_LIMIT_SECONDS: String(Math.max(TIME_LIMIT, BIG_TIME_LIMIT, 1)),
  // a 50,000-receiver day is a 95 MB body
  PICON_BODY_LIMIT: '256mb',
  ...(values['worker-heap-mb'] ? { PICON_WORKER_MAX_OLD_SPACE_MB: values['worker-heap-mb'] } : {}),
  // the bench measures throughput: its one carrier key posts ~28,000 orders for one day at full speed
  PICON_MAX_ORDERS_PER_CARRIER_DAY: '150000',
  PICON_RATE_LIMIT_PER_MINUTE: '1000000',
};
// a bad setting must not leave the bench's own redis-server running
const config = await Promise.resolve()
  .then(() => loadConfig(env))
  .catch(async (err: unknown) => {
    await redis.stop();
    throw err;
  });
const carrierId = scenario.carriers[0]!.id;
const keys: ApiKey[] = [
  { key: 'bench-carrier-key-0123456789', role: 'carrier', carrierId },
  { key: 'bench-planner-key-0123456789', role: 'planner' },
  // planners may not list carriers' orders (issue 11): the order listing is the dispatcher's
  { key: 'bench-dispatcher-key-0123456789', role: 'dispatcher' },
];
const auth = (k: ApiKey) => ({ Authorization: `Bearer ${k.key}`, 'Content-Type': 'application/json' });
// the fixture's day may be past: the service's clock replays it from its morning (delivery-day checks)
const api = await startServer({
  config,
  keys,
  reference: referenceFromScenario(scenario),
  log: () => {},
  now: () => Date.parse(`${scenario.date}T06:00:00Z`),
});
// The bench reads finished jobs whole (timestamps, children): over a bulk connection, since a 20,000-receiver
// plan is about 200 MB and cannot arrive within the producer connection's second on a loaded machine.
const bulk = createRedis(redis.url, 'bulk');
const plansQueue = new Queue(QUEUES.plans, { connection: bulk, prefix: config.queue.prefix });
const tasksQueue = new Queue(QUEUES.tasks, { connection: bulk, prefix: config.queue.prefix });
/** Another plausible day, for the one-order listing. */
const otherDay = new Date(Date.parse(`${scenario.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const rows: string[][] = [];
const planRows: string[][] = [];

interface PlanRun {
  total: number;
  split: number;
  tasks: number;
  /** First cost-game child queued -> last one done (0 without a game). */
  game: number;
  gameCount: number;
  assemble: number;
  taskCount: number;
  taskCpu: number;
  workersUsed: number;
  peakWorkerRssMb: number;
  status: string;
  /** The completed plan as served by GET /v1/plans/{id}: MB and seconds. */
  served?: { mb: number; seconds: number };
}

/** Submits a plan and waits until it is completed or failed (or the deadline passes). */
async function runOnce(server: RunningServer, day: Scenario, name: string, limit: number) {
  const res = await fetch(`${server.url}/v1/plans`, {
    method: 'POST',
    headers: auth(keys[1]!),
    body: JSON.stringify({ ...day, name, options: { ...day.options, timeLimitSeconds: limit } }),
  });
  if (res.status !== 202) throw new Error(`POST /v1/plans: ${res.status} ${await res.text()}`);
  const id = ((await res.json()) as { id: string }).id;
  const started = Date.now();
  let status = 'queued';
  // the job's state, not GET /v1/plans/{id}: once completed, that GET is the whole plan (hundreds of MB at 50k)
  while (status !== 'completed' && status !== 'failed') {
    if (Date.now() - started > PLAN_DEADLINE_MS) return { id, status: 'timed out' };
    await new Promise((r) => setTimeout(r, 250));
    status = await plansQueue.getJobState(id);
  }
  return { id, status };
}

/** GET /v1/plans/{id} read to the end without parsing: its size and how long the API took to serve it. */
async function readWhole(server: RunningServer, id: string): Promise<{ mb: number; seconds: number }> {
  const t0 = performance.now();
  const res = await fetch(`${server.url}/v1/plans/${id}`, { headers: auth(keys[1]!) });
  if (!res.ok || !res.body) throw new Error(`GET /v1/plans/${id}: ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  return { mb: bytes / 1e6, seconds: (performance.now() - t0) / 1000 };
}

/** One plan through `n` fresh workers: submit -> completed, and its phases from the flow's job timestamps. */
async function runPlan(server: RunningServer, day: Scenario, n: number, limit: number): Promise<PlanRun> {
  const workers = Array.from({ length: n }, () => spawnWorker(env));
  try {
    await Promise.all(workers.map((w) => w.ready));
    // Warm-up: one small plan per worker forks the sandboxes (a cold sandbox costs 1-2 s of tsx start-up,
    // once per worker lifetime), so the figures below are those of workers already running.
    await Promise.all(
      workers.map((_, i) => runOnce(server, sampleScenario(), `warm-up ${n}w${i} ${Date.now()}`, 1)),
    );
    let peak = 0;
    const sample = setInterval(() => {
      peak = Math.max(
        peak,
        workers.reduce((sum, w) => sum + treeRssMb(w.child.pid ?? -1), 0),
      );
    }, 500);
    const submitted = Date.now();
    const { id, status } = await runOnce(server, day, `${day.name} bench ${n}w ${Date.now()}`, limit).finally(
      () => clearInterval(sample),
    );
    const finished = Date.now();
    const served = status === 'completed' ? await readWhole(server, id) : undefined;
    const parent = await plansQueue.getJob(id);
    const deps = await parent?.getDependencies({ processed: { count: 100_000 } });
    const children = (
      await Promise.all(
        Object.keys(deps?.processed ?? {}).map((k) => tasksQueue.getJob(k.slice(k.lastIndexOf(':') + 1))),
      )
    ).filter((c) => c && parseChildJobId(c.id ?? ''));
    if (values.verbose) {
      for (const c of children)
        process.stderr.write(
          `  ${c!.id} ${c!.name} by ${c!.processedBy} queued +${((c!.timestamp - submitted) / 1000).toFixed(2)} start +${(((c!.processedOn ?? 0) - submitted) / 1000).toFixed(2)} end +${(((c!.finishedOn ?? 0) - submitted) / 1000).toFixed(2)}\n`,
        );
    }
    if (values.out && day === scenario) {
      const plan = await fetch(`${server.url}/v1/plans/${id}`, { headers: auth(keys[1]!) });
      writeFileSync(values.out, JSON.stringify(((await plan.json()) as { result?: unknown }).result ?? null));
    }
    const span = (jobs: typeof children) => {
      if (jobs.length === 0) return { from: 0, to: 0, seconds: 0 };
      const from = Math.min(...jobs.map((c) => c!.timestamp));
      const to = Math.max(...jobs.map((c) => c!.finishedOn ?? 0));
      return { from, to, seconds: (to - from) / 1000 };
    };
    const taskJobs = children.filter((c) => parseChildJobId(c!.id ?? '')?.kind === 'task');
    const gameJobs = children.filter((c) => parseChildJobId(c!.id ?? '')?.kind === 'game');
    const tasks = span(taskJobs);
    const game = span(gameJobs);
    const lastDone = Math.max(tasks.to, game.to);
    return {
      total: (finished - submitted) / 1000,
      split: (tasks.from - submitted) / 1000,
      tasks: tasks.seconds,
      game: game.seconds,
      gameCount: gameJobs.length,
      assemble: ((parent?.finishedOn ?? finished) - lastDone) / 1000,
      taskCount: taskJobs.length,
      taskCpu: children.reduce((s, c) => s + ((c!.finishedOn ?? 0) - (c!.processedOn ?? 0)), 0) / 1000,
      workersUsed: new Set(children.map((c) => c!.processedBy)).size,
      peakWorkerRssMb: peak,
      status: status === 'failed' ? `failed: ${parent?.failedReason ?? '?'}` : status,
      ...(served ? { served } : {}),
    };
  } finally {
    await Promise.all(workers.map((w) => stopWorker(w.child)));
  }
}

function planRow(label: string, n: number, r: PlanRun, one?: PlanRun): string[] {
  return [
    label,
    String(n),
    r.status,
    r.total.toFixed(1),
    r.split.toFixed(1),
    r.tasks.toFixed(1),
    r.game.toFixed(1),
    r.assemble.toFixed(1),
    `${r.taskCount} + ${r.gameCount} (${r.workersUsed} worker${r.workersUsed === 1 ? '' : 's'})`,
    r.taskCpu.toFixed(1),
    one
      ? `${((one.tasks + one.game) / (r.tasks + r.game)).toFixed(2)}x children, ${(one.total / r.total).toFixed(2)}x total`
      : '',
    r.peakWorkerRssMb.toFixed(0),
    r.served ? `${r.served.mb.toFixed(1)} MB in ${r.served.seconds.toFixed(1)} s` : '',
  ];
}

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
      date: otherDay,
      orders: [{ id: 'x', receiverId: receivers[0], size: { kg: 1 } }],
    }),
  });
  const get = await load(REQUESTS, CONCURRENCY, () =>
    fetch(`${api.url}/v1/orders?hub=${hubId}&date=${otherDay}`, { headers: auth(keys[2]!) }),
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

  // End to end: one plan per run, 1 then 2 fresh workers (each worker: 1 task at a time).
  const days: { label: string; day: Scenario; limit: number }[] = values['skip-fixture']
    ? []
    : [
        {
          label: `${source} (${scenario.receivers.length} receivers, ${scenario.orders.length} orders, limit ${TIME_LIMIT} s)`,
          day: scenario,
          limit: TIME_LIMIT,
        },
      ];
  if (!values['skip-big']) {
    const generated = generateCityDay({ city: 'lille', receivers: BIG_RECEIVERS, seed: 7 });
    const allocation = values['big-allocation'];
    const big = allocation
      ? scenarioSchema.parse({ ...generated, options: { ...generated.options, allocation } })
      : generated;
    days.push({
      label: `generated Lille day (${big.receivers.length} receivers, ${big.orders.length} orders, ${(JSON.stringify(big).length / 1e6).toFixed(1)} MB, limit ${BIG_TIME_LIMIT} s${allocation ? `, ${allocation}` : ''})`,
      day: big,
      limit: BIG_TIME_LIMIT,
    });
  }
  for (const { label, day, limit } of days) {
    let one: PlanRun | undefined;
    for (const n of WORKER_COUNTS) {
      process.stderr.write(`bench: ${label}, ${n} worker(s)...\n`);
      try {
        const r = await runPlan(api, day, n, limit);
        planRows.push(planRow(label, n, r, one));
        one ??= r;
      } catch (err) {
        // one failed run is a row of the table, not the end of the bench
        planRows.push([label, String(n), `error: ${(err as Error).message}`, ...Array<string>(10).fill('')]);
      }
      process.stderr.write(`bench:   ${planRows.at(-1)!.join(' | ')}\n`);
    }
  }
} finally {
  await Promise.allSettled([plansQueue.close(), tasksQueue.close()]);
  bulk.disconnect();
  await api.close();
  await redis.stop();
}

process.stdout.write(
  [
    `Service bench: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, loopback, ${(await import('node:os')).cpus().length} CPUs, concurrency ${CONCURRENCY}, day ${source} (${scenario.orders.length} orders)`,
    '',
    '| measure | requests | req/s | p50 ms | p95 ms | notes |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'One plan, submit -> completed (s); split = submit until its task children exist, tasks = first task child queued -> last one done, game = first cost-game child queued -> last one done (the parent builds the game between the two), assemble = last child done -> plan done; child run s = sum of children run times (wall, not CPU); RSS = peak of all worker processes (incl. sandboxes); served = the completed plan read whole through GET /v1/plans/{id}.',
    '',
    '| day | workers | status | total s | split s | tasks s | game s | assemble s | task + game jobs | child run s | speed-up vs 1 | peak worker RSS MB | served |',
    '|---|---:|---|---:|---:|---:|---:|---:|---|---:|---|---:|---|',
    ...planRows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n'),
);
