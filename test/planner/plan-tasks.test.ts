import { describe, expect, it } from 'vitest';
import { buildCity } from '../../src/planner/build-city.ts';
import { planTasks } from '../../src/planner/plan-tasks.ts';
import { meridianDay } from './meridian-day.ts';

describe("a day's routing tasks before the hubs are chosen", () => {
  it("lists each carrier's own rounds with its budget (docs/model/consolidation.md, Effort)", () => {
    // A visits R1 and R2 (2 stops), B only R2 (1 stop). Normal effort: 10 iterations a stop, at least 750.
    // Wall-clock cap: 40 % of 120 s to the carriers' rounds, shared by stops: A 2 of 3, B 1 of 3.
    expect(planTasks(buildCity(meridianDay()))).toEqual([
      {
        task: { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1 },
        budget: { iterations: 750, timeLimitMs: expect.closeTo((120_000 * 0.4 * 2) / 3, 6) as number },
      },
      {
        task: { kind: 'baseline', carrierId: 'B', zone: 0, zones: 1 },
        budget: { iterations: 750, timeLimitMs: expect.closeTo((120_000 * 0.4 * 1) / 3, 6) as number },
      },
    ]);
  });
});
