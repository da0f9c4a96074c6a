import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_VEHICLE_TYPE_KINDS,
  scenarioSchema,
  type Plan,
  type PlanRoute,
  type Scenario,
  type Zone,
} from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

// Independent of src/: point-in-polygon by ray casting, rules re-read from the scenario, times from the wire.

type Pt = readonly [number, number];

/** Even-odd ray casting: is `p` inside the ring? (points exactly on an edge may go either way) */
function inRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt;
    const [xj, yj] = ring[j] as Pt;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inZone(p: Pt, zone: Zone): boolean {
  const polygons = zone.area.type === 'Polygon' ? [zone.area.coordinates] : zone.area.coordinates;
  return polygons.some(
    ([outer, ...holes]) => inRing(p, outer as Pt[]) && !holes.some((h) => inRing(p, h as Pt[])),
  );
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

interface Rule {
  where: string;
  classes?: readonly string[] | undefined;
  powertrains?: readonly string[] | undefined;
  hours: readonly (readonly [number, number])[];
}

/** Every rule binding each receiver: its own access, then those of the zones it lies in. */
function rulesByReceiver(s: Scenario): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  const allDay = [[0, 24 * 60]] as const;
  for (const r of s.receivers) {
    const rules: Rule[] = [];
    const a = r.access;
    if (a?.vehicleClasses || a?.powertrains)
      rules.push({
        where: `${r.id} access`,
        classes: a.vehicleClasses,
        powertrains: a.powertrains,
        hours: a.hours?.map((h) => [minutes(h.start), minutes(h.end)] as const) ?? allDay,
      });
    for (const z of s.zones ?? [])
      if (inZone(r.location, z))
        for (const rule of z.rules)
          rules.push({
            where: `zone ${z.id}`,
            classes: rule.allow.classes,
            powertrains: rule.allow.powertrains,
            hours: rule.hours?.map((h) => [minutes(h.start), minutes(h.end)] as const) ?? allDay,
          });
    out.set(r.id, rules);
  }
  return out;
}

/** Class and powertrain of each type: the built-ins' contract table, the scenario's own types as stated. */
function typeKinds(s: Scenario): Map<string, { class: string; powertrain: string }> {
  const kinds = new Map<string, { class: string; powertrain: string }>(
    Object.entries(BUILT_IN_VEHICLE_TYPE_KINDS),
  );
  for (const t of s.vehicleTypes ?? []) {
    if (!t.powertrain) throw new Error(`test scenarios state the powertrain of ${t.id}`);
    kinds.set(t.id, { class: t.class, powertrain: t.powertrain });
  }
  return kinds;
}

/** Stops whose service [arrival, departure] overlaps the hours of a rule their vehicle type does not meet. */
function accessViolations(s: Scenario, routes: readonly PlanRoute[]): string[] {
  const rules = rulesByReceiver(s);
  const kinds = typeKinds(s);
  const out: string[] = [];
  for (const route of routes) {
    const kind = kinds.get(route.vehicleType);
    if (!kind) throw new Error(`unknown type ${route.vehicleType}`);
    for (const stop of route.stops) {
      const [a, d] = [minutes(stop.arrival), minutes(stop.departure)];
      for (const rule of rules.get(stop.receiverId) ?? []) {
        const ok =
          (!rule.classes || rule.classes.includes(kind.class)) &&
          (!rule.powertrains || rule.powertrains.includes(kind.powertrain));
        if (ok) continue;
        for (const [hs, he] of rule.hours)
          if (a < he && d > hs)
            out.push(
              `${route.id}: ${route.vehicleType} at ${stop.receiverId} ${stop.arrival}-${stop.departure} (${rule.where})`,
            );
      }
    }
  }
  return out;
}

/** Orders served more than once, or neither served nor reported. */
function accountingErrors(
  s: Scenario,
  routes: readonly PlanRoute[],
  unassigned: readonly { orderId: string }[],
): string[] {
  const seen = new Map<string, number>();
  for (const r of routes)
    for (const st of r.stops) for (const id of st.orderIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  const reported = new Set(unassigned.map((u) => u.orderId));
  return s.orders.flatMap((o) => {
    const n = seen.get(o.id) ?? 0;
    if (n > 1) return [`${o.id} served ${n} times`];
    // served and reported is fine: the consolidated plan reports orders the hub handed back to their carrier
    return n === 0 && !reported.has(o.id) ? [`${o.id} neither served nor reported`] : [];
  });
}

const stopsAt = (plan: Plan['baseline'], receiverId: string) =>
  plan.routes.flatMap((r) =>
    r.stops.filter((st) => st.receiverId === receiverId).map((st) => ({ route: r, stop: st })),
  );

/** A low-emission zone around R1 and R2 of the small day (R3, the pedestrian receiver, lies outside). */
const LEZ: Zone = {
  id: 'lez',
  area: {
    type: 'Polygon',
    coordinates: [
      [
        [3.0615, 50.635],
        [3.065, 50.635],
        [3.065, 50.643],
        [3.0615, 50.643],
        [3.0615, 50.635],
      ],
    ],
  },
  rules: [
    {
      allow: { powertrains: ['electric', 'hydrogen', 'bio-cng'] },
      hours: [{ start: '07:00', end: '19:00' }],
    },
  ],
};

/** The small day with the LEZ; R1 opens at 06:00 so a diesel van may still serve it before the ban. */
function lezDay(): Scenario {
  const s = smallScenario();
  s.zones = [LEZ];
  (s.receivers[0] as { windows: unknown }).windows = [{ start: '06:00', end: '11:00' }];
  return s;
}

const plan = (s: Scenario) =>
  planScenario(scenarioSchema.parse(s), { seed: 1, maxIterations: 300, timeLimitSeconds: 60 });

describe('the test’s own geometry and rules', () => {
  it('puts R1 and R2 of the small day in the LEZ and R3 outside', () => {
    const s = lezDay();
    expect(s.receivers.map((r) => inZone(r.location, LEZ))).toEqual([true, true, false]);
  });
});

describe('a diesel ban by day in the baseline (carriers’ own rounds)', () => {
  const s = lezDay();
  const result = plan(s);

  it('no baseline stop is served by a vehicle type a rule bars at that time', () => {
    expect(auditPlan(s, result)).toEqual([]);
    expect(accessViolations(s, result.baseline.routes)).toEqual([]);
    expect(accountingErrors(s, result.baseline.routes, result.baseline.unassigned)).toEqual([]);
  });

  it('moves the diesel stops in the zone to the allowed hours (before 07:00)', () => {
    const r1 = stopsAt(result.baseline, 'R1');
    expect(r1.map((x) => x.route.vehicleType)).toEqual(['diesel-van', 'diesel-van']);
    for (const { stop } of r1) expect(stop.departure <= '07:00').toBe(true);
  });

  it('reports the orders no allowed hour can serve, naming the zone', () => {
    // R2 opens 08:00–10:30 and 14:30–16:30, wholly inside the ban
    expect(stopsAt(result.baseline, 'R2')).toEqual([]);
    const r2 = result.baseline.unassigned.filter((u) => u.orderId === 'A2' || u.orderId === 'B2');
    expect(r2.map((u) => u.reason)).toEqual(['no-vehicle-allowed', 'no-vehicle-allowed']);
    for (const u of r2) expect(u.detail).toMatch(/diesel-van .*R2.*zone lez rule 1/);
  });

  it('without the zone the same carriers do serve R2 (the change is the rule’s)', () => {
    const s0 = lezDay();
    delete s0.zones;
    const free = plan(s0);
    expect(auditPlan(s0, free)).toEqual([]);
    expect(stopsAt(free.baseline, 'R2')).toHaveLength(2);
  });
});

describe('a diesel ban by day in the consolidated plan (mixed pooled fleet)', () => {
  it('leaves a part-time diesel van out where a cargo bike may serve all day', () => {
    const s = lezDay();
    s.fleet = [
      { hubId: 'H', vehicleType: 'diesel-van', count: 2, shift: { start: '05:00', end: '17:00' } },
      { hubId: 'H', vehicleType: 'cargo-bike', count: 2, shift: { start: '06:00', end: '17:00' } },
    ];
    // bikes made dear and R3 opened to vans, so that only the zone's rule (not cost, not R3) brings a bike out
    delete (s.receivers[2] as { access?: unknown }).access;
    s.vehicleTypes = [
      {
        id: 'cargo-bike',
        class: 'cargo-bike',
        powertrain: 'electric',
        capacity: { kg: 180 },
        fixedCostEur: 500,
      },
    ];
    const result = plan(s);
    expect(auditPlan(s, result)).toEqual([]);
    expect(accessViolations(s, result.consolidated.routes)).toEqual([]);
    expect(accountingErrors(s, result.consolidated.routes, result.consolidated.unassigned)).toEqual([]);
    const inZone = [...stopsAt(result.consolidated, 'R1'), ...stopsAt(result.consolidated, 'R2')];
    expect(inZone.map((x) => x.route.vehicleType)).toEqual(['cargo-bike', 'cargo-bike']);
  });

  it('with diesel vans only, serves zone stops before the ban and hands the rest back, reported', () => {
    const s = lezDay();
    s.fleet = [{ hubId: 'H', vehicleType: 'diesel-van', count: 2, shift: { start: '05:00', end: '17:00' } }];
    delete (s.receivers[2] as { access?: unknown }).access; // let the vans reach R3
    const result = plan(s);
    expect(auditPlan(s, result)).toEqual([]);
    expect(accessViolations(s, result.consolidated.routes)).toEqual([]);
    expect(accountingErrors(s, result.consolidated.routes, result.consolidated.unassigned)).toEqual([]);
    const r1 = stopsAt(result.consolidated, 'R1');
    expect(r1).toHaveLength(1);
    expect(r1.every((x) => x.stop.departure <= '07:00')).toBe(true);
    // R2: no pooled vehicle may come, nor the carriers' diesel vans in the residual rounds
    const r2 = result.consolidated.unassigned.filter((u) => u.orderId === 'A2' || u.orderId === 'B2');
    expect(r2.map((u) => [u.reason, u.detail])).toEqual([
      ['no-vehicle-allowed', 'not delivered by its carrier either (no-vehicle-allowed)'],
      ['no-vehicle-allowed', 'not delivered by its carrier either (no-vehicle-allowed)'],
    ]);
  });
});

describe('a receiver’s own access hours', () => {
  it('bind only during those hours: diesel vans serve a bikes-only-from-07:00 receiver before 07:00', () => {
    const s = smallScenario();
    (s.receivers[2] as { access: unknown }).access = {
      vehicleClasses: ['cargo-bike'],
      hours: [{ start: '07:00', end: '19:00' }],
    };
    const result = plan(s);
    expect(auditPlan(s, result)).toEqual([]);
    expect(accessViolations(s, result.baseline.routes)).toEqual([]);
    expect(accessViolations(s, result.consolidated.routes)).toEqual([]);
    const r3 = stopsAt(result.baseline, 'R3');
    expect(r3.map((x) => x.route.vehicleType)).toEqual(['diesel-van', 'diesel-van']);
    for (const { stop } of r3) expect(stop.departure <= '07:00').toBe(true);
  });
});

describe('the Lille day with the Vieux-Lille low-emission zone (fixtures/lille/lez-vieux-lille.json)', () => {
  const load = (f: string): unknown =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/lille', f), 'utf8'));
  // a JSON Merge Patch (RFC 7396) that only adds `zones` is a spread at the top level
  const s = withoutCostGame(
    scenarioSchema.parse({
      ...(load('day.json') as object),
      ...(load('lez-vieux-lille.json') as object),
    }),
  );
  const zone = s.zones?.[0] as Zone;
  const inside = new Set(s.receivers.filter((r) => inZone(r.location, zone)).map((r) => r.id));
  const result = planScenario(s, { maxIterations: 100, timeLimitSeconds: 120 });

  it('covers Vieux-Lille receivers and not the pedestrian core', () => {
    expect(inside.size).toBeGreaterThanOrEqual(60);
    const bikeOnly = s.receivers.filter((r) => r.access?.vehicleClasses?.includes('cargo-bike'));
    expect(bikeOnly.filter((r) => inside.has(r.id)).length).toBeLessThanOrEqual(3);
  });

  it('no stop of either plan breaks an access rule, and every order is served once or reported', () => {
    expect(auditPlan(s, result)).toEqual([]);
    expect(accessViolations(s, result.baseline.routes)).toEqual([]);
    expect(accessViolations(s, result.consolidated.routes)).toEqual([]);
    expect(accountingErrors(s, result.baseline.routes, result.baseline.unassigned)).toEqual([]);
    expect(accountingErrors(s, result.consolidated.routes, result.consolidated.unassigned)).toEqual([]);
  });

  it('changes the baseline: diesel stops in the zone happen before 07:00, the rest are reported', () => {
    const diesel = new Set(['diesel-van', 'rigid-truck']);
    const zoneStops = result.baseline.routes.flatMap((r) =>
      diesel.has(r.vehicleType) ? r.stops.filter((st) => inside.has(st.receiverId)) : [],
    );
    expect(zoneStops.length).toBeGreaterThan(0);
    for (const st of zoneStops) expect(st.departure <= '07:00' || st.arrival >= '19:00').toBe(true);
    const receiverOf = new Map(s.orders.map((o) => [o.id, o.receiverId]));
    const reportedInZone = result.baseline.unassigned.filter((u) =>
      inside.has(receiverOf.get(u.orderId) ?? ''),
    );
    expect(reportedInZone.length).toBeGreaterThan(0);
    expect(new Set(reportedInZone.map((u) => u.reason))).toEqual(new Set(['no-vehicle-allowed']));
  });
});
