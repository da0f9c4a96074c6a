import { describe, expect, it } from 'vitest';
import type { PlanTask, Scenario } from '../../src/contracts/index.ts';
import { baselineTaskKeys } from '../../src/planner/baseline-cache.ts';
import { meridianDay } from './meridian-day.ts';

const TASK: PlanTask = { kind: 'baseline', carrierId: 'A', zone: 0, zones: 1 };
const BUDGET = { iterations: 500, timeLimitMs: 10_000 };
/** The cache key of carrier A's baseline task in a variant of the day, at seed 1 and no iteration override. */
const keyOf = (s: Scenario): string => baselineTaskKeys(s)(TASK, BUDGET, 1, undefined);
/** Computed in each test, so that a mutant is active on both sides of a comparison. */
const base = (): string => keyOf(meridianDay());
const variant = (change: (s: Scenario) => void): Scenario => {
  const s = meridianDay();
  change(s);
  return s;
};

describe("the cache key of a carrier's own-rounds task (baseline-cache.ts)", () => {
  it('is the same for the same day, task, budget and seed', () => {
    expect(keyOf(meridianDay())).toBe(base());
    expect(base()).toContain('"baselineVehicleType":"diesel-van"');
  });

  it.each<[string, (s: Scenario) => void]>([
    ['the date', (s) => (s.date = '2026-11-25')],
    ['the time zone', (s) => (s.timezone = 'Europe/London')],
    [
      "a carrier's baseline vehicle type",
      (s) => (s.carriers[0] = { ...s.carriers[0]!, baselineVehicleType: 'e-van' }),
    ],
    ["a receiver's window", (s) => (s.receivers[0]!.windows = [{ start: '08:00', end: '11:00' }])],
    ["an order's size", (s) => (s.orders[0]!.size = { kg: 11 })],
    ['the vehicle types', (s) => (s.vehicleTypes = [{ id: 'e-van', class: 'van', capacity: { kg: 900 } }])],
    [
      'the zones',
      (s) =>
        (s.zones = [
          {
            id: 'z',
            area: {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
            rules: [{ allow: { classes: ['van'] } }],
          },
        ]),
    ],
    [
      'the speed profiles',
      (s) =>
        (s.travel = {
          profiles: [{ id: 'p', periods: [{ start: '08:00', end: '09:00', speedFactor: 0.5 }] }],
        }),
    ],
    ['the circuity', (s) => (s.options = { circuity: 1.4 })],
    ['the matrix', (s) => (s.options = { matrix: { ids: ['H'], distancesKm: [[0]] } })],
    ['the grid factor', (s) => (s.options = { electricityCo2eKgPerKWh: 0.1 })],
    ['the zone size', (s) => (s.options = { maxStopsPerZone: 20 })],
  ])('changes with %s', (_, change) => {
    expect(keyOf(variant(change))).not.toBe(base());
  });

  it.each<[string, (s: Scenario) => void]>([
    ['the hubs', (s) => (s.hubs[0] = { ...s.hubs[0]!, close: '21:00' })],
    ['the pooled fleet', (s) => (s.fleet[0] = { ...s.fleet[0]!, count: 3 })],
    [
      "a carrier's trunk vehicle type",
      (s) => (s.carriers[0] = { ...s.carriers[0]!, trunkVehicleType: 'rigid-truck' }),
    ],
    [
      'the trunking, seed, effort and cost-sharing options',
      (s) =>
        (s.options = {
          trunking: { schedule: 'same-day' },
          seed: 4,
          effort: 'quick',
          allocation: 'pro-rata-by-kg',
        }),
    ],
  ])('does not change with %s, which own rounds do not depend on', (_, change) => {
    expect(keyOf(variant(change))).toBe(base());
  });

  it('changes with the task, its iterations, the seed and the iteration override, not the time budget', () => {
    const keys = baselineTaskKeys(meridianDay());
    const same = keys(TASK, BUDGET, 1, undefined);
    expect(same).toBe(base());
    expect(keys({ ...TASK, zone: 1, zones: 2 }, BUDGET, 1, undefined)).not.toBe(same);
    expect(keys(TASK, { ...BUDGET, iterations: 501 }, 1, undefined)).not.toBe(same);
    expect(keys(TASK, BUDGET, 2, undefined)).not.toBe(same);
    expect(keys(TASK, BUDGET, 1, 100)).not.toBe(same);
    expect(keys(TASK, { ...BUDGET, timeLimitMs: 1 }, 1, undefined)).toBe(same);
  });
});
