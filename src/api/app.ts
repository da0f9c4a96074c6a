import express from 'express';
import type { Express } from 'express';
import { accessLog } from './access-log.ts';
import { ApiError } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import helmet from 'helmet';
import { authenticate } from './auth.ts';
import { rateLimit, sameOriginWrites } from './http-guards.ts';
import { allow } from './route-table.ts';
import { dashboardRouter } from './dashboard.ts';
import { docsRouter } from './docs-page.ts';
import { errorHandler, notFound, requireJson, UNAVAILABLE_RETRY_AFTER_SECONDS } from './error-handler.ts';
import { createMetrics } from './metrics.ts';
import { buildOpenApi } from './openapi.ts';
import { comparisonsRouter } from './routes/comparisons.ts';
import { ordersRouter } from './routes/orders.ts';
import { plansRouter } from './routes/plans.ts';
import { ReadGate } from './read-gate.ts';
import { referenceRouter } from './routes/reference.ts';

export const API_VERSION = '1.0.0';

/**
 * The HTTP API. No I/O of its own: jobs, orders and reference data come through `deps`, so tests pass fakes.
 * Routes under /v1 need `Authorization: Bearer KEY`, /metrics a `metrics` or admin key; /healthz, /readyz,
 * /openapi.json and /docs none. Who may call what: route-table.ts.
 */
export function createApp(deps: AppDeps): Express {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  if (deps.logger) app.use(accessLog(deps.logger));
  // nosniff, HSTS, frame and referrer policies on every answer; /docs sets its own CSP, Bull Board needs none.
  // The referrer policy sends the origin cross-site: tile servers' usage policies ask for it (the dashboard).
  app.use(
    helmet({ contentSecurityPolicy: false, referrerPolicy: { policy: 'strict-origin-when-cross-origin' } }),
  );
  // the bound on whole-plan reads (routes/plans.ts), watched by /metrics
  const readGate = deps.readGate ?? new ReadGate(deps.config.http.maxConcurrentPlanReads);
  const metrics = createMetrics(deps.planJobs, readGate);
  app.use(metrics.httpTimer);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await Promise.all([deps.planJobs.ping(), deps.orders.ping()]);
      res.json({ status: 'ready' });
    } catch (err) {
      deps.dependency?.lost(err);
      throw new ApiError(
        'DEPENDENCY_UNAVAILABLE',
        `not ready: ${err instanceof Error ? err.message : String(err)}`,
        undefined,
        UNAVAILABLE_RETRY_AFTER_SECONDS,
      );
    }
  });
  const auth = authenticate(deps.keys);
  // queue volumes and latencies are not for everyone: a `metrics` key (Prometheus) or an admin
  app.get('/metrics', auth, allow('GET /metrics'), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const openapi = buildOpenApi(API_VERSION);
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use(docsRouter());

  app.use('/dashboard', dashboardRouter(deps.vehicleTypes ?? [], deps.mapTileUrl));

  if (deps.adminQueues)
    app.use('/admin/queues', auth, allow('ALL /admin/queues'), sameOriginWrites, deps.adminQueues);

  const v1 = express.Router();
  v1.use(auth);
  v1.use(rateLimit(deps));
  // Carriers may upload a spreadsheet export as is: the orders route reads `text/csv` (see routes/orders.ts).
  if (deps.ordersCsv)
    v1.post('/orders', express.text({ type: 'text/csv', limit: deps.config.http.bodyLimit }));
  v1.use(requireJson);
  v1.use(express.json({ limit: deps.config.http.bodyLimit, type: () => true }));
  v1.use(ordersRouter(deps));
  v1.use(plansRouter(deps, readGate));
  v1.use(comparisonsRouter(deps));
  v1.use(referenceRouter(deps));
  app.use('/v1', v1);

  app.use(notFound);
  app.use(errorHandler(log, deps.dependency));
  return app;
}
