import { describe, expect, it } from 'vitest';
import { gameChunks, MAX_GAME_CHUNKS } from '../../src/planner/game-parts.ts';
import { flowProgress } from '../../src/queue/job-payloads.ts';
import { childJobId, parseChildJobId, parseTaskJobId } from '../../src/queue/queue-names.ts';

describe('the cost game as children of the plan flow', () => {
  it('splits every coalition into exactly one chunk, round-robin, at most 64 chunks', () => {
    const lille = Array.from({ length: 2 ** 10 - 2 }, (_, k) => k + 1);
    const chunks = gameChunks(lille);
    expect(chunks).toHaveLength(MAX_GAME_CHUNKS);
    expect(chunks.flat().sort((a, b) => a - b)).toEqual(lille);
    expect(new Set(chunks.map((c) => c.length))).toEqual(new Set([15, 16]));
    // round-robin: each chunk holds small and large coalitions alike
    expect(chunks[0]!.slice(0, 3)).toEqual([1, 65, 129]);
    expect(gameChunks([1, 2])).toEqual([[1, 2]]);
    expect(gameChunks([])).toEqual([]);
  });

  it('never moves the progress bar back when the game children follow the tasks', () => {
    const flow = { tasks: 10, gameChunks: 4 };
    const seen = [
      flowProgress(0, 10, flow),
      flowProgress(10, 10, flow),
      flowProgress(10, 14, flow),
      flowProgress(12, 14, flow),
      flowProgress(14, 14, flow),
    ];
    expect(seen.map((p) => p.percent)).toEqual([2, 50, 50, 73, 95]);
    expect(seen.map((p) => p.phase)).toEqual(['tasks', 'tasks', 'cost-game', 'cost-game', 'cost-game']);
    // no game (pro rata by kg, older jobs without the record): tasks take the whole 2–95 %
    expect(flowProgress(5, 10, undefined)).toEqual({ percent: 49, phase: 'tasks' });
    expect(flowProgress(5, 10, { tasks: 10, gameChunks: 0 })).toEqual({ percent: 49, phase: 'tasks' });
    expect(flowProgress(5, 10, { tasks: 10, gameChunks: 0, mayReroute: false })).toEqual({
      percent: 49,
      phase: 'tasks',
    });
  });

  it('leaves room for the counterfactual’s re-routes when a day may have them, with or without a game', () => {
    // 10 tasks; 3 re-routes follow (no game): tasks 2–50 %, re-routes 50–95 % (1 of 3 done: 50 + 45/3 = 65)
    const flow = { tasks: 10, gameChunks: 0, mayReroute: true };
    const seen = [5, 10, 10, 11, 13].map((done, k) => flowProgress(done, k < 2 ? 10 : 13, flow));
    expect(seen.map((p) => p.percent)).toEqual([26, 50, 50, 65, 95]);
    expect(seen.map((p) => p.phase)).toEqual(['tasks', 'tasks', 'clean-fleet', 'clean-fleet', 'clean-fleet']);
    // 3 re-routes and 2 game chunks after 10 tasks: one second wave of 5 children (3 done: 50 + 45 × 3/5 = 77)
    expect(flowProgress(13, 15, { tasks: 10, gameChunks: 2, mayReroute: true })).toEqual({
      percent: 77,
      phase: 'cost-game',
    });
  });

  it('names children so that the plan, the kind and the index come back from the id', () => {
    expect(childJobId('p-t1', 'game', 3)).toBe('p-t1-g3');
    expect(parseChildJobId('p-t1-g3')).toEqual({ planId: 'p-t1', kind: 'game', index: 3 });
    expect(parseChildJobId('p-g2-t12')).toEqual({ planId: 'p-g2', kind: 'task', index: 12 });
    expect(parseTaskJobId('p-g3')).toBeUndefined();
    expect(parseChildJobId('p-x3')).toBeUndefined();
    expect(childJobId('p', 'reroute', 2)).toBe('p-r2');
    expect(parseChildJobId('p-t1-r2')).toEqual({ planId: 'p-t1', kind: 'reroute', index: 2 });
    expect(parseTaskJobId('p-r2')).toBeUndefined();
  });
});
