import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/solver/rng.ts';
import { aborted, anyOf, maxIterations, maxRuntime } from '../../src/solver/stop/stop-criteria.ts';

const progress = (iteration: number, elapsedMs: number) => ({
  iteration,
  elapsedMs,
  bestCost: 0,
  fraction: 0,
});

describe('Rng', () => {
  it('repeats for a seed, differs across seeds, stays in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    for (let i = 0; i < 200; i++) {
      const k = a.int(3, 5);
      expect(k >= 3 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
  });
});

describe('stop criteria', () => {
  it('compose with anyOf', () => {
    const controller = new AbortController();
    const stop = anyOf(maxRuntime(100), maxIterations(10), aborted(controller.signal));
    expect(stop(progress(5, 50))).toBe(false);
    expect(stop(progress(10, 50))).toBe(true);
    expect(stop(progress(5, 100))).toBe(true);
    controller.abort();
    expect(stop(progress(0, 0))).toBe(true);
  });
});
