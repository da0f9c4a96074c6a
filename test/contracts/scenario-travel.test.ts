import { describe, expect, it } from 'vitest';
import { formatIssues, scenarioSchema, type Scenario, type TravelInput } from '../../src/contracts/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

function errorsOf(travel: unknown): string[] {
  const s: Scenario = { ...smallScenario(), travel: travel as TravelInput };
  const parsed = scenarioSchema.safeParse(s);
  return parsed.success ? [] : formatIssues(parsed.error).split('\n');
}

const period = (start: string, end: string, speedFactor = 0.6) => ({ start, end, speedFactor });

describe('travel.profiles', () => {
  it('accepts a city-wide profile with a period over midnight, and none at all', () => {
    expect(
      errorsOf({
        profiles: [{ id: 'city', periods: [period('07:30', '09:30'), period('22:00', '05:00', 1.3)] }],
      }),
    ).toEqual([]);
    expect(errorsOf({ profiles: [] })).toEqual([]);
  });

  it('names a misspelt field with the nearest one', () => {
    expect(
      errorsOf({ profiles: [{ id: 'c', periods: [{ start: '07:30', end: '09:30', speedFacter: 0.6 }] }] }),
    ).toEqual([
      'travel.profiles[0].periods[0].speedFactor: Invalid input: expected number, received undefined',
      'travel.profiles[0].periods[0].speedFacter: unknown field (did you mean "speedFactor"?)',
    ]);
  });

  it('refuses overlapping periods (midnight included), an empty period, a factor out of range, a duplicate id', () => {
    expect(
      errorsOf({ profiles: [{ id: 'c', periods: [period('07:30', '09:30'), period('09:00', '10:00')] }] }),
    ).toEqual(['travel.profiles[0].periods[1]: periods 0 and 1 overlap']);
    expect(
      errorsOf({ profiles: [{ id: 'c', periods: [period('22:00', '06:00'), period('05:00', '07:00')] }] }),
    ).toEqual(['travel.profiles[0].periods[1]: periods 0 and 1 overlap']);
    expect(errorsOf({ profiles: [{ id: 'c', periods: [period('08:00', '08:00')] }] })).toEqual([
      'travel.profiles[0].periods[0].end: a period ends when it starts: give two times',
    ]);
    expect(errorsOf({ profiles: [{ id: 'c', periods: [period('08:00', '09:00', 0)] }] })).toEqual([
      'travel.profiles[0].periods[0].speedFactor: expected a speed factor ≥ 0.05',
    ]);
    expect(
      errorsOf({
        profiles: [
          { id: 'c', periods: [period('08:00', '09:00')] },
          { id: 'c', periods: [period('08:00', '09:00')] },
        ],
      }),
    ).toEqual(['travel.profiles[1].id: duplicate profile id "c"']);
  });
});
