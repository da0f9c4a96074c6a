import type { Request } from 'express';
import { ApiError } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import type { Principal } from './auth.ts';
import { listOrdersQuerySchema } from './schemas.ts';
import { parseWith } from './validate.ts';

/**
 * `POST /v1/orders?hub=&date=` with a CSV body (a spreadsheet export as is: `,` `;` or tab, decimal commas, a
 * BOM) turned into the JSON body `{ hubId, date, orders }`, which the route then validates like any other.
 * Problems in the file come back by line and column (`line 7, column E (kg)`), unknown receivers included.
 */
export async function csvOrdersBody(
  req: Request,
  deps: AppDeps,
  principal: Principal,
): Promise<{ hubId: string; date: string; orders: unknown[] }> {
  const { hub, date } = parseWith(listOrdersQuerySchema, req.query, 'query (hub and date of a CSV upload)');
  const importer = deps.ordersCsv;
  if (importer === undefined)
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'CSV orders are not accepted here');
  const reference = await deps.reference.current();
  const read = importer(req.body as string, {
    ...(principal.carrierId !== undefined ? { carrierId: principal.carrierId } : {}),
    knownReceiver: (id) => reference.hasReceiver(id),
  });
  if ('problems' in read)
    throw new ApiError(
      'VALIDATION_FAILED',
      'invalid CSV orders',
      read.problems.map((p) => ({
        path: `line ${p.line}${p.column === undefined ? '' : `, column ${p.column}${p.field ? ` (${p.field})` : ''}`}`,
        message: p.message,
      })),
    );
  return { hubId: hub, date, orders: read.orders };
}
