import { z } from 'zod';
import {
  carrierSchema,
  comparisonSpecSchema,
  comparisonVariantSchema,
  fleetSchema,
  hubSchema,
  idSchema,
  LIMITS,
  orderSchema,
  planSchema,
  receiverSchema,
  scenarioSchema,
  strictObject,
  vehicleTypeSchema,
} from '../contracts/index.ts';

// HTTP bodies built from the contract schemas (src/contracts stays the wire truth; these only wrap it).
// Request bodies are strict like the scenario: an unknown key is an error naming the nearest known one.

/**
 * An order id over the API: "/" is refused because the day's plan names ids two carriers share
 * `carrierId/orderId`; without "/" in ids that name cannot be another order's (`N1` of carrier `nordcolis`
 * and `nordcolis/N1` collided before).
 */
export const apiOrderIdSchema = idSchema.refine((id) => !id.includes('/'), {
  message: 'order ids may not contain "/" (the day plan writes ids two carriers share as carrierId/orderId)',
});

/** An order as a carrier submits it: `carrierId` comes from the API key (admins must give it). */
export const orderInputSchema = orderSchema.extend({ id: apiOrderIdSchema, carrierId: idSchema.optional() });

export const submitOrdersSchema = strictObject({
  hubId: idSchema,
  date: z.iso.date(),
  orders: z.array(orderInputSchema).min(1, 'expected at least one order').max(LIMITS.ordersPerRequest),
}).superRefine((body, ctx) => {
  const seen = new Set<string>();
  body.orders.forEach((o, i) => {
    const key = `${o.carrierId ?? ''}\u0000${o.id}`;
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: ['orders', i, 'id'], message: `duplicate order id "${o.id}"` });
    seen.add(key);
  });
});

export const submitOrdersResponseSchema = z.object({
  hubId: idSchema,
  date: z.string(),
  accepted: z.number().int(),
  created: z.number().int(),
  replaced: z.number().int(),
});

export const listOrdersQuerySchema = strictObject({
  hub: idSchema,
  date: z.iso.date(),
  /** Only this carrier's orders (carrier keys always see only their own). */
  carrier: idSchema.optional(),
  /** The `next` cursor of the previous page. */
  after: z
    .string()
    .max(4 * LIMITS.idLength + 16)
    .optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.ordersPageSize).default(LIMITS.ordersPageSize),
});
export const ordersResponseSchema = z.object({
  orders: z.array(orderSchema),
  /** Cursor of the next page (`after=`); absent on the last page. */
  next: z.string().optional(),
});

/** `DELETE /v1/orders/{id}?hub=&date=` (admins add `carrier=`). */
export const cancelOrderQuerySchema = strictObject({
  hub: idSchema,
  date: z.iso.date(),
  carrier: idSchema.optional(),
});

/** `POST /v1/orders/cancel`: some of a carrier's orders of a day, or all of them. */
export const cancelOrdersSchema = strictObject({
  hubId: idSchema,
  date: z.iso.date(),
  carrierId: idSchema.optional(),
  orderIds: z.array(idSchema).min(1).max(LIMITS.ordersPerRequest).optional(),
  all: z.literal(true).optional(),
}).refine((b) => (b.orderIds === undefined) !== (b.all === undefined), {
  message: 'give either orderIds or "all": true',
  path: ['orderIds'],
});
export const cancelOrdersResponseSchema = z.object({
  cancelled: z.array(z.string()),
  notFound: z.array(z.string()),
});

export const hubDayParamsSchema = z.object({ hubId: idSchema, date: z.iso.date() });

/** `POST /v1/comparisons` with whole scenarios: `{ variants: [{ name, scenario }] }`. */
export const comparisonRequestSchema = strictObject({
  variants: z
    .array(strictObject({ name: z.string().min(1).max(100), scenario: scenarioSchema }))
    .min(1, 'expected at least one variant')
    .max(LIMITS.comparisonVariants)
    .superRefine((vs, ctx) => {
      const seen = new Set<string>();
      vs.forEach((v, i) => {
        if (seen.has(v.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate variant name "${v.name}"` });
        seen.add(v.name);
      });
    }),
});

/**
 * Both bodies `POST /v1/comparisons` takes (for the API description; the route tells them apart by `base`):
 * whole scenarios, or `{ base, variants: [{ name, description?, patch?, each? }] }` as `picon compare` reads
 * (src/contracts/comparison-spec.ts), with the base inline.
 */
export const comparisonBodySchema = z.union([comparisonRequestSchema, comparisonSpecSchema]);

export const jobAcceptedSchema = z.object({ id: z.string(), status: z.literal('queued') });

const statusSchema = z.enum(['queued', 'active', 'completed', 'failed']);

export const planStatusSchema = z.object({
  id: z.string(),
  status: statusSchema,
  progress: z.object({ percent: z.number(), bestCost: z.number().nullable(), phase: z.string().optional() }),
  result: planSchema.optional(),
  error: z.string().optional(),
});

/** The result: `picon compare --json`'s shape, each variant with its plan id. */
export const comparisonSchema = z.object({
  variants: z.array(comparisonVariantSchema.extend({ planId: z.string() })),
});

export const comparisonStatusSchema = z.object({
  id: z.string(),
  status: statusSchema,
  progress: z.object({ variantsDone: z.number().int(), variants: z.number().int() }),
  result: comparisonSchema.optional(),
  error: z.string().optional(),
});

export const hubWithFleetSchema = hubSchema.extend({ fleet: z.array(fleetSchema).max(LIMITS.fleetEntries) });
// also the bodies of the reference data PUTs
export const hubsResponseSchema = strictObject({ hubs: z.array(hubWithFleetSchema).max(LIMITS.hubs) });
export const carriersResponseSchema = strictObject({ carriers: z.array(carrierSchema).max(LIMITS.carriers) });
export const receiversResponseSchema = strictObject({
  receivers: z.array(receiverSchema).max(LIMITS.receivers),
});
export const vehicleTypesResponseSchema = z.object({ vehicleTypes: z.array(vehicleTypeSchema) });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** `GET /v1/plans/{id}/share?carrier=ID`: whose share; a carrier key's own when absent. */
export const shareQuerySchema = strictObject({
  carrier: idSchema.optional(),
});

/** Bounds of `POST /v1/plans?seeds=N`: one plan job per seed. */
export const MAX_SEEDS = LIMITS.comparisonVariants;
export const seedsQuerySchema = strictObject({
  seeds: z.coerce
    .number()
    .int()
    .min(2, 'expected 2 or more seeds (one seed: leave seeds out)')
    .max(MAX_SEEDS, `expected at most ${MAX_SEEDS} seeds`)
    .optional(),
});
