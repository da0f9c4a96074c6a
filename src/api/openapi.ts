import { z } from 'zod';
import { orderSchema, planSchema, scenarioSchema, seedSpreadSchema } from '../contracts/index.ts';
import {
  carriersResponseSchema,
  comparisonBodySchema,
  comparisonStatusSchema,
  errorBodySchema,
  hubsResponseSchema,
  jobAcceptedSchema,
  ordersResponseSchema,
  planStatusSchema,
  receiversResponseSchema,
  submitOrdersResponseSchema,
  submitOrdersSchema,
  vehicleTypesResponseSchema,
} from './schemas.ts';

/** Components, by name: each is one zod schema of src/contracts or src/api/schemas.ts. */
const COMPONENTS = {
  Scenario: scenarioSchema,
  Order: orderSchema,
  Plan: planSchema,
  SubmitOrders: submitOrdersSchema,
  SubmitOrdersResponse: submitOrdersResponseSchema,
  Orders: ordersResponseSchema,
  JobAccepted: jobAcceptedSchema,
  PlanStatus: planStatusSchema,
  ComparisonRequest: comparisonBodySchema,
  ComparisonStatus: comparisonStatusSchema,
  SeedSpread: seedSpreadSchema,
  Hubs: hubsResponseSchema,
  Carriers: carriersResponseSchema,
  Receivers: receiversResponseSchema,
  VehicleTypes: vehicleTypesResponseSchema,
  Error: errorBodySchema,
} as const;
type ComponentName = keyof typeof COMPONENTS;

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), json('Error', ERROR_TEXT[s] ?? 'error')]));
const ERROR_TEXT: Record<number, string> = {
  400: 'invalid body or query (issues carry field paths)',
  401: 'missing or unknown API key',
  403: 'role not allowed',
  404: 'unknown id',
  409: 'plan not completed yet',
  413: 'body over the size limit',
  415: 'body is not application/json',
  422: 'well-formed but refers to unknown hubs/receivers or has no orders',
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Same key from the same caller gives the same id; without it, identical content gives the same id.',
  schema: { type: 'string', maxLength: 200 },
};
const authed = { security: [{ bearer: [] }] };

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    schemas[id] = rest;
  }
  return schemas;
}

/** The OpenAPI 3.1 document served at /openapi.json, generated from the zod schemas (never hand-edited). */
export function buildOpenApi(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'picon API',
      version,
      description: 'Last-mile freight consolidation: orders, plans, comparisons.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API key from PICON_API_KEYS_FILE' },
      },
    },
    paths: {
      '/v1/orders': {
        post: {
          summary:
            "Submit a carrier's orders for a hub and day (idempotent by order id: resubmitting replaces)",
          tags: ['orders'],
          ...authed,
          requestBody: { required: true, content: { 'application/json': { schema: ref('SubmitOrders') } } },
          responses: {
            '200': json('SubmitOrdersResponse', 'stored'),
            ...errors(400, 401, 403, 413, 415, 422),
          },
        },
        get: {
          summary: 'Orders of a hub and day (a carrier sees only its own)',
          tags: ['orders'],
          ...authed,
          parameters: [
            { name: 'hub', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'date', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
          ],
          responses: { '200': json('Orders', 'orders'), ...errors(400, 401, 403) },
        },
      },
      '/v1/plans': {
        post: {
          summary:
            'Plan a whole scenario (planner); with ?seeds=N, plan it with N seeds as a comparison whose spread is /v1/comparisons/{id}/spread',
          tags: ['plans'],
          ...authed,
          parameters: [
            idempotencyHeader,
            {
              name: 'seeds',
              in: 'query',
              required: false,
              description: 'plan with seeds seed, seed+1, …: 2 to 20; the answer is then a comparison id',
              schema: { type: 'integer', minimum: 2, maximum: 20 },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Scenario') } } },
          responses: { '202': json('JobAccepted', 'queued'), ...errors(400, 401, 403, 413, 415) },
        },
      },
      '/v1/hubs/{hubId}/days/{date}/plan': {
        post: {
          summary: "Plan a hub's day from the stored orders (dispatcher)",
          tags: ['plans'],
          ...authed,
          parameters: [
            { name: 'hubId', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } },
            idempotencyHeader,
          ],
          responses: { '202': json('JobAccepted', 'queued'), ...errors(400, 401, 403, 404, 422) },
        },
      },
      '/v1/plans/{id}': {
        get: {
          summary: 'Status, progress and (when completed) the plan',
          tags: ['plans'],
          ...authed,
          parameters: [idParam],
          responses: { '200': json('PlanStatus', 'plan status'), ...errors(401, 403, 404) },
        },
      },
      '/v1/plans/{id}/events': {
        get: {
          summary:
            'Server-sent events: status, active, progress {percent, bestCost, phase}, then completed or failed',
          tags: ['plans'],
          ...authed,
          parameters: [idParam],
          responses: {
            '200': {
              description: 'event stream',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...errors(401, 403, 404),
          },
        },
      },
      '/v1/plans/{id}/geojson': {
        get: {
          summary: 'Routes and stops of a completed plan as a GeoJSON FeatureCollection',
          tags: ['plans'],
          ...authed,
          parameters: [idParam],
          responses: {
            '200': {
              description: 'GeoJSON',
              content: { 'application/geo+json': { schema: { type: 'object' } } },
            },
            ...errors(401, 403, 404, 409),
          },
        },
      },
      '/v1/plans/{id}/runsheets.csv': {
        get: {
          summary: 'Run sheets of a completed plan (one row per stop)',
          tags: ['plans'],
          ...authed,
          parameters: [idParam],
          responses: {
            '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
            ...errors(401, 403, 404, 409),
          },
        },
      },
      '/v1/comparisons': {
        post: {
          summary:
            'Compare scenario variants (whole scenarios, or a base and merge patches): one plan job per variant, aggregated KPIs, savings and allocation',
          tags: ['comparisons'],
          ...authed,
          parameters: [idempotencyHeader],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('ComparisonRequest') } },
          },
          responses: { '202': json('JobAccepted', 'queued'), ...errors(400, 401, 403, 413, 415) },
        },
      },
      '/v1/comparisons/{id}': {
        get: {
          summary: 'Comparison status and result',
          tags: ['comparisons'],
          ...authed,
          parameters: [idParam],
          responses: { '200': json('ComparisonStatus', 'comparison status'), ...errors(401, 403, 404) },
        },
      },
      '/v1/comparisons/{id}/spread': {
        get: {
          summary:
            'A scenario planned with several seeds (POST /v1/plans?seeds=N): every KPI, saving and cause as median and min–max',
          tags: ['comparisons'],
          ...authed,
          parameters: [idParam],
          responses: { '200': json('SeedSpread', 'seed spread'), ...errors(401, 403, 404, 409, 422) },
        },
      },
      '/v1/hubs': {
        get: {
          summary: 'Hubs with their fleet',
          tags: ['reference'],
          ...authed,
          responses: { '200': json('Hubs', 'hubs'), ...errors(401) },
        },
        put: {
          summary:
            'Replace the whole list of hubs, each with its whole fleet (admin); every API process serves it from then on',
          tags: ['reference'],
          ...authed,
          requestBody: { required: true, content: { 'application/json': { schema: ref('Hubs') } } },
          responses: { '200': json('Hubs', 'the stored list'), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      '/v1/carriers': {
        get: {
          summary: 'Carriers',
          tags: ['reference'],
          ...authed,
          responses: { '200': json('Carriers', 'carriers'), ...errors(401) },
        },
        put: {
          summary: 'Replace the whole list of carriers (admin); every API process serves it from then on',
          tags: ['reference'],
          ...authed,
          requestBody: { required: true, content: { 'application/json': { schema: ref('Carriers') } } },
          responses: { '200': json('Carriers', 'the stored list'), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      '/v1/receivers': {
        get: {
          summary: 'Receivers with windows and access rules',
          tags: ['reference'],
          ...authed,
          responses: { '200': json('Receivers', 'receivers'), ...errors(401) },
        },
        put: {
          summary: 'Replace the whole list of receivers (admin); every API process serves it from then on',
          tags: ['reference'],
          ...authed,
          requestBody: { required: true, content: { 'application/json': { schema: ref('Receivers') } } },
          responses: { '200': json('Receivers', 'the stored list'), ...errors(400, 401, 403, 413, 415, 422) },
        },
      },
      '/v1/vehicle-types': {
        get: {
          summary: 'Vehicle types (built-in ids and seeded definitions)',
          tags: ['reference'],
          ...authed,
          responses: { '200': json('VehicleTypes', 'vehicle types'), ...errors(401) },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness', tags: ['ops'], responses: { '200': { description: 'alive' } } },
      },
      '/readyz': {
        get: {
          summary: 'Readiness (Redis ping)',
          tags: ['ops'],
          responses: { '200': { description: 'ready' }, '503': json('Error', 'Redis unreachable') },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          tags: ['ops'],
          responses: { '200': { description: 'text exposition format' } },
        },
      },
    },
  };
}
