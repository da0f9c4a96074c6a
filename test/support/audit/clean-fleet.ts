import type { Carrier, Plan } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import { auditPlanPart, type PartFigures } from './part.ts';
import type { Violations } from './violations.ts';

/** The pooled fleet's van technology that replaces a fuel-burning van by default (src/contracts scenario option). */
const CLEAN_VAN = 'e-van';

/**
 * The type a carrier's rounds use in the clean-fleet counterfactual: `options.cleanFleetVehicleTypes` maps
 * its baseline type; by default a van burning fuel (no battery or tank: diesel, bio-CNG) becomes an e-van,
 * and any other type stays as it is; with no pooled vehicle at all there is no technology to adopt.
 */
export function cleanTypeOf(ctx: AuditContext, carrier: Carrier): string {
  const from = carrier.baselineVehicleType;
  const mapped = ctx.scenario.options?.cleanFleetVehicleTypes?.[from];
  if (mapped !== undefined) return mapped;
  const type = ctx.types.get(from);
  const pooledFleet = ctx.scenario.fleet.some((f) => f.count > 0);
  return pooledFleet &&
    type?.class === 'van' &&
    type.energy.batteryKWh === undefined &&
    ctx.types.has(CLEAN_VAN)
    ? CLEAN_VAN
    : from;
}

/**
 * `ownRoundsCleanFleet`: each carrier's own orders from its own depot with the clean type, audited as a
 * plan part like the baseline (same shift, trips, reload and access rules), plus its per-carrier rows:
 * the right types, `unchanged` exactly when the type stays, `same-routes` exactly the baseline's stops.
 */
export function auditCleanFleet(ctx: AuditContext, v: Violations, plan: Plan): PartFigures {
  const part = plan.ownRoundsCleanFleet;
  const rows = new Map(part.carriers.map((c) => [c.carrierId, c]));
  for (const c of ctx.scenario.carriers) {
    const at = `ownRoundsCleanFleet carrier ${c.id}`;
    const row = rows.get(c.id);
    const clean = cleanTypeOf(ctx, c);
    if (!row) {
      v.add('CLEAN_FLEET_ROWS', at, 'no row for this carrier');
      continue;
    }
    if (row.baselineVehicleType !== c.baselineVehicleType || row.vehicleType !== clean)
      v.add(
        'CLEAN_FLEET_ROWS',
        at,
        `${row.baselineVehicleType} -> ${row.vehicleType}, expected ${c.baselineVehicleType} -> ${clean}`,
      );
    if ((row.method === 'unchanged') !== (clean === c.baselineVehicleType))
      v.add(
        'CLEAN_FLEET_ROWS',
        at,
        `method ${row.method} although the type ${clean === c.baselineVehicleType ? 'stays' : 'changes'}`,
      );
    const stops = (routes: Plan['baseline']['routes']) =>
      JSON.stringify(
        routes.filter((r) => r.start === c.id).map((r) => r.stops.map((s) => [s.receiverId, s.orderIds])),
      );
    if (row.method === 'same-routes' && stops(part.routes) !== stops(plan.baseline.routes))
      v.add('CLEAN_FLEET_ROWS', at, 'says same-routes but its stops differ from its baseline rounds');
  }
  if (rows.size !== ctx.scenario.carriers.length)
    v.add(
      'CLEAN_FLEET_ROWS',
      'ownRoundsCleanFleet',
      `${rows.size} carrier rows, the scenario has ${ctx.scenario.carriers.length}`,
    );
  return auditPlanPart(ctx, v, part, {
    label: 'ownRoundsCleanFleet',
    unassignedMeans: 'not-served',
    hubRoutes: false,
    carrierRoundTypes: (c) => [cleanTypeOf(ctx, c)],
  });
}
