import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiKey } from '../config/api-keys.ts';
import type { Config } from '../config/env.ts';
import type { Plan } from '../contracts/index.ts';
import type { OrderStore, PlanJobs, RateLimiter } from '../contracts/ports.ts';
import type { DashboardVehicleType } from './dashboard.ts';
import type { ReadGate } from './read-gate.ts';
import type { ReferenceSource } from './reference-data.ts';

/** Plan exporters, injected so the API does not import src/io (wired in `picon serve`). */
export interface PlanExporters {
  readonly geojson: (plan: Plan) => unknown;
  /** The CSV's lines (each with its line break), streamed as they come. */
  readonly runsheetsCsv: (plan: Plan) => Iterable<string>;
  /** Drivers' run sheets as a workbook (one sheet per vehicle) and as a PDF (one page per vehicle). */
  readonly runsheetsXlsx?: (plan: Plan) => Promise<Uint8Array>;
  readonly runsheetsPdf?: (plan: Plan) => Promise<Uint8Array>;
}

/** One problem of an uploaded order file, located as a spreadsheet shows it. */
export interface OrderFileProblem {
  readonly line: number;
  readonly column?: string;
  readonly field?: string;
  readonly message: string;
}

/**
 * Reads a carrier's CSV orders (`POST /v1/orders` with `Content-Type: text/csv`) into the orders of the JSON
 * body, checking each row; injected like the exporters (wired in `picon serve` to src/io/orders-csv.ts).
 */
export type OrdersCsvImporter = (
  text: string,
  checks: { carrierId?: string; knownReceiver: (id: string) => boolean },
) => { orders: unknown[] } | { problems: readonly OrderFileProblem[] };

/**
 * The store behind the ports (Redis in `picon serve`): which errors mean it is unreachable, and where to
 * report that (one log line per outage, not per request).
 */
export interface DependencyHealth {
  isUnavailable(err: unknown): boolean;
  lost(err: unknown): void;
}

/** Everything `createApp` needs; the composition root (`picon serve`, tests) builds it. */
export interface AppDeps {
  readonly config: Pick<Config, 'http' | 'planner' | 'orders'>;
  readonly keys: readonly ApiKey[];
  readonly planJobs: PlanJobs;
  readonly orders: OrderStore;
  /** Hubs, fleet, carriers, receivers: read per request (admins may replace them). */
  readonly reference: ReferenceSource;
  readonly exporters?: PlanExporters;
  readonly ordersCsv?: OrdersCsvImporter;
  /** Bull Board (or any admin UI) mounted at /admin/queues behind the admin role. */
  readonly adminQueues?: RequestHandler;
  /** Structured access log (pino, JSON lines with request ids); none when absent (tests). */
  readonly logger?: Logger;
  /** Built-in vehicle types, for the dashboard's load bars (wired in `picon serve`). @defaultValue none */
  readonly vehicleTypes?: readonly DashboardVehicleType[];
  /** The dashboard's map tiles (`PICON_MAP_TILE_URL`; empty: none). @defaultValue OpenStreetMap's */
  readonly mapTileUrl?: string;
  /** The clock dates are checked against (delivery days, retention). @defaultValue Date.now */
  readonly now?: () => number;
  /** Requests per key and window (every /v1 request after authentication); none when absent. */
  readonly rateLimiter?: RateLimiter;
  /**
   * The bound on whole-plan reads (read-gate.ts); tests pass their own to watch it.
   * @defaultValue one of `config.http.maxConcurrentPlanReads` permits
   */
  readonly readGate?: ReadGate;
  /** When given, errors it recognises answer 503 with Retry-After instead of a logged 500. */
  readonly dependency?: DependencyHealth;
  /** Where unexpected errors are logged. @defaultValue stderr */
  readonly log?: (line: string) => void;
}
