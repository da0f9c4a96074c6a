import { describe, expect, it } from 'vitest';
import type { Area, Receiver, Zone } from '../../src/contracts/index.ts';
import { receiverAccess, receiverRules } from '../../src/planner/receiver-access.ts';
import { UNIT_SQUARE } from './unit-square.ts';

const H = 3600;
const FAR: Area = {
  type: 'Polygon',
  coordinates: [
    [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 5],
    ],
  ],
};
const LEZ: Zone = {
  id: 'lez',
  area: UNIT_SQUARE,
  rules: [
    { allow: { powertrains: ['electric'] }, hours: [{ start: '07:00', end: '19:00' }] },
    { allow: { classes: ['cargo-bike', 'van'] } },
  ],
};
const ELSEWHERE: Zone = { id: 'far', area: FAR, rules: [{ allow: { classes: ['cargo-bike'] } }] };

const receiver = (location: [number, number], access?: Receiver['access']): Receiver => ({
  id: 'R',
  location,
  windows: [{ start: '08:00', end: '12:00' }],
  ...(access === undefined ? {} : { access }),
});

describe('the access rules binding a receiver', () => {
  it('its own access first, hours in seconds, then each rule of every zone it lies in, numbered from 1', () => {
    const r = receiver([0.5, 0.5], {
      vehicleClasses: ['cargo-bike'],
      hours: [{ start: '11:00', end: '19:00' }],
    });
    expect(receiverRules(r, [ELSEWHERE, LEZ])).toEqual([
      {
        label: 'receiver access',
        classes: ['cargo-bike'],
        powertrains: undefined,
        hours: [[11 * H, 19 * H]],
      },
      { label: 'zone lez rule 1', classes: undefined, powertrains: ['electric'], hours: [[7 * H, 19 * H]] },
      { label: 'zone lez rule 2', classes: ['cargo-bike', 'van'], powertrains: undefined, hours: undefined },
    ]);
  });

  it('an own access naming powertrains only is a rule all day', () => {
    expect(receiverRules(receiver([3, 3], { powertrains: ['electric', 'hydrogen'] }), [LEZ])).toEqual([
      {
        label: 'receiver access',
        classes: undefined,
        powertrains: ['electric', 'hydrogen'],
        hours: undefined,
      },
    ]);
  });

  it('no rule for an access that names nothing, nor for a zone the receiver lies outside', () => {
    expect(receiverRules(receiver([3, 3], {}), [LEZ, ELSEWHERE])).toEqual([]);
    expect(receiverRules(receiver([3, 3]), [LEZ])).toEqual([]);
  });

  it("counts a receiver on the zone's edge as inside", () => {
    expect(receiverRules(receiver([1, 0.5]), [LEZ]).map((r) => r.label)).toEqual([
      'zone lez rule 1',
      'zone lez rule 2',
    ]);
  });
});

describe("a receiver's access per vehicle type", () => {
  const types = [
    { class: 'van', powertrain: 'electric' },
    { class: 'van', powertrain: 'diesel' },
    { class: 'truck', powertrain: 'diesel' },
  ];

  it('per type the periods it may come in (undefined: never barred), with the labels of the rules', () => {
    expect(receiverAccess(receiver([0.5, 0.5]), [LEZ], types)).toStrictEqual({
      accessByType: [
        undefined,
        // the diesel van fails rule 1 only: barred 07:00–19:00
        [
          [0, 7 * H],
          [19 * H, 24 * H],
        ],
        // the truck fails rule 2 (all day) too
        [],
      ],
      accessRules: ['zone lez rule 1', 'zone lez rule 2'],
    });
  });

  it('nothing when no rule binds the receiver, or when the rules bar none of the types', () => {
    expect(receiverAccess(receiver([3, 3]), [LEZ], types)).toStrictEqual({});
    const vansWelcome = receiver([3, 3], { vehicleClasses: ['van', 'truck'] });
    expect(receiverAccess(vansWelcome, [], types)).toStrictEqual({});
  });
});
