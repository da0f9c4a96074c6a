import type { Plan, PlanRoute, TrunkLeg } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';
import { routesCostEur, trunkCostEur } from './costs.ts';

export const ALLOCATION_METHOD =
  "pro-rata-by-kg: each hub's pooled run costs shared by the kg each carrier sends through it; " +
  "trunk legs and own rounds for unpooled orders charged to their carrier; standalone = the carrier's baseline";

/**
 * A simple, clearly named allocation rule: standalone cost is what the carrier pays alone (its baseline
 * rounds); in the pooled plan it pays its own trunk legs and residual rounds plus a share of each hub's
 * pooled runs in proportion to the kg it sends through that hub. Shapley values are the next step.
 */
export function allocateByKg(
  city: City,
  baselineByCarrier: ReadonlyMap<string, readonly PlanRoute[]>,
  pooledByHub: ReadonlyMap<string, readonly PlanRoute[]>,
  residualByCarrier: ReadonlyMap<string, readonly PlanRoute[]>,
  trunk: readonly TrunkLeg[],
): Plan['allocation'] {
  const orderKg = new Map(
    city.orders.map((o) => [
      o.id,
      { carrier: (city.carriers[o.carrier] as { id: string }).id, kg: o.size[0] },
    ]),
  );
  const kgByHubCarrier = new Map<string, Map<string, number>>();
  for (const [hubId, routes] of pooledByHub) {
    const kg = new Map<string, number>();
    for (const r of routes)
      for (const s of r.stops)
        for (const id of s.orderIds) {
          const o = orderKg.get(id);
          if (o) kg.set(o.carrier, (kg.get(o.carrier) ?? 0) + o.kg);
        }
    kgByHubCarrier.set(hubId, kg);
  }
  const round = (x: number): number => Number(x.toFixed(2));
  return city.carriers.map((c) => {
    const standalone = routesCostEur(city, baselineByCarrier.get(c.id) ?? []);
    let allocated = routesCostEur(city, residualByCarrier.get(c.id) ?? []);
    for (const leg of trunk) if (leg.carrierId === c.id) allocated += trunkCostEur(city, leg);
    for (const [hubId, routes] of pooledByHub) {
      const kg = kgByHubCarrier.get(hubId) ?? new Map<string, number>();
      const total = [...kg.values()].reduce((a, b) => a + b, 0);
      if (total > 0) allocated += (routesCostEur(city, routes) * (kg.get(c.id) ?? 0)) / total;
    }
    return {
      carrierId: c.id,
      standaloneCost: round(standalone),
      allocatedCost: round(allocated),
      saving: round(standalone - allocated),
    };
  });
}
