import type { AllocationCostRow, HubReport, PlanRoute, TrunkTrip } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';
import { routesCostEur, trunkCostEur } from './costs.ts';
import { pushInto } from '../domain/arrays.ts';

export const PRO_RATA_BY_KG = 'pro-rata-by-kg';
export const ALLOCATION_METHOD =
  `${PRO_RATA_BY_KG}: ` +
  "each hub's pooled run costs shared by the kg each carrier sends through it; " +
  "each trunk vehicle's cost (fixed once, per km and per hour of its trips) shared by the kg each carrier " +
  "loads or unloads on it; each hub's cost (fixed and handling labour) shared by the handling units each carrier " +
  "sends through it; own rounds for unpooled orders charged to their carrier; standalone = the carrier's baseline";

/**
 * A simple, clearly named allocation rule: standalone cost is what the carrier pays alone (its baseline
 * rounds); in the pooled plan it pays its residual rounds, a share of each trunk vehicle's cost in proportion
 * to the kg it loads or unloads on it, and a share of each hub's pooled runs in proportion to the kg it sends
 * through that hub. Shapley values are the next step.
 */
export function allocateByKg(
  city: City,
  baselineByCarrier: ReadonlyMap<string, readonly PlanRoute[]>,
  pooledByHub: ReadonlyMap<string, readonly PlanRoute[]>,
  residualByCarrier: ReadonlyMap<string, readonly PlanRoute[]>,
  trunk: readonly TrunkTrip[],
  hubs: readonly HubReport[] = [],
): AllocationCostRow[] {
  const orderKg = new Map(
    city.orders.map((o) => [
      o.id,
      {
        carrier: (city.carriers[o.carrier] as { id: string }).id,
        kg: o.size[0],
        units: Math.max(1, o.size[2]),
      },
    ]),
  );
  const byHubCarrier = (measure: 'kg' | 'units') => {
    const out = new Map<string, Map<string, number>>();
    for (const [hubId, routes] of pooledByHub) {
      const m = new Map<string, number>();
      for (const r of routes)
        for (const s of r.stops)
          for (const id of s.orderIds) {
            const o = orderKg.get(id);
            if (o) m.set(o.carrier, (m.get(o.carrier) ?? 0) + o[measure]);
          }
      out.set(hubId, m);
    }
    return out;
  };
  const kgByHubCarrier = byHubCarrier('kg');
  const unitsByHubCarrier = withPlatforms(city, byHubCarrier('units'));
  const trunkShare = trunkShares(city, trunk);
  const round = (x: number): number => Number(x.toFixed(2));
  return city.carriers.map((c) => {
    const standalone = routesCostEur(city, baselineByCarrier.get(c.id) ?? []);
    let allocated = routesCostEur(city, residualByCarrier.get(c.id) ?? []);
    allocated += trunkShare.get(c.id) ?? 0;
    for (const h of hubs) {
      const units = unitsByHubCarrier.get(h.id) ?? new Map<string, number>();
      const total = [...units.values()].reduce((a, b) => a + b, 0);
      if (total > 0) allocated += (h.costEur * (units.get(c.id) ?? 0)) / total;
    }
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
      method: PRO_RATA_BY_KG,
    };
  });
}

/**
 * Two echelons: a platform's cost is shared like a hub's, by the handling units each carrier sends through it
 * (those of the micro-hubs it feeds). Feeder trips are trunk trips here (trunkShares, unchanged): each
 * feeder vehicle's cost is shared by the kg it carries, a trip's kg split evenly between its carriers as a
 * sailing's is.
 */
function withPlatforms(
  city: City,
  byHub: Map<string, Map<string, number>>,
): Map<string, Map<string, number>> {
  for (const h of city.hubs) {
    const platform = h.feeder && city.hubs[h.feeder.platform];
    const units = byHub.get(h.id);
    if (!platform || !units) continue;
    const into = byHub.get(platform.id) ?? new Map<string, number>();
    for (const [carrier, n] of units) into.set(carrier, (into.get(carrier) ?? 0) + n);
    byHub.set(platform.id, into);
  }
  return byHub;
}

/** Each trunk vehicle's cost (all its trips) split by the kg each carrier loads or unloads on it. */
function trunkShares(city: City, trunk: readonly TrunkTrip[]): Map<string, number> {
  const byVehicle = new Map<string, TrunkTrip[]>();
  for (const t of trunk) pushInto(byVehicle, t.vehicle, t);
  const out = new Map<string, number>();
  for (const trips of byVehicle.values()) {
    const kg = new Map<string, number>();
    for (const t of trips)
      for (const s of t.stops)
        if (s.kind === 'depot') kg.set(s.id, (kg.get(s.id) ?? 0) + s.loaded.kg + s.unloaded.kg);
        else
          for (const id of t.carrierIds)
            kg.set(id, (kg.get(id) ?? 0) + (s.loaded.kg + s.unloaded.kg) / t.carrierIds.length);
    const total = [...kg.values()].reduce((a, b) => a + b, 0);
    const cost = trunkCostEur(city, trips);
    if (total > 0) for (const [id, k] of kg) out.set(id, (out.get(id) ?? 0) + (cost * k) / total);
  }
  return out;
}
