import { describe, expect, it } from 'vitest';
import {
  ComparisonSpecError,
  parseComparison,
  type FieldIssue,
  type JsonValue,
  type LoadRef,
} from '../../src/contracts/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const base = (): JsonValue => JSON.parse(JSON.stringify(smallScenario())) as JsonValue;
const noRefs: LoadRef = (ref) => {
  throw new Error(`unexpected $ref ${ref}`);
};

/** The issues parseComparison reports for `raw`, or a failure if it accepts it. */
function issuesOf(raw: unknown, load: LoadRef = noRefs): FieldIssue[] {
  try {
    parseComparison(raw, load);
  } catch (err) {
    if (err instanceof ComparisonSpecError) return [...err.issues];
    throw err;
  }
  throw new Error('expected the comparison to be rejected');
}

describe('comparison spec: base + merge patches', () => {
  it('a variant without patch is the base; a patch merges; `each` patches the matching elements only', () => {
    const variants = parseComparison(
      {
        base: base(),
        variants: [
          { name: 'as is' },
          {
            name: 'bikes only',
            patch: {
              fleet: [
                { hubId: 'H', vehicleType: 'cargo-bike', count: 3, shift: { start: '06:00', end: '17:00' } },
              ],
            },
          },
          {
            name: 'late shops',
            description: 'R1 and R3 take deliveries until 19:00',
            each: [
              {
                in: 'receivers',
                where: { id: ['R1', 'R3'] },
                patch: { windows: [{ start: '06:00', end: '19:00' }] },
              },
            ],
          },
          { name: 'truck trunks', each: [{ in: 'carriers', patch: { trunkVehicleType: 'rigid-truck' } }] },
        ],
      },
      noRefs,
    );
    const small = smallScenario();
    expect(variants.map((v) => v.name)).toEqual(['as is', 'bikes only', 'late shops', 'truck trunks']);
    expect(variants[0]?.scenario).toEqual(small);
    expect(variants[1]?.scenario).toEqual({
      ...small,
      fleet: [{ hubId: 'H', vehicleType: 'cargo-bike', count: 3, shift: { start: '06:00', end: '17:00' } }],
    });
    expect(variants[2]?.description).toBe('R1 and R3 take deliveries until 19:00');
    expect(variants[2]?.scenario.receivers.map((r) => r.windows)).toEqual([
      [{ start: '06:00', end: '19:00' }],
      small.receivers[1]?.windows,
      [{ start: '06:00', end: '19:00' }],
    ]);
    // R3's access rule survives: each merges into the element, it does not replace it
    expect(variants[2]?.scenario.receivers[2]?.access).toEqual({ vehicleClasses: ['cargo-bike'] });
    expect(variants[3]?.scenario.carriers.map((c) => c.trunkVehicleType)).toEqual([
      'rigid-truck',
      'rigid-truck',
    ]);
    expect({ ...variants[3]?.scenario, carriers: small.carriers }).toEqual(small);
  });

  it('reads $refs through the loader: the base, and patches applied in order (null deletes)', () => {
    const files: Record<string, JsonValue> = {
      'day.json': base(),
      'no-access.json': { receivers: null },
      'slow.json': { options: { circuity: 1.5 } },
    };
    const asked: string[] = [];
    const load: LoadRef = (ref, path) => {
      asked.push(`${path} -> ${ref}`);
      return files[ref] as JsonValue;
    };
    const [v] = parseComparison(
      {
        base: { $ref: 'day.json' },
        variants: [
          {
            name: 'slower',
            patchFiles: ['slow.json', 'no-access.json'],
            patch: { options: { timeLimitSeconds: null, seed: 3 }, receivers: smallScenario().receivers },
          },
        ],
      },
      load,
    );
    expect(asked).toEqual([
      'base -> day.json',
      'variants[0].patchFiles[0] -> slow.json',
      'variants[0].patchFiles[1] -> no-access.json',
    ]);
    expect(v?.scenario.options).toEqual({ circuity: 1.5, seed: 3 });
  });

  it('names the variant and the field of every problem, in every variant at once', () => {
    const issues = issuesOf({
      base: base(),
      variants: [
        { name: 'negative fleet', each: [{ in: 'fleet', patch: { count: -1 } }] },
        { name: 'typo', each: [{ in: 'receivers', where: { kind: 'shopp' }, patch: { serviceMinutes: 3 } }] },
        {
          name: 'unknown order carrier',
          patch: { orders: [{ id: 'X', carrierId: 'Z', receiverId: 'R1', size: { kg: 1 } }] },
        },
      ],
    });
    expect(issues).toEqual([
      {
        path: 'variants[0]',
        message: expect.stringMatching(
          /^variant "negative fleet": the patched scenario is invalid at fleet\[0\]\.count: /,
        ),
      },
      {
        path: 'variants[0]',
        message: expect.stringMatching(
          /^variant "negative fleet": the patched scenario is invalid at fleet\[1\]\.count: /,
        ),
      },
      {
        path: 'variants[1].each[0].where',
        message: 'variant "typo": no element of receivers matches {"kind":"shopp"}',
      },
      {
        path: 'variants[2]',
        message: expect.stringMatching(
          /^variant "unknown order carrier": the patched scenario is invalid at orders\[0\]\.carrierId: .*"Z"/,
        ),
      },
    ]);
  });

  it("rejects the file's own mistakes with their path, naming the variant", () => {
    expect(issuesOf({ base: base(), variants: [{ name: 'a', pach: {} }] })).toEqual([
      { path: 'variants[0].pach', message: 'variant "a": unknown field (did you mean "patch"?)' },
    ]);
    expect(issuesOf({ base: base(), variants: [{ name: 'a' }, { name: 'a' }] })).toEqual([
      { path: 'variants[1].name', message: 'variant "a": duplicate variant name "a"' },
    ]);
    expect(issuesOf({ base: base(), variants: [{ name: 'b', patch: { $ref: 'x.json' } }] })).toEqual([
      {
        path: 'variants[0].patch',
        message: 'variant "b": a patch cannot hold "$ref": list patch files in the variant\'s "patchFiles"',
      },
    ]);
    expect(issuesOf({ base: base(), variants: [{ name: 'c', patch: [1] }] })).toEqual([
      { path: 'variants[0].patch', message: 'variant "c": expected a JSON object' },
    ]);
    expect(issuesOf({ base: { $ref: 'day.json', name: 'x' }, variants: [{ name: 'c' }] })).toEqual([
      { path: 'base', message: '"$ref" must stand alone: { "$ref": "day.json" }' },
    ]);
    expect(
      issuesOf({ base: base(), variants: [{ name: 'd', each: [{ in: 'depots', patch: {} }] }] })[0],
    ).toEqual({
      path: 'variants[0].each[0].in',
      message: expect.stringMatching(/^variant "d": /),
    });
    expect(issuesOf({ base: base(), variants: [] })).toEqual([
      { path: 'variants', message: 'expected at least one variant' },
    ]);
    expect(issuesOf({ variants: [{ name: 'e' }] })[0]?.path).toBe('base');
  });

  it('says when a list to patch is missing, a patch file holds no object, or the base itself is invalid', () => {
    expect(
      issuesOf({
        base: base(),
        variants: [{ name: 'types', each: [{ in: 'vehicleTypes', patch: { speedKmh: 20 } }] }],
      }),
    ).toEqual([
      { path: 'variants[0].each[0].in', message: 'variant "types": the scenario has no vehicleTypes list' },
    ]);
    expect(
      issuesOf({ base: base(), variants: [{ name: 'list', patchFiles: ['p.json'] }] }, () => [1, 2]),
    ).toEqual([
      {
        path: 'variants[0].patchFiles[0]',
        message: 'variant "list": a patch must be a JSON object (a merge patch)',
      },
    ]);
    const broken = { ...(base() as object), fleet: [] };
    expect(issuesOf({ base: { $ref: 'day.json' }, variants: [{ name: 'x' }] }, () => broken)).toEqual([
      {
        path: 'base',
        message: 'the base scenario (day.json) is invalid at fleet: expected at least one fleet entry',
      },
    ]);
  });

  it('a patch that adds an unknown scenario field is named with the nearest known one', () => {
    expect(issuesOf({ base: base(), variants: [{ name: 'typo', patch: { optons: { seed: 2 } } }] })).toEqual([
      {
        path: 'variants[0]',
        message:
          'variant "typo": the patched scenario is invalid at optons: unknown field (did you mean "options"?)',
      },
    ]);
  });

  it('patches the base as written: a patch cannot smuggle a field past the scenario schema', () => {
    const issues = issuesOf({
      base: base(),
      variants: [{ name: 'bad id', each: [{ in: 'hubs', patch: { id: '' } }] }],
    });
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^variant "bad id": the patched scenario is invalid at hubs\[0\]\.id: /),
      ]),
    );
  });
});
