import { describe, expect, it } from 'vitest';
import { LIMITS, scenarioSchema, toFieldIssues, type Scenario } from '../../src/contracts/index.ts';
import { sampleScenario } from '../api/sample-scenario.ts';

/** The field paths a scenario is refused for (empty: accepted). */
function refusedAt(s: unknown): string[] {
  const r = scenarioSchema.safeParse(s);
  return r.success ? [] : toFieldIssues(r.error).map((i) => i.path);
}

type Edit = (s: Scenario, n: number) => unknown;
const repeat = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

// Each bound at its limit is accepted and one above is refused naming the field (issue 11, finding 1).
const CASES: [string, number, Edit][] = [
  [
    'fleet[0].count',
    LIMITS.vehiclesPerFleetEntry,
    (s, n) => ({ ...s, fleet: [{ ...s.fleet[0]!, count: n }] }),
  ],
  [
    'carriers[0].baselineVehicles',
    LIMITS.baselineVehiclesPerCarrier,
    (s, n) => ({ ...s, carriers: [{ ...s.carriers[0]!, baselineVehicles: n }, s.carriers[1]] }),
  ],
  ['orders[0].size.kg', LIMITS.kg, (s, n) => ({ ...s, orders: [{ ...s.orders[0]!, size: { kg: n } }] })],
  [
    'receivers[0].windows',
    LIMITS.windowsPerReceiver,
    (s, n) => ({
      ...s,
      receivers: [{ ...s.receivers[0]!, windows: repeat(n, () => ({ start: '08:00', end: '09:00' })) }],
      orders: [{ ...s.orders[0]!, receiverId: s.receivers[0]!.id }],
    }),
  ],
  ['name', LIMITS.nameLength, (s, n) => ({ ...s, name: 'x'.repeat(n) })],
  ['orders[0].id', LIMITS.idLength, (s, n) => ({ ...s, orders: [{ ...s.orders[0]!, id: 'o'.repeat(n) }] })],
  [
    'hubs',
    LIMITS.hubs,
    (s, n) => ({ ...s, hubs: repeat(n, (i) => ({ ...s.hubs[0]!, id: i === 0 ? s.hubs[0]!.id : `h${i}` })) }),
  ],
  [
    'options.maxStopsPerZone',
    LIMITS.maxStopsPerZone,
    (s, n) => ({ ...s, options: { ...s.options, maxStopsPerZone: n } }),
  ],
];

describe('scenario bounds (LIMITS)', () => {
  it.each(CASES)('%s: accepted at its limit %d, refused above it naming the field', (path, limit, edit) => {
    expect(refusedAt(edit(sampleScenario(), limit))).toEqual([]);
    expect(refusedAt(edit(sampleScenario(), limit + 1))).toContain(path);
  });

  it("refuses the issue's billion vehicles in a fleet or a carrier", () => {
    const s = sampleScenario();
    expect(refusedAt({ ...s, fleet: [{ ...s.fleet[0]!, count: 1e9 }] })).toEqual(['fleet[0].count']);
    expect(
      refusedAt({ ...s, carriers: [{ ...s.carriers[0]!, baselineVehicles: 1e9 }, s.carriers[1]] }),
    ).toEqual(['carriers[0].baselineVehicles']);
  });

  it('bounds the vehicles of the whole day, fleet entries and carriers together', () => {
    const s = sampleScenario();
    const per = LIMITS.vehiclesPerFleetEntry;
    const entries = Math.floor(LIMITS.vehiclesPerScenario / per);
    const fleet = repeat(entries, () => ({ ...s.fleet[0]!, count: per }));
    expect(refusedAt({ ...s, fleet })).toEqual([]);
    const oneMore = { ...s, fleet, carriers: [{ ...s.carriers[0]!, baselineVehicles: 1 }, s.carriers[1]] };
    expect(refusedAt(oneMore)).toEqual(['fleet']);
  });
});
