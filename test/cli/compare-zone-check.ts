import type { Plan, PlanRoute, Scenario } from '../../src/contracts/index.ts';

// An independent check of a "no diesel by day" zone, written from docs/model/consolidation.md and sharing no
// code with the planner: its own ray casting, its own powertrains of the built-in types, its own clock.

/** Powertrains of the built-in vehicle types, as docs/model/energy.md states them. */
const POWERTRAIN: Record<string, string> = {
  'cargo-bike': 'electric',
  'e-van': 'electric',
  'diesel-van': 'diesel',
  'rigid-truck': 'diesel',
  'hydrogen-van': 'hydrogen',
  'biocng-truck': 'bio-cng',
};

type Ring = readonly (readonly number[])[];

/** Even-odd ray casting on [lon, lat]: true inside the outer ring and outside every hole. */
function inRing(p: readonly number[], ring: Ring): boolean {
  const [x, y] = p as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inPolygon(p: readonly number[], rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h));
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface ZoneBan {
  readonly rings: readonly Ring[];
  /** Minutes since midnight during which `banned` powertrains may not serve a receiver inside. */
  readonly from: number;
  readonly to: number;
  readonly banned: readonly string[];
}

/** The stops of `routes` made inside the zone by a banned powertrain during the ban (a visit may end at `from`). */
export function bannedVisits(scenario: Scenario, routes: readonly PlanRoute[], ban: ZoneBan): string[] {
  const where = new Map(scenario.receivers.map((r) => [r.id, r.location]));
  const out: string[] = [];
  for (const r of routes) {
    if (!ban.banned.includes(POWERTRAIN[r.vehicleType] ?? 'unknown')) continue;
    for (const s of r.stops) {
      const at = where.get(s.receiverId);
      if (!at || !inPolygon(at, ban.rings)) continue;
      // printed times are rounded down to the minute: a departure printed 07:00 left by 07:00:59 at most,
      // but the planner never lets a banned visit end after 07:00, so the printed times must say so exactly
      if (minutes(s.departure) > ban.from && minutes(s.arrival) < ban.to)
        out.push(`${r.id} (${r.vehicleType}) at ${s.receiverId} ${s.arrival}-${s.departure}`);
    }
  }
  return out;
}

/** Every banned visit of every part of a plan. */
export function planBannedVisits(scenario: Scenario, plan: Plan, ban: ZoneBan): string[] {
  return [
    ...bannedVisits(scenario, plan.baseline.routes, ban).map((v) => `baseline ${v}`),
    ...bannedVisits(scenario, plan.ownRoundsCleanFleet.routes, ban).map((v) => `ownRoundsCleanFleet ${v}`),
    ...bannedVisits(scenario, plan.consolidated.routes, ban).map((v) => `consolidated ${v}`),
  ];
}
