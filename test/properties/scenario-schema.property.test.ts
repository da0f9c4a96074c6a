import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, scenarioSchema, toFieldIssues, type Scenario } from '../../src/contracts/index.ts';
import { params } from './runs.ts';

// Properties of the scenario contract (issue 11): valid days within the bounds are accepted, any one value
// beyond a bound is refused naming its field, and no input at all makes validation throw.
const time = fc.integer({ min: 0, max: 22 }).map((h) => `${String(h).padStart(2, '0')}:00`);
const lonLat = fc.tuple(
  fc.double({ min: 2.9, max: 3.2, noNaN: true }),
  fc.double({ min: 50.5, max: 50.7, noNaN: true }),
);
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);

/** A valid small day: unique ids, references that exist, sizes and counts inside LIMITS. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    hubIds: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }),
    carrierIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
    receiverIds: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
    open: time,
    location: lonLat,
    orderCount: fc.integer({ min: 0, max: 12 }),
    kg: fc.double({ min: 0, max: LIMITS.kg, noNaN: true }),
    count: fc.integer({ min: 0, max: LIMITS.vehiclesPerFleetEntry }),
    baselineVehicles: fc.option(fc.integer({ min: 1, max: LIMITS.baselineVehiclesPerCarrier }), {
      nil: undefined,
    }),
  })
  .map((r) => ({
    name: 'property day',
    date: '2025-03-04',
    hubs: r.hubIds.map((hid) => ({ id: hid, location: r.location, open: r.open, close: '23:00' })),
    carriers: r.carrierIds.map((cid, i) => ({
      id: cid,
      depot: r.location,
      baselineVehicleType: 'e-van',
      ...(i === 0 && r.baselineVehicles !== undefined ? { baselineVehicles: r.baselineVehicles } : {}),
    })),
    receivers: r.receiverIds.map((rid) => ({
      id: rid,
      location: r.location,
      windows: [{ start: r.open, end: '23:30' }],
    })),
    orders: Array.from({ length: r.orderCount }, (_, i) => ({
      id: `o${i}`,
      carrierId: r.carrierIds[i % r.carrierIds.length]!,
      receiverId: r.receiverIds[i % r.receiverIds.length]!,
      size: { kg: r.kg },
    })),
    fleet: [
      {
        hubId: r.hubIds[0]!,
        vehicleType: 'cargo-bike',
        count: r.count,
        shift: { start: r.open, end: '23:00' },
      },
    ],
  }));

/** One numeric field pushed beyond its bound, and the path the refusal must name. */
const beyond: fc.Arbitrary<[string, (s: Scenario, v: number) => unknown, number]> = fc.oneof(
  fc.tuple(
    fc.constant('fleet[0].count'),
    fc.constant((s: Scenario, v: number) => ({ ...s, fleet: [{ ...s.fleet[0]!, count: v }] })),
    fc.integer({ min: LIMITS.vehiclesPerFleetEntry + 1, max: Number.MAX_SAFE_INTEGER }),
  ),
  fc.tuple(
    fc.constant('carriers[0].baselineVehicles'),
    fc.constant((s: Scenario, v: number) => ({
      ...s,
      carriers: [{ ...s.carriers[0]!, baselineVehicles: v }, ...s.carriers.slice(1)],
    })),
    fc.integer({ min: LIMITS.baselineVehiclesPerCarrier + 1, max: Number.MAX_SAFE_INTEGER }),
  ),
  fc.tuple(
    fc.constant('receivers[0].serviceMinutes'),
    fc.constant((s: Scenario, v: number) => ({
      ...s,
      receivers: [{ ...s.receivers[0]!, serviceMinutes: v }, ...s.receivers.slice(1)],
    })),
    fc.double({ min: 240.001, max: 1e300, noNaN: true }),
  ),
);

describe('scenario contract, by property', () => {
  it('accepts every valid day within the bounds', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = scenarioSchema.safeParse(s);
        expect(r.success ? [] : toFieldIssues(r.error)).toEqual([]);
      }),
      params(),
    );
  });

  it('refuses any one value beyond its bound, naming that field', () => {
    fc.assert(
      fc.property(scenarioArb, beyond, (s, [path, edit, value]) => {
        const r = scenarioSchema.safeParse(edit(s, value));
        expect(r.success).toBe(false);
        if (!r.success) expect(toFieldIssues(r.error).map((i) => i.path)).toContain(path);
      }),
      params(),
    );
  });

  it('never throws, whatever JSON it is given (whole or in any field), and every issue names a path', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom(
          'hubs',
          'carriers',
          'receivers',
          'orders',
          'fleet',
          'options',
          'zones',
          'name',
          'date',
        ),
        anyJson,
        (s, field, junk) => {
          for (const input of [junk, { ...s, [field]: junk }]) {
            const r = scenarioSchema.safeParse(input);
            if (!r.success)
              for (const issue of toFieldIssues(r.error)) {
                expect(typeof issue.path).toBe('string');
                expect(issue.message.length).toBeGreaterThan(0);
              }
          }
        },
      ),
      params(),
    );
  });
});
