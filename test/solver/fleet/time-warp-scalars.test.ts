import { describe, expect, it } from 'vitest';
import { concatInto, insertWarp, joinWarp, SEG, TW } from '../../../src/solver/fleet/time-warp.ts';
import { Rng } from '../../../src/solver/rng.ts';

/** A segment (duration, time warp, earliest, latest) with windows that often force waiting or warp. */
function randomSegment(rng: Rng, out: Float64Array, o: number): void {
  const e = rng.next() * 1000;
  out[o] = rng.next() * 200;
  out[o + TW] = rng.next() < 0.5 ? 0 : rng.next() * 50;
  out[o + 2] = e;
  out[o + 3] = e + (rng.next() < 0.3 ? 0 : rng.next() * 300);
}

describe('time warp without writing segments', () => {
  it('joinWarp and insertWarp equal concatInto to the bit, with waits and warps on both joins', () => {
    const rng = new Rng(11);
    const segs = new Float64Array(3 * SEG);
    const out = new Float64Array(2 * SEG);
    // how often each join waits and warps: both branches of both joins must be exercised
    const waited = [0, 0];
    const warped = [0, 0];
    for (let trial = 0; trial < 5000; trial++) {
      for (let s = 0; s < 3; s++) randomSegment(rng, segs, SEG * s);
      const t1 = rng.next() * 400;
      const t2 = rng.next() * 400;
      concatInto(out, 0, segs, 0, segs, SEG, t1);
      expect(Object.is(joinWarp(segs, 0, segs, SEG, t1), out[TW])).toBe(true);
      concatInto(out, SEG, out, 0, segs, 2 * SEG, t2);
      expect(Object.is(insertWarp(segs, 0, segs, SEG, t1, segs, 2 * SEG, t2), out[SEG + TW])).toBe(true);
      if (out[0]! > segs[0]! + segs[SEG]! + t1) waited[0]!++;
      if (out[TW]! > segs[TW]! + segs[SEG + TW]!) warped[0]!++;
      if (out[SEG]! > out[0]! + segs[2 * SEG]! + t2) waited[1]!++;
      if (out[SEG + TW]! > out[TW]! + segs[2 * SEG + TW]!) warped[1]!++;
    }
    for (const count of [...waited, ...warped]) {
      expect(count).toBeGreaterThan(500);
      expect(5000 - count).toBeGreaterThan(500);
    }
  });
});
