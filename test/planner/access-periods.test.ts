import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { mixedFleetAccess, singleTypeAccess } from '../../src/consolidation/access.ts';
import { bundleOrders } from '../../src/consolidation/bundle.ts';
import type { Window } from '../../src/domain/city.ts';
import { allowedPeriods, type AccessRuleSpec } from '../../src/planner/access-periods.ts';
import { buildCity } from '../../src/planner/build-city.ts';
import { smallScenario } from '../support/small-scenario.ts';

const H = 3600;
const diesel = { class: 'van', powertrain: 'diesel' };
const eVan = { class: 'van', powertrain: 'electric' };
const bike = { class: 'cargo-bike', powertrain: 'electric' };
const noDieselByDay: AccessRuleSpec = {
  label: 'lez',
  powertrains: ['electric', 'hydrogen', 'bio-cng'],
  hours: [[7 * H, 19 * H]],
};
const bikesOnly: AccessRuleSpec = { label: 'pedestrian', classes: ['cargo-bike'] };

describe('allowedPeriods: when a type may be at a place bound by rules', () => {
  it('a diesel ban 07:00–19:00 leaves diesel the night and early morning, and does not touch electric', () => {
    expect(allowedPeriods([noDieselByDay], diesel)).toEqual([
      [0, 7 * H],
      [19 * H, 24 * H],
    ]);
    expect(allowedPeriods([noDieselByDay], eVan)).toBeUndefined();
  });

  it('rules intersect: a bikes-only street inside the zone bars even the e-van all day', () => {
    expect(allowedPeriods([noDieselByDay, bikesOnly], eVan)).toEqual([]);
    expect(allowedPeriods([noDieselByDay, bikesOnly], diesel)).toEqual([]);
    expect(allowedPeriods([noDieselByDay, bikesOnly], bike)).toBeUndefined();
  });

  it('overlapping hours of two failed rules bar their union', () => {
    const morning: AccessRuleSpec = { label: 'a', classes: ['cargo-bike'], hours: [[7 * H, 12 * H]] };
    const day: AccessRuleSpec = { label: 'b', powertrains: ['electric'], hours: [[10 * H, 19 * H]] };
    expect(allowedPeriods([morning, day], diesel)).toEqual([
      [0, 7 * H],
      [19 * H, 24 * H],
    ]);
    // the e-van fails only the first
    expect(allowedPeriods([morning, day], eVan)).toEqual([
      [0, 7 * H],
      [12 * H, 24 * H],
    ]);
  });

  it('a rule naming classes and powertrains asks for both', () => {
    const electricVans: AccessRuleSpec = { label: 'x', classes: ['van'], powertrains: ['electric'] };
    expect(allowedPeriods([electricVans], eVan)).toBeUndefined();
    expect(allowedPeriods([electricVans], diesel)).toEqual([]);
    expect(allowedPeriods([electricVans], bike)).toEqual([]);
  });
});

describe('allowedPeriods: the edges of the day and the order of the bans', () => {
  it.each<[string, Window[], Window[]]>([
    ['a ban from midnight leaves no empty period before it', [[0, 7 * H]], [[7 * H, 24 * H]]],
    ['a ban until midnight leaves no empty period after it', [[19 * H, 24 * H]], [[0, 19 * H]]],
    ['a ban all day leaves nothing', [[0, 24 * H]], []],
    // 15:00–16:00 listed before 07:00–08:00
    [
      'bans in any order',
      [
        [15 * H, 16 * H],
        [7 * H, 8 * H],
      ],
      [
        [0, 7 * H],
        [8 * H, 15 * H],
        [16 * H, 24 * H],
      ],
    ],
    // 08:00–10:00 inside 07:00–12:00: the ban still ends at 12:00
    [
      'a ban inside another',
      [
        [7 * H, 12 * H],
        [8 * H, 10 * H],
      ],
      [
        [0, 7 * H],
        [12 * H, 24 * H],
      ],
    ],
    // 07:00–09:00 then 09:00–11:00: one ban, no empty period at 09:00
    [
      'touching bans',
      [
        [7 * H, 9 * H],
        [9 * H, 11 * H],
      ],
      [
        [0, 7 * H],
        [11 * H, 24 * H],
      ],
    ],
  ])('%s', (_, hours, allowed) => {
    expect(allowedPeriods([{ label: 'ban', powertrains: ['electric'], hours }], diesel)).toEqual(allowed);
  });

  it('a rule naming a powertrain only lets in every class of it; one naming a class only, every powertrain', () => {
    expect(allowedPeriods([{ label: 'e', powertrains: ['electric'] }], bike)).toBeUndefined();
    expect(allowedPeriods([{ label: 'e', powertrains: ['electric'] }], diesel)).toEqual([]);
    expect(allowedPeriods([{ label: 'v', classes: ['van'] }], diesel)).toBeUndefined();
    expect(allowedPeriods([{ label: 'v', classes: ['van'] }], bike)).toEqual([]);
  });

  it('no rule: never barred', () => {
    expect(allowedPeriods([], diesel)).toBeUndefined();
  });
});

describe('job access in a mixed fleet when no type may serve throughout the windows', () => {
  // R1 (window 06:00–11:00, 5 min service): bikes barred 06:00–08:00, vans barred 09:00–19:00
  const s = smallScenario();
  const r1 = s.receivers[0] as (typeof s.receivers)[number];
  r1.windows = [{ start: '06:00', end: '11:00' }];
  s.zones = [
    {
      id: 'mixed',
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [3.06, 50.64],
            [3.066, 50.64],
            [3.066, 50.642],
            [3.06, 50.64],
          ],
        ],
      },
      rules: [
        { allow: { classes: ['van'] }, hours: [{ start: '06:00', end: '08:00' }] },
        { allow: { classes: ['cargo-bike'] }, hours: [{ start: '09:00', end: '19:00' }] },
      ],
    },
  ];
  /** Built in each test (not while collecting), so that a mutant of buildCity fails a test rather than the file. */
  const setUp = () => {
    const city = buildCity(scenarioSchema.parse(s));
    const types = {
      eVan: city.vehicleTypes.findIndex((t) => t.id === 'e-van'),
      bike: city.vehicleTypes.findIndex((t) => t.id === 'cargo-bike'),
    };
    const [bundle] = bundleOrders(city, [0], [1000, 10, 100]);
    return { city, types, bundle: bundle! };
  };

  it('lets the part-time types serve in the time they share, service included', () => {
    const { city, types, bundle } = setUp();
    expect(city.receivers[0]?.accessRules).toEqual(['zone mixed rule 1', 'zone mixed rule 2']);
    const access = mixedFleetAccess(city, bundle, [types.eVan, types.bike]);
    expect(access.allowedVehicleTypes).toEqual([types.eVan, types.bike].sort((a, b) => a - b));
    // bike from 08:00, van until 09:00 less its 5-minute visit
    expect(access.windows).toEqual([[8 * H, 9 * H - 5 * 60]]);
  });

  it('a single type keeps its own allowed start times', () => {
    const { city, types, bundle } = setUp();
    expect(singleTypeAccess(city, bundle, types.eVan).windows).toEqual([[6 * H, 9 * H - 5 * 60]]);
    expect(singleTypeAccess(city, bundle, types.bike).windows).toEqual([[8 * H, 11 * H]]);
  });
});
