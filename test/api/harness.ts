import type { RequestHandler } from 'express';
import type { ApiKey } from '../../src/config/api-keys.ts';
import type { Plan } from '../../src/contracts/index.ts';
import type { Logger } from '../../src/api/access-log.ts';
import { createApp } from '../../src/api/app.ts';
import { ReadGate } from '../../src/api/read-gate.ts';
import { importOrdersCsv } from '../../src/io/orders-csv.ts';
import { MemoryOrderStore } from '../../src/api/memory-order-store.ts';
import { MemoryRateLimiter } from '../../src/api/memory-rate-limiter.ts';
import { referenceFromScenario, ReferenceSource } from '../../src/api/reference-data.ts';
import { FakePlanJobs } from './fake-plan-jobs.ts';
import { sampleScenario } from './sample-scenario.ts';

export const KEYS = {
  dhl: 'carrier-dhl-key-0123456789',
  ups: 'carrier-ups-key-0123456789',
  dispatcher: 'dispatcher-key-0123456789',
  planner: 'planner-key-0123456789abc',
  admin: 'admin-key-0123456789abcdef',
  /** A carrier key whose carrier is not in the reference data (issue 11, finding 2). */
  ghost: 'carrier-ghost-key-0123456789',
  /** A dispatcher of hub-b only. */
  dispatcherB: 'dispatcher-b-key-0123456789',
  /** A planner granted carrier-identifying detail. */
  plannerDetail: 'planner-detail-key-01234567',
  /** May scrape /metrics and nothing else. */
  metrics: 'metrics-key-0123456789abcdef',
} as const;

export const API_KEYS: ApiKey[] = [
  { key: KEYS.dhl, role: 'carrier', carrierId: 'dhl' },
  { key: KEYS.ups, role: 'carrier', carrierId: 'ups' },
  { key: KEYS.dispatcher, role: 'dispatcher' },
  { key: KEYS.planner, role: 'planner' },
  { key: KEYS.admin, role: 'admin' },
  { key: KEYS.ghost, role: 'carrier', carrierId: 'ghost' },
  { key: KEYS.dispatcherB, role: 'dispatcher', hubId: 'hub-b' },
  { key: KEYS.plannerDetail, role: 'planner', carrierDetail: true },
  { key: KEYS.metrics, role: 'metrics' },
];

/** What follows `/v1/plans/{id}` in the routes that read a whole plan, each under a permit (read-gate.ts). */
export const PLAN_ROUTES_UNDER_READ_GATE = [
  '',
  '/share?carrier=dhl',
  '/geojson',
  '/runsheets.csv',
  '/runsheets.xlsx',
  '/runsheets.pdf',
] as const;

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** The API tests' clock: the morning of the sample day's eve, so its orders (2025-03-04) are in range. */
export const TEST_NOW_MS = Date.parse('2025-03-03T09:00:00Z');

export function testApp(
  opts: {
    bodyLimit?: string;
    maxOrdersPerCarrierDay?: number;
    rateLimitPerMinute?: number;
    maxConcurrentPlanReads?: number;
    /** Stands in for Bull Board at /admin/queues. */
    adminQueues?: RequestHandler;
    /** The GeoJSON exporter (default: an empty collection named after the scenario). */
    geojson?: (plan: Plan) => unknown;
    logger?: Logger;
  } = {},
) {
  const planJobs = new FakePlanJobs();
  const orders = new MemoryOrderStore(() => TEST_NOW_MS);
  const logged: string[] = [];
  const readGate = new ReadGate(opts.maxConcurrentPlanReads ?? 4);
  const app = createApp({
    config: {
      http: {
        port: 0,
        host: '127.0.0.1',
        bodyLimit: opts.bodyLimit ?? '1mb',
        rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000,
        requestTimeoutMs: 60_000,
        headersTimeoutMs: 10_000,
        maxConcurrentPlanReads: readGate.limit,
      },
      planner: { defaultTimeLimitSeconds: 5, maxTimeLimitSeconds: 10 },
      orders: {
        maxPerCarrierDay: opts.maxOrdersPerCarrierDay ?? 10_000,
        retentionDays: 30,
        maxDaysAhead: 366,
      },
    },
    now: () => TEST_NOW_MS,
    rateLimiter: new MemoryRateLimiter(opts.rateLimitPerMinute ?? 100_000),
    keys: API_KEYS,
    planJobs,
    readGate,
    orders,
    reference: ReferenceSource.of(referenceFromScenario(sampleScenario())),
    exporters: {
      geojson:
        opts.geojson ?? ((plan) => ({ type: 'FeatureCollection', features: [], name: plan.scenario.name })),
      runsheetsCsv: () => ['vehicle,route\n'],
    },
    ordersCsv: importOrdersCsv,
    ...(opts.logger ? { logger: opts.logger } : {}),
    log: (l) => logged.push(l),
    ...(opts.adminQueues ? { adminQueues: opts.adminQueues } : {}),
  });
  return { app, planJobs, orders, logged, readGate };
}
