import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/api-error.ts';
import { BUSY_RETRY_AFTER_SECONDS, PLAN_READS_MAX, ReadGate } from '../../src/api/read-gate.ts';
import { envSchema, loadConfig } from '../../src/config/env.ts';

describe('ReadGate', () => {
  it('hands out `limit` permits, then refuses with 503 BUSY and a Retry-After', () => {
    const gate = new ReadGate(2);
    const first = gate.enter();
    const second = gate.enter();
    expect(gate.inUse).toBe(2);
    let refused: unknown;
    try {
      gate.enter();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ApiError);
    const busy = refused as ApiError;
    expect([busy.code, busy.status, busy.retryAfterSeconds]).toEqual(['BUSY', 503, BUSY_RETRY_AFTER_SECONDS]);
    expect(busy.message).toContain('PICON_MAX_CONCURRENT_PLAN_READS');
    // a refusal takes nothing
    expect(gate.inUse).toBe(2);
    first();
    expect(gate.inUse).toBe(1);
    gate.enter();
    expect(gate.inUse).toBe(2);
    second();
    expect(gate.inUse).toBe(1);
  });

  it('gives a permit back once, however often its release is called', () => {
    const gate = new ReadGate(3);
    const release = gate.enter();
    gate.enter();
    release();
    release();
    release();
    expect(gate.inUse).toBe(1);
  });

  it('refuses a limit outside 1..PLAN_READS_MAX, as the config does', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, PLAN_READS_MAX + 1])
      expect(() => new ReadGate(bad), String(bad)).toThrow(RangeError);
    expect(new ReadGate(PLAN_READS_MAX).limit).toBe(PLAN_READS_MAX);
    const max = envSchema.shape.PICON_MAX_CONCURRENT_PLAN_READS;
    expect(max.safeParse(String(PLAN_READS_MAX)).success).toBe(true);
    expect(max.safeParse(String(PLAN_READS_MAX + 1)).success).toBe(false);
    expect(max.safeParse('0').success).toBe(false);
  });

  it('is configured by PICON_MAX_CONCURRENT_PLAN_READS, 4 by default', () => {
    expect(loadConfig({}).http.maxConcurrentPlanReads).toBe(4);
    expect(loadConfig({ PICON_MAX_CONCURRENT_PLAN_READS: '9' }).http.maxConcurrentPlanReads).toBe(9);
    expect(() => loadConfig({ PICON_MAX_CONCURRENT_PLAN_READS: '65' })).toThrow(
      /PICON_MAX_CONCURRENT_PLAN_READS/,
    );
  });
});
