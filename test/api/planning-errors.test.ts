import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/error-handler.ts';
import { InputError, InternalError } from '../../src/domain/errors.ts';

/** An app whose one route throws `err`, behind the API's error handler. */
function throwing(err: unknown) {
  const logged: string[] = [];
  const app = express();
  app.get('/boom', () => {
    throw err;
  });
  app.use(errorHandler((line) => logged.push(line)));
  return { app, logged };
}

describe('HTTP status of a PlanningError: input -> 422, internal -> 500', () => {
  it('answers 422 INVALID_INPUT naming the field for an input error', async () => {
    const { app, logged } = throwing(
      new InputError('UNKNOWN_REFERENCE', 'task refers to hub "H9"', { field: 'task.hubId' }),
    );
    const res = await request(app).get('/boom');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'task refers to hub "H9"',
        issues: [{ path: 'task.hubId', message: 'task refers to hub "H9"' }],
      },
    });
    expect(logged).toEqual([]);
  });

  it('answers 500 INTERNAL for an internal error, without its message, and logs it with its code', async () => {
    const { app, logged } = throwing(
      new InternalError('BROKEN_INVARIANT', 'vehicle index 7 not in the city'),
    );
    const res = await request(app).get('/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      /^internal error BROKEN_INVARIANT: InternalError: vehicle index 7 not in the city/,
    );
  });

  it('answers 500 for errors outside the model, a RangeError included', async () => {
    const { app } = throwing(new RangeError('index 3'));
    expect((await request(app).get('/boom')).status).toBe(500);
  });
});
