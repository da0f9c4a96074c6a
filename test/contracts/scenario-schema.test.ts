import { describe, expect, it } from 'vitest';
import { formatIssues, scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

function errorsOf(mutate: (s: Scenario) => void): string[] {
  const s = smallScenario();
  mutate(s);
  const parsed = scenarioSchema.safeParse(s);
  return parsed.success ? [] : formatIssues(parsed.error).split('\n');
}

describe('scenario schema', () => {
  it('accepts the small scenario', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it('accepts every effort, draft included, and names the levels when one is unknown', () => {
    for (const effort of ['draft', 'quick', 'normal', 'thorough'] as const)
      expect(errorsOf((s) => (s.options = { effort }))).toEqual([]);
    const [error] = errorsOf((s) => (s.options = { effort: 'fast' as 'quick' }));
    expect(error).toMatch(/^options\.effort: /);
    for (const level of ['draft', 'quick', 'normal', 'thorough']) expect(error).toContain(`"${level}"`);
  });

  it('names the field of a negative size', () => {
    expect(errorsOf((s) => ((s.orders[2] as { size: { kg: number } }).size.kg = -3))).toEqual([
      'orders[2].size.kg: expected number ≥ 0',
    ]);
  });

  it('rejects coordinates out of range and in [lat, lon] order past the poles', () => {
    expect(
      errorsOf((s) => ((s.receivers[0] as { location: [number, number] }).location = [50.6, 93.06])),
    ).toEqual(['receivers[0].location[1]: latitude must be ≤ 90']);
    expect(errorsOf((s) => ((s.hubs[0] as { location: [number, number] }).location = [-190, 50]))).toEqual([
      'hubs[0].location[0]: longitude must be ≥ -180',
    ]);
  });

  it('rejects inverted and malformed windows', () => {
    expect(
      errorsOf(
        (s) =>
          ((s.receivers[1] as Scenario['receivers'][number]).windows[1] = { start: '16:30', end: '14:30' }),
      ),
    ).toEqual(['receivers[1].windows[1].end: window end must be after its start']);
    expect(errorsOf((s) => ((s.fleet[0] as Scenario['fleet'][number]).shift.start = '6h'))).toEqual([
      'fleet[0].shift.start: expected time "HH:MM" between 00:00 and 24:00',
    ]);
  });

  it('rejects unknown carrier, receiver, hub and vehicle type ids', () => {
    expect(
      errorsOf((s) => {
        (s.orders[0] as { carrierId: string }).carrierId = 'Z';
        (s.orders[1] as { receiverId: string }).receiverId = 'R404';
        (s.fleet[0] as { hubId: string }).hubId = 'nowhere';
        (s.carriers[0] as { baselineVehicleType: string }).baselineVehicleType = 'zeppelin';
      }),
    ).toEqual([
      'carriers[0].baselineVehicleType: unknown vehicle type "zeppelin"',
      'orders[0].carrierId: unknown carrier "Z"',
      'orders[1].receiverId: unknown receiver "R404"',
      'fleet[0].hubId: unknown hub "nowhere"',
    ]);
  });

  it('rejects duplicate ids', () => {
    expect(errorsOf((s) => ((s.orders[1] as { id: string }).id = 'A1'))).toEqual([
      'orders[1].id: duplicate id "A1"',
    ]);
  });

  it('requires a matrix to cover every location', () => {
    const errors = errorsOf((s) => {
      s.options = {
        matrix: {
          ids: ['H', 'A'],
          distancesKm: [
            [0, 1],
            [1, 0],
          ],
        },
      };
    });
    expect(errors).toContain('options.matrix.ids: missing location id "B"');
  });

  it('requires each matrix, distances and durations, to have a row and a column per id', () => {
    const errors = errorsOf((s) => {
      s.options = {
        matrix: {
          ids: ['H', 'A'],
          distancesKm: [[0, 1], [1]],
          durationsMin: [[0, 5]],
        },
      };
    });
    expect(errors).toContain('options.matrix.distancesKm[1]: expected 2 entries');
    expect(errors).toContain('options.matrix.durationsMin: expected 2 rows');
    expect(errors.filter((e) => e.startsWith('options.matrix.durationsMin'))).toEqual([
      'options.matrix.durationsMin: expected 2 rows',
    ]);
  });

  it('accepts a matrix with every id and a full row and column per id', () => {
    // every location of the fixture: hub H, depots A and B, receivers R1 to R3
    const ids = ['H', 'A', 'B', 'R1', 'R2', 'R3'];
    const square = ids.map((_, i) => ids.map((__, j) => Math.abs(i - j)));
    const errors = errorsOf((s) => {
      s.options = { matrix: { ids, distancesKm: square, durationsMin: square } };
    });
    expect(errors.filter((e) => e.startsWith('options.matrix'))).toEqual([]);
  });
});
