import type { HubReport, PlanRoute, TrunkTrip } from '../contracts/index.ts';
import type { FacilityChoice, TrunkNetwork } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { hubCostEur } from './hub-costs.ts';
import { maxOf } from '../domain/arrays.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/**
 * Each hub's day: whether the facility model opens it and why, handling units against its capacity, its fixed
 * cost, the pooled and trunk vehicles it runs, and how long goods wait there between their trunk arrival
 * (the barge's for goods that came by water, the feeder's at a micro-hub) and the pooled trip that takes
 * them on. A platform handles the units of the micro-hubs it feeds too, and is open when it does.
 */
export function reportHubs(
  city: City,
  pooledRoutes: readonly PlanRoute[],
  trunk: readonly TrunkTrip[],
  network: TrunkNetwork,
  facilities: FacilityChoice,
): HubReport[] {
  // when the goods reach the hub that pools them: the second echelon's arrival (unloaded at the micro-hub)
  // overrides the first's at the platform, as it comes later in `trunk`
  const arrivalOf = new Map<string, number>();
  for (const t of trunk)
    for (const s of t.stops)
      for (const id of s.orderIds)
        if (t.echelon === 2) arrivalOf.set(id, t.mode === 'road' ? s.departureSec : t.arrivalSec);
        else if (t.to === t.hubId) arrivalOf.set(id, t.arrivalSec);
  const unitsOf = new Map(city.orders.map((o) => [o.id, Math.max(1, o.size[2])]));
  const hubIndex = new Map(city.hubs.map((h, i) => [h.id, i]));
  // a platform handles every unit of the micro-hubs it feeds
  const fedUnits = city.hubs.map(() => 0);
  for (const r of pooledRoutes) {
    const platform = city.hubs[hubIndex.get(r.start) ?? -1]?.feeder?.platform;
    if (platform !== undefined)
      for (const s of r.stops)
        for (const id of s.orderIds)
          fedUnits[platform] = (fedUnits[platform] as number) + (unitsOf.get(id) ?? 0);
  }
  return city.hubs.map((h, i) => {
    const routes = pooledRoutes.filter((r) => r.start === h.id);
    const dwellH: number[] = [];
    let units = fedUnits[i] as number;
    for (const r of routes)
      for (const s of r.stops)
        for (const id of s.orderIds) {
          units += unitsOf.get(id) ?? 0;
          const arrival = arrivalOf.get(id);
          if (arrival !== undefined) dwellH.push(((r.departureSec ?? 0) - arrival) / 3600);
        }
    const feeds = city.hubs.filter((m) => m.feeder?.platform === i).map((m) => m.id);
    const open = (facilities.open[i] ?? false) || (fedUnits[i] as number) > 0;
    // per problem: unpooled trunking solves one per carrier, each numbering its vehicles from 0
    const trunkVehicles =
      network.runs
        .filter((run) => run.base.hub === i && run.base.leg === undefined)
        .reduce((n, run) => n + new Set(run.solution.routes.map((route) => route.vehicle)).size, 0) +
      network.feeders
        .filter((run) => run.platform === i && run.kind === 'road')
        .reduce((n, run) => n + (run.kind === 'road' ? run.solution.routes.length : 0), 0);
    const reason = facilities.hubReasons[i] ?? '';
    return {
      id: h.id,
      open,
      units: round(units),
      ...(h.capacityUnits !== undefined ? { capacityUnits: h.capacityUnits } : {}),
      fixedCostEurPerDay: h.fixedCostEurPerDay,
      costEur: round(hubCostEur(city, i, open, units), 2),
      vehicles: new Set(routes.map((r) => r.vehicle)).size,
      trunkVehicles,
      reason:
        feeds.length > 0
          ? `platform: feeds ${feeds.join(', ')} (${Math.round(fedUnits[i] as number)} units)` +
            (city.fleet.some((f) => f.hub === i && f.count > 0) ? `; its own pooled fleet: ${reason}` : '')
          : reason,
      ...(dwellH.length > 0
        ? {
            dwellHoursMean: round(dwellH.reduce((a, b) => a + b, 0) / dwellH.length, 2),
            dwellHoursMax: round(maxOf(dwellH), 2),
          }
        : {}),
    };
  });
}
