import type { City, SizeVector } from '../domain/city.ts';
import type { UnassignedReason } from '../domain/routing-solution.ts';
import { hubHandlingKWh } from '../energy/index.ts';
import { ordersByCarrier } from './baseline.ts';
import { planCarrierRounds, type CarrierRounds } from './carrier-rounds.ts';
import { assignReceiversToHubs } from './hub-assignment.ts';
import { planPooledRuns, type PooledRuns } from './pooled-runs.ts';
import type { SolveContext } from './solve-context.ts';
import { trunkLeg, type TrunkLeg } from './trunk.ts';

/** An order the pooled fleet could not take: its carrier still delivers it, in `residual`. */
export interface UnpooledOrder {
  readonly order: number;
  readonly reason: UnassignedReason;
}

export interface ConsolidatedPlan {
  readonly pooled: readonly PooledRuns[];
  readonly trunk: readonly TrunkLeg[];
  /** Carriers' own rounds for the orders the hubs could not pool (so no order is lost from the KPIs). */
  readonly residual: readonly CarrierRounds[];
  readonly unpooled: readonly UnpooledOrder[];
  /** Per hub, handling energy for the units that crossed it (hub operation, ISO 14083). */
  readonly hubHandlingKWh: readonly number[];
}

/** Share of the time budget for the pooled runs; the rest routes unpooled orders with their carriers. */
const POOLED_SHARE = 0.9;

/**
 * Consolidation: choose a hub per receiver, pool all carriers' orders per hub into bundles and multi-trip
 * runs, then count what the pooled plan costs outside its own routes: trunk legs from each carrier's
 * depot to each hub, hub handling, and the carriers' own rounds for orders that could not be pooled.
 */
export function planConsolidated(city: City, timeLimitMs: number, ctx: SolveContext): ConsolidatedPlan {
  const hubOf = assignReceiversToHubs(city);
  const unpooled: UnpooledOrder[] = [];
  const perHub = city.hubs.map((): number[] => []);
  city.orders.forEach((o, i) => {
    const h = hubOf[o.receiver] ?? -1;
    if (h < 0) unpooled.push({ order: i, reason: 'no-vehicle-allowed' });
    else perHub[h]?.push(i);
  });

  const totalPooled = Math.max(
    1,
    perHub.reduce((s, l) => s + l.length, 0),
  );
  const pooled = perHub.flatMap((orders, hub) =>
    orders.length === 0
      ? []
      : [planPooledRuns(city, hub, orders, (POOLED_SHARE * timeLimitMs * orders.length) / totalPooled, ctx)],
  );
  const pooledOrders: number[] = [];
  for (const run of pooled) {
    const failed = new Set(run.solution.unassigned.map((u) => u.job));
    run.solution.unassigned.forEach((u) => {
      for (const order of run.routing.bundles[u.job]?.orders ?? [])
        unpooled.push({ order, reason: u.reason });
    });
    run.routing.bundles.forEach((b, j) => {
      if (!failed.has(j)) pooledOrders.push(...b.orders);
    });
  }

  const residualByCarrier = ordersByCarrier(
    city,
    unpooled.map((u) => u.order),
  );
  const residualCount = Math.max(1, unpooled.length);
  const residual = residualByCarrier.flatMap((orders, carrier) =>
    orders.length === 0
      ? []
      : [
          planCarrierRounds(
            city,
            carrier,
            orders,
            ((1 - POOLED_SHARE) * timeLimitMs * orders.length) / residualCount,
            ctx,
          ),
        ],
  );

  return {
    pooled,
    trunk: trunkLegs(city, pooledOrders, hubOf),
    residual,
    unpooled,
    hubHandlingKWh: handling(city, pooledOrders, hubOf),
  };
}

function trunkLegs(city: City, pooledOrders: readonly number[], hubOf: readonly number[]): TrunkLeg[] {
  type Flow = { delivery: [number, number, number]; pickup: [number, number, number] };
  const flows = new Map<string, Flow>();
  for (const i of pooledOrders) {
    const o = city.orders[i];
    if (!o) continue;
    const key = `${o.carrier}:${hubOf[o.receiver]}`;
    const flow = flows.get(key) ?? { delivery: [0, 0, 0], pickup: [0, 0, 0] };
    const into = o.kind === 'pickup' ? flow.pickup : flow.delivery;
    o.size.forEach((v, d) => (into[d] = (into[d] as number) + v));
    flows.set(key, flow);
  }
  return [...flows.entries()]
    .map(([key, f]) => {
      const [carrier, hub] = key.split(':').map(Number) as [number, number];
      return trunkLeg(city, carrier, hub, f.delivery as SizeVector, f.pickup as SizeVector);
    })
    .sort((a, b) => a.carrier - b.carrier || a.hub - b.hub);
}

/** Every pooled order is handled once at its hub: per handling unit, at least one unit per order. */
function handling(city: City, pooledOrders: readonly number[], hubOf: readonly number[]): number[] {
  const units = city.hubs.map(() => 0);
  for (const i of pooledOrders) {
    const o = city.orders[i];
    if (o)
      units[hubOf[o.receiver] as number] =
        (units[hubOf[o.receiver] as number] as number) + Math.max(1, o.size[2]);
  }
  return units.map((u, h) => hubHandlingKWh(u, city.hubs[h]?.handlingKWhPerUnit));
}
