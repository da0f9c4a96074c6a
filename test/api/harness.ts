import type { ApiKey } from '../../src/config/api-keys.ts';
import type { Logger } from '../../src/api/access-log.ts';
import { createApp } from '../../src/api/app.ts';
import { importOrdersCsv } from '../../src/io/orders-csv.ts';
import { MemoryOrderStore } from '../../src/api/memory-order-store.ts';
import { referenceFromScenario, ReferenceSource } from '../../src/api/reference-data.ts';
import { FakePlanJobs } from './fake-plan-jobs.ts';
import { sampleScenario } from './sample-scenario.ts';

export const KEYS = {
  dhl: 'carrier-dhl-key-0123456789',
  ups: 'carrier-ups-key-0123456789',
  dispatcher: 'dispatcher-key-0123456789',
  planner: 'planner-key-0123456789abc',
  admin: 'admin-key-0123456789abcdef',
} as const;

export const API_KEYS: ApiKey[] = [
  { key: KEYS.dhl, role: 'carrier', carrierId: 'dhl' },
  { key: KEYS.ups, role: 'carrier', carrierId: 'ups' },
  { key: KEYS.dispatcher, role: 'dispatcher' },
  { key: KEYS.planner, role: 'planner' },
  { key: KEYS.admin, role: 'admin' },
];

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

export function testApp(opts: { bodyLimit?: string; logger?: Logger } = {}) {
  const planJobs = new FakePlanJobs();
  const orders = new MemoryOrderStore();
  const logged: string[] = [];
  const app = createApp({
    config: {
      http: { port: 0, host: '127.0.0.1', bodyLimit: opts.bodyLimit ?? '1mb' },
      planner: { defaultTimeLimitSeconds: 5, maxTimeLimitSeconds: 10 },
    },
    keys: API_KEYS,
    planJobs,
    orders,
    reference: ReferenceSource.of(referenceFromScenario(sampleScenario())),
    exporters: {
      geojson: (plan) => ({ type: 'FeatureCollection', features: [], name: plan.scenario.name }),
      runsheetsCsv: () => 'vehicle,route\n',
    },
    ordersCsv: importOrdersCsv,
    ...(opts.logger ? { logger: opts.logger } : {}),
    log: (l) => logged.push(l),
  });
  return { app, planJobs, orders, logged };
}
