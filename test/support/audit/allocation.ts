import type { Plan } from '../../../src/contracts/index.ts';
import type { AuditContext } from './context.ts';
import { addCost, routesCost, scaleCost, trunkCost, type Cost } from './costs.ts';
import type { RouteFigures } from './routes.ts';
import { close, MONEY_ROUNDING_EUR } from './tolerances.ts';
import type { TrunkFigures } from './trunk.ts';
import { fmt, type Violations } from './violations.ts';

/** The rule named in `meta.allocationMethod` that the auditor knows how to recompute per carrier. */
export const PRO_RATA_BY_KG = 'pro-rata-by-kg';

/**
 * Allocation (docs/model/consolidation.md, costs and allocation): one row per carrier;
 * standalone = the carrier's baseline rounds' cost; saving = standalone - allocated; the allocated
 * costs add up to the whole consolidated cost (pooled runs + carriers' rounds for unpooled orders +
 * trunk trips) - efficiency; and, for the pro-rata-by-kg rule, each carrier pays its own rounds, each
 * trunk vehicle's cost in proportion to the kg it loads or unloads on it (at depots; a sailing's kg split
 * evenly between its carriers), each hub's pooled cost in proportion to the kg it sends through that hub, and
 * each hub's own cost (fixed and labour) in proportion to the handling units it sends through it.
 */
export function auditAllocation(
  ctx: AuditContext,
  v: Violations,
  plan: Plan,
  baseline: readonly RouteFigures[],
  consolidated: readonly RouteFigures[],
  trunk: readonly TrunkFigures[],
  hubCosts: ReadonlyMap<string, number> = new Map(),
): void {
  const rows = plan.allocation;
  const ids = ctx.scenario.carriers.map((c) => c.id);
  if (rows.length !== ids.length || rows.some((r, i) => r.carrierId !== ids[i]))
    v.add(
      'ALLOCATION_ROWS',
      'allocation',
      `rows for [${rows.map((r) => r.carrierId)}], carriers are [${ids}]`,
    );

  const pooled = consolidated.filter((r) => r.startKind === 'hub');
  const own = consolidated.filter((r) => r.startKind === 'carrier');
  const byStart = (rs: readonly RouteFigures[], id: string): RouteFigures[] =>
    rs.filter((r) => r.route.start === id);
  const hubIds = [...new Set(pooled.map((r) => r.route.start))];
  const kg = new Map(hubIds.map((h) => [h, new Map<string, number>()]));
  for (const r of pooled)
    for (const s of r.route.stops)
      for (const id of s.orderIds) {
        const o = ctx.orders.get(id);
        const m = kg.get(r.route.start);
        if (o && m) m.set(o.carrierId, (m.get(o.carrierId) ?? 0) + o.size.kg);
      }

  let total: Cost = {
    eur: [...hubCosts.values()].reduce((a, b) => a + b, 0),
    slackEur: hubCosts.size * MONEY_ROUNDING_EUR,
  };
  for (const r of [routesCost(pooled), routesCost(own), trunkCost(ctx, trunk)]) total = addCost(total, r);
  const units = new Map(hubIds.map((h) => [h, new Map<string, number>()]));
  for (const r of pooled)
    for (const s of r.route.stops)
      for (const id of s.orderIds) {
        const o = ctx.orders.get(id);
        const m = units.get(r.route.start);
        if (o && m) m.set(o.carrierId, (m.get(o.carrierId) ?? 0) + Math.max(1, o.size.units ?? 0));
      }
  // two echelons: a platform's cost is shared by the units each carrier sends through the micro-hubs it feeds
  for (const h of hubIds) {
    const platform = ctx.hubs.get(h)?.feeder?.hubId;
    const m = units.get(h);
    if (platform === undefined || !m) continue;
    const into = units.get(platform) ?? new Map<string, number>();
    for (const [carrier, n] of m) into.set(carrier, (into.get(carrier) ?? 0) + n);
    units.set(platform, into);
  }
  const allocated = rows.reduce((s, r) => s + r.allocatedCost, 0);
  if (!close(allocated, total.eur, total.slackEur + rows.length * MONEY_ROUNDING_EUR))
    v.add(
      'ALLOCATION_NOT_EFFICIENT',
      'allocation',
      `allocated costs add up to ${fmt(allocated)} EUR, the consolidated plan costs ${fmt(total.eur)} EUR`,
    );

  const proRata = plan.meta.allocationMethod.startsWith(PRO_RATA_BY_KG);
  for (const row of rows) {
    const at = `allocation ${row.carrierId}`;
    const standalone = routesCost(byStart(baseline, row.carrierId));
    if (!close(row.standaloneCost, standalone.eur, standalone.slackEur + MONEY_ROUNDING_EUR))
      v.add(
        'ALLOCATION_STANDALONE_MISMATCH',
        at,
        `standaloneCost ${row.standaloneCost}, its baseline rounds cost ${fmt(standalone.eur)}`,
      );
    if (!close(row.saving, row.standaloneCost - row.allocatedCost, 2 * MONEY_ROUNDING_EUR))
      v.add(
        'ALLOCATION_SAVING_MISMATCH',
        at,
        `saving ${row.saving} != ${row.standaloneCost} - ${row.allocatedCost}`,
      );
    if (!proRata) continue;
    let share = routesCost(byStart(own, row.carrierId));
    share = addCost(share, trunkShare(ctx, trunk, row.carrierId));
    for (const [h, cost] of hubCosts) {
      const m = units.get(h);
      const all = m ? [...m.values()].reduce((a, b) => a + b, 0) : 0;
      if (m && all > 0)
        share = addCost(share, {
          eur: (cost * (m.get(row.carrierId) ?? 0)) / all,
          slackEur: MONEY_ROUNDING_EUR,
        });
    }
    for (const h of hubIds) {
      const m = kg.get(h) as Map<string, number>;
      const hubKg = [...m.values()].reduce((a, b) => a + b, 0);
      if (hubKg > 0)
        share = addCost(
          share,
          scaleCost(routesCost(byStart(pooled, h)), (m.get(row.carrierId) ?? 0) / hubKg),
        );
    }
    if (!close(row.allocatedCost, share.eur, share.slackEur + MONEY_ROUNDING_EUR))
      v.add(
        'ALLOCATION_RULE_MISMATCH',
        at,
        `allocatedCost ${row.allocatedCost}, ${PRO_RATA_BY_KG} gives ${fmt(share.eur)}`,
      );
  }
}

/** The carrier's share of every trunk vehicle's cost, by the kg it loads or unloads on that vehicle. */
function trunkShare(ctx: AuditContext, trunk: readonly TrunkFigures[], carrierId: string): Cost {
  const byVehicle = new Map<string, TrunkFigures[]>();
  for (const t of trunk) byVehicle.set(t.trip.vehicle, [...(byVehicle.get(t.trip.vehicle) ?? []), t]);
  let share: Cost = { eur: 0, slackEur: 0 };
  for (const trips of byVehicle.values()) {
    let mine = 0;
    let all = 0;
    for (const { trip } of trips)
      for (const s of trip.stops) {
        const kg = s.loaded.kg + s.unloaded.kg;
        all += kg;
        if (s.kind === 'depot' ? s.id === carrierId : trip.carrierIds.includes(carrierId))
          mine += s.kind === 'depot' ? kg : kg / trip.carrierIds.length;
      }
    if (all > 0) share = addCost(share, scaleCost(trunkCost(ctx, trips), mine / all));
  }
  return share;
}
