import { describe, expect, it } from 'vitest';
import { coalitionRoutesWarmStart, type StopRoute } from '../../src/cooperation/warm-start.ts';

// Points on a plane; ids are names, the depot is H at the origin.
const at: Record<string, [number, number]> = {
  H: [0, 0],
  a1: [1, 0],
  b1: [2, 0],
  a2: [3, 0],
  b2: [4, 0],
  a3: [0, 1],
  b3: [0, 2],
  a4: [0, 3],
};
const distance = (p: string, q: string): number => Math.hypot(at[p]![0] - at[q]![0], at[p]![1] - at[q]![1]);
const isA = (id: string): boolean => id.startsWith('a');
const cost = (routes: readonly StopRoute[]): number =>
  routes.reduce((t, r) => {
    const path = [r.start, ...r.stops, r.end ?? r.start];
    return t + path.slice(1).reduce((s, id, k) => s + distance(path[k]!, id), 0);
  }, 0);

describe('coalition routes warm-started from the grand coalition', () => {
  it("removes the others' stops and keeps a route that is already good", () => {
    const grand: StopRoute[] = [{ start: 'H', stops: ['a1', 'b1', 'a2', 'b2'] }];
    const r = coalitionRoutesWarmStart(grand, isA, { distance });
    expect(r.routes).toEqual([{ start: 'H', stops: ['a1', 'a2'] }]);
    expect(r.cost).toBe(6);
    expect(r.costAfterRemoval).toBe(6);
    expect(r.moves).toBe(0);
  });

  it('repairs a route made worse by the removal (2-opt), and recomputes its cost independently', () => {
    // without b3 and b1 the route is H a2 a1 a4 H = 3 + 2 + sqrt(10) + 3 = 11.16; the best order of these three
    // stops is H a1 a2 a4 H (or its reverse) = 1 + 2 + sqrt(18) + 3 = 10.24
    const grand: StopRoute[] = [{ start: 'H', stops: ['a2', 'b3', 'a1', 'a4', 'b1'] }];
    const r = coalitionRoutesWarmStart(grand, isA, { distance });
    expect(r.costAfterRemoval).toBeCloseTo(8 + Math.sqrt(10), 12);
    expect(r.cost).toBeCloseTo(6 + Math.sqrt(18), 12);
    expect(r.cost).toBeCloseTo(cost(r.routes), 12);
    expect(r.routes[0]!.stops.slice().sort()).toEqual(['a1', 'a2', 'a4']);
  });

  it('merges routes by relocation when feasible, and respects the feasibility check', () => {
    const grand: StopRoute[] = [
      { start: 'H', stops: ['a1', 'b1'] },
      { start: 'H', stops: ['b2', 'a2'] },
    ];
    const merged = coalitionRoutesWarmStart(grand, isA, { distance });
    expect(merged.routes).toHaveLength(1);
    expect(merged.cost).toBeCloseTo(6, 12);
    const atMostOne = coalitionRoutesWarmStart(grand, isA, {
      distance,
      feasible: (route) => route.stops.length <= 1,
    });
    expect(atMostOne.routes).toHaveLength(2);
    expect(atMostOne.cost).toBeCloseTo(8, 12);
  });

  it('never leaves a route the feasibility check refuses, the route a stop leaves included', () => {
    // e.g. a pickup and its delivery: a4 only in a route that also has a1, and at most two stops a route. Moving
    // a1 next to a2 would pay (13.16 -> 12), but would leave a4 without it.
    const feasible = (route: StopRoute): boolean =>
      route.stops.length <= 2 && (!route.stops.includes('a4') || route.stops.includes('a1'));
    const grand: StopRoute[] = [
      { start: 'H', stops: ['a4', 'a1'] },
      { start: 'H', stops: ['b2', 'a2'] },
    ];
    const r = coalitionRoutesWarmStart(grand, isA, { distance, feasible });
    expect(r.routes.every(feasible)).toBe(true);
    expect(r.cost).toBeCloseTo(cost(r.routes), 12);
    expect(r.cost).toBeCloseTo(r.costAfterRemoval, 12);
  });

  it('is deterministic and bounded by maxMoves', () => {
    const grand: StopRoute[] = [
      { start: 'H', stops: ['a2', 'b3', 'a1', 'a4', 'b1'] },
      { start: 'H', stops: ['b2', 'a3'] },
    ];
    const a = coalitionRoutesWarmStart(grand, isA, { distance });
    expect(coalitionRoutesWarmStart(grand, isA, { distance })).toEqual(a);
    const none = coalitionRoutesWarmStart(grand, isA, { distance, maxMoves: 0 });
    expect(none.moves).toBe(0);
    expect(none.cost).toBe(none.costAfterRemoval);
    expect(() => coalitionRoutesWarmStart(grand, isA, { distance, maxMoves: -1 })).toThrow(/maxMoves/);
  });
});
