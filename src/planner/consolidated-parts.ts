import type { PlanRoute, PlanTaskResult, Scenario, Unassigned } from '../contracts/index.ts';
import {
  facilityChoice,
  hubHandling,
  ordersByCarrier,
  planResidual,
  planTrunkNetwork,
  type SolveContext,
} from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { electricityFactor } from '../energy/index.ts';
import { reportHubs } from './report-hubs.ts';
import { reportRoutes } from './report-routes.ts';
import { reportTrunk } from './report-trunk.ts';
import { pushInto } from '../domain/arrays.ts';

/**
 * The consolidated plan's physical part from the solved tasks: the pooled runs as solved, the orders no hub
 * could pool routed with their carriers (residual rounds), the trunk network feeding the hubs and the hubs'
 * handling. Deterministic (iteration budgets), so the service's flow parent can rebuild it in each of its
 * steps (the cost game's parts, then the plan) and get the same routes.
 */
export function assembleConsolidated(
  city: City,
  scenario: Scenario,
  results: readonly PlanTaskResult[],
  ctx: SolveContext,
) {
  const baselineRoutes = results.filter((r) => r.task.kind === 'baseline').flatMap((r) => r.routes);
  const pooledRoutes = results.filter((r) => r.task.kind === 'pooled').flatMap((r) => r.routes);
  const orderIndex = new Map(city.orders.map((o, i) => [o.id, i]));
  const facilities = facilityChoice(city);
  const hubOf = facilities.hubOf;

  const unpooled: Unassigned[] = [
    ...city.orders.flatMap((o) =>
      (hubOf[o.receiver] ?? -1) < 0
        ? [{ orderId: o.id, reason: facilities.reasonOf[o.receiver] ?? ('no-vehicle-allowed' as const) }]
        : [],
    ),
    ...results.filter((r) => r.task.kind === 'pooled').flatMap((r) => r.unassigned),
  ];
  const pooledOrders = pooledRoutes.flatMap((r) =>
    r.stops.flatMap((s) => s.orderIds.map((id) => orderIndex.get(id) as number)),
  );
  // a carrier none of whose orders a hub took keeps its baseline rounds as they are: solving them again
  // would only add search noise to a saving that is zero by construction
  const unpooledByCarrier = ordersByCarrier(
    city,
    unpooled.map((u) => orderIndex.get(u.orderId) as number),
  );
  const allByCarrier = ordersByCarrier(city);
  const whole = new Set(
    city.carriers
      .map((c) => c.id)
      .filter((_, c) => {
        const n = unpooledByCarrier[c]?.length ?? 0;
        return n > 0 && n === allByCarrier[c]?.length;
      }),
  );
  const keptRounds = results.filter((r) => r.task.kind === 'baseline' && whole.has(r.task.carrierId));
  const residualRuns = planResidual(
    city,
    unpooledByCarrier.flatMap((orders, c) => (whole.has(city.carriers[c]?.id ?? '') ? [] : orders)),
    ctx,
  );
  const residualRoutes = [
    ...keptRounds.flatMap((r) => r.routes),
    ...residualRuns.flatMap((r) => {
      const id = (city.carriers[r.carrier] as { id: string }).id;
      return reportRoutes(city, r.routing.problem, r.routing.bundles, r.solution, id, `${id}/unpooled`);
    }),
  ];
  const keptUndelivered = new Map(
    keptRounds.flatMap((r) => r.unassigned.map((u) => [u.orderId, u.reason] as const)),
  );

  const hubIndex = new Map(city.hubs.map((h, i) => [h.id, i]));
  const network = planTrunkNetwork(
    city,
    pooledRoutes.flatMap((r) =>
      r.stops.flatMap((st) =>
        st.orderIds.map((id) => ({
          order: orderIndex.get(id) as number,
          hub: hubIndex.get(r.start) as number,
          departureS: r.departureSec ?? 0,
        })),
      ),
    ),
    ctx,
  );
  const trunk = reportTrunk(city, network);
  const hubs = reportHubs(city, pooledRoutes, trunk, network, facilities);
  const hubKWh = hubHandling(city, pooledOrders, hubOf).reduce((a, b) => a + b, 0);
  const hub = { kWh: hubKWh, co2eKg: hubKWh * electricityFactor(scenario.options?.electricityCo2eKgPerKWh) };

  return {
    baselineRoutes,
    pooledRoutes,
    residualRoutes,
    residualRuns,
    keptUndelivered,
    unpooled,
    orderIndex,
    network,
    trunk,
    hubs,
    hub,
  };
}

export type ConsolidatedParts = ReturnType<typeof assembleConsolidated>;

export function groupByStart(routes: readonly PlanRoute[]): Map<string, PlanRoute[]> {
  const out = new Map<string, PlanRoute[]>();
  for (const r of routes) pushInto(out, r.start, r);
  return out;
}
