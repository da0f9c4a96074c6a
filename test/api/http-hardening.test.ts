import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serveEnv } from '../../src/cli/commands/serve-run.ts';
import { bearer, KEYS, testApp } from './harness.ts';

// Issue 11, finding 7: HTTP hardening, each item as it was found.
const basic = (key: string) => ({ Authorization: `Basic ${Buffer.from(`admin:${key}`).toString('base64')}` });

describe('HTTP hardening', () => {
  it('sends nosniff and HSTS on every answer', async () => {
    const { app } = testApp();
    for (const res of [
      await request(app).get('/healthz'),
      await request(app).get('/v1/hubs').set(bearer(KEYS.planner)),
      await request(app).get('/v1/hubs'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    }
  });

  it('parses Authorization strictly: "Bearer KEY junk" and other variants are 401', async () => {
    const { app } = testApp();
    const get = (header: string) => request(app).get('/v1/hubs').set('Authorization', header);
    expect((await get(`Bearer ${KEYS.planner}`)).status).toBe(200);
    expect((await get(`bearer ${KEYS.planner}`)).status).toBe(200);
    for (const header of [
      `Bearer ${KEYS.planner} junk`,
      `Bearer  ${KEYS.planner}`,
      `Bearer ${KEYS.planner},Bearer x`,
      `${KEYS.planner}`,
      `Token ${KEYS.planner}`,
      'Basic !!!',
    ]) {
      const res = await get(header);
      expect(res.status, header).toBe(401);
      expect(res.body.error.message).toContain('malformed Authorization header');
    }
  });

  it('answers a malformed path (%ff) with 400, not 500', async () => {
    const { app, logged } = testApp();
    const res = await request(app).get('/v1/plans/%ff').set(bearer(KEYS.planner));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(logged).toEqual([]);
  });

  it('closes the connection after refusing a request, so an unread body cannot hold the socket', async () => {
    const { app } = testApp();
    const res = await request(app).post('/v1/plans').set(bearer('not-a-key-0123456789')).send({ a: 1 });
    expect(res.status).toBe(401);
    expect(res.headers['connection']).toBe('close');
  });

  it('limits requests per key with 429 and Retry-After; another key keeps its own budget', async () => {
    const { app } = testApp({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++)
      expect((await request(app).get('/v1/hubs').set(bearer(KEYS.planner))).status).toBe(200);
    const over = await request(app).get('/v1/hubs').set(bearer(KEYS.planner));
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(app).get('/v1/hubs').set(bearer(KEYS.dispatcher))).status).toBe(200);
  });
});

describe('Bull Board (/admin/queues)', () => {
  const board = () => testApp({ adminQueues: (_req, res) => void res.send('board') }).app;

  it("refuses a cross-site form POST carrying the browser's Basic credentials", async () => {
    const app = board();
    const post = () =>
      request(app).post('/admin/queues/api/queues/plans/add').set(basic(KEYS.admin)).type('form');
    expect((await post().set('Origin', 'http://evil.example').send('a=1')).status).toBe(403);
    expect((await post().set('Referer', 'http://evil.example/page').send('a=1')).status).toBe(403);
    expect((await post().set('Sec-Fetch-Site', 'cross-site').send('a=1')).status).toBe(403);
    expect((await post().send('a=1')).status).toBe(403);
  });

  it("lets the board's own page (same origin) and Bearer clients change things, and anyone admin read", async () => {
    const app = board();
    const same = await request(app)
      .post('/admin/queues/api/x')
      .set(basic(KEYS.admin))
      .set('Host', 'picon.example:3000')
      .set('Origin', 'http://picon.example:3000');
    expect(same.status).toBe(200);
    expect((await request(app).post('/admin/queues/api/x').set(bearer(KEYS.admin))).status).toBe(200);
    expect((await request(app).get('/admin/queues').set(basic(KEYS.admin))).status).toBe(200);
    expect((await request(app).get('/admin/queues').set(basic(KEYS.planner))).status).toBe(403);
    const anonymous = await request(app).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Basic');
  });
});

describe('picon serve --dev', () => {
  it('binds 127.0.0.1 unless a host is given', () => {
    expect(serveEnv({}, { dev: true })['HOST']).toBe('127.0.0.1');
    expect(serveEnv({}, { dev: true, host: '0.0.0.0' })['HOST']).toBe('0.0.0.0');
    expect(serveEnv({ HOST: '10.0.0.5' }, { dev: true })['HOST']).toBe('10.0.0.5');
    expect(serveEnv({}, {})['HOST']).toBeUndefined();
  });
});
