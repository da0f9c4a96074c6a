import { Router } from 'express';
import type { Order } from '../../contracts/index.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { principalOf, requireRole } from '../auth.ts';
import { csvOrdersBody } from '../csv-orders-body.ts';
import { listOrdersQuerySchema, submitOrdersSchema } from '../schemas.ts';
import { parseWith } from '../validate.ts';

/** POST /v1/orders (carriers; idempotent by order id) and GET /v1/orders?hub=&date= (a carrier sees its own). */
export function ordersRouter(deps: AppDeps): Router {
  const router = Router();

  router.post('/orders', requireRole('carrier'), async (req, res) => {
    const principal = principalOf(res.locals);
    const raw = typeof req.body === 'string' ? await csvOrdersBody(req, deps, principal) : req.body;
    const body = parseWith(submitOrdersSchema, raw);
    const reference = await deps.reference.current();
    if (!reference.hasHub(body.hubId)) {
      throw new ApiError('UNKNOWN_HUB', `unknown hub "${body.hubId}"`, [
        { path: 'hubId', message: `unknown hub "${body.hubId}"` },
      ]);
    }
    const orders: Order[] = body.orders.map((o, i) => {
      const carrierId = principal.carrierId ?? o.carrierId;
      if (!carrierId) {
        throw new ApiError('VALIDATION_FAILED', 'invalid request body', [
          { path: `orders[${i}].carrierId`, message: 'required for keys without a carrier' },
        ]);
      }
      if (o.carrierId !== undefined && o.carrierId !== carrierId) {
        throw new ApiError(
          'FORBIDDEN',
          `orders[${i}].carrierId "${o.carrierId}" is not your carrier "${carrierId}"`,
        );
      }
      return { ...o, carrierId };
    });
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
    const { created, replaced } = await deps.orders.upsertOrders(body.hubId, body.date, orders);
    res.status(200).json({ hubId: body.hubId, date: body.date, accepted: orders.length, created, replaced });
  });

  router.get('/orders', requireRole('carrier', 'dispatcher', 'planner'), async (req, res) => {
    const principal = principalOf(res.locals);
    const query = parseWith(listOrdersQuerySchema, req.query, 'query');
    const carrierId = principal.role === 'carrier' ? principal.carrierId : undefined;
    res.json({ orders: await deps.orders.listOrders(query.hub, query.date, carrierId) });
  });

  return router;
}
