import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  carrierShareSchema,
  idSchema,
  orderSchema,
  planSchema,
  scenarioSchema,
  seedSpreadSchema,
} from '../contracts/index.ts';
import {
  COMPARISON_EXAMPLE,
  BUSY_EXAMPLE,
  ERROR_EXAMPLE,
  JOB_ACCEPTED_EXAMPLE,
  ORDERS_CSV_EXAMPLE,
  SCENARIO_EXAMPLE,
  SUBMIT_ORDERS_EXAMPLE,
} from './openapi-examples.ts';
import {
  carriersResponseSchema,
  comparisonBodySchema,
  comparisonStatusSchema,
  errorBodySchema,
  hubDayParamsSchema,
  hubsResponseSchema,
  hubWithFleetSchema,
  jobAcceptedSchema,
  listOrdersQuerySchema,
  ordersResponseSchema,
  planStatusSchema,
  receiversResponseSchema,
  seedsQuerySchema,
  shareQuerySchema,
  submitOrdersResponseSchema,
  submitOrdersSchema,
  vehicleTypesResponseSchema,
} from './schemas.ts';

/** Components, by name: each is one zod schema of src/contracts or src/api/schemas.ts. */
const COMPONENTS = {
  Scenario: scenarioSchema,
  Order: orderSchema,
  Plan: planSchema,
  CarrierShare: carrierShareSchema,
  SubmitOrders: submitOrdersSchema,
  SubmitOrdersResponse: submitOrdersResponseSchema,
  Orders: ordersResponseSchema,
  JobAccepted: jobAcceptedSchema,
  PlanStatus: planStatusSchema,
  ComparisonRequest: comparisonBodySchema,
  ComparisonStatus: comparisonStatusSchema,
  SeedSpread: seedSpreadSchema,
  Hub: hubWithFleetSchema,
  Hubs: hubsResponseSchema,
  Carriers: carriersResponseSchema,
  Receivers: receiversResponseSchema,
  VehicleTypes: vehicleTypesResponseSchema,
  Error: errorBodySchema,
} as const;
type ComponentName = keyof typeof COMPONENTS;

/**
 * Component schemas by zod 4's own JSON Schema generator (draft 2020-12, the dialect of OpenAPI 3.1), with
 * every cross-reference as `#/components/schemas/NAME`. zod-to-openapi's `.openapi()` extension does not
 * reach zod 4.6's schema instances, so components are registered as JSON Schema and paths refer to them.
 */
function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    schemas[id] = rest;
  }
  return schemas;
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: ComponentName, description: string, example?: unknown) => ({
  description,
  content: { 'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) } },
});
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid body, query or path: `issues` name each field (`orders[3].size.kg`, or `line 7, column E (kg)` for CSV).',
  401: 'Missing or unknown API key.',
  403: "The key's role may not call this route.",
  404: 'Unknown id.',
  409: 'The plan or comparison is not completed yet.',
  413: 'Body over the size limit (PICON_BODY_LIMIT).',
  415: 'Body of another media type than the route reads.',
  422: 'Well-formed, but refers to unknown hubs or receivers, or cannot be planned.',
  503: 'Redis unreachable.',
};
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, json('Error', ERROR_TEXT[s] ?? 'Error.', ERROR_EXAMPLE)]));
/**
 * The answer of a route reading a whole plan when this API process already serves its limit of such reads
 * (read-gate.ts), or when Redis is unreachable.
 */
const BUSY = {
  503: {
    ...json(
      'Error',
      '`BUSY`: this server already serves PICON_MAX_CONCURRENT_PLAN_READS plan reads (each holds a whole plan ' +
        'in memory); or `DEPENDENCY_UNAVAILABLE`: Redis unreachable. Retry after `Retry-After` seconds.',
      BUSY_EXAMPLE,
    ),
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before retrying.',
        schema: { type: 'integer', minimum: 1 },
      },
    },
  },
};

const idParams = z.object({
  id: z.string().min(1).describe('Plan or comparison id, as returned on submission.'),
});
const idempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string()
    .max(200)
    .optional()
    .describe(
      'Same key from the same caller gives the same id; without it, identical content gives the same id.',
    ),
});
const BEARER = [{ bearer: [] }];

type Route = Omit<RouteConfig, 'responses'> & { responses: Record<number, unknown> };

/** Every route of the API, as the routers in routes/ serve them. */
const ROUTES: Route[] = [
  {
    method: 'post',
    path: '/v1/orders',
    operationId: 'submitOrders',
    tags: ['orders'],
    summary: "Submit a carrier's orders for a hub and day",
    description:
      "Idempotent by order id: resubmitting an id replaces the order. A carrier key's orders get its carrier; an admin names it per order. " +
      'The body is JSON, or a spreadsheet export as `text/csv` with `?hub=&date=` (`,` `;` or tab separated, decimal point or comma, ' +
      'UTF-8 with or without BOM; columns `id, carrierId?, receiverId, kind?, kg, m3?, units?, windowStart?, windowEnd?, note?`).',
    request: {
      query: listOrdersQuerySchema.partial().describe('Only for a CSV body: the hub and day of the orders.'),
      body: {
        required: true,
        content: {
          'application/json': { schema: ref('SubmitOrders'), example: SUBMIT_ORDERS_EXAMPLE },
          'text/csv': { schema: { type: 'string' }, example: ORDERS_CSV_EXAMPLE },
        },
      },
    },
    responses: {
      200: json('SubmitOrdersResponse', 'Stored: how many orders were new and how many replaced.', {
        hubId: 'CMDU',
        date: '2025-03-18',
        accepted: 2,
        created: 2,
        replaced: 0,
      }),
      ...errors(400, 401, 403, 413, 415, 422),
    },
  },
  {
    method: 'get',
    path: '/v1/orders',
    operationId: 'listOrders',
    tags: ['orders'],
    summary: 'List the orders of a hub and day',
    description: 'A carrier sees only its own orders; dispatchers and planners see all.',
    request: { query: listOrdersQuerySchema },
    responses: { 200: json('Orders', 'The stored orders.'), ...errors(400, 401, 403) },
  },
  {
    method: 'post',
    path: '/v1/plans',
    operationId: 'createPlan',
    tags: ['plans'],
    summary: 'Plan a whole scenario',
    description:
      'Queues the plan (planner role) and answers its id at once; follow it with `GET /v1/plans/{id}` or its event stream. ' +
      "The plan equals `picon plan`'s for the same seed and effort. With `?seeds=N` the scenario is planned with N seeds " +
      'as a comparison, whose spread is `GET /v1/comparisons/{id}/spread`.',
    request: {
      query: seedsQuerySchema,
      headers: idempotencyHeaders,
      body: {
        required: true,
        content: { 'application/json': { schema: ref('Scenario'), example: SCENARIO_EXAMPLE } },
      },
    },
    responses: {
      202: json('JobAccepted', 'Queued.', JOB_ACCEPTED_EXAMPLE),
      ...errors(400, 401, 403, 413, 415),
    },
  },
  {
    method: 'post',
    path: '/v1/hubs/{hubId}/days/{date}/plan',
    operationId: 'planHubDay',
    tags: ['plans'],
    summary: "Plan a hub's day from the stored orders",
    description:
      "Dispatcher role: the hub's reference data and the carriers' stored orders of that day, planned as one scenario.",
    request: { params: hubDayParamsSchema, headers: idempotencyHeaders },
    responses: {
      202: json('JobAccepted', 'Queued.', JOB_ACCEPTED_EXAMPLE),
      ...errors(400, 401, 403, 404, 422),
    },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}',
    operationId: 'getPlan',
    tags: ['plans'],
    summary: 'Get a plan: status, progress and result',
    description:
      'The plan itself is in `result` once `status` is `completed`. Per-carrier figures (`allocation`, ' +
      '`emissions.carriers`, `emissions.consignments`) are shown to planner and admin keys only: other readers get ' +
      'them empty, with a warning in `meta.warnings`; a carrier reads its own share at `GET /v1/plans/{id}/share`.',
    request: { params: idParams },
    responses: {
      200: json('PlanStatus', 'Status, progress and, when completed, the plan.'),
      ...errors(401, 403, 404),
      ...BUSY,
    },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}/share',
    operationId: 'getCarrierShare',
    tags: ['plans'],
    summary: "One carrier's cost share and emission statement",
    description:
      "A carrier key reads its own allocation row and ISO 14083 / GLEC emission statement (its orders' tonne-km, " +
      'CO2e and intensity alone and pooled, method and factors) of any completed plan that has its orders, and ' +
      "nothing of other carriers: 404 for a plan without its orders or not completed, 403 for another carrier's " +
      'share. Planner and admin keys name the carrier with `?carrier=` (a plan they may read; 409 until it is ' +
      'completed; 404 naming the nearest carrier id for an unknown one).',
    request: { params: idParams, query: shareQuerySchema },
    responses: {
      200: json('CarrierShare', "The carrier's share."),
      ...errors(400, 401, 403, 404, 409),
      ...BUSY,
    },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}/events',
    operationId: 'streamPlanEvents',
    tags: ['plans'],
    summary: "Follow a plan's progress (server-sent events)",
    description:
      'Events: `status`, `active`, `progress` `{ percent, bestCost, phase }`, then `completed` or `failed`.',
    request: { params: idParams },
    responses: {
      200: {
        description: 'An event stream.',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      ...errors(401, 403, 404),
    },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}/geojson',
    operationId: 'getPlanGeoJson',
    tags: ['plans'],
    summary: 'Export a plan as GeoJSON',
    description: 'Routes as LineStrings and stops as Points of a completed plan, KPIs in the properties.',
    request: { params: idParams },
    responses: {
      200: {
        description: 'A GeoJSON FeatureCollection.',
        content: { 'application/geo+json': { schema: { type: 'object' } } },
      },
      ...errors(401, 403, 404, 409),
      ...BUSY,
    },
  },
  {
    method: 'get',
    path: '/v1/plans/{id}/runsheets.csv',
    operationId: 'getPlanRunSheets',
    tags: ['plans'],
    summary: 'Export the run sheets of a plan as CSV',
    description:
      'Per vehicle and trip: a loading row, one row per stop (arrival, window, orders, kg / m3 / units to unload and collect), a return row.',
    request: { params: idParams },
    responses: {
      200: { description: 'CSV, one row per step.', content: { 'text/csv': { schema: { type: 'string' } } } },
      ...errors(401, 403, 404, 409),
      ...BUSY,
    },
  },
  ...(
    [
      [
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Xlsx',
        'one worksheet per vehicle',
      ],
      ['pdf', 'application/pdf', 'Pdf', 'one A4 page per vehicle, to hand to the driver'],
    ] as const
  ).map(([ext, type, name, what]): Route => ({
    method: 'get',
    path: `/v1/plans/{id}/runsheets.${ext}`,
    operationId: `getPlanRunSheets${name}`,
    tags: ['plans'],
    summary: `Export the run sheets of a plan as ${ext.toUpperCase()}`,
    description: `The run sheets of the CSV export, ${what}.`,
    request: { params: idParams },
    responses: {
      200: {
        description: `${ext.toUpperCase()} file.`,
        content: { [type]: { schema: { type: 'string', format: 'binary' } } },
      },
      ...errors(401, 403, 404, 409),
      ...BUSY,
    },
  })),
  {
    method: 'post',
    path: '/v1/comparisons',
    operationId: 'createComparison',
    tags: ['comparisons'],
    summary: 'Compare scenario variants',
    description:
      'Whole scenarios, or a base and JSON Merge Patches (as `picon compare` reads): one plan per variant, then KPIs, savings and allocation side by side.',
    request: {
      headers: idempotencyHeaders,
      body: {
        required: true,
        content: { 'application/json': { schema: ref('ComparisonRequest'), example: COMPARISON_EXAMPLE } },
      },
    },
    responses: {
      202: json('JobAccepted', 'Queued.', { id: 'c5d1e0f4b2a3c6d7e8f9a0b1c2d3e4f5a6', status: 'queued' }),
      ...errors(400, 401, 403, 413, 415),
    },
  },
  {
    method: 'get',
    path: '/v1/comparisons/{id}',
    operationId: 'getComparison',
    tags: ['comparisons'],
    summary: 'Get a comparison: status and result',
    description: 'Each variant of the result carries the id of its plan.',
    request: { params: idParams },
    responses: {
      200: json('ComparisonStatus', 'Status, progress and, when completed, the variants.'),
      ...errors(401, 403, 404),
    },
  },
  {
    method: 'get',
    path: '/v1/comparisons/{id}/spread',
    operationId: 'getSeedSpread',
    tags: ['comparisons'],
    summary: "Get the seed spread of a scenario's plans",
    description:
      'For `POST /v1/plans?seeds=N`: every KPI, saving and cause as median, min and max over the seeds.',
    request: { params: idParams },
    responses: {
      200: json('SeedSpread', 'Median, min and max of every figure.'),
      ...errors(401, 403, 404, 409, 422),
    },
  },
  {
    method: 'get',
    path: '/v1/hubs',
    operationId: 'listHubs',
    tags: ['reference'],
    summary: 'List hubs with their fleet',
    description: 'Reference data, readable by every role.',
    responses: { 200: json('Hubs', 'Hubs, each with its fleet.'), ...errors(401) },
  },
  {
    method: 'put',
    path: '/v1/hubs',
    operationId: 'replaceHubs',
    tags: ['reference'],
    summary: 'Replace the hubs',
    description:
      'Admin role: the whole list of hubs, each with its whole fleet; every API process serves it from then on.',
    request: { body: { required: true, content: { 'application/json': { schema: ref('Hubs') } } } },
    responses: { 200: json('Hubs', 'The stored list.'), ...errors(400, 401, 403, 413, 415, 422) },
  },
  {
    method: 'get',
    path: '/v1/hubs/{hubId}',
    operationId: 'getHub',
    tags: ['reference'],
    summary: 'Get a hub with its fleet',
    description: 'Reference data, readable by every role.',
    request: { params: z.object({ hubId: idSchema }) },
    responses: { 200: json('Hub', 'The hub and its fleet.'), ...errors(401, 404) },
  },
  {
    method: 'get',
    path: '/v1/carriers',
    operationId: 'listCarriers',
    tags: ['reference'],
    summary: 'List carriers',
    description: 'Reference data, readable by every role.',
    responses: { 200: json('Carriers', 'Carriers with their depots and baseline vehicles.'), ...errors(401) },
  },
  {
    method: 'put',
    path: '/v1/carriers',
    operationId: 'replaceCarriers',
    tags: ['reference'],
    summary: 'Replace the carriers',
    description: 'Admin role: the whole list; every API process serves it from then on.',
    request: { body: { required: true, content: { 'application/json': { schema: ref('Carriers') } } } },
    responses: { 200: json('Carriers', 'The stored list.'), ...errors(400, 401, 403, 413, 415, 422) },
  },
  {
    method: 'get',
    path: '/v1/receivers',
    operationId: 'listReceivers',
    tags: ['reference'],
    summary: 'List receivers',
    description: 'Receivers with their windows and access rules, readable by every role.',
    responses: { 200: json('Receivers', 'Receivers.'), ...errors(401) },
  },
  {
    method: 'put',
    path: '/v1/receivers',
    operationId: 'replaceReceivers',
    tags: ['reference'],
    summary: 'Replace the receivers',
    description: 'Admin role: the whole list; every API process serves it from then on.',
    request: { body: { required: true, content: { 'application/json': { schema: ref('Receivers') } } } },
    responses: { 200: json('Receivers', 'The stored list.'), ...errors(400, 401, 403, 413, 415, 422) },
  },
  {
    method: 'get',
    path: '/v1/vehicle-types',
    operationId: 'listVehicleTypes',
    tags: ['reference'],
    summary: 'List vehicle types',
    description:
      'Built-in type ids and the seeded definitions (capacity, speed, costs, energy with its source).',
    responses: { 200: json('VehicleTypes', 'Vehicle types.'), ...errors(401) },
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'liveness',
    tags: ['ops'],
    summary: 'Liveness',
    description: 'The process answers.',
    security: [],
    responses: {
      200: {
        description: 'Alive.',
        content: { 'application/json': { schema: { type: 'object' }, example: { status: 'ok' } } },
      },
    },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'readiness',
    tags: ['ops'],
    summary: 'Readiness',
    description: 'Redis answers: the API can queue plans and store orders.',
    security: [],
    responses: {
      200: {
        description: 'Ready.',
        content: { 'application/json': { schema: { type: 'object' }, example: { status: 'ready' } } },
      },
      ...errors(503),
    },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tags: ['ops'],
    summary: 'Prometheus metrics',
    description: 'HTTP timings, queue depths and job durations in the text exposition format.',
    security: [],
    responses: {
      200: {
        description: 'Text exposition format.',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    },
  },
];

const TAGS = [
  { name: 'orders', description: "Carriers' orders for a hub and day." },
  { name: 'plans', description: 'Plans of a scenario or of a hub day, their progress and exports.' },
  { name: 'comparisons', description: 'Scenario variants and seed spreads side by side.' },
  { name: 'reference', description: 'Hubs, fleet, carriers, receivers and vehicle types.' },
  { name: 'ops', description: 'Health and metrics, without a key.' },
];

/**
 * The OpenAPI 3.1 document served at /openapi.json, generated (never hand-edited): paths, parameters and
 * headers by @asteasolutions/zod-to-openapi from the zod schemas that validate them, bodies and responses as
 * references to the components of componentSchemas().
 */
export function buildOpenApi(version: string): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  for (const [name, schema] of Object.entries(componentSchemas()))
    registry.registerComponent('schemas', name, schema);
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of PICON_API_KEYS_FILE (`Authorization: Bearer KEY`).',
  });
  for (const route of ROUTES) registry.registerPath({ security: BEARER, ...route } as RouteConfig);
  const generated = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'picon API',
      version,
      description:
        'Physical-internet consolidation for last-kilometre city freight: carriers submit orders, dispatchers plan a hub day, ' +
        'planners compare scenarios. Units are in the field names (`distanceKm`, `energyKWh`, `co2eKg`); times are local `HH:MM` ' +
        "in the scenario's timezone. Every /v1 route needs `Authorization: Bearer KEY`.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // relative: "Try it out" in /docs calls the server that serves the document, wherever it runs
    servers: [{ url: '/', description: 'The server serving this document' }],
    tags: TAGS,
  });
  return generated as unknown as Record<string, unknown>;
}
