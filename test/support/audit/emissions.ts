import type { Plan, PlanEmissionTotals } from '../../../src/contracts/index.ts';
import { carrierPlace, hubPlace, receiverPlace, type AuditContext } from './context.ts';
import {
  INTERMODAL_CO2E_G_PER_TONNE_KM,
  INTERMODAL_TTW_SHARE,
  TTW_SHARE,
  type AuditEnergy,
} from './factors.ts';
import type { Place } from './geo.ts';
import type { HubFigures } from './hubs.ts';
import type { RouteFigures } from './routes.ts';
import { close, ROUNDING_3_DECIMALS } from './tolerances.ts';
import type { TrunkFigures } from './trunk.ts';
import { fmt, type Violations } from './violations.ts';

/**
 * ISO 14083 / GLEC v3 emissions (docs/model/cooperation.md §5), recomputed from the auditor's own route, trunk and
 * hub figures: each trip's whole WTW CO2e (TTW = WTW x the TTW share of its energy carrier) is shared between its
 * orders in proportion to mass x distance from the trip's start (the scenario's travel model; the leg's length on
 * a barge or train; by mass when every distance is 0), each hub's by handling units. The plan rounds each element
 * to the gram and splits it by largest remainder; the auditor keeps exact real shares, so each share may differ
 * from it by up to a gram and a half per trip that carries it.
 */

interface Share {
  readonly orderId: string;
  readonly carrierId: string;
  readonly element: string;
  readonly source: string;
  readonly wtwG: number;
  readonly ttwG: number;
  readonly tonneKm: number;
  readonly tonnes: number;
}

interface Trip {
  readonly element: string;
  readonly source: string;
  readonly wtwKg: number;
  readonly ttwKg: number;
  readonly consignments: readonly {
    orderId: string;
    carrierId: string;
    kg: number;
    km: number;
    weight?: number;
  }[];
}

/** Grams one share may be off the exact real share: largest remainder (< 1 g) + the trip's rounding (0.5 g). */
const SLACK_PER_TRIP_G = 1.5;
const grams = (kg: number): number => Math.round(kg * 1000);

export function auditEmissions(
  ctx: AuditContext,
  v: Violations,
  plan: Plan,
  baseline: readonly RouteFigures[],
  consolidated: readonly RouteFigures[],
  trunk: readonly TrunkFigures[],
  hubs: readonly HubFigures[],
): void {
  const e = plan.emissions;
  const parts = {
    baseline: sharesOf(routeTrips(ctx, baseline, () => 'own-round')),
    consolidated: sharesOf([
      ...trunkTrips(ctx, trunk),
      ...routeTrips(ctx, consolidated, (r) => (r.startKind === 'hub' ? 'pooled-run' : 'residual-round')),
      ...hubTrips(ctx, consolidated, hubs),
    ]),
  };
  for (const part of ['baseline', 'consolidated'] as const) {
    const at = `emissions ${part}`;
    const shares = parts[part];
    const total = e.totals[part];
    // the total is the part's KPI CO2e to the gram
    if (grams(total.wtwCo2eKg) !== grams(plan[part].kpis.co2eKg))
      v.add(
        'EMISSION_TOTAL_MISMATCH',
        at,
        `WTW ${total.wtwCo2eKg} kg, the ${part} KPI is ${plan[part].kpis.co2eKg}`,
      );
    const trips = new Set(shares.map((s) => s.source)).size;
    const own = sumOf(shares);
    if (!close(total.wtwCo2eKg, own.wtwG / 1000, (trips * SLACK_PER_TRIP_G) / 1000))
      v.add('EMISSION_TOTAL_MISMATCH', at, `WTW ${total.wtwCo2eKg} kg, recomputed ${fmt(own.wtwG / 1000)}`);
    if (!close(total.ttwCo2eKg, own.ttwG / 1000, (trips * SLACK_PER_TRIP_G) / 1000))
      v.add('EMISSION_TOTAL_MISMATCH', at, `TTW ${total.ttwCo2eKg} kg, recomputed ${fmt(own.ttwG / 1000)}`);
    if (!close(total.tonneKm, own.tonneKm, ROUNDING_3_DECIMALS))
      v.add('EMISSION_TOTAL_MISMATCH', at, `tonneKm ${total.tonneKm}, recomputed ${fmt(own.tonneKm)}`);

    // every breakdown adds up to the total exactly, in whole grams
    const elements = e.elements.filter((x) => x.plan === part);
    for (const [name, rows] of [
      ['elements', elements],
      ['carriers', e.carriers.map((c) => c[part])],
      ['consignments', e.consignments.flatMap((c) => (c[part] ? [c[part]] : []))],
    ] as const)
      for (const scope of ['wtwCo2eKg', 'ttwCo2eKg'] as const) {
        const added = rows.reduce((s, r) => s + grams(r[scope]), 0);
        if (added !== grams(total[scope]))
          v.add(
            'EMISSION_NOT_ADDITIVE',
            at,
            `${name}' ${scope} add up to ${added} g, the total is ${grams(total[scope])} g`,
          );
      }
    for (const c of e.carriers) {
      const mine = e.consignments.filter((x) => x.carrierId === c.carrierId && x[part]);
      const added = mine.reduce((s, x) => s + grams(x[part]?.wtwCo2eKg ?? 0), 0);
      if (added !== grams(c[part].wtwCo2eKg))
        v.add(
          'EMISSION_NOT_ADDITIVE',
          `${at} carrier ${c.carrierId}`,
          `its consignments add up to ${added} g, its row says ${grams(c[part].wtwCo2eKg)} g`,
        );
    }

    // each chain element: emissions, activity, intensities
    const byElement = groupBy(shares, (s) => s.element);
    const printedNames = elements.map((x) => x.element);
    if (JSON.stringify([...byElement.keys()].sort()) !== JSON.stringify([...printedNames].sort()))
      v.add(
        'EMISSION_ELEMENT_MISMATCH',
        at,
        `elements [${printedNames}], recomputed [${[...byElement.keys()]}]`,
      );
    for (const x of elements) {
      const mine = byElement.get(x.element) ?? [];
      const sources = new Set(mine.map((s) => s.source)).size;
      const sum = sumOf(mine);
      const slackKg = (sources * SLACK_PER_TRIP_G) / 1000;
      const where = `${at} element ${x.element}`;
      const wrong: string[] = [];
      if (x.count !== sources) wrong.push(`count ${x.count} (recomputed ${sources})`);
      if (!close(x.wtwCo2eKg, sum.wtwG / 1000, slackKg))
        wrong.push(`wtwCo2eKg ${x.wtwCo2eKg} (${fmt(sum.wtwG / 1000)})`);
      if (!close(x.ttwCo2eKg, sum.ttwG / 1000, slackKg))
        wrong.push(`ttwCo2eKg ${x.ttwCo2eKg} (${fmt(sum.ttwG / 1000)})`);
      if (!close(x.tonneKm, sum.tonneKm, ROUNDING_3_DECIMALS))
        wrong.push(`tonneKm ${x.tonneKm} (${fmt(sum.tonneKm)})`);
      if (!close(x.tonnes, sum.tonnes, ROUNDING_3_DECIMALS))
        wrong.push(`tonnes ${x.tonnes} (${fmt(sum.tonnes)})`);
      const transport = x.kind === 'transport';
      if (x.kind !== (x.element === 'hub' ? 'hub' : 'transport')) wrong.push(`kind ${x.kind}`);
      checkIntensity(
        wrong,
        'wtwGPerTkm',
        x.wtwGPerTkm,
        transport ? grams(x.wtwCo2eKg) : 0,
        transport ? x.tonneKm : 0,
      );
      checkIntensity(
        wrong,
        'ttwGPerTkm',
        x.ttwGPerTkm,
        transport ? grams(x.ttwCo2eKg) : 0,
        transport ? x.tonneKm : 0,
      );
      checkIntensity(
        wrong,
        'wtwGPerTonne',
        x.wtwGPerTonne,
        transport ? 0 : grams(x.wtwCo2eKg),
        transport ? 0 : x.tonnes,
      );
      if (wrong.length > 0) v.add('EMISSION_ELEMENT_MISMATCH', where, wrong.join(', '));
    }

    // each consignment: its shares of every trip and hub that carried it
    const byOrder = groupBy(shares, (s) => s.orderId);
    const rows = new Map(e.consignments.map((c) => [c.orderId, c]));
    for (const [orderId, mine] of byOrder) {
      const row = rows.get(orderId)?.[part];
      const where = `${at} consignment ${orderId}`;
      if (!row) {
        v.add('EMISSION_SHARE_MISMATCH', where, 'carried in this plan but has no emissions');
        continue;
      }
      const problems = totalsProblems(row, sumOf(mine), new Set(mine.map((s) => s.source)).size);
      if (problems.length > 0) v.add('EMISSION_SHARE_MISMATCH', where, problems.join(', '));
    }
    for (const c of e.consignments) {
      if (c[part] && !byOrder.has(c.orderId))
        v.add(
          'EMISSION_SHARE_MISMATCH',
          `${at} consignment ${c.orderId}`,
          'has emissions but no trip of this plan carries it',
        );
      const order = ctx.orders.get(c.orderId);
      if (order && order.carrierId !== c.carrierId)
        v.add(
          'EMISSION_SHARE_MISMATCH',
          `emissions consignment ${c.orderId}`,
          `carrier ${c.carrierId}, the order is ${order.carrierId}'s`,
        );
    }
  }
  auditCarrierRows(ctx, v, plan);
  auditFactors(ctx, v, plan);
}

/** One row per scenario carrier, in order; its order count, saving, and its allocation row's CO2e and tonne-km. */
function auditCarrierRows(ctx: AuditContext, v: Violations, plan: Plan): void {
  const e = plan.emissions;
  const ids = ctx.scenario.carriers.map((c) => c.id);
  if (JSON.stringify(e.carriers.map((c) => c.carrierId)) !== JSON.stringify(ids))
    v.add(
      'EMISSION_CARRIER_ROWS',
      'emissions carriers',
      `rows [${e.carriers.map((c) => c.carrierId)}], carriers [${ids}]`,
    );
  for (const c of e.carriers) {
    const at = `emissions carrier ${c.carrierId}`;
    const orders = ctx.scenario.orders.filter((o) => o.carrierId === c.carrierId).length;
    if (c.orders !== orders)
      v.add('EMISSION_CARRIER_ROWS', at, `orders ${c.orders}, the scenario gives it ${orders}`);
    if (grams(c.wtwSavedKg) !== grams(c.baseline.wtwCo2eKg) - grams(c.consolidated.wtwCo2eKg))
      v.add(
        'EMISSION_CARRIER_ROWS',
        at,
        `wtwSavedKg ${c.wtwSavedKg} != ${c.baseline.wtwCo2eKg} - ${c.consolidated.wtwCo2eKg}`,
      );
    for (const part of ['baseline', 'consolidated'] as const) {
      const own = e.consignments.filter((x) => x.carrierId === c.carrierId);
      const tonneKm = own.reduce((s, x) => s + (x[part]?.tonneKm ?? 0), 0);
      if (!close(c[part].tonneKm, tonneKm, (own.length + 1) * ROUNDING_3_DECIMALS))
        v.add(
          'EMISSION_CARRIER_ROWS',
          at,
          `${part} tonneKm ${c[part].tonneKm}, its consignments' add up to ${fmt(tonneKm)}`,
        );
      const wrong: string[] = [];
      checkIntensity(
        wrong,
        `${part} wtwGPerTkm`,
        c[part].wtwGPerTkm,
        grams(c[part].wtwCo2eKg),
        c[part].tonneKm,
      );
      if (wrong.length > 0) v.add('EMISSION_CARRIER_ROWS', at, wrong.join(', '));
    }
    const row = plan.allocation.find((r) => r.carrierId === c.carrierId);
    if (row && (row.co2eKg !== c.consolidated.wtwCo2eKg || row.tonneKm !== c.consolidated.tonneKm))
      v.add(
        'EMISSION_CARRIER_ROWS',
        `allocation ${c.carrierId}`,
        `co2eKg ${row.co2eKg} / tonneKm ${row.tonneKm}, its emissions are ${c.consolidated.wtwCo2eKg} / ${c.consolidated.tonneKm}`,
      );
  }
}

/** Every vehicle type that drives, every leg that sails and hub handling are disclosed at the auditor's own factors. */
function auditFactors(ctx: AuditContext, v: Violations, plan: Plan): void {
  const factors = new Map(plan.emissions.factors.map((f) => [f.appliesTo, f]));
  const want = new Map<string, { wtw: number; ttwShare: number }>();
  for (const r of [...plan.baseline.routes, ...plan.consolidated.routes]) {
    const t = ctx.types.get(r.vehicleType);
    if (t) want.set(t.id, { wtw: t.energy.co2eKgPerKWh, ttwShare: ttwOf(t.energy) });
  }
  for (const trip of plan.consolidated.trunk) {
    const t = trip.mode === 'road' ? ctx.types.get(trip.vehicleType) : undefined;
    if (t) want.set(t.id, { wtw: t.energy.co2eKgPerKWh, ttwShare: ttwOf(t.energy) });
    const leg = (ctx.scenario.intermodalLegs ?? []).find((l) => l.id === trip.vehicleType);
    if (trip.mode !== 'road' && leg)
      want.set(`${leg.mode} leg ${leg.id}`, {
        wtw: leg.co2eGPerTonneKm ?? INTERMODAL_CO2E_G_PER_TONNE_KM[leg.mode],
        ttwShare: leg.ttwShare ?? INTERMODAL_TTW_SHARE[leg.mode],
      });
  }
  if (plan.consolidated.hubs.some((h) => h.units > 0))
    want.set('hub handling', { wtw: ctx.electricityCo2eKgPerKWh, ttwShare: 0 });
  for (const [id, w] of want) {
    const f = factors.get(id);
    if (!f) v.add('EMISSION_FACTOR_MISMATCH', 'emissions factors', `${id} is used but not disclosed`);
    else if (
      !close(f.wtw, w.wtw, 1e-9) ||
      !close(f.ttwShare, w.ttwShare, 5e-5) ||
      f.source.trim().length === 0
    )
      v.add(
        'EMISSION_FACTOR_MISMATCH',
        `emissions factor ${id}`,
        `wtw ${f.wtw} / ttwShare ${f.ttwShare}, expected ${fmt(w.wtw)} / ${fmt(w.ttwShare)}`,
      );
  }
}

function totalsProblems(
  row: PlanEmissionTotals,
  own: { wtwG: number; ttwG: number; tonneKm: number },
  trips: number,
): string[] {
  const slackKg = (trips * SLACK_PER_TRIP_G) / 1000;
  const wrong: string[] = [];
  if (!close(row.wtwCo2eKg, own.wtwG / 1000, slackKg))
    wrong.push(`wtwCo2eKg ${row.wtwCo2eKg} (${fmt(own.wtwG / 1000)})`);
  if (!close(row.ttwCo2eKg, own.ttwG / 1000, slackKg))
    wrong.push(`ttwCo2eKg ${row.ttwCo2eKg} (${fmt(own.ttwG / 1000)})`);
  if (!close(row.tonneKm, own.tonneKm, ROUNDING_3_DECIMALS))
    wrong.push(`tonneKm ${row.tonneKm} (${fmt(own.tonneKm)})`);
  checkIntensity(wrong, 'wtwGPerTkm', row.wtwGPerTkm, grams(row.wtwCo2eKg), row.tonneKm);
  return wrong;
}

/**
 * An intensity as printed (3 decimals), from the printed grams and activity; null exactly when there is no
 * activity. The plan divides by its unrounded activity: a printed activity `a` may be `d` = half a step off it,
 * which moves `g / a` by up to `g d / (a (a - d))`; below a step the intensity is not checked.
 */
function checkIntensity(
  wrong: string[],
  name: string,
  printed: number | null,
  g: number,
  activity: number,
): void {
  const d = ROUNDING_3_DECIMALS;
  if (activity <= 0 && g === 0) {
    if (printed !== null) wrong.push(`${name} ${printed} without activity`);
    return;
  }
  if (activity <= 2 * d) return; // too small to tell from its printed figure
  if (printed === null) wrong.push(`${name} null with activity ${activity}`);
  else if (!close(printed, g / activity, d + (g * d) / (activity * (activity - d))))
    wrong.push(`${name} ${printed} (${fmt(g / activity)})`);
}

/** The TTW share of a type's WTW factor: the scenario's own, else its energy carrier's. */
const ttwOf = (energy: AuditEnergy): number => energy.ttwShare ?? TTW_SHARE[energy.carrier];

function routeTrips(
  ctx: AuditContext,
  routes: readonly RouteFigures[],
  element: (r: RouteFigures) => string,
): Trip[] {
  return routes.flatMap((r) => {
    const hub = ctx.hubs.get(r.route.start);
    const carrier = ctx.carriers.get(r.route.start);
    const start = hub ? hubPlace(hub) : carrier ? carrierPlace(carrier) : undefined;
    if (!start || !r.type) return [];
    return [
      {
        element: element(r),
        source: r.route.id,
        wtwKg: r.co2eKg,
        ttwKg: r.co2eKg * ttwOf(r.type.energy),
        consignments: r.route.stops.flatMap((s) => {
          const receiver = ctx.receivers.get(s.receiverId);
          const km = receiver ? ctx.travel.distanceKm(start, receiverPlace(receiver)) : 0;
          return s.orderIds.flatMap((id) => consignment(ctx, id, km));
        }),
      },
    ];
  });
}

function trunkTrips(ctx: AuditContext, trunk: readonly TrunkFigures[]): Trip[] {
  const legs = new Map((ctx.scenario.intermodalLegs ?? []).map((l) => [l.id, l]));
  return trunk.flatMap(({ trip, co2eKg }) => {
    const hub = ctx.hubs.get(trip.hubId);
    if (!hub) return [];
    const feeder = trip.echelon === 2; // platform -> micro-hub
    if (trip.mode !== 'road') {
      const leg = legs.get(trip.vehicleType);
      if (!leg && !feeder) return [];
      // a feeder sailing: its feeder's length (the trip's distance counts every sailing of the day)
      const km = leg ? leg.lengthKm : (hub.feeder?.lengthKm ?? 0);
      return [
        {
          element: `trunk-${trip.mode}`,
          source: trip.id,
          wtwKg: co2eKg,
          ttwKg: co2eKg * (leg?.ttwShare ?? INTERMODAL_TTW_SHARE[trip.mode]),
          consignments: trip.stops.flatMap((s) => s.orderIds.flatMap((id) => consignment(ctx, id, km))),
        },
      ];
    }
    const type = ctx.types.get(trip.vehicleType);
    const leg = legs.get(trip.to);
    const platform = feeder ? ctx.hubs.get(trip.from ?? '') : undefined;
    const base: Place = platform
      ? hubPlace(platform)
      : leg
        ? { id: leg.id, location: leg.terminal }
        : hubPlace(hub);
    if (!type) return [];
    return [
      {
        element: 'trunk-road',
        source: trip.id,
        wtwKg: co2eKg,
        ttwKg: co2eKg * ttwOf(type.energy),
        consignments: trip.stops.flatMap((s) => {
          const microHub = s.kind === 'hub' ? ctx.hubs.get(s.id) : undefined;
          const depot = ctx.carriers.get(s.id);
          const at = microHub ? hubPlace(microHub) : depot ? carrierPlace(depot) : undefined;
          const km = at ? ctx.travel.distanceKm(base, at) : 0;
          return s.orderIds.flatMap((id) => consignment(ctx, id, km));
        }),
      },
    ];
  });
}

/** Hub handling as a chain element: its CO2e shared by handling units (at least one per order). */
function hubTrips(ctx: AuditContext, routes: readonly RouteFigures[], hubs: readonly HubFigures[]): Trip[] {
  return hubs.flatMap((h) => {
    // a platform handles what the micro-hubs it feeds deliver (two echelons)
    const fed = new Set(
      (ctx.scenario.hubs ?? []).filter((m) => m.feeder?.hubId === h.hubId).map((m) => m.id),
    );
    const consignments = routes
      .filter((r) => r.route.start === h.hubId || fed.has(r.route.start))
      .flatMap((r) => r.route.stops.flatMap((s) => s.orderIds))
      .flatMap((id) => {
        const o = ctx.orders.get(id);
        return o
          ? [
              {
                orderId: id,
                carrierId: o.carrierId,
                kg: o.size.kg,
                km: 0,
                weight: Math.max(1, o.size.units ?? 0),
              },
            ]
          : [];
      });
    return consignments.length > 0
      ? [{ element: 'hub', source: h.hubId, wtwKg: h.co2eKg, ttwKg: 0, consignments }]
      : [];
  });
}

function consignment(ctx: AuditContext, orderId: string, km: number) {
  const o = ctx.orders.get(orderId);
  return o ? [{ orderId, carrierId: o.carrierId, kg: o.size.kg, km }] : [];
}

/** Exact real shares: mass x distance (or the hub's units), falling back to mass, then to equal parts. */
function sharesOf(trips: readonly Trip[]): Share[] {
  return trips.flatMap((t) => {
    const candidates = [
      t.consignments.map((c) => c.weight ?? (c.kg / 1000) * c.km),
      t.consignments.map((c) => c.kg),
      t.consignments.map(() => 1),
    ];
    const weights = candidates.find((w) => w.reduce((a, b) => a + b, 0) > 0) ?? [];
    const all = weights.reduce((a, b) => a + b, 0);
    return t.consignments.map((c, i) => ({
      orderId: c.orderId,
      carrierId: c.carrierId,
      element: t.element,
      source: t.source,
      wtwG: (1000 * t.wtwKg * (weights[i] as number)) / all,
      ttwG: (1000 * t.ttwKg * (weights[i] as number)) / all,
      tonneKm: c.weight === undefined ? (c.kg / 1000) * c.km : 0,
      tonnes: c.kg / 1000,
    }));
  });
}

function sumOf(shares: readonly Share[]) {
  return shares.reduce(
    (a, s) => ({
      wtwG: a.wtwG + s.wtwG,
      ttwG: a.ttwG + s.ttwG,
      tonneKm: a.tonneKm + s.tonneKm,
      tonnes: a.tonnes + s.tonnes,
    }),
    { wtwG: 0, ttwG: 0, tonneKm: 0, tonnes: 0 },
  );
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
