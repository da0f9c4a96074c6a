import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PlanJobs } from '../contracts/ports.ts';
import type { ReadGate } from './read-gate.ts';

export interface Metrics {
  readonly registry: Registry;
  /** Records `picon_http_request_duration_seconds` per method, route template and status. */
  readonly httpTimer: RequestHandler;
}

/**
 * A registry per app (tests build several apps in one process), with HTTP, queue depth, job duration and
 * plan read (read-gate.ts) metrics.
 */
export function createMetrics(planJobs: PlanJobs, readGate: ReadGate): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'picon_' });

  const http = new Histogram({
    name: 'picon_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'picon_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, completed, failed, ...)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const depth = await planJobs.queueDepth();
        for (const [queue, states] of Object.entries(depth)) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      } catch {
        // Redis down: /readyz reports it; scraping must still succeed.
      }
    },
  });
  let counted = 0;
  new Gauge({
    name: 'picon_plan_reads_in_progress',
    help: 'Whole-plan reads being served by this API process (at most PICON_MAX_CONCURRENT_PLAN_READS)',
    registers: [registry],
    collect() {
      this.set(readGate.inUse);
    },
  });
  new Counter({
    name: 'picon_plan_reads_refused_total',
    help: 'Plan reads this API process refused with 503 BUSY (PICON_MAX_CONCURRENT_PLAN_READS reached)',
    registers: [registry],
    collect() {
      // the gate keeps the count; a counter can only grow, so it is set by its increase since the last scrape
      const more = readGate.refused - counted;
      counted = readGate.refused;
      if (more > 0) this.inc(more);
    },
  });
  const jobs = new Histogram({
    name: 'picon_job_duration_seconds',
    help: 'Processing time of finished jobs (processedOn to finishedOn), as seen by this API process',
    labelNames: ['queue', 'status'] as const,
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
    registers: [registry],
  });
  planJobs.onJobFinished((e) => jobs.observe({ queue: e.queue, status: e.status }, e.durationSeconds));

  const httpTimer: RequestHandler = (req, res, next) => {
    const end = http.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = req.route as { path?: string } | undefined;
      end({
        route: route?.path ? `${req.baseUrl}${route.path}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  };
  return { registry, httpTimer };
}
