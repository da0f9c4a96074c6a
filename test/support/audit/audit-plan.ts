import type { Plan, Scenario } from '../../../src/contracts/index.ts';
import { auditAllocation } from './allocation.ts';
import { auditCostGame } from './cost-game.ts';
import { auditContext, type AuditContext, type AuditOptions } from './context.ts';
import { auditHubReports, auditHubs, type HubFigures } from './hubs.ts';
import { auditPlanPart, type PartFigures } from './part.ts';
import { auditCleanFleet } from './clean-fleet.ts';
import { auditEmissions } from './emissions.ts';
import { auditSavings, auditSavingsBreakdown } from './savings.ts';
import { auditTrunk, pooledOrders, type TrunkFigures } from './trunk.ts';
import { Violations, type Violation } from './violations.ts';

export interface PlanAudit {
  readonly violations: Violation[];
  readonly baseline: PartFigures;
  readonly consolidated: PartFigures;
  readonly ownRoundsCleanFleet: PartFigures;
  readonly trunk: readonly TrunkFigures[];
  readonly hubs: readonly HubFigures[];
  /** The context, for callers auditing further parts of the same plan with auditPlanPart. */
  readonly context: AuditContext;
}

/**
 * The independent plan auditor: from the scenario and the plan JSON alone (no code of src/ but wire
 * types), recomputes and checks every route, vehicle, order, trunk trip, hub, KPI, saving and
 * allocation row. An empty list means the plan is feasible and every figure it prints is right.
 */
export function auditPlan(scenario: Scenario, plan: Plan, options: AuditOptions = {}): Violation[] {
  return auditPlanDetailed(scenario, plan, options).violations;
}

/** auditPlan, plus the auditor's own figures (KPIs per part, trunk legs, hub handling). */
export function auditPlanDetailed(scenario: Scenario, plan: Plan, options: AuditOptions = {}): PlanAudit {
  const ctx = auditContext(scenario, options);
  const v = new Violations();
  auditMeta(ctx, v, plan);
  const pooled = pooledOrders(ctx, plan.consolidated.routes);
  const trunk = auditTrunk(ctx, v, 'consolidated', plan.consolidated.trunk, pooled);
  const hubs = auditHubs(ctx, v, 'consolidated', pooled);
  const baseline = auditPlanPart(ctx, v, plan.baseline, {
    label: 'baseline',
    unassignedMeans: 'not-served',
    hubRoutes: false,
  });
  const consolidated = auditPlanPart(ctx, v, plan.consolidated, {
    label: 'consolidated',
    unassignedMeans: 'not-pooled',
    hubRoutes: true,
    trunk,
    hubs,
  });
  const ownRoundsCleanFleet = auditCleanFleet(ctx, v, plan);
  auditSavings(v, plan);
  auditSavingsBreakdown(v, plan);
  const hubCosts = auditHubReports(ctx, v, plan.consolidated.hubs, hubs);
  auditAllocation(ctx, v, plan, baseline.routes, consolidated.routes, trunk, hubCosts);
  auditCostGame(ctx, v, plan);
  auditEmissions(ctx, v, plan, baseline.routes, consolidated.routes, trunk, hubs);
  return { violations: v.list, baseline, consolidated, ownRoundsCleanFleet, trunk, hubs, context: ctx };
}

/** The plan's header: scenario name and date, depots where the scenario puts them, order and receiver counts. */
function auditMeta(ctx: AuditContext, v: Violations, plan: Plan): void {
  const s = ctx.scenario;
  if (plan.scenario.name !== s.name || plan.scenario.date !== s.date)
    v.add(
      'META_MISMATCH',
      'scenario',
      `plan of "${plan.scenario.name}" ${plan.scenario.date}, scenario "${s.name}" ${s.date}`,
    );
  if (plan.meta.orders !== s.orders.length || plan.meta.receivers !== s.receivers.length)
    v.add(
      'META_MISMATCH',
      'meta',
      `${plan.meta.orders} orders / ${plan.meta.receivers} receivers, scenario has ${s.orders.length} / ${s.receivers.length}`,
    );
  const want = [
    ...s.hubs.map((h) => ({ id: h.id, kind: 'hub', location: h.location })),
    ...s.carriers.map((c) => ({ id: c.id, kind: 'carrier', location: c.depot })),
  ];
  if (JSON.stringify(plan.depots) !== JSON.stringify(want))
    v.add('META_MISMATCH', 'depots', 'depots differ from the scenario hubs and carrier depots');
}
