import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp } from './harness.ts';

const query = { hub: 'hub-a', date: '2025-03-04' };
/** A French spreadsheet export: BOM, `;`, decimal commas, CRLF and a note running over two lines. */
const FRENCH =
  '\uFEFFid;receiverId;kg;m3;note\r\na;shop-1;12,5;0,1;"sonner\r\nà l\'arrière"\r\nb;shop-2;3;;\r\n';

describe('POST /v1/orders with text/csv', () => {
  it('stores a French export like the same orders in JSON, with the carrier of the key', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/orders')
      .query(query)
      .set(bearer(KEYS.dhl))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(FRENCH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ hubId: 'hub-a', date: '2025-03-04', accepted: 2, created: 2, replaced: 0 });
    const list = await request(app).get('/v1/orders').query(query).set(bearer(KEYS.dispatcher));
    expect(list.body.orders).toEqual([
      { id: 'a', carrierId: 'dhl', receiverId: 'shop-1', size: { kg: 12.5, m3: 0.1 } },
      { id: 'b', carrierId: 'dhl', receiverId: 'shop-2', size: { kg: 3 } },
    ]);
  });

  it('answers 400 naming line and column of bad cells and unknown receivers', async () => {
    const { app } = testApp();
    const res = await request(app)
      .post('/v1/orders')
      .query(query)
      .set(bearer(KEYS.dhl))
      .set('Content-Type', 'text/csv')
      .send('id,receiverId,kg\na,shop-9,1\nb,shop-1,lourd\n');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.issues).toEqual([
      { path: 'line 2, column B (receiverId)', message: 'unknown receiver "shop-9"' },
      { path: 'line 3, column C (kg)', message: '"lourd" is not a number' },
    ]);
  });

  it('needs the hub and date in the query, and still refuses other media types', async () => {
    const { app } = testApp();
    const noQuery = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .set('Content-Type', 'text/csv')
      .send('id,receiverId,kg\na,shop-1,1\n');
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.error.issues.map((d: { path: string }) => d.path)).toEqual(['hub', 'date']);
    const xml = await request(app)
      .post('/v1/orders')
      .set(bearer(KEYS.dhl))
      .set('Content-Type', 'application/xml')
      .send('<orders/>');
    expect(xml.status).toBe(415);
    const csvElsewhere = await request(app)
      .post('/v1/plans')
      .set(bearer(KEYS.planner))
      .set('Content-Type', 'text/csv')
      .send('a,b\n');
    expect(csvElsewhere.status).toBe(415);
  });
});
