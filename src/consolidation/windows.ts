import type { Window } from '../domain/city.ts';

/** Intersection of two sorted lists of disjoint windows; empty when they never overlap. */
export function intersectWindows(a: readonly Window[], b: readonly Window[]): Window[] {
  const out: Window[] = [];
  for (const [s1, e1] of a) {
    for (const [s2, e2] of b) {
      const s = Math.max(s1, s2);
      const e = Math.min(e1, e2);
      if (s <= e) out.push([s, e]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}
