import type { City, CityFeeder } from '../domain/city.ts';
import type { UnassignedReason } from '../domain/routing-solution.ts';
import { METRES_PER_KM } from '../domain/units.ts';
import { solveLinearProgram, type LpBackend } from '../lp/lp-adapter.ts';
import { minOf } from '../domain/arrays.ts';

/**
 * Stops of a multi-drop tour, the continuous approximation's divisor for a receiver's share of a round trip
 * (reference: 13 stops per multi-drop tour in French surveys, energy-and-emissions.md).
 */
export const STOPS_PER_TOUR = 13;
/** Above this many variables javascript-lp-solver's dense tableau is too big (ecosystem.md): HiGHS solves. */
export const MAX_JS_LP_VARIABLES = 3000;

/** Which hubs open, which receivers each serves (-1: none), and why, in words. */
export interface FacilityChoice {
  readonly hubOf: readonly number[];
  /** Why a receiver has no hub (`hub-capacity`, `hub-closed`, `no-vehicle-allowed`); undefined when it has one. */
  readonly reasonOf: readonly (UnassignedReason | undefined)[];
  readonly open: readonly boolean[];
  readonly hubReasons: readonly string[];
  readonly backend: LpBackend | 'none';
  /** The model's optimal objective (EUR a day, estimated), before rounding receivers to one hub. */
  readonly objectiveEur: number;
}

/**
 * The facility model (docs/model/consolidation.md, hub choice): candidate hubs are those with a pooled fleet;
 * binary `y[h]` opens hub h at its fixed cost per day; `x[r,h] ∈ [0,1]` serves receiver r through h at an
 * estimated cost (trunk share + last-mile share of a tour); `o[r]` leaves r to its carriers at the estimated
 * cost of their own visits. Each hub's handling capacity and its fleet's daily kg bind only if it opens.
 * Every receiver an open hub may serve is pooled there (its largest share, else the cheapest open hub); what
 * a hub cannot hold moves to another open hub with room or is left to its carriers with reason `hub-capacity`.
 */
export function chooseFacilities(city: City, backend?: LpBackend): FacilityChoice {
  const candidates = city.hubs
    .map((_, h) => h)
    .filter((h) => city.fleet.some((f) => f.hub === h && f.count > 0));
  const noHub = (reason: UnassignedReason, why: string): FacilityChoice => ({
    hubOf: city.receivers.map(() => -1),
    reasonOf: city.receivers.map(() => reason),
    open: city.hubs.map(() => false),
    hubReasons: city.hubs.map(() => why),
    backend: 'none',
    objectiveEur: 0,
  });
  if (candidates.length === 0) return noHub('no-vehicle-allowed', 'closed: no pooled fleet');
  const est = estimates(city, candidates);
  const nVars = city.receivers.length * (candidates.length + 1) + candidates.length;
  const chosen = backend ?? (nVars <= MAX_JS_LP_VARIABLES ? 'js' : 'highs');
  const mip = model(city, candidates, est);
  // javascript-lp-solver may give up (non-integral binaries): HiGHS then, unless a backend was asked for
  const values =
    solveLinearProgram(mip, chosen) ??
    (chosen === 'js' && backend === undefined ? solveLinearProgram(mip, 'highs') : undefined);
  if (!values) return noHub('hub-closed', 'closed: the facility model found no feasible choice');
  const open = city.hubs.map((_, h) => (values.get(`y_${h}`) ?? 0) > 0.5);
  // every receiver an open hub may serve is pooled (one visit a day is the policy), at its largest share,
  // else at the cheapest open hub: the model's own choice to leave a receiver to its carriers only weighs in
  // on which hubs are worth opening
  const hubOf = city.receivers.map((_, r) => {
    let best = -1;
    let share = 0;
    for (const h of candidates) {
      const x = values.get(`x_${r}_${h}`) ?? 0;
      if (open[h] && x > share + 1e-9) [best, share] = [h, x];
    }
    if (best >= 0) return best;
    const cheapest = candidates
      .map((h, k) => ({ h, k }))
      .filter(({ h, k }) => open[h] && est.allowed[r]?.[k])
      .sort((a, b) => (est.viaHub[r]?.[a.k] as number) - (est.viaHub[r]?.[b.k] as number) || a.h - b.h)[0];
    return cheapest?.h ?? -1;
  });
  const reasonOf: (UnassignedReason | undefined)[] = hubOf.map((h, r) =>
    h >= 0 ? undefined : est.allowed[r]?.some((a) => a) ? 'hub-closed' : 'no-vehicle-allowed',
  );
  repairCapacity(city, candidates, est, open, hubOf, reasonOf);
  return {
    hubOf,
    reasonOf,
    open,
    hubReasons: city.hubs.map((h, i) => {
      if (!candidates.includes(i)) return 'closed: no pooled fleet';
      const served = hubOf.filter((x) => x === i).length;
      if (open[i])
        return `open: serves ${served} receivers (${Math.round(est.unitsAt(hubOf, i))} units${
          h.capacityUnits !== undefined ? ` of ${h.capacityUnits}` : ''
        }); fixed cost ${h.fixedCostEurPerDay} EUR a day`;
      return `closed: its fixed cost (${h.fixedCostEurPerDay} EUR a day) and estimated trunk and last-mile costs exceed what its receivers save`;
    }),
    backend: chosen,
    objectiveEur: Object.entries(mip.variables).reduce(
      (t, [n, row]) => t + (row['eur'] ?? 0) * (values.get(n) ?? 0),
      0,
    ),
  };
}

interface Estimates {
  /** EUR through each candidate (by position in `candidates`), per receiver. */
  readonly viaHub: readonly (readonly number[])[];
  /** EUR of the carriers' own visits, per receiver. */
  readonly alone: readonly number[];
  /** Whether some type of the candidate's fleet may serve the receiver at all (access rules). */
  readonly allowed: readonly (readonly boolean[])[];
  readonly units: readonly number[];
  readonly kg: readonly number[];
  unitsAt(hubOf: readonly number[], hub: number): number;
}

const ratePerKm = (city: City, type: number): number => {
  const t = city.vehicleTypes[type];
  return t ? t.costPerKmEur + t.costPerHourEur / t.speedKmh : 0;
};

/** An order's share of a road feeder's round trip, platform to micro-hub, by its share of the vehicle's kg. */
function feederEur(city: City, type: number, from: number, to: number, kg: number): number {
  const km = (city.travel.distance(from, to) + city.travel.distance(to, from)) / METRES_PER_KM;
  return km * ratePerKm(city, type) * Math.min(1, kg / (city.vehicleTypes[type]?.capacity[0] ?? Infinity));
}

/** The continuous approximation of each receiver's cost through each hub and alone (docs/model/consolidation.md). */
function estimates(city: City, candidates: readonly number[]): Estimates {
  const units = city.receivers.map(() => 0);
  const kg = city.receivers.map(() => 0);
  const alone = city.receivers.map(() => 0);
  const trunk = city.receivers.map(() => candidates.map(() => 0));
  const carriersAt = city.receivers.map(() => new Set<number>());
  for (const o of city.orders) {
    units[o.receiver] = (units[o.receiver] as number) + Math.max(1, o.size[2]);
    kg[o.receiver] = (kg[o.receiver] as number) + o.size[0];
    carriersAt[o.receiver]?.add(o.carrier);
    const c = city.carriers[o.carrier];
    const type = c && city.vehicleTypes[c.trunkType];
    if (!c || !type) continue;
    candidates.forEach((h, k) => {
      // a fed micro-hub's flows go to its platform, then on its road feeder (a sailing has no tariff)
      const hub = city.hubs[h] as { location: number; feeder?: CityFeeder | undefined };
      const platform = hub.feeder && (city.hubs[hub.feeder.platform] as { location: number });
      const at = platform?.location ?? hub.location;
      const km =
        (city.travel.distance(c.location, at) + city.travel.distance(at, c.location)) / METRES_PER_KM;
      const row = trunk[o.receiver] as number[];
      row[k] =
        (row[k] as number) +
        km * ratePerKm(city, c.trunkType) * Math.min(1, o.size[0] / type.capacity[0]) +
        (hub.feeder?.mode === 'road' && platform
          ? feederEur(city, hub.feeder.type, platform.location, hub.location, o.size[0])
          : 0);
    });
  }
  city.receivers.forEach((r, i) => {
    for (const carrier of carriersAt[i] ?? []) {
      const c = city.carriers[carrier] as { location: number; baselineType: number };
      const km =
        (city.travel.distance(c.location, r.location) + city.travel.distance(r.location, c.location)) /
        METRES_PER_KM;
      alone[i] = (alone[i] as number) + (km * ratePerKm(city, c.baselineType)) / STOPS_PER_TOUR;
    }
  });
  const fleetTypes = candidates.map((h) =>
    city.fleet.filter((f) => f.hub === h && f.count > 0).map((f) => f.type),
  );
  const allowed = city.receivers.map((r) =>
    fleetTypes.map(
      (types) =>
        !r.accessByType ||
        types.some((t) => r.accessByType?.[t] === undefined || (r.accessByType[t]?.length ?? 0) > 0),
    ),
  );
  const viaHub = city.receivers.map((r, i) =>
    candidates.map((h, k) => {
      const at = (city.hubs[h] as { location: number }).location;
      const km =
        (city.travel.distance(at, r.location) + city.travel.distance(r.location, at)) / METRES_PER_KM;
      const rate = minOf((fleetTypes[k] ?? []).map((t) => ratePerKm(city, t)));
      const handling = (units[i] as number) * (city.hubs[h]?.handlingCostEurPerUnit ?? 0);
      return (trunk[i]?.[k] ?? 0) + (km * rate) / STOPS_PER_TOUR + handling;
    }),
  );
  return {
    viaHub,
    alone,
    allowed,
    units,
    kg,
    unitsAt: (hubOf, hub) => hubOf.reduce((s, h, r) => s + (h === hub ? (units[r] as number) : 0), 0),
  };
}

/** Daily kg a hub's pooled fleet can carry: every vehicle full on every trip it may make (an upper bound). */
function fleetKg(city: City, hub: number): number {
  return city.fleet
    .filter((f) => f.hub === hub)
    .reduce((s, f) => s + f.count * f.maxTrips * (city.vehicleTypes[f.type]?.capacity[0] ?? 0), 0);
}

/** Hubs that feed a micro-hub (two echelons). */
function platforms(city: City): Set<number> {
  return new Set(city.hubs.flatMap((m) => (m.feeder ? [m.feeder.platform] : [])));
}

/** The platform a hub's units pass through: its feeder's, itself if it is one, else -1. */
function throughPlatform(city: City, hub: number): number {
  const fed = city.hubs[hub]?.feeder?.platform;
  if (fed !== undefined) return fed;
  return city.hubs.some((m) => m.feeder?.platform === hub) ? hub : -1;
}

/** The MIP: see chooseFacilities. Weak linking (Σ_r x[r,h] ≤ |R|·y[h]) keeps javascript-lp-solver's tableau small. */
function model(city: City, candidates: readonly number[], est: Estimates) {
  const R = city.receivers.length;
  const constraints: Record<string, { equal?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const h of candidates) {
    const hub = city.hubs[h] as { capacityUnits?: number | undefined; fixedCostEurPerDay: number };
    constraints[`cap_${h}`] = { max: 0 };
    constraints[`kg_${h}`] = { max: 0 };
    constraints[`link_${h}`] = { max: 0 };
    variables[`y_${h}`] = {
      eur: hub.fixedCostEurPerDay,
      [`cap_${h}`]: -(hub.capacityUnits ?? est.units.reduce((a, b) => a + b, 0)),
      [`kg_${h}`]: -fleetKg(city, h),
      [`link_${h}`]: -R,
    };
  }
  // two echelons: a platform's capacity binds every unit through it (its micro-hubs' and its own)
  for (const p of platforms(city)) {
    const cap = city.hubs[p]?.capacityUnits;
    if (cap !== undefined) constraints[`thru_${p}`] = { max: cap };
  }
  city.receivers.forEach((_, r) => {
    constraints[`serve_${r}`] = { equal: 1 };
    variables[`o_${r}`] = { eur: est.alone[r] as number, [`serve_${r}`]: 1 };
    candidates.forEach((h, k) => {
      if (!est.allowed[r]?.[k]) return;
      const p = throughPlatform(city, h);
      variables[`x_${r}_${h}`] = {
        eur: est.viaHub[r]?.[k] as number,
        [`serve_${r}`]: 1,
        [`cap_${h}`]: est.units[r] as number,
        [`kg_${h}`]: est.kg[r] as number,
        [`link_${h}`]: 1,
        ...(p >= 0 && constraints[`thru_${p}`] ? { [`thru_${p}`]: est.units[r] as number } : {}),
      };
    });
  });
  return {
    optimize: 'eur',
    opType: 'min' as const,
    constraints,
    variables,
    binaries: candidates.map((h) => `y_${h}`),
  };
}

/**
 * After rounding each receiver to its largest share, a hub may hold more units or kg than it can: its
 * receivers with the least to lose move to another open hub with room, else to their carriers (`hub-capacity`).
 */
function repairCapacity(
  city: City,
  candidates: readonly number[],
  est: Estimates,
  open: readonly boolean[],
  hubOf: number[],
  reasonOf: (UnassignedReason | undefined)[],
): void {
  const capUnits = (h: number): number => city.hubs[h]?.capacityUnits ?? Infinity;
  const capKg = city.hubs.map((_, h) => fleetKg(city, h));
  // running totals per hub (and through each platform), kept up to date as receivers move
  const units = city.hubs.map(() => 0);
  const kg = city.hubs.map(() => 0);
  const through = city.hubs.map(() => 0);
  const node = city.hubs.map((_, h) => throughPlatform(city, h));
  const move = (r: number, from: number, to: number): void => {
    for (const [total, of, at] of [
      [units, est.units, (h: number) => h],
      [kg, est.kg, (h: number) => h],
      [through, est.units, (h: number) => (h >= 0 ? (node[h] as number) : -1)],
    ] as const) {
      if (from >= 0 && at(from) >= 0) total[at(from)] = (total[at(from)] as number) - (of[r] as number);
      if (to >= 0 && at(to) >= 0) total[at(to)] = (total[at(to)] as number) + (of[r] as number);
    }
  };
  // a receiver may join g if g and g's platform have room (a move within one platform leaves it as it is)
  const room = (g: number, h: number, r: number): boolean => {
    const p = node[g] as number;
    const add = p === node[h] ? 0 : (est.units[r] as number);
    return p < 0 || (through[p] as number) + add <= capUnits(p) + 1e-9;
  };
  hubOf.forEach((h, r) => move(r, -1, h));
  for (const h of candidates) {
    if (!open[h]) continue;
    const p = node[h] as number;
    const over = (): boolean =>
      (units[h] as number) > capUnits(h) + 1e-9 ||
      (kg[h] as number) > (capKg[h] as number) + 1e-9 ||
      (p >= 0 && (through[p] as number) > capUnits(p) + 1e-9);
    if (!over()) continue;
    const k = candidates.indexOf(h);
    const mine = hubOf
      .map((x, r) => (x === h ? r : -1))
      .filter((r) => r >= 0)
      .sort(
        (a, b) =>
          (est.alone[a] as number) -
            (est.viaHub[a]?.[k] as number) -
            ((est.alone[b] as number) - (est.viaHub[b]?.[k] as number)) || a - b,
      );
    for (const r of mine) {
      if (!over()) break;
      const other = candidates.find(
        (g, j) =>
          g !== h &&
          open[g] &&
          est.allowed[r]?.[j] &&
          (units[g] as number) + (est.units[r] as number) <= capUnits(g) &&
          (kg[g] as number) + (est.kg[r] as number) <= (capKg[g] as number) &&
          room(g, h, r),
      );
      move(r, h, other ?? -1);
      hubOf[r] = other ?? -1;
      reasonOf[r] = other === undefined ? 'hub-capacity' : undefined;
    }
  }
}
