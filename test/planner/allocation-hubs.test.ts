import { describe, expect, it } from 'vitest';
import type { HubReport, PlanRoute, TrunkTrip } from '../../src/contracts/index.ts';
import { allocateByKg } from '../../src/planner/allocation.ts';
import { unitCity, unitHub, unitRailFeeder, unitRoute, unitTrunkTrip, unitType } from './unit-city.ts';

/**
 * The pro-rata rule's hub and trunk shares (allocation.ts) on a hand-made two-echelon day: a platform P feeds the
 * micro-hub M; H2 is a hub of its own. Every share is worked out by hand from the rule's text (ALLOCATION_METHOD).
 */
const van = unitType('van', { fixedCostEur: 50, costPerKmEur: 0.5, costPerHourEur: 30 });
const city = unitCity({
  vehicleTypes: [van],
  hubs: [unitHub('P', 0), unitHub('M', 1, { feeder: unitRailFeeder }), unitHub('H2', 2)],
  carriers: [
    { id: 'A', location: 3, baselineType: 0, trunkType: 0 },
    { id: 'B', location: 4, baselineType: 0, trunkType: 0 },
  ],
  orders: [
    { id: 'A1', carrier: 0, receiver: 0, kind: 'delivery', size: [10, 0.1, 2] },
    { id: 'B1', carrier: 1, receiver: 0, kind: 'delivery', size: [30, 0.1, 1] },
    // no handling unit given: it still counts as one
    { id: 'B2', carrier: 1, receiver: 1, kind: 'delivery', size: [5, 0.1, 0] },
  ],
});
/** A hub's row as the allocation reads it: its id and its cost of the day (the other fields are not read). */
const hubRow = (id: string, costEur: number): HubReport =>
  ({
    id,
    costEur,
    open: true,
    units: 0,
    fixedCostEurPerDay: 0,
    vehicles: 0,
    trunkVehicles: 0,
    reason: '',
  }) as HubReport;

const pooled = new Map([
  // M's run: 50 + 8 × 0.5 + 1 h × 30 = 84, kg A 10 : B 30
  [
    'M',
    [
      unitRoute({
        vehicle: 'M/V',
        vehicleType: 'van',
        distanceKm: 8,
        durationMin: 60,
        stops: [['R1', ['A1', 'B1']]],
      }),
    ],
  ],
  // H2's run: 50 + 2 × 0.5 + 0.2 h × 30 = 57, all B's
  [
    'H2',
    [
      unitRoute({
        vehicle: 'H2/V',
        vehicleType: 'van',
        distanceKm: 2,
        durationMin: 12,
        stops: [['R2', ['B2']]],
      }),
    ],
  ],
]);
/** A road trip of the feeder van F1 between two hubs (stops that are not a carrier's depot), carrying A's and B's goods. */
const betweenHubs = unitTrunkTrip({
  vehicle: 'F1',
  distanceKm: 6,
  durationMin: 30,
  stops: [
    ['P', 40, 0],
    ['M', 0, 40],
  ],
});
const feederTrip: TrunkTrip = {
  ...betweenHubs,
  id: 'F1/trip1',
  carrierIds: ['A', 'B'],
  stops: betweenHubs.stops.map((s) => ({ ...s, kind: 'hub' })),
};
/** F1's second trip picks up 20 kg at A's depot. */
const depotTrip: TrunkTrip = {
  ...unitTrunkTrip({ vehicle: 'F1', distanceKm: 4, durationMin: 12, stops: [['A', 20, 0]] }),
  id: 'F1/trip2',
  trip: 2,
};

/** Each carrier's allocated EUR with no baseline and no residual rounds: hub, pooled-run and trunk shares only. */
const allocated = (
  pooledByHub: ReadonlyMap<string, readonly PlanRoute[]>,
  trunk: readonly TrunkTrip[],
  hubs: readonly HubReport[] = [],
): number[] => allocateByKg(city, new Map(), pooledByHub, new Map(), trunk, hubs).map((r) => r.allocatedCost);

describe('allocateByKg: hubs by handling units, platforms by their micro-hubs’ units, trunk vehicles by kg', () => {
  it('charges each hub’s cost by units, the platform by the units of the micro-hub it feeds', () => {
    // units: M A 2 : B 1 (B1 1 unit), H2 B 1 (B2's 0 counts as 1); P takes M's units, 2 : 1
    // A: P 30 × 2/3 = 20, M 12 × 2/3 = 8; pooled M 84 × 10/40 = 21            → 49
    // B: P 10, M 4, H2 7; pooled M 84 × 30/40 = 63, H2 57                       → 141
    const hubs = [hubRow('P', 30), hubRow('M', 12), hubRow('H2', 7)];
    const rows = allocateByKg(city, new Map(), pooled, new Map(), [], hubs);
    expect(rows.map((r) => [r.carrierId, r.allocatedCost])).toEqual([
      ['A', 49],
      ['B', 141],
    ]);
    // a hub whose units are all 0 (nothing pooled there) shares nothing, and makes no NaN
    expect(allocated(new Map(), [], [hubRow('H2', 7)])).toEqual([0, 0]);
  });

  it('splits a trunk vehicle by kg: at a depot its carrier’s, between hubs evenly among the trip’s carriers', () => {
    // F1 costs 50 once + (6 × 0.5 + 0.5 h × 30) + (4 × 0.5 + 0.2 h × 30) = 50 + 18 + 8 = 76.
    // kg: A's depot 20; each hub stop's 40 (loaded + unloaded) split 20 : 20 → A 20 + 40 = 60, B 40
    // → A 76 × 60/100 = 45.6, B 30.4
    expect(allocated(new Map(), [feederTrip, depotTrip])).toEqual([45.6, 30.4]);
  });

  it('a shared road trunk vehicle by the kg each carrier loads at its depot; an empty one shares nothing', () => {
    // T2 (50 + 10 × 0.5 + 0.5 h × 30 = 70) loads 10 kg at A's depot and 30 kg at B's: 17.5 : 52.5 (not halves)
    const shared = unitTrunkTrip({
      vehicle: 'T2',
      distanceKm: 10,
      durationMin: 30,
      stops: [
        ['A', 10, 0],
        ['B', 30, 0],
      ],
    });
    expect(shared.carrierIds).toEqual(['A', 'B']);
    expect(allocated(new Map(), [shared])).toEqual([17.5, 52.5]);
    // a trunk vehicle that carries nothing (0 kg at every stop): no share, and no NaN
    const empty = unitTrunkTrip({ vehicle: 'T3', distanceKm: 10, durationMin: 30, stops: [['A', 0, 0]] });
    expect(allocated(new Map(), [empty])).toEqual([0, 0]);
  });

  it('a platform with no runs of its own gets its micro-hub’s units, and adds them to its own pooled units', () => {
    // only the platform has a cost: 30 split by M's units 2 : 1
    // A: 20 + 21 = 41; B: 10 + 63 + 57 = 130
    expect(allocated(pooled, [], [hubRow('P', 30)])).toEqual([41, 130]);
    // the platform's own pooled units add to its micro-hub's: P pools A1 itself (2 more units for A: 4 : 1)
    const own = new Map([
      ...pooled,
      [
        'P',
        [
          unitRoute({
            vehicle: 'P/V',
            vehicleType: 'van',
            distanceKm: 0,
            durationMin: 0,
            stops: [['R1', ['A1']]],
          }),
        ],
      ],
    ]);
    // A: 30 × 4/5 = 24, + M 21 + P's run 50 (all A's kg); B: 6 + 63 + 57
    expect(allocated(own, [], [hubRow('P', 30)])).toEqual([95, 126]);
  });
});
