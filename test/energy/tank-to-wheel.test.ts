import { describe, expect, it } from 'vitest';
import {
  INTERMODAL_TTW_SHARE_OF_WTW,
  TTW_SHARE_OF_WTW,
  ttwShareOfPowertrain,
} from '../../src/energy/tank-to-wheel.ts';

// The figures of docs/model/energy.md (ISO 14083 scope split), restated: diesel burns 2.51 of its
// 3.17 kg CO2e/L at the wheel; the rail mix is 20 % diesel traction.
const DIESEL = 2.51 / 3.17;

describe('tank-to-wheel shares of the WTW factors', () => {
  it('diesel 2.51/3.17 = 0.7918; electricity, hydrogen and bio-CNG 0 at the wheel', () => {
    expect(TTW_SHARE_OF_WTW.diesel.value).toBeCloseTo(0.791798, 6);
    expect(TTW_SHARE_OF_WTW.electricity.value).toBe(0);
    expect(TTW_SHARE_OF_WTW.hydrogen.value).toBe(0);
    expect(TTW_SHARE_OF_WTW['bio-cng'].value).toBe(0);
  });

  it('a barge burns diesel (0.7918); rail is 20 % diesel traction (0.1584)', () => {
    expect(INTERMODAL_TTW_SHARE_OF_WTW.barge.value).toBeCloseTo(DIESEL, 12);
    expect(INTERMODAL_TTW_SHARE_OF_WTW.rail.value).toBeCloseTo(0.2 * DIESEL, 12);
    expect(INTERMODAL_TTW_SHARE_OF_WTW.rail.value).toBeCloseTo(0.15836, 6);
  });

  it('each share states its basis and a source that says where the figure comes from', () => {
    const all = { ...TTW_SHARE_OF_WTW, ...INTERMODAL_TTW_SHARE_OF_WTW };
    expect(Object.fromEntries(Object.entries(all).map(([k, s]) => [k, [s.unit, s.basis]]))).toEqual({
      diesel: ['ratio', 'derived'],
      electricity: ['ratio', 'physical'],
      hydrogen: ['ratio', 'physical'],
      'bio-cng': ['ratio', 'assumption'],
      barge: ['ratio', 'assumption'],
      rail: ['ratio', 'assumption'],
    });
    expect(TTW_SHARE_OF_WTW.diesel.source).toMatch(/2\.51 of 3\.17/);
    expect(TTW_SHARE_OF_WTW.electricity.source).toMatch(/well-to-tank/);
    expect(TTW_SHARE_OF_WTW.hydrogen.source).toMatch(/water/);
    expect(TTW_SHARE_OF_WTW['bio-cng'].source).toMatch(/^ASSUMPTION: .*biogenic.*methane slip/);
    expect(INTERMODAL_TTW_SHARE_OF_WTW.barge.source).toMatch(
      /^ASSUMPTION: a diesel-powered barge.*2\.51\/3\.17/,
    );
    expect(INTERMODAL_TTW_SHARE_OF_WTW.rail.source).toMatch(/^ASSUMPTION: .*80 % electric.*20 %/);
  });

  it('a powertrain maps to its energy carrier; an unknown one counts as diesel', () => {
    expect(ttwShareOfPowertrain('electric').value).toBe(0);
    expect(ttwShareOfPowertrain('hydrogen').value).toBe(0);
    expect(ttwShareOfPowertrain('bio-cng').value).toBe(0);
    expect(ttwShareOfPowertrain('diesel').value).toBeCloseTo(DIESEL, 12);
    expect(ttwShareOfPowertrain('petrol').value).toBeCloseTo(DIESEL, 12);
  });
});
