import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createLogger, type LevelWithSilent, type Logger } from '../../api/access-log.ts';
import { createApp } from '../../api/app.ts';
import type { PlanJobs } from '../../contracts/ports.ts';
import { referenceFromScenario, ReferenceRegistry, ReferenceSource } from '../../api/reference-data.ts';
import type { ApiKey } from '../../config/api-keys.ts';
import { loadApiKeys } from '../../config/api-keys.ts';
import type { Config } from '../../config/env.ts';
import { ConfigError, loadConfig, processEnv } from '../../config/env.ts';
import { BUILT_IN_VEHICLE_TYPES } from '../../energy/index.ts';
import { importOrdersCsv } from '../../io/orders-csv.ts';
import { planToGeoJson } from '../../io/plan-geojson.ts';
import { runsheetsCsvLines } from '../../io/runsheets-csv.ts';
import { planToRunsheetsPdf } from '../../io/runsheets-pdf.ts';
import { planToRunsheetsXlsx } from '../../io/runsheets-xlsx.ts';
import { bullBoardRouter } from '../../queue/bull-board.ts';
import { BullPlanJobs } from '../../queue/bull-plan-jobs.ts';
import { ConnectionStateLog, createRedis, isRedisUnavailable, waitReady } from '../../queue/connection.ts';
import { RedisOrderStore } from '../../queue/redis-order-store.ts';
import { RedisRateLimiter } from '../../queue/redis-rate-limiter.ts';
import { RedisReferenceStore } from '../../queue/redis-reference-store.ts';
import { CliError } from '../cli-error.ts';
import { readScenario } from '../read-scenario.ts';

/** `picon serve`'s options as commander parses them. */
export interface ServeOptions {
  port?: string;
  host?: string;
  dev?: boolean;
  logLevel: LevelWithSilent;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly planJobs: BullPlanJobs;
  close(): Promise<void>;
}

/**
 * Composition root of the API: Redis producer connection, BullMQ port, Redis order store, reference data in
 * Redis (seeded from `reference` unless already stored), Bull Board, then `createApp`. Used by `picon serve`, the integration tests and the service bench.
 */
export async function startServer(opts: {
  config: Config;
  keys: readonly ApiKey[];
  reference: ReferenceRegistry;
  log?: (line: string) => void;
  /** The structured access log; none when absent (tests). */
  logger?: Logger;
  /** Clock for delivery-day checks (tests replaying a fixture's day). @defaultValue Date.now */
  now?: () => number;
}): Promise<RunningServer> {
  const { config } = opts;
  const log =
    opts.log ?? (opts.logger ? errorLine(opts.logger) : (line: string) => process.stderr.write(`${line}\n`));
  // ioredis reconnects with backoff; requests answer 503 meanwhile, and the outage is logged once
  const state = new ConnectionStateLog(log, 'picon serve');
  const redis = createRedis(config.redis.url, 'producer');
  // plans and scenarios of many MB: see BullPlanJobs; its outages show on the producer connection as well
  const bulk = createRedis(config.redis.url, 'bulk');
  redis.on('ready', () => state.restored());
  try {
    await Promise.all([waitReady(redis), waitReady(bulk)]);
  } catch {
    redis.disconnect();
    bulk.disconnect();
    throw new CliError(`cannot reach Redis at ${config.redis.url} (REDIS_URL)`);
  }
  const bull = new BullPlanJobs(config, { producer: redis, bulk }, (err) => state.lost(err));
  await bull.ready();
  const planJobs: PlanJobs = bull; // the compiler checks the adapter against the port here
  const referenceStore = new RedisReferenceStore(redis, config.queue.prefix);
  if (opts.reference.data.hubs.length > 0) await referenceStore.seed(opts.reference.data);
  const app = createApp({
    config,
    keys: opts.keys,
    planJobs,
    orders: new RedisOrderStore(redis, config.queue.prefix),
    reference: new ReferenceSource(referenceStore),
    vehicleTypes: Object.values(BUILT_IN_VEHICLE_TYPES),
    mapTileUrl: config.dashboard.mapTileUrl,
    exporters: {
      geojson: planToGeoJson,
      runsheetsCsv: (plan) => runsheetsCsvLines(plan),
      runsheetsXlsx: planToRunsheetsXlsx,
      runsheetsPdf: planToRunsheetsPdf,
    },
    ordersCsv: importOrdersCsv,
    adminQueues: bullBoardRouter([bull.plans, bull.tasks, bull.comparisons]),
    ...(opts.logger ? { logger: opts.logger } : {}),
    log,
    rateLimiter: new RedisRateLimiter(redis, config.queue.prefix, config.http.rateLimitPerMinute),
    dependency: { isUnavailable: (err) => isRedisUnavailable(redis, err), lost: (err) => state.lost(err) },
    ...(opts.now ? { now: opts.now } : {}),
  });
  // A request must arrive whole in time: a slow body no longer holds a socket for Node's default 300 s, and the
  // deadlines are checked every second (Node's default check runs every 30 s).
  const server = createServer(
    {
      requestTimeout: config.http.requestTimeoutMs,
      headersTimeout: Math.min(config.http.headersTimeoutMs, config.http.requestTimeoutMs),
      connectionsCheckingInterval: 1000,
      keepAliveTimeout: 65_000,
    },
    app,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.http.port, config.http.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
  return {
    url: `http://${host}:${port}`,
    server,
    planJobs: bull,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // with Redis gone, BullMQ's close waits for a connection that never comes: give it 2 s, then cut
      const closed = await Promise.race([
        bull.close().then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 2000).unref()),
      ]);
      for (const client of [redis, bulk]) {
        if (closed && client.status === 'ready') await client.quit().catch(() => client.disconnect());
        else client.disconnect();
      }
    },
  };
}

/** API keys from PICON_API_KEYS_FILE, or with `--dev` one generated admin key (printed once). */
function resolveKeys(config: Config, dev: boolean): ApiKey[] {
  if (config.auth.keysFile) return loadApiKeys(config.auth.keysFile);
  if (!dev)
    throw new CliError(
      'PICON_API_KEYS_FILE is not set: refusing to start without API keys (use --dev for a throw-away admin key)',
    );
  const key = randomBytes(24).toString('base64url');
  process.stderr.write(`picon serve --dev: admin key (this run only): ${key}\n`);
  return [{ key, role: 'admin' }];
}

async function resolveReference(config: Config): Promise<ReferenceRegistry> {
  if (!config.seedFile) {
    process.stderr.write(
      'picon serve: PICON_SEED_FILE not set: no hubs, carriers or receivers (orders will be refused)\n',
    );
    return ReferenceRegistry.empty();
  }
  return referenceFromScenario(await readScenario(config.seedFile));
}

/**
 * The environment `picon serve` runs with: `--port`/`--host` override PORT/HOST, and `--dev` (a generated
 * admin key printed on the terminal) listens on loopback only unless a host is given explicitly.
 */
export function serveEnv(
  env: Readonly<Record<string, string | undefined>>,
  opts: { port?: string; host?: string; dev?: boolean },
): Record<string, string | undefined> {
  const host = opts.host ?? env['HOST'] ?? (opts.dev ? '127.0.0.1' : undefined);
  return { ...env, ...(opts.port ? { PORT: opts.port } : {}), ...(host ? { HOST: host } : {}) };
}

/** `picon serve`: loads the config and keys, starts the server, and closes it on SIGTERM or SIGINT. */
export async function runServe(opts: ServeOptions): Promise<void> {
  const env = serveEnv(processEnv(), opts);
  let config: Config;
  let keys: ApiKey[];
  try {
    config = loadConfig(env);
    keys = resolveKeys(config, opts.dev === true);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const running = await startServer({
    config,
    keys,
    reference: await resolveReference(config),
    logger: createLogger(opts.logLevel),
  });
  process.stderr.write(`picon serve: listening on ${running.url} (docs ${running.url}/docs)\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`picon serve: ${signal}, closing\n`);
      void running.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** Unexpected errors (with their stack) as error entries of the structured log. */
const errorLine = (logger: Logger) => (line: string) => logger.error({ msg: line });
