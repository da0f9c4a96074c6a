import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/api/access-log.ts';
import { bearer, KEYS, testApp } from './harness.ts';

interface LogEntry {
  level: number;
  req: { id: string; path: string };
  caller?: unknown;
  responseTime?: number;
  [field: string]: unknown;
}

/** An app whose structured log goes to memory, one parsed JSON object per line. */
function loggedApp() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const { app } = testApp({ logger });
  const entries = () => lines.map((l) => JSON.parse(l) as LogEntry);
  return { app, lines, entries, logger };
}

describe('structured access log (pino)', () => {
  it('one JSON line per request with its id, path, status, time and caller; no key, no order, no query', async () => {
    const { app, lines, entries } = loggedApp();
    const res = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .send({
        hubId: 'hub-a',
        date: '2025-03-04',
        orders: [{ id: 'SECRET-ORDER-7', receiverId: 'shop-1', size: { kg: 3 } }],
      });
    expect(res.status).toBe(200);
    await request(app)
      .get('/v1/orders')
      .query({ hub: 'hub-a', date: '2025-03-04' })
      .set(bearer(KEYS.dispatcher));
    const [post, get] = entries();
    expect(post).toMatchObject({
      level: 30,
      service: 'picon-api',
      req: { id: res.headers['x-request-id'], method: 'POST', path: '/v1/orders' },
      res: { statusCode: 200 },
      caller: { role: 'carrier', carrierId: 'dhl' },
      msg: 'request completed',
    });
    expect(typeof post?.responseTime).toBe('number');
    expect(get?.req.path).toBe('/v1/orders');
    expect(get?.caller).toEqual({ role: 'dispatcher' });
    const all = lines.join('\n');
    for (const secret of [KEYS.dhl, KEYS.dispatcher, 'SECRET-ORDER-7', 'shop-1', 'hub=hub-a'])
      expect(all).not.toContain(secret);
  });

  it("keeps a caller's request id when it looks like one, replaces anything else", async () => {
    const { app, entries } = loggedApp();
    const kept = await request(app).get('/healthz').set('X-Request-Id', 'edge-7f3a91c2');
    expect(kept.headers['x-request-id']).toBe('edge-7f3a91c2');
    const replaced = await request(app).get('/healthz').set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries().map((e) => e.req.id)).toEqual(['edge-7f3a91c2', replaced.headers['x-request-id']]);
  });

  it('logs refusals as warnings and failures as errors; redacts keys and orders logged by hand', async () => {
    const { app, entries, logger, lines } = loggedApp();
    await request(app).get('/v1/orders').set('Authorization', 'Bearer nope-nope-nope-nope');
    expect(entries()[0]).toMatchObject({ level: 40, res: { statusCode: 401 } });
    expect(entries()[0]?.caller).toBeUndefined();
    logger.info({ key: KEYS.admin, body: { orders: [{ id: 'X-9' }] }, orders: ['X-9'] }, 'by hand');
    const last = lines.at(-1) as string;
    expect(last).not.toContain(KEYS.admin);
    expect(last).not.toContain('X-9');
    expect(JSON.parse(last)).toMatchObject({ key: '[redacted]', body: '[redacted]', orders: '[redacted]' });
  });
});
