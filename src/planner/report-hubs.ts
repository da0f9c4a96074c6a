import type { HubReport, PlanRoute, TrunkTrip } from '../contracts/index.ts';
import type { FacilityChoice, TrunkNetwork } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { hubCostEur } from './hub-costs.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/**
 * Each hub's day: whether the facility model opens it and why, handling units against its capacity, its fixed
 * cost, the pooled and trunk vehicles it runs, and how long goods wait there between their trunk arrival
 * (the barge's for goods that came by water) and the pooled trip that takes them on.
 */
export function reportHubs(
  city: City,
  pooledRoutes: readonly PlanRoute[],
  trunk: readonly TrunkTrip[],
  network: TrunkNetwork,
  facilities: FacilityChoice,
): HubReport[] {
  const arrivalOf = new Map<string, number>();
  for (const t of trunk)
    if (t.to === t.hubId)
      for (const s of t.stops) for (const id of s.orderIds) arrivalOf.set(id, t.arrivalSec);
  const unitsOf = new Map(city.orders.map((o) => [o.id, Math.max(1, o.size[2])]));
  return city.hubs.map((h, i) => {
    const routes = pooledRoutes.filter((r) => r.start === h.id);
    const dwellH: number[] = [];
    let units = 0;
    for (const r of routes)
      for (const s of r.stops)
        for (const id of s.orderIds) {
          units += unitsOf.get(id) ?? 0;
          const arrival = arrivalOf.get(id);
          if (arrival !== undefined) dwellH.push(((r.departureSec ?? 0) - arrival) / 3600);
        }
    const open = facilities.open[i] ?? false;
    const trunkVehicles = new Set(
      network.runs
        .filter((run) => run.base.hub === i && run.base.leg === undefined)
        .flatMap((run) => run.solution.routes.map((route) => `${route.vehicle}`)),
    ).size;
    return {
      id: h.id,
      open,
      units: round(units),
      ...(h.capacityUnits !== undefined ? { capacityUnits: h.capacityUnits } : {}),
      fixedCostEurPerDay: h.fixedCostEurPerDay,
      costEur: round(hubCostEur(city, i, open, units), 2),
      vehicles: new Set(routes.map((r) => r.vehicle)).size,
      trunkVehicles,
      reason: facilities.hubReasons[i] ?? '',
      ...(dwellH.length > 0
        ? {
            dwellHoursMean: round(dwellH.reduce((a, b) => a + b, 0) / dwellH.length, 2),
            dwellHoursMax: round(Math.max(...dwellH), 2),
          }
        : {}),
    };
  });
}
