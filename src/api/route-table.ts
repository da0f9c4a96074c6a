import type { RequestHandler } from 'express';
import type { Role } from '../config/api-keys.ts';
import { requireRole } from './auth.ts';

/** Who may call a route: no key at all, or these roles (admins may call everything). */
export type RouteAccess = 'public' | readonly Role[];

const READERS = ['dispatcher', 'planner'] as const;
/** Reference data: every user role (not a `metrics` key, which may only scrape). */
const USERS = ['carrier', 'dispatcher', 'planner'] as const;

/**
 * Every route of the API and who may call it: the one place roles are decided. Routers take their guard from
 * here (`allow`), and test/api/route-table.test.ts walks the app's routes against this table, calling each
 * with every role, so a route added without an entry, or a guard that disagrees, fails the tests.
 * Finer rules inside a route: a carrier acts only for its own carrier, a hub-scoped key only for its hub,
 * plans and comparisons are read by their submitter and their hub's readers, order lists by planners only
 * with `carrierDetail`; per-carrier figures of plans and comparisons (cost allocation, per-carrier and
 * per-consignment emissions) by planners and admins only (carrier-figures.ts).
 */
export const ROUTE_TABLE = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  // Swagger UI's own files, served from swagger-ui-dist (src/api/docs-page.ts)
  'GET /docs/favicon-32x32.png': 'public',
  'GET /docs/init.js': 'public',
  'GET /docs/swagger-ui-bundle.js': 'public',
  'GET /docs/swagger-ui-standalone-preset.js': 'public',
  'GET /docs/swagger-ui.css': 'public',
  // the web dashboard's page and static data: the page itself asks the user for a key
  'GET /dashboard/': 'public',
  'GET /dashboard/fixtures.json': 'public',
  'GET /dashboard/fixtures/:folder/:file': 'public',
  'GET /dashboard/vehicle-types.json': 'public',
  'GET /dashboard/config.json': 'public',
  'GET /metrics': ['metrics'],
  'ALL /admin/queues': ['admin'],
  'POST /v1/orders': ['carrier'],
  'GET /v1/orders': ['carrier', 'dispatcher', 'planner'],
  'DELETE /v1/orders/:id': ['carrier'],
  'POST /v1/orders/cancel': ['carrier'],
  'POST /v1/plans': ['planner'],
  'POST /v1/hubs/:hubId/days/:date/plan': ['dispatcher'],
  'GET /v1/plans/:id': READERS,
  'GET /v1/plans/:id/events': READERS,
  // a carrier its own share of any completed plan with its orders; a planner (or admin) any carrier's
  'GET /v1/plans/:id/share': ['carrier', 'planner'],
  'GET /v1/plans/:id/geojson': READERS,
  'GET /v1/plans/:id/runsheets.csv': READERS,
  'GET /v1/plans/:id/runsheets.xlsx': READERS,
  'GET /v1/plans/:id/runsheets.pdf': READERS,
  'POST /v1/comparisons': ['planner'],
  'GET /v1/comparisons/:id': READERS,
  'GET /v1/comparisons/:id/spread': READERS,
  'GET /v1/hubs': USERS,
  'GET /v1/hubs/:hubId': USERS,
  'GET /v1/carriers': USERS,
  'GET /v1/receivers': USERS,
  'GET /v1/vehicle-types': USERS,
  'PUT /v1/hubs': ['admin'],
  'PUT /v1/carriers': ['admin'],
  'PUT /v1/receivers': ['admin'],
} as const satisfies Record<string, RouteAccess>;

export type RouteName = keyof typeof ROUTE_TABLE;

const pass: RequestHandler = (_req, _res, next) => next();

/** The role guard of `route`, from the table (authentication itself is mounted in front of /v1 and /admin). */
export function allow(route: RouteName): RequestHandler {
  const access: RouteAccess = ROUTE_TABLE[route];
  return typeof access === 'string' ? pass : requireRole(...access);
}
