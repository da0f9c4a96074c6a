import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ROUTE_TABLE, type RouteAccess } from '../../src/api/route-table.ts';
import { bearer, KEYS, testApp } from './harness.ts';

// Issue 11, finding 7: every route's role is declared in one table; this walks the app against it.
interface Layer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** "METHOD /path" of every route the app serves (mounted routers included, admin UI as ALL). */
function servedRoutes(app: Express): string[] {
  const out = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          out.add(`${m === '_all' ? 'ALL' : m.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.name === 'router' && layer.handle.stack)
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : (layer.rawPath ?? '')));
      else if (layer.rawPath?.startsWith('/admin')) out.add(`ALL ${prefix}${layer.rawPath}`);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...out].sort();
}

/** The test app with a stand-in for Bull Board, so /admin/queues is mounted as in `picon serve`. */
const appWithAdminUi = (): Express => testApp({ adminQueues: (_req, res) => void res.send('board') }).app;

/** A concrete path for a route template. */
const concrete = (path: string) =>
  path
    .replace(':hubId', 'hub-a')
    .replace(':date', '2025-03-04')
    .replace(':id', `p${'0'.repeat(32)}`);

const CALLERS: [string, string | undefined, string | undefined][] = [
  ['no key', undefined, undefined],
  ['carrier', 'carrier', KEYS.dhl],
  ['dispatcher', 'dispatcher', KEYS.dispatcher],
  ['planner', 'planner', KEYS.plannerDetail],
  ['metrics', 'metrics', KEYS.metrics],
  ['admin', 'admin', KEYS.admin],
];

const allowed = (access: RouteAccess, role: string | undefined) =>
  access === 'public' ||
  role === 'admin' ||
  (role !== undefined && (access as readonly string[]).includes(role));

describe('the route table', () => {
  it('lists exactly the routes the app serves', () => {
    expect(servedRoutes(appWithAdminUi())).toEqual(Object.keys(ROUTE_TABLE).sort());
  });

  const cases = Object.entries(ROUTE_TABLE).flatMap(([route, access]) =>
    CALLERS.map(([who, role, key]) => [route, who, access, role, key] as const),
  );
  it.each(cases)('%s called by %s', async (route, _who, access, role, key) => {
    const app = appWithAdminUi();
    const [method, path] = route.split(' ') as [string, string];
    const verb = (method === 'ALL' ? 'get' : method.toLowerCase()) as 'get' | 'post' | 'put' | 'delete';
    let req = request(app)[verb](concrete(path));
    if (key) req = req.set(bearer(key));
    if (verb !== 'get' && verb !== 'delete') req = req.set('Origin', 'http://127.0.0.1').send({});
    const res = await req;
    const roleRefused = res.status === 403 && /may not do this/.test(res.body?.error?.message ?? '');
    if (allowed(access, role)) {
      expect(res.status, `${res.status} ${JSON.stringify(res.body)}`).not.toBe(401);
      expect(roleRefused).toBe(false);
    } else if (key === undefined) expect(res.status).toBe(401);
    else expect(roleRefused, `${res.status} ${JSON.stringify(res.body)}`).toBe(true);
  });
});
