import { describe, expect, it } from 'vitest';
import { trunkConsignments } from '../../src/consolidation/trunk-consignments.ts';
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
});
