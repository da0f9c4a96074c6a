import { describe, expect, it } from 'vitest';
import {
  closestName,
  editDistance,
  formatIssues,
  scenarioSchema,
  type Area,
  type Scenario,
} from '../../src/contracts/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

/** Validation lines for a scenario given as plain JSON (stray keys are not part of the Scenario type). */
function errorsOf(json: unknown): string[] {
  const parsed = scenarioSchema.safeParse(json);
  return parsed.success ? [] : formatIssues(parsed.error).split('\n');
}

type Json = Record<string, unknown>;
const asJson = (s: Scenario): Json => JSON.parse(JSON.stringify(s)) as Json;

/** A scenario with one of every kind of object, so strictness can be tested at every level. */
function fullScenario(): Json {
  const s = asJson(smallScenario());
  s.timezone = 'Europe/Paris';
  s.vehicleTypes = [
    {
      id: 'my-van',
      class: 'van',
      powertrain: 'electric',
      capacity: { kg: 800, m3: 6 },
      energy: {
        carrier: 'electricity',
        emptyKWhPerKm: 0.3,
        fullKWhPerKm: 0.36,
        co2eKgPerKWh: 0.05,
        source: 'test figure',
      },
    },
  ];
  const area: Area = {
    type: 'Polygon',
    coordinates: [
      [
        [3.05, 50.63],
        [3.07, 50.63],
        [3.07, 50.65],
        [3.05, 50.63],
      ],
    ],
  };
  s.zones = [
    {
      id: 'lez',
      area,
      rules: [{ allow: { powertrains: ['electric'] }, hours: [{ start: '07:00', end: '19:00' }] }],
    },
  ];
  s.travel = {
    profiles: [
      {
        id: 'centre',
        area: structuredClone(area),
        vehicleClasses: ['van'],
        periods: [{ start: '07:30', end: '09:30', speedFactor: 0.6 }],
      },
    ],
  };
  s.options = { timeLimitSeconds: 5, matrix: undefined };
  return s;
}

/** `path.to.object` -> the object inside `json` (array indices as numbers). */
function at(json: Json, path: readonly (string | number)[]): Json {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], json) as Json;
}

describe('strict scenario inputs', () => {
  it('accepts the scenario with every kind of object and no stray key', () => {
    expect(errorsOf(fullScenario())).toEqual([]);
  });

  it('names a misspelt receiver field with the field it most likely meant', () => {
    const s = fullScenario();
    const r0 = at(s, ['receivers', 0]);
    r0.acess = { vehicleClasses: ['cargo-bike'] };
    expect(errorsOf(s)).toEqual(['receivers[0].acess: unknown field (did you mean "access"?)']);
  });

  it('rejects an unknown key in every object of the scenario, at that key’s path', () => {
    const objects: (string | number)[][] = [
      [],
      ['hubs', 0],
      ['carriers', 0],
      ['receivers', 0],
      ['receivers', 0, 'windows', 0],
      ['receivers', 2, 'access'],
      ['orders', 0],
      ['orders', 0, 'size'],
      ['vehicleTypes', 0],
      ['vehicleTypes', 0, 'capacity'],
      ['vehicleTypes', 0, 'energy'],
      ['fleet', 0],
      ['fleet', 0, 'shift'],
      ['options'],
      ['zones', 0],
      ['zones', 0, 'area'],
      ['zones', 0, 'rules', 0],
      ['zones', 0, 'rules', 0, 'allow'],
      ['zones', 0, 'rules', 0, 'hours', 0],
      ['travel'],
      ['travel', 'profiles', 0],
      ['travel', 'profiles', 0, 'area'],
      ['travel', 'profiles', 0, 'periods', 0],
    ];
    const s = fullScenario();
    for (const path of objects) at(s, path).qqqqqqqq = 1;
    const expected = objects.map((p) => {
      const prefix = p.reduce<string>(
        (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out === '' ? k : `${out}.${k}`),
        '',
      );
      return `${prefix === '' ? '' : `${prefix}.`}qqqqqqqq: unknown field`;
    });
    expect(errorsOf(s).sort()).toEqual(expected.sort());
  });

  it('rejects unknown keys inside a distance matrix option', () => {
    const s = asJson(smallScenario());
    s.options = { matrix: { ids: ['H'], distancesKm: [[0]], durationMin: [[0]] } };
    expect(errorsOf(s)).toContain('options.matrix.durationMin: unknown field (did you mean "durationsMin"?)');
  });

  it('gives one line per unknown key of the same object, suggesting only names that are close', () => {
    const s = fullScenario();
    const h = at(s, ['hubs', 0]);
    h.nmae = 'swapped letters';
    h.colour = 'blue';
    expect(errorsOf(s)).toEqual([
      'hubs[0].nmae: unknown field (did you mean "name"?)',
      'hubs[0].colour: unknown field',
    ]);
  });

  it('suggests a field that differs only in case', () => {
    const s = fullScenario();
    const o = at(s, ['orders', 1]);
    o.ReceiverID = o.receiverId;
    delete o.receiverId;
    expect(errorsOf(s)).toContain('orders[1].ReceiverID: unknown field (did you mean "receiverId"?)');
  });
});

describe('nearest-name helper', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('acess', 'access')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only within a third of the word’s length and prefers the earliest of equals', () => {
    expect(closestName('serviceMinute', ['serviceMinutes', 'windows'])).toBe('serviceMinutes');
    expect(closestName('foo', ['kind', 'name'])).toBeUndefined();
    expect(closestName('kg', ['kw', 'km'])).toBe('kw');
  });
});

describe('time zone', () => {
  it('accepts IANA names and UTC, and leaves the default to Europe/Paris', () => {
    for (const timezone of ['Europe/Paris', 'America/New_York', 'UTC']) {
      const s = fullScenario();
      s.timezone = timezone;
      expect(errorsOf(s), timezone).toEqual([]);
    }
  });

  it('rejects an unknown zone and names the nearest real one', () => {
    const s = fullScenario();
    s.timezone = 'Europe/Pariss';
    expect(errorsOf(s)).toEqual([
      'timezone: unknown IANA time zone "Europe/Pariss" (did you mean "Europe/Paris"?)',
    ]);
    s.timezone = 'CET+1 summer';
    expect(errorsOf(s)).toEqual(['timezone: unknown IANA time zone "CET+1 summer"']);
  });
});

describe('zones, access and powertrain checks', () => {
  it('requires a closed ring and a geometry rather than a Feature', () => {
    const s = fullScenario();
    const area = at(s, ['zones', 0, 'area']);
    const ring = (area.coordinates as number[][][])[0] as number[][];
    ring[3] = [3.05, 50.64];
    expect(errorsOf(s)).toEqual([
      'zones[0].area.coordinates[0]: a linear ring must end with its first position (closed ring)',
    ]);
    const t = fullScenario();
    at(t, ['zones', 0]).area = { type: 'Feature', geometry: area, properties: {} };
    expect(errorsOf(t)).toEqual([
      'zones[0].area.type: expected a GeoJSON Polygon or MultiPolygon geometry, got a Feature: give its "geometry"',
    ]);
  });

  it('names a misspelt vehicle class in a rule or a receiver’s access', () => {
    const s = fullScenario();
    at(s, ['zones', 0, 'rules', 0, 'allow']).classes = ['cargo_bike'];
    at(s, ['receivers', 2, 'access']).vehicleClasses = ['vans'];
    expect(errorsOf(s)).toEqual([
      'receivers[2].access.vehicleClasses[0]: unknown vehicle class "vans" (did you mean "van"?)',
      'zones[0].rules[0].allow.classes[0]: unknown vehicle class "cargo_bike" (did you mean "cargo-bike"?)',
    ]);
  });

  it('refuses a rule that allows nothing in particular and access hours that restrict nothing', () => {
    const s = fullScenario();
    at(s, ['zones', 0, 'rules', 0]).allow = {};
    at(s, ['receivers', 0]).access = { hours: [{ start: '07:00', end: '11:00' }] };
    expect(errorsOf(s)).toEqual([
      'receivers[0].access.hours: hours say when vehicleClasses or powertrains apply: give at least one of them',
      'zones[0].rules[0].allow: give the classes, the powertrains or both that the rule allows',
    ]);
  });

  it('refuses a powertrain that contradicts the energy carrier of the same type', () => {
    const s = fullScenario();
    at(s, ['vehicleTypes', 0]).powertrain = 'diesel';
    expect(errorsOf(s)).toEqual([
      'vehicleTypes[0].powertrain: powertrain does not match the energy carrier of the type',
    ]);
  });

  it('refuses duplicate zone ids', () => {
    const s = fullScenario();
    (s.zones as Json[]).push({ ...at(s, ['zones', 0]) });
    expect(errorsOf(s)).toEqual(['zones[1].id: duplicate id "lez"']);
  });
});
