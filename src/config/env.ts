import { z } from 'zod';

/** Thrown when environment variables are invalid; the message lists every invalid variable, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** OpenStreetMap's standard tiles (tile.openstreetmap.org usage policy: light use, attribution). */
export const DEFAULT_MAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

const int = (min: number, def: number) => z.coerce.number().int().min(min).default(def);
const optionalPath = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/**
 * Every environment variable picon reads, with its default. Nothing else in the code base reads `process.env`.
 * Units are in the names (`_MS`, `_SECONDS`).
 */
export const envSchema = z.object({
  /** @defaultValue `redis://127.0.0.1:6379` */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379'),
  /** HTTP port of `picon serve`. @defaultValue 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface `picon serve` binds. @defaultValue `0.0.0.0` */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** JSON list of `{ key, role, carrierId? }`; required by `picon serve` unless `--dev`. */
  PICON_API_KEYS_FILE: optionalPath,
  /** Scenario JSON whose hubs, fleet, carriers, receivers and vehicle types seed the reference data (its orders are ignored). */
  PICON_SEED_FILE: optionalPath,
  /** BullMQ key prefix; the `{...}` hash tag keeps every key of a queue in one Redis Cluster slot. @defaultValue `{picon}` */
  PICON_QUEUE_PREFIX: z
    .string()
    .regex(/^[^:\s]+$/, 'expected a prefix without ":" or spaces')
    .default('{picon}'),
  /** Solves run at the same time in one worker process (each in its own child process). @defaultValue 1 */
  PICON_WORKER_CONCURRENCY: int(1, 1),
  /** Attempts per job before it fails (transient errors only; invalid payloads fail at once). @defaultValue 3 */
  PICON_JOB_ATTEMPTS: int(1, 3),
  /** First retry delay, doubled at each attempt. @defaultValue 2000 */
  PICON_JOB_BACKOFF_MS: int(0, 2000),
  /** Completed jobs (and their plans) are kept this long... @defaultValue 86400 (1 day) */
  PICON_KEEP_COMPLETED_SECONDS: int(1, 86_400),
  /** ...and at most this many. @defaultValue 1000 */
  PICON_KEEP_COMPLETED_COUNT: int(1, 1000),
  /** @defaultValue 604800 (7 days) */
  PICON_KEEP_FAILED_SECONDS: int(1, 604_800),
  /** @defaultValue 5000 */
  PICON_KEEP_FAILED_COUNT: int(1, 5000),
  /**
   * Wall-clock safety cap of a plan when its scenario does not set one: the search stops on its iteration
   * budget (`options.effort`), so the cap binds only on a machine far slower than expected or on very large
   * days, and the plan then says so (`meta.timeCapped`). @defaultValue 120
   */
  PICON_DEFAULT_TIME_LIMIT_SECONDS: z.coerce.number().positive().default(120),
  /**
   * Upper bound on any plan's wall-clock cap. The job lock outlives it, so it also bounds how long a crashed
   * worker's job waits before another takes it over (lock = cap + 30 s). @defaultValue 120
   */
  PICON_MAX_TIME_LIMIT_SECONDS: z.coerce.number().positive().max(3600).default(120),
  /**
   * Replaces every solve's iteration budget (each task of a plan, and the residual routing), as
   * `picon plan --max-iterations` does; plans stay reproducible. Unset: the scenario's effort decides.
   */
  PICON_MAX_ITERATIONS: z.coerce.number().int().positive().optional(),
  /** Job lock; must exceed the max time limit. @defaultValue max time limit + 30 s */
  PICON_LOCK_DURATION_MS: z.coerce.number().int().positive().optional(),
  /** How often workers look for jobs whose lock expired (a crashed worker's jobs). @defaultValue 30000 */
  PICON_STALLED_INTERVAL_MS: int(500, 30_000),
  /**
   * Heap cap of each sandboxed solver process (`--max-old-space-size`, MB). A job whose process exceeds it
   * fails once with a clear error instead of being retried: the same input would exhaust it again.
   * The largest day benchmarked (10,000 receivers) peaks well below the default. @defaultValue 2048
   */
  PICON_WORKER_MAX_OLD_SPACE_MB: z.coerce.number().int().min(16).max(65_536).default(2048),
  /**
   * Orders one carrier may hold at one hub for one delivery day; beyond, POST /v1/orders answers 429.
   * @defaultValue 10000 (= contracts LIMITS.ordersPerCarrierDay, at most LIMITS.orders; config imports no contracts)
   */
  PICON_MAX_ORDERS_PER_CARRIER_DAY: z.coerce.number().int().min(1).max(150_000).default(10_000),
  /** Days a delivery day's orders are kept after it; also how far back orders may be dated. @defaultValue 30 */
  PICON_ORDER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3660).default(30),
  /** How far ahead a delivery day may be, in days. @defaultValue 366 */
  PICON_ORDER_MAX_DAYS_AHEAD: z.coerce.number().int().min(1).max(3660).default(366),
  /** Requests per API key per minute, shared by every API process (Redis); beyond, 429 with Retry-After. @defaultValue 1200 */
  PICON_RATE_LIMIT_PER_MINUTE: int(1, 1200),
  /**
   * A request (headers and body) must arrive within this long; a slow body no longer holds a socket for
   * Node's default 300 s. @defaultValue 60000
   */
  PICON_REQUEST_TIMEOUT_MS: int(1000, 60_000),
  /** Headers must arrive within this long. @defaultValue 10000 */
  PICON_HEADERS_TIMEOUT_MS: int(1000, 10_000),
  /**
   * Plan reads one API process serves at once (GET of a plan, its share and its exports): each holds the whole
   * plan in memory until its answer is sent, 1.3 GB for a 50,000-receiver day's 280 MB plan (docs/BENCHMARKS.md),
   * so ten at once would exhaust the process. Beyond, 503 BUSY with Retry-After. 1 to 64 (api/read-gate.ts
   * PLAN_READS_MAX). @defaultValue 4
   */
  PICON_MAX_CONCURRENT_PLAN_READS: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Map tiles of the web dashboard: a `{z}/{x}/{y}` URL template, or empty for none (a closed network: routes,
   * stops and zones draw on a plain background). A user may set another in the page. Respect the tile
   * server's usage policy; a busy site runs its own. @defaultValue OpenStreetMap's tile server
   */
  PICON_MAP_TILE_URL: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || /^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}/.test(s),
      'expected an http(s) URL template with {z}, {x} and {y}, or empty for no tiles',
    )
    .default(DEFAULT_MAP_TILE_URL),
  /** Largest accepted JSON body (express `limit` syntax). @defaultValue `10mb` */
  PICON_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 512kb or 10mb')
    .default('10mb'),
});

/** Parsed, frozen configuration handed to everything that needs it. */
export interface Config {
  readonly redis: { readonly url: string };
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly bodyLimit: string;
    readonly rateLimitPerMinute: number;
    readonly requestTimeoutMs: number;
    readonly headersTimeoutMs: number;
    /** See PICON_MAX_CONCURRENT_PLAN_READS. */
    readonly maxConcurrentPlanReads: number;
  };
  readonly auth: { readonly keysFile: string | undefined };
  readonly orders: {
    readonly maxPerCarrierDay: number;
    readonly retentionDays: number;
    readonly maxDaysAhead: number;
  };
  readonly seedFile: string | undefined;
  readonly queue: {
    readonly prefix: string;
    readonly attempts: number;
    readonly backoffMs: number;
    readonly keepCompleted: { readonly age: number; readonly count: number };
    readonly keepFailed: { readonly age: number; readonly count: number };
  };
  readonly worker: {
    readonly concurrency: number;
    readonly lockDurationMs: number;
    readonly stalledIntervalMs: number;
    readonly maxOldSpaceMb: number;
  };
  readonly planner: {
    readonly defaultTimeLimitSeconds: number;
    readonly maxTimeLimitSeconds: number;
    /** See PICON_MAX_ITERATIONS; undefined means the time limit alone stops a solve. */
    readonly maxIterations?: number | undefined;
  };
  readonly dashboard: { readonly mapTileUrl: string };
}

/**
 * Validates the environment once at start-up.
 * @throws ConfigError listing every invalid variable (`PORT: expected number ≤ 65535`).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
      ),
    );
  }
  const e = parsed.data;
  const lockDurationMs = e.PICON_LOCK_DURATION_MS ?? e.PICON_MAX_TIME_LIMIT_SECONDS * 1000 + 30_000;
  if (lockDurationMs <= e.PICON_MAX_TIME_LIMIT_SECONDS * 1000) {
    throw new ConfigError([
      `PICON_LOCK_DURATION_MS: must exceed PICON_MAX_TIME_LIMIT_SECONDS (${e.PICON_MAX_TIME_LIMIT_SECONDS} s) in ms (got ${lockDurationMs})`,
    ]);
  }
  const config: Config = {
    redis: { url: e.REDIS_URL },
    http: {
      port: e.PORT,
      host: e.HOST,
      bodyLimit: e.PICON_BODY_LIMIT,
      rateLimitPerMinute: e.PICON_RATE_LIMIT_PER_MINUTE,
      requestTimeoutMs: e.PICON_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.PICON_HEADERS_TIMEOUT_MS,
      maxConcurrentPlanReads: e.PICON_MAX_CONCURRENT_PLAN_READS,
    },
    auth: { keysFile: e.PICON_API_KEYS_FILE },
    orders: {
      maxPerCarrierDay: e.PICON_MAX_ORDERS_PER_CARRIER_DAY,
      retentionDays: e.PICON_ORDER_RETENTION_DAYS,
      maxDaysAhead: e.PICON_ORDER_MAX_DAYS_AHEAD,
    },
    seedFile: e.PICON_SEED_FILE,
    queue: {
      prefix: e.PICON_QUEUE_PREFIX,
      attempts: e.PICON_JOB_ATTEMPTS,
      backoffMs: e.PICON_JOB_BACKOFF_MS,
      keepCompleted: { age: e.PICON_KEEP_COMPLETED_SECONDS, count: e.PICON_KEEP_COMPLETED_COUNT },
      keepFailed: { age: e.PICON_KEEP_FAILED_SECONDS, count: e.PICON_KEEP_FAILED_COUNT },
    },
    worker: {
      concurrency: e.PICON_WORKER_CONCURRENCY,
      lockDurationMs,
      stalledIntervalMs: e.PICON_STALLED_INTERVAL_MS,
      maxOldSpaceMb: e.PICON_WORKER_MAX_OLD_SPACE_MB,
    },
    planner: {
      defaultTimeLimitSeconds: Math.min(e.PICON_DEFAULT_TIME_LIMIT_SECONDS, e.PICON_MAX_TIME_LIMIT_SECONDS),
      maxTimeLimitSeconds: e.PICON_MAX_TIME_LIMIT_SECONDS,
      maxIterations: e.PICON_MAX_ITERATIONS,
    },
    dashboard: { mapTileUrl: e.PICON_MAP_TILE_URL },
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The process environment; the one sanctioned `process.env` read. */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
