import { describe, expect, it } from 'vitest';
import { adoptFacilityChoice, facilityChoice, receiverHubs } from '../../src/consolidation/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

// `picon plan`'s threads each build their own City of the day; the parent sends them its answer of the
// facility model so that none solves it again (cli/plan-threads.ts).
describe("a city adopts another copy's facility choice", () => {
  it('answers with the adopted choice, and a choice already made stays', () => {
    const parent = facilityChoice(buildCity(smallScenario()));
    const thread = buildCity(smallScenario());
    adoptFacilityChoice(thread, parent);
    expect(facilityChoice(thread)).toBe(parent);
    expect(receiverHubs(thread)).toBe(parent.hubOf);

    const solved = buildCity(smallScenario());
    const own = facilityChoice(solved);
    adoptFacilityChoice(solved, parent);
    expect(facilityChoice(solved)).toBe(own);
    expect(own).toEqual(parent);
  });
});
