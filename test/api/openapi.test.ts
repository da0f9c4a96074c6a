import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import {
  COMPARISON_EXAMPLE,
  ERROR_EXAMPLE,
  JOB_ACCEPTED_EXAMPLE,
  ORDERS_CSV_EXAMPLE,
  SCENARIO_EXAMPLE,
  SUBMIT_ORDERS_EXAMPLE,
} from '../../src/api/openapi-examples.ts';
import { HTTP_STATUS } from '../../src/api/api-error.ts';
import { buildOpenApi } from '../../src/api/openapi.ts';
import {
  comparisonBodySchema,
  errorBodySchema,
  jobAcceptedSchema,
  submitOrdersSchema,
} from '../../src/api/schemas.ts';
import { importOrdersCsv } from '../../src/io/orders-csv.ts';
import { PLAN_ROUTES_UNDER_READ_GATE, testApp } from './harness.ts';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string }[];
}
const doc = buildOpenApi('1.0.0') as {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string; description?: string }[];
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ path, method, op })),
);

describe('the OpenAPI document', () => {
  it('names, describes and tags every operation once (what Redocly lint checks as errors and warnings)', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { path, method, op } of operations) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(op.description, `${method} ${path}`).toBeTruthy();
      expect(
        op.tags?.every((t) => tags.has(t)),
        `${method} ${path}`,
      ).toBe(true);
      // every operation states its security: the bearer key, or explicitly none (ops routes)
      expect(op.security, `${method} ${path}`).toEqual(path.startsWith('/v1/') ? [{ bearer: [] }] : []);
      for (const name of path.match(/\{(\w+)\}/g) ?? [])
        expect(
          op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name),
          `${path} ${name}`,
        ).toBe(true);
    }
    expect(doc.tags.every((t) => t.description)).toBe(true);
    expect(JSON.stringify(doc)).not.toMatch(/"\$ref":"#\/components\/schemas\/(?!(\w+)")/);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1],
    );
    for (const r of refs) expect(doc.components.schemas, r).toHaveProperty(r as string);
  });

  it('shows examples the API accepts', () => {
    expect(scenarioSchema.safeParse(SCENARIO_EXAMPLE).error).toBeUndefined();
    expect(submitOrdersSchema.safeParse(SUBMIT_ORDERS_EXAMPLE).error).toBeUndefined();
    expect(comparisonBodySchema.safeParse(COMPARISON_EXAMPLE).error).toBeUndefined();
    expect(jobAcceptedSchema.safeParse(JOB_ACCEPTED_EXAMPLE).error).toBeUndefined();
    expect(errorBodySchema.safeParse(ERROR_EXAMPLE).error).toBeUndefined();
    const csv = importOrdersCsv(ORDERS_CSV_EXAMPLE, { carrierId: 'colis', knownReceiver: () => true });
    expect('orders' in csv && csv.orders.length).toBe(2);
  });

  it('describes routes the API serves', async () => {
    const { app } = testApp();
    for (const { path, method } of operations) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'date' ? '2025-03-04' : 'x'));
      const res = await (request(app) as unknown as Record<string, (u: string) => request.Test>)[method]!(
        url,
      );
      // /v1 routes and /metrics answer 401 without a key (never "no route"), other ops routes answer
      expect(res.body?.error?.message ?? '', `${method} ${path}`).not.toMatch(/^no route/);
      const keyed = path.startsWith('/v1/') || path === '/metrics';
      expect(res.status, `${method} ${path}`).toBe(keyed ? 401 : 200);
    }
  });

  it('documents the 503 BUSY, with its Retry-After, of every route that reads a whole plan', () => {
    expect(HTTP_STATUS.BUSY).toBe(503);
    for (const suffix of PLAN_ROUTES_UNDER_READ_GATE) {
      const path = `/v1/plans/{id}${suffix.split('?')[0]}`;
      const op = doc.paths[path]?.['get'] as
        | { responses: Record<string, { headers?: object; content: Record<string, { example?: unknown }> }> }
        | undefined;
      const busy = op?.responses['503'];
      expect(busy?.headers, path).toHaveProperty('Retry-After');
      expect(busy?.content['application/json']?.example, path).toMatchObject({ error: { code: 'BUSY' } });
    }
    expect(
      doc.paths['/v1/plans/{id}/events']?.['get'],
      'the event stream takes no permit',
    ).not.toHaveProperty('responses.503');
  });
});
