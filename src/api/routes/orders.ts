import { Router } from 'express';
import type { Order } from '../../contracts/index.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { csvOrdersBody } from '../csv-orders-body.ts';
import type { Principal } from '../auth.ts';
import { principalOf, requireHub } from '../auth.ts';
import { allow } from '../route-table.ts';
import { deliveryDayTtlSeconds } from '../order-dates.ts';
import type { ReferenceRegistry } from '../reference-data.ts';
import {
  cancelOrderQuerySchema,
  cancelOrdersSchema,
  listOrdersQuerySchema,
  submitOrdersSchema,
} from '../schemas.ts';
import { parseWith, pathParam } from '../validate.ts';

/** A day's order limit is reached: waiting does not free room, cancelling does; retry in an hour at the soonest. */
const ORDER_LIMIT_RETRY_AFTER_SECONDS = 3600;

function knownHub(reference: ReferenceRegistry, hubId: string, field: string): void {
  if (!reference.hasHub(hubId))
    throw new ApiError('UNKNOWN_HUB', `unknown hub "${hubId}"`, [
      { path: field, message: `unknown hub "${hubId}"` },
    ]);
}

/**
 * The carrier a request acts for: a carrier key's own (naming another is 403), or the one an admin names.
 * It must be a carrier of the reference data: orders of an unknown carrier would block the hub's day plan.
 */
function actingCarrier(
  p: Principal,
  named: string | undefined,
  reference: ReferenceRegistry,
  field: string,
): string {
  const carrierId = p.carrierId ?? named;
  if (!carrierId)
    throw new ApiError('VALIDATION_FAILED', 'invalid request', [
      { path: field, message: 'required for keys without a carrier' },
    ]);
  if (named !== undefined && named !== carrierId)
    throw new ApiError('FORBIDDEN', `${field} "${named}" is not your carrier "${carrierId}"`);
  if (!reference.hasCarrier(carrierId))
    throw new ApiError('UNKNOWN_CARRIER', `unknown carrier "${carrierId}"`, [
      { path: field, message: `"${carrierId}" is not a carrier of the reference data (GET /v1/carriers)` },
    ]);
  return carrierId;
}

/**
 * Carriers' orders: POST /v1/orders (idempotent by carrier and order id, bounded per carrier and day),
 * GET /v1/orders (pages; a carrier sees its own, a dispatcher its hubs', a planner only when granted),
 * DELETE /v1/orders/{id} and POST /v1/orders/cancel.
 */
export function ordersRouter(deps: AppDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;

  router.post('/orders', allow('POST /v1/orders'), async (req, res) => {
    const principal = principalOf(res.locals);
    const raw = typeof req.body === 'string' ? await csvOrdersBody(req, deps, principal) : req.body;
    const body = parseWith(submitOrdersSchema, raw);
    const reference = await deps.reference.current();
    knownHub(reference, body.hubId, 'hubId');
    const ttlSeconds = deliveryDayTtlSeconds(body.date, deps.config.orders, now());
    const orders: Order[] = body.orders.map((o, i) => ({
      ...o,
      carrierId: actingCarrier(principal, o.carrierId, reference, `orders[${i}].carrierId`),
    }));
    const unknown = orders.flatMap((o, i) =>
      reference.hasReceiver(o.receiverId) ? [] : [{ i, id: o.receiverId }],
    );
    if (unknown.length > 0) {
      const names = [...new Set(unknown.map((u) => u.id))];
      throw new ApiError(
        'UNKNOWN_RECEIVERS',
        `unknown receivers: ${names.join(', ')}`,
        unknown.map((u) => ({ path: `orders[${u.i}].receiverId`, message: `unknown receiver "${u.id}"` })),
      );
    }
    const limit = deps.config.orders.maxPerCarrierDay;
    const result = await deps.orders.upsertOrders(body.hubId, body.date, orders, {
      maxPerCarrier: limit,
      ttlSeconds,
    });
    if ('refused' in result) {
      const r = result.refused;
      throw new ApiError(
        'TOO_MANY_ORDERS',
        `carrier "${r.carrierId}" holds ${r.stored} orders at ${body.hubId} on ${body.date}; at most ${r.limit} per day: cancel some or ask for a higher limit`,
        [{ path: 'orders', message: `at most ${r.limit} orders per carrier, hub and day` }],
        ORDER_LIMIT_RETRY_AFTER_SECONDS,
      );
    }
    res.status(200).json({ hubId: body.hubId, date: body.date, accepted: orders.length, ...result });
  });

  router.get('/orders', allow('GET /v1/orders'), async (req, res) => {
    const principal = principalOf(res.locals);
    if (principal.role === 'planner' && !principal.carrierDetail)
      throw new ApiError(
        'FORBIDDEN',
        'planners see aggregated figures (plans, comparisons); order lists name carriers and need a key with carrierDetail',
      );
    const query = parseWith(listOrdersQuerySchema, req.query, 'query');
    requireHub(principal, query.hub);
    if (
      principal.carrierId !== undefined &&
      query.carrier !== undefined &&
      query.carrier !== principal.carrierId
    )
      throw new ApiError(
        'FORBIDDEN',
        `carrier "${query.carrier}" is not your carrier "${principal.carrierId}"`,
      );
    const carrierId = principal.carrierId ?? query.carrier;
    const page = await deps.orders.listOrders(query.hub, query.date, {
      ...(carrierId !== undefined ? { carrierId } : {}),
      ...(query.after !== undefined ? { after: query.after } : {}),
      limit: query.limit,
    });
    if (page.next !== undefined) {
      const next = new URLSearchParams({ hub: query.hub, date: query.date, after: page.next });
      if (query.carrier !== undefined) next.set('carrier', query.carrier);
      res.links({ next: `/v1/orders?${next.toString()}` });
    }
    res.json(page);
  });

  router.delete('/orders/:id', allow('DELETE /v1/orders/:id'), async (req, res) => {
    const id = pathParam(req.params, 'id');
    const query = parseWith(cancelOrderQuerySchema, req.query, 'query');
    const reference = await deps.reference.current();
    const carrierId = actingCarrier(principalOf(res.locals), query.carrier, reference, 'carrier');
    const [cancelled] = await deps.orders.cancelOrders(query.hub, query.date, carrierId, [id]);
    if (cancelled === undefined)
      throw new ApiError(
        'NOT_FOUND',
        `no order "${id}" of carrier "${carrierId}" at ${query.hub} on ${query.date}`,
      );
    res.json({ cancelled: [cancelled], notFound: [] });
  });

  router.post('/orders/cancel', allow('POST /v1/orders/cancel'), async (req, res) => {
    const body = parseWith(cancelOrdersSchema, req.body);
    const reference = await deps.reference.current();
    const carrierId = actingCarrier(principalOf(res.locals), body.carrierId, reference, 'carrierId');
    const cancelled = await deps.orders.cancelOrders(
      body.hubId,
      body.date,
      carrierId,
      body.orderIds ?? 'all',
    );
    const done = new Set(cancelled);
    const notFound = [...new Set(body.orderIds ?? [])].filter((id) => !done.has(id)).sort();
    res.json({ cancelled, notFound });
  });

  return router;
}
