import { describe, expect, it } from 'vitest';
import { mixedFleetAccess, serviceStarts, singleTypeAccess } from '../../src/consolidation/access.ts';
import { bundleOrders, EXTRA_SERVICE_PER_ORDER_S, type Bundle } from '../../src/consolidation/bundle.ts';
import type { CityOrder, CityReceiver, Window } from '../../src/domain/city.ts';
import { unitCity, unitType } from '../planner/unit-city.ts';

/**
 * Unit tests of the job access and bundling rules on hand-made cities (no travel, no solver): every expected
 * window, type list and load below is worked out by hand from the rules in access.ts and bundle.ts.
 */
const H = 3600;
const rates = { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 };
const types = [unitType('t0', rates), unitType('t1', rates), unitType('t2', rates)];

const receiver = (over: Partial<CityReceiver> = {}): CityReceiver => ({
  id: 'R',
  location: 0,
  windows: [[8 * H, 12 * H]],
  serviceS: 300,
  ...over,
});
const order = (receiverIndex: number, size: CityOrder['size'], over: Partial<CityOrder> = {}): CityOrder => ({
  id: `o${receiverIndex}`,
  carrier: 0,
  receiver: receiverIndex,
  kind: 'delivery',
  size,
  ...over,
});
const bundleAt = (windows: readonly Window[], serviceS = 300): Bundle => ({
  receiver: 0,
  orders: [0],
  delivery: [1, 0, 0],
  pickup: [0, 0, 0],
  windows,
  serviceS,
});

describe('serviceStarts: start times of a visit inside the periods a type may be there', () => {
  const city = unitCity({
    vehicleTypes: types,
    receivers: [
      receiver({
        accessByType: [
          [
            [6 * H, 7 * H],
            [9 * H, 9 * H + 300],
            [10 * H, 10 * H + 299],
          ],
          undefined,
          [],
        ],
      }),
      receiver(),
    ],
  });

  it('moves each period end back by the service; a period exactly one service long keeps one start; a shorter one goes', () => {
    expect(serviceStarts(city, 0, 0, 300)).toEqual([
      [6 * H, 7 * H - 300],
      [9 * H, 9 * H],
    ]);
  });

  it('undefined for a type the rules do not restrict, or a receiver without rules; [] for a type never allowed', () => {
    expect(serviceStarts(city, 0, 1, 300)).toBeUndefined();
    expect(serviceStarts(city, 1, 0, 300)).toBeUndefined();
    expect(serviceStarts(city, 0, 2, 300)).toEqual([]);
  });
});

describe('singleTypeAccess: a carrier round of one type', () => {
  const city = unitCity({
    vehicleTypes: [
      unitType('e-van', rates),
      { ...unitType('lorry', rates), class: 'truck', powertrain: 'diesel' },
    ],
    receivers: [
      receiver({
        id: 'SHOP',
        accessByType: [undefined, [[5 * H, 9 * H]]],
        accessRules: ['zone lez rule 1', 'receiver access'],
      }),
    ],
  });

  it('an unrestricted type keeps the bundle windows', () => {
    const b = bundleAt([[8 * H, 12 * H]]);
    expect(singleTypeAccess(city, b, 0)).toEqual({ windows: [[8 * H, 12 * H]] });
  });

  it('a restricted type keeps the windows its allowed starts share with the bundle', () => {
    // allowed 05:00-09:00 with a 5-minute visit: starts 05:00-08:55, the bundle's window from 08:00
    const b = bundleAt([[8 * H, 12 * H]]);
    expect(singleTypeAccess(city, b, 1)).toEqual({ windows: [[8 * H, 9 * H - 300]] });
  });

  it('no shared time: no vehicle allowed, with the type, the receiver and every rule named', () => {
    const b = bundleAt([[10 * H, 12 * H]]);
    expect(singleTypeAccess(city, b, 1)).toEqual({
      allowedVehicleTypes: [],
      windows: [[10 * H, 12 * H]],
      note: 'lorry (diesel truck) may not serve SHOP in its windows (zone lez rule 1, receiver access)',
    });
  });
});

describe('mixedFleetAccess: one set of windows for every vehicle of a hub', () => {
  // types 0..3 at one receiver with a 10:00-12:00 window and a 5-minute visit
  const periods: (readonly Window[] | undefined)[] = [
    undefined, // 0: never restricted
    [[9 * H, 12 * H + 300]], // 1: allowed exactly throughout (the last start 12:00 included)
    [[9 * H, 11 * H + 300]], // 2: part-time, 10:00-11:00 (60 min)
    [[10 * H + 1800, 12 * H + 300]], // 3: part-time, 10:30-12:00 (90 min)
    [[13 * H, 14 * H]], // 4: never in the window
    [[9 * H, 10 * H + 900]], // 5: part-time, 10:00-10:10 (10 min), shares nothing with type 3
  ];
  const city = unitCity({
    vehicleTypes: [...types, ...types],
    receivers: [
      receiver({ id: 'R', accessByType: periods, accessRules: ['zone a rule 1'] }),
      receiver({ id: 'FREE' }),
    ],
  });
  const b = bundleAt([[10 * H, 12 * H]]);

  it('a receiver without rules: the bundle windows, every type', () => {
    expect(mixedFleetAccess(city, { ...b, receiver: 1 }, [3, 4])).toEqual({ windows: [[10 * H, 12 * H]] });
  });

  it('every type allowed throughout (one at the exact edges of its period): no type list', () => {
    expect(mixedFleetAccess(city, b, [0, 1])).toEqual({ windows: [[10 * H, 12 * H]] });
  });

  it('some types allowed throughout: only those, the part-time ones left out', () => {
    expect(mixedFleetAccess(city, b, [2, 1, 3])).toEqual({
      allowedVehicleTypes: [1],
      windows: [[10 * H, 12 * H]],
    });
  });

  it('no type may ever serve in the windows: none allowed, with the receiver and rules named', () => {
    expect(mixedFleetAccess(city, b, [4])).toEqual({
      allowedVehicleTypes: [],
      windows: [[10 * H, 12 * H]],
      note: "the fleet's types may not serve R in its windows (zone a rule 1)",
    });
  });

  it('part-time types: the one allowed longest first, then each that still shares time with those chosen', () => {
    // type 3 (90 min) first, type 2 (60 min) shares 10:30-11:00, type 5 (10 min) shares nothing more;
    // the types listed by index
    expect(mixedFleetAccess(city, b, [5, 3, 4, 2])).toEqual({
      allowedVehicleTypes: [2, 3],
      windows: [[10 * H + 1800, 11 * H]],
    });
    // without type 3, type 2 (60 min) comes first and type 5 still shares 10:00-10:10 with it
    expect(mixedFleetAccess(city, b, [5, 2])).toEqual({
      allowedVehicleTypes: [2, 5],
      windows: [[10 * H, 10 * H + 600]],
    });
  });

  it('of two part-time types allowed equally long, the lower index comes first', () => {
    // starts: type 0 10:00-10:30 and type 1 11:30-12:00 (30 min each, disjoint), type 2 11:30-11:40 (only
    // with type 1): type 0 first keeps type 0 alone; type 1 first would have chosen types 1 and 2
    const twin = unitCity({
      vehicleTypes: types,
      receivers: [
        receiver({
          accessByType: [
            [[10 * H, 10 * H + 1800 + 300]],
            [[11 * H + 1800, 12 * H + 300]],
            [[11 * H + 1800, 11 * H + 2400 + 300]],
          ],
        }),
      ],
    });
    expect(mixedFleetAccess(twin, b, [2, 1, 0])).toEqual({
      allowedVehicleTypes: [0],
      windows: [[10 * H, 10 * H + 1800]],
    });
  });
});

describe('mixedFleetAccess with a bundle of two windows', () => {
  // type 0 allowed exactly over both windows (service included), type 1 only over the first
  const city = unitCity({
    vehicleTypes: types,
    receivers: [
      receiver({
        accessByType: [
          [
            [10 * H, 11 * H + 300],
            [11 * H + 1800, 12 * H + 300],
          ],
          [[10 * H, 11 * H + 300]],
        ],
      }),
    ],
  });
  const b = bundleAt([
    [10 * H, 11 * H],
    [11 * H + 1800, 12 * H],
  ]);

  it('a type allowed over each window by a different period, starts included, serves throughout', () => {
    expect(mixedFleetAccess(city, b, [0])).toEqual({ windows: b.windows });
  });

  it('a type allowed over one window only is part-time: it serves in that window', () => {
    expect(mixedFleetAccess(city, b, [1])).toEqual({ allowedVehicleTypes: [1], windows: [[10 * H, 11 * H]] });
  });
});

describe('bundleOrders: orders to one receiver handed over together', () => {
  const receivers = [
    receiver({ id: 'R0', windows: [[8 * H, 12 * H]], serviceS: 120 }),
    receiver({
      id: 'R1',
      windows: [
        [9 * H, 10 * H],
        [14 * H, 16 * H],
      ],
      serviceS: 60,
    }),
  ];

  it('one bundle per receiver in receiver order, loads summed per side, one extra minute per extra order', () => {
    const city = unitCity({
      receivers,
      orders: [
        order(1, [5, 0.1, 1]),
        order(0, [10, 0.2, 2]),
        order(0, [3, 0.3, 1], { kind: 'pickup' }),
        order(0, [7, 0.1, 3]),
      ],
    });
    const bundles = bundleOrders(city, [0, 1, 2, 3], [100, 10, 10]);
    expect(bundles.map((b) => b.receiver)).toEqual([0, 1]);
    const [r0, r1] = bundles as [Bundle, Bundle];
    expect(r0.orders).toEqual([1, 2, 3]);
    expect(r0.delivery).toEqual([17, expect.closeTo(0.3, 9), 5]);
    expect(r0.pickup).toEqual([3, 0.3, 1]);
    expect(r0.windows).toEqual([[8 * H, 12 * H]]);
    expect(r0.serviceS).toBe(120 + 2 * EXTRA_SERVICE_PER_ORDER_S);
    expect(EXTRA_SERVICE_PER_ORDER_S).toBe(60);
    expect(r1).toEqual({
      receiver: 1,
      orders: [0],
      delivery: [5, 0.1, 1],
      pickup: [0, 0, 0],
      windows: [
        [9 * H, 10 * H],
        [14 * H, 16 * H],
      ],
      serviceS: 60,
    });
  });

  it('splits at the capacity: a load exactly at it stays together, one more kg opens a second bundle', () => {
    const city = unitCity({
      receivers,
      orders: [
        order(0, [60, 1, 1]),
        order(0, [40, 1, 1]),
        order(0, [1, 0, 0]),
        order(0, [30, 0, 0], { kind: 'pickup' }),
      ],
    });
    const bundles = bundleOrders(city, [0, 1, 2, 3], [100, 10, 10]);
    // 60 + 40 = 100 fits exactly; the 1 kg no longer fits there and opens a bundle; the pickup is counted
    // apart from the 100 kg delivered, so it still fits the first
    expect(bundles.map((b) => b.orders)).toEqual([[0, 1, 3], [2]]);
    expect(bundles[0]?.delivery).toEqual([100, 2, 2]);
    expect(bundles[0]?.pickup).toEqual([30, 0, 0]);
  });

  it('every dimension binds, pickups apart from deliveries', () => {
    const city = unitCity({
      receivers,
      orders: [
        order(0, [1, 6, 1]),
        order(0, [1, 5, 1]), // m3 6 + 5 > 10
        order(0, [1, 1, 6]),
        order(0, [1, 1, 5]), // units 7 + 5 > 10 in the first bundle: the second
        order(0, [90, 9, 9], { kind: 'pickup' }),
        order(0, [20, 0, 0], { kind: 'pickup' }), // pickup kg 90 + 20 > 100
      ],
    });
    const bundles = bundleOrders(city, [0, 1, 2, 3, 4, 5], [100, 10, 10]);
    expect(bundles.map((b) => b.orders)).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
  });

  it('orders whose windows do not meet go apart; a bundle keeps the windows all its orders share', () => {
    const city = unitCity({
      receivers,
      orders: [
        order(1, [1, 0, 0], { window: [9 * H + 1800, 15 * H] }),
        order(1, [1, 0, 0], { window: [15 * H, 17 * H] }),
        order(1, [1, 0, 0], { window: [6 * H, 7 * H] }), // meets no receiver window: its own wins
        order(1, [1, 0, 0]),
      ],
    });
    const bundles = bundleOrders(city, [0, 1, 2, 3], [100, 10, 10]);
    expect(bundles.map((b) => [b.orders, b.windows])).toEqual([
      [[0, 1, 3], [[15 * H, 15 * H]]],
      [[2], [[6 * H, 7 * H]]],
    ]);
  });

  it('an order’s own window narrows the receiver’s windows it overlaps', () => {
    const city = unitCity({ receivers, orders: [order(1, [1, 0, 0], { window: [9 * H + 1800, 15 * H] })] });
    expect(bundleOrders(city, [0], [100, 10, 10])[0]?.windows).toEqual([
      [9 * H + 1800, 10 * H],
      [14 * H, 15 * H],
    ]);
  });

  it('allowed start times narrow the windows first; an order with none stays alone and takes no company', () => {
    const city = unitCity({
      receivers,
      orders: [order(0, [1, 0, 0], { window: [8 * H, 9 * H] }), order(0, [1, 0, 0]), order(0, [1, 0, 0])],
    });
    const allowed = (r: number): readonly Window[] | undefined => (r === 0 ? [[10 * H, 11 * H]] : undefined);
    const bundles = bundleOrders(city, [0, 1, 2], [100, 10, 10], allowed);
    expect(bundles.map((b) => [b.orders, b.windows])).toEqual([
      [[0], [[8 * H, 9 * H]]],
      [[1, 2], [[10 * H, 11 * H]]],
    ]);
  });
});
