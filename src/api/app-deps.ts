import type { RequestHandler } from 'express';
import type { ApiKey } from '../config/api-keys.ts';
import type { Config } from '../config/env.ts';
import type { Plan } from '../contracts/index.ts';
import type { OrderStore, PlanJobs } from '../contracts/ports.ts';
import type { ReferenceSource } from './reference-data.ts';

/** Plan exporters, injected so the API does not import src/io (wired in `picon serve`). */
export interface PlanExporters {
  readonly geojson: (plan: Plan) => unknown;
  readonly runsheetsCsv: (plan: Plan) => string;
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
  /** Bull Board (or any admin UI) mounted at /admin/queues behind the admin role. */
  readonly adminQueues?: RequestHandler;
  /** The clock dates are checked against (delivery days, retention). @defaultValue Date.now */
  readonly now?: () => number;
  /** Where unexpected errors are logged. @defaultValue stderr */
  readonly log?: (line: string) => void;
}
