import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import { loadConfig, type Config } from '../../src/config/env.ts';
import { scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { startRedis, type TestRedis } from '../support/redis-server.ts';
import { API_KEYS } from '../api/harness.ts';
import { sampleScenario } from '../api/sample-scenario.ts';

export { KEYS, bearer } from '../api/harness.ts';

/** The key of a carrier of the tiny scenario (one per carrier, whatever the fixture's carrier ids). */
export const carrierKey = (carrierId: string) => `carrier-${carrierId}-integration-key`;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** fixtures/tiny/two-shops.json when present, else the API tests' sample day. */
export function tinyScenario(): Scenario {
  const file = `${ROOT}fixtures/tiny/two-shops.json`;
  if (existsSync(file)) return scenarioSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return sampleScenario();
}

/** Environment for a test stack: own Redis, own queue prefix, short locks and stalled checks. */
export function testEnv(
  redis: TestRedis,
  name: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    PORT: '0',
    HOST: '127.0.0.1',
    PICON_QUEUE_PREFIX: `{picon-${name}-${process.pid}}`,
    PICON_MAX_TIME_LIMIT_SECONDS: '2',
    PICON_DEFAULT_TIME_LIMIT_SECONDS: '1',
    PICON_LOCK_DURATION_MS: '4000',
    PICON_STALLED_INTERVAL_MS: '1000',
    PICON_JOB_BACKOFF_MS: '200',
    ...extra,
  };
}

export interface Stack {
  readonly redis: TestRedis;
  readonly config: Config;
  readonly env: Record<string, string>;
  readonly api: RunningServer;
  readonly workers: WorkerProcess[];
  startWorker(extra?: Record<string, string>): Promise<WorkerProcess>;
  stop(): Promise<void>;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Signals the whole process group (worker and its sandboxed solver children). */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

/** Spawns `workers/plan.worker.ts` as its own process group and waits for its ready line. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/plan.worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!out.includes(' ready ')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    output: () => out,
    kill(signal) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      }
    },
    exited,
  };
}

export async function startStack(
  name: string,
  extra: Record<string, string> = {},
  workers = 1,
): Promise<Stack> {
  const redis = await startRedis();
  const env = testEnv(redis, name, extra);
  const config = loadConfig(env);
  const carrierKeys = tinyScenario().carriers.map((c) => ({
    key: carrierKey(c.id),
    role: 'carrier' as const,
    carrierId: c.id,
  }));
  const api = await startServer({
    config,
    keys: [...API_KEYS, ...carrierKeys],
    reference: referenceFromScenario(tinyScenario()),
    log: () => {},
    // the fixture's day is in the past: replay it from its own morning
    now: () => Date.parse(`${tinyScenario().date}T06:00:00Z`),
  });
  const list: WorkerProcess[] = [];
  const stack: Stack = {
    redis,
    config,
    env,
    api,
    workers: list,
    async startWorker(more = {}) {
      const w = await spawnWorker({ ...env, ...more });
      list.push(w);
      return w;
    },
    async stop() {
      for (const w of list) w.kill('SIGKILL');
      await Promise.all(list.map((w) => Promise.race([w.exited, new Promise((r) => setTimeout(r, 3000))])));
      await api.close();
      await redis.stop();
    },
  };
  for (let i = 0; i < workers; i++) await stack.startWorker();
  return stack;
}

/** Reads an SSE stream until it ends; returns the events. */
export async function readEvents(url: string, key: string): Promise<{ event: string; data: unknown }[]> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
  if (!res.body) throw new Error('no body');
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return {
        event: (eventLine ?? '').slice(7),
        data: JSON.parse((dataLine ?? 'data: null').slice(6)) as unknown,
      };
    });
}

export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
