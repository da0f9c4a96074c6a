import { describe, expect, it } from 'vitest';
import { formatIssues, scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { twoEchelonScenario } from '../support/audit-scenarios.ts';

function errorsOf(mutate: (s: Scenario) => void): string[] {
  const s = twoEchelonScenario('barge');
  mutate(s);
  const parsed = scenarioSchema.safeParse(s);
  return parsed.success ? [] : formatIssues(parsed.error).split('\n');
}
const hub = (s: Scenario, i: number) => s.hubs[i] as Scenario['hubs'][number];

// A feeder names its platform and gives its mode's fields only: every mistake names the field.
describe('hubs[].feeder', () => {
  it('accepts road and barge feeders from a platform', () => {
    expect(errorsOf(() => {})).toEqual([]);
  });

  it('names an unknown field with the nearest one', () => {
    expect(errorsOf((s) => void Object.assign(hub(s, 2).feeder ?? {}, { vehicleTyp: 'e-van' }))).toEqual([
      'hubs[2].feeder.vehicleTyp: unknown field (did you mean "vehicleType"?)',
    ]);
  });

  it('refuses an unknown platform (naming the nearest hub), itself, or a platform that is fed', () => {
    expect(errorsOf((s) => void (hub(s, 2).feeder = { hubId: 'Q' }))).toEqual([
      'hubs[2].feeder.hubId: unknown hub "Q" (did you mean "P"?)',
    ]);
    expect(errorsOf((s) => void (hub(s, 2).feeder = { hubId: 'V' }))).toEqual([
      'hubs[2].feeder.hubId: a hub cannot feed itself',
    ]);
    expect(errorsOf((s) => void (hub(s, 2).feeder = { hubId: 'H' }))).toEqual([
      'hubs[2].feeder.hubId: hub "H" is itself fed by another: two echelons at most',
    ]);
  });

  it("refuses another mode's fields, a leg without its length, an unknown vehicle type", () => {
    expect(errorsOf((s) => void (hub(s, 2).feeder = { hubId: 'P', lengthKm: 9 }))).toEqual([
      'hubs[2].feeder.lengthKm: only for barge or rail feeders (mode is road)',
    ]);
    expect(
      errorsOf((s) => void (hub(s, 1).feeder = { hubId: 'P', mode: 'rail', vehicleType: 'e-van' })),
    ).toEqual([
      'hubs[1].feeder.vehicleType: only for road feeders (mode is rail)',
      'hubs[1].feeder.lengthKm: a rail feeder needs its length on its own network',
    ]);
    expect(errorsOf((s) => void (hub(s, 2).feeder = { hubId: 'P', vehicleType: 'lorry' }))).toEqual([
      'hubs[2].feeder.vehicleType: unknown vehicle type "lorry"',
    ]);
  });

  it('refuses a trunk of its own to a fed micro-hub: the carriers go to its platform', () => {
    expect(
      errorsOf(
        (s) =>
          void (s.intermodalLegs = [
            { id: 'q', hubId: 'H', mode: 'barge', terminal: [3, 50.6], lengthKm: 9, carrierIds: ['A'] },
          ]),
      ),
    ).toEqual([
      'intermodalLegs[0].hubId: hub "H" is fed by a platform: the carriers\' flows go there, so should this leg',
    ]);
    expect(errorsOf((s) => void (s.trunkFleet = [{ hubId: 'V', vehicleType: 'e-van' }]))).toEqual([
      'trunkFleet[0].hubId: hub "V" is fed by a platform: its feeder vehicles are in hubs[].feeder',
    ]);
  });
});
