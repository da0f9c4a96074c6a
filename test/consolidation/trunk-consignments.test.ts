import { describe, expect, it } from 'vitest';
import { trunkConsignments, type Consignment } from '../../src/consolidation/trunk-consignments.ts';
import type { City, SizeVector } from '../../src/domain/city.ts';
import { Rng } from '../../src/solver/rng.ts';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

// Consignments are filled in deadline order, so the goods the earliest pooled trips need travel together,
// and come out in a stable order (hub, carrier, first order): mutation testing found both unpinned.
describe('trunk consignments', () => {
  const city = buildCity(scenarioSchema.parse(smallScenario()));
  const a = city.orders.map((o, i) => ({ o, i })).filter(({ o }) => o.carrier === 0 && o.kind === 'delivery');

  it('fill by deadline: the orders of the earliest trips travel together, the consignment keeps their deadline', () => {
    const deadlines = a.map((_, k) => (k % 2 === 0 ? 9 : 7) * 3600);
    const earlyKg = a.reduce((s, { o }, k) => s + (k % 2 === 1 ? o.size[0] : 0), 0);
    // a consignment holds half a vehicle: exactly the early orders' kg
    const cap = 2 * earlyKg + 1e-6;
    const out = trunkConsignments(
      city,
      a.map(({ i }, k) => ({ order: i, hub: 0, deadlineS: deadlines[k] as number })),
      () => [cap, Infinity, Infinity],
    );
    const early = a.filter((_, k) => k % 2 === 1).map(({ i }) => i);
    const first = out.find((c) => c.orders.includes(early[0] as number));
    expect(first?.deadlineS).toBe(7 * 3600);
    expect(early.every((i) => first?.orders.includes(i))).toBe(true);
    expect(out.flatMap((c) => c.orders).sort((x, y) => x - y)).toEqual(a.map(({ i }) => i));
  });

  it('comes out by hub, then carrier, then first order, whatever order the pooled orders came in', () => {
    const all = city.orders.map((_, i) => ({ order: i, hub: 0, deadlineS: Infinity }));
    const forward = trunkConsignments(city, all, () => [1e9, 1e9, 1e9]);
    const backward = trunkConsignments(city, [...all].reverse(), () => [1e9, 1e9, 1e9]);
    expect(backward).toEqual(forward);
    const keys = forward.map((c) => [c.hub, c.carrier, c.orders[0] ?? 0]);
    expect(keys).toEqual([...keys].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!));
  });

  // first fit over every open consignment, as the function first did: it now looks only among the open
  // consignments an order may join (its hub's and carrier's), which must pick the same one
  // each carrier's trunk vehicle its own size, or one size a hub: with carriers mixed, a consignment full for one
  // carrier's limit may still take another's order
  const capacities = {
    'per hub': (hub: number): SizeVector => (hub === 0 ? [80, 1, 10] : [120, 2, 14]),
    'per carrier': (hub: number, carrier: number): SizeVector =>
      hub === 0 ? [60 + 40 * carrier, 1 + carrier, 10] : [120 - 30 * carrier, 2, 14],
  };
  for (const mixCarriers of [false, true])
    for (const [sizes, capacity] of Object.entries(capacities))
      it(`fills the consignments first fit in opening order, as a walk over all of them would (mixCarriers ${mixCarriers}, sizes ${sizes})`, () => {
        const rng = new Rng(5);
        // the day's six orders, each eight times over, to two hubs with small vehicles: many consignments
        const pooled = Array.from({ length: 8 }, () =>
          city.orders.map((_, i) => ({ order: i, hub: rng.int(0, 1), deadlineS: rng.int(6, 9) * 3600 })),
        ).flat();
        const out = trunkConsignments(city, pooled, capacity, { mixCarriers });
        expect(out.length).toBeGreaterThan(6);
        expect(out).toEqual(firstFitOverAll(city, pooled, capacity, mixCarriers));
      });
});

function firstFitOverAll(
  city: City,
  pooled: readonly { order: number; hub: number; deadlineS: number }[],
  capacity: (hub: number, carrier: number) => SizeVector,
  mixCarriers: boolean,
): Consignment[] {
  type Filling = Pick<Consignment, 'carrier' | 'hub'> & Record<'orders' | 'goods' | 'returns', number[]>;
  const open: (Filling & { deadlineS: number })[] = [];
  for (const p of [...pooled].sort((a, b) => a.deadlineS - b.deadlineS || a.order - b.order)) {
    const o = city.orders[p.order]!;
    const limit = capacity(p.hub, o.carrier).map((c) => c * 0.5);
    const side = o.kind === 'pickup' ? 'returns' : 'goods';
    let into = open.find(
      (c) =>
        (mixCarriers || c.carrier === o.carrier) &&
        c.hub === p.hub &&
        o.size.every((v, d) => c[side][d]! + v <= limit[d]! + 1e-9),
    );
    const empty = { goods: [0, 0, 0], returns: [0, 0, 0] };
    if (!into)
      open.push((into = { carrier: o.carrier, hub: p.hub, orders: [], ...empty, deadlineS: Infinity }));
    const c = into;
    c.orders.push(p.order);
    c[side] = c[side].map((x, d) => x + o.size[d]!);
    c.deadlineS = Math.min(c.deadlineS, p.deadlineS);
  }
  return open
    .map((c) => ({
      ...c,
      goods: c.goods as unknown as SizeVector,
      returns: c.returns as unknown as SizeVector,
    }))
    .sort((a, b) => a.hub - b.hub || a.carrier - b.carrier || (a.orders[0] ?? 0) - (b.orders[0] ?? 0));
}
