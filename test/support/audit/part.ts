import type { Kpis, PlanRoute, Unassigned } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import type { HubFigures } from './hubs.ts';
import { auditKpis, recomputeKpis, type RecomputedKpis } from './kpis.ts';
import { auditOrderCoverage, type UnassignedMeaning } from './orders.ts';
import { auditRoute, type RouteFigures } from './routes.ts';
import type { TrunkFigures } from './trunk.ts';
import { auditVehicles, baselineTypeOnly, type CarrierRoundTypes } from './vehicles.ts';
import type { Violations } from './violations.ts';

/** A plan part: the baseline, the consolidated plan, or any other set of routes with its KPIs. */
export interface PlanPart {
  readonly kpis: Kpis;
  readonly routes: readonly PlanRoute[];
  readonly unassigned: readonly Unassigned[];
}

export interface PartSpec {
  /** Names the part in messages ("baseline", "consolidated", "ownRoundsCleanFleet"). */
  readonly label: string;
  readonly unassignedMeans: UnassignedMeaning;
  /** Whether routes may start at a hub (pooled runs); false for parts made of carriers' own rounds only. */
  readonly hubRoutes: boolean;
  /** Vehicle types the carriers' own rounds may use in this part; default: the carrier's baseline type. */
  readonly carrierRoundTypes?: CarrierRoundTypes;
  /** The auditor's trunk legs and hub handling counted in this part's KPIs (consolidated only). */
  readonly trunk?: readonly TrunkFigures[];
  readonly hubs?: readonly HubFigures[];
}

export interface PartFigures {
  readonly routes: readonly RouteFigures[];
  readonly kpis: RecomputedKpis;
}

/**
 * Audits one plan part with every check that needs nothing outside it: each route, each vehicle's
 * day and the fleet sizes, order coverage, and the part's KPIs recomputed from the auditor's own route
 * figures (plus the trunk legs and hub handling it is given).
 */
export function auditPlanPart(ctx: AuditContext, v: Violations, part: PlanPart, spec: PartSpec): PartFigures {
  const checkAccess = (kind: 'hub' | 'carrier'): boolean =>
    kind === 'hub' || ctx.options.carrierRoundsObeyAccess;
  const routes = part.routes.map((r) => auditRoute(ctx, v, spec.label, r, checkAccess));
  for (const r of routes)
    if (r.startKind === 'hub' && !spec.hubRoutes)
      v.add(
        'WRONG_START',
        `${spec.label} route ${r.route.id}`,
        `starts at hub ${r.route.start}: this part has carriers' own rounds only`,
      );
  auditVehicles(ctx, v, spec.label, part.routes, spec.carrierRoundTypes ?? baselineTypeOnly);
  auditOrderCoverage(ctx, v, spec.label, part.routes, part.unassigned, spec.unassignedMeans);
  const trunk = spec.trunk ?? [];
  const kpis = recomputeKpis(routes, trunk, spec.hubs ?? []);
  auditKpis(v, spec.label, part.kpis, kpis, routes.length + trunk.length);
  return { routes, kpis };
}
