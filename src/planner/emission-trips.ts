import type { PlanRoute, TrunkTrip } from '../contracts/index.ts';
import type { HubEmissions, TripConsignment, TripEmissions } from '../cooperation/index.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { METRES_PER_KM } from '../domain/units.ts';
import { largestRemainder } from '../cooperation/index.ts';
import type { TtwShares } from './ttw-shares.ts';

/**
 * The plan's trips and hub operations as the ISO 14083 allocation reads them (src/cooperation/emission-shares.ts):
 * each trip's whole WTW and TTW CO2e with its consignments (one per order), each at its mass and its distance from
 * the trip's start on the plan's own travel model; each hub's handling CO2e with its throughput in handling units.
 */
export interface EmissionInputs {
  readonly trips: TripEmissions[];
  readonly hubs: HubEmissions[];
}

/** Element labels: transport chain elements of docs/model/cooperation.md §5. */
export type ElementLabel =
  'own-round' | 'pooled-run' | 'residual-round' | 'trunk-road' | 'trunk-barge' | 'trunk-rail' | 'hub';

/** Id -> location index and order facts, looked up once per plan. */
export class EmissionPlaces {
  private readonly hubs: Map<string, number>;
  private readonly carriers: Map<string, number>;
  private readonly receivers: Map<string, number>;
  private readonly legs: Map<
    string,
    { id: string; terminal: number; lengthKm: number; mode: 'barge' | 'rail' }
  >;
  /**
   * Each order's figures, with the city's own copy of its id: a plan's routes hold copies of the ids (a thread's
   * results arrive cloned), and the allocation sums its shares by id, which hashes and compares each copy anew
   * (0.3 s of a 10,000-receiver plan) where one string per order is hashed once.
   */
  readonly orders: Map<string, HubEmissions['throughput'][number]>;
  constructor(
    private readonly city: City,
    readonly ttw: TtwShares,
  ) {
    this.hubs = new Map(city.hubs.map((h) => [h.id, h.location]));
    this.carriers = new Map(city.carriers.map((c) => [c.id, c.location]));
    this.receivers = new Map(city.receivers.map((r) => [r.id, r.location]));
    this.legs = new Map(city.intermodalLegs.map((l) => [l.id, l]));
    this.orders = new Map(
      city.orders.map((o) => [
        o.id,
        {
          consignmentId: o.id,
          carrierId: (city.carriers[o.carrier] as { id: string }).id,
          massKg: o.size[0],
          units: Math.max(1, o.size[2]),
        },
      ]),
    );
  }

  /** Plan-travel-model distance in km between two location indices. */
  km(from: number, to: number): number {
    return this.city.travel.distance(from, to) / METRES_PER_KM;
  }

  place(kind: 'hub' | 'carrier' | 'receiver' | 'start', id: string): number {
    const found =
      kind === 'hub'
        ? this.hubs.get(id)
        : kind === 'carrier'
          ? this.carriers.get(id)
          : kind === 'receiver'
            ? this.receivers.get(id)
            : (this.hubs.get(id) ?? this.carriers.get(id));
    if (found === undefined)
      throw new InternalError('BROKEN_INVARIANT', `plan names unknown ${kind} "${id}"`);
    return found;
  }

  isHub(id: string): boolean {
    return this.hubs.has(id);
  }

  leg(id: string) {
    return this.legs.get(id);
  }

  /** The network length of a micro-hub's barge or rail feeder; undefined for another hub or a road feeder. */
  feederKm(hubId: string): number | undefined {
    const feeder = this.city.hubs.find((h) => h.id === hubId)?.feeder;
    return feeder === undefined || feeder.mode === 'road' ? undefined : feeder.lengthKm;
  }

  consignment(orderId: string, distanceFromStartKm: number): TripConsignment {
    const o = this.orders.get(orderId);
    if (!o) throw new InternalError('BROKEN_INVARIANT', `plan names unknown order "${orderId}"`);
    return { consignmentId: o.consignmentId, carrierId: o.carrierId, massKg: o.massKg, distanceFromStartKm };
  }
}

/** Last-kilometre trips: each order at the distance from the route's start (hub or depot) to its receiver. */
export function routeTrips(
  places: EmissionPlaces,
  routes: readonly PlanRoute[],
  label: (r: PlanRoute) => ElementLabel,
): TripEmissions[] {
  return routes.map((r) => {
    const start = places.place('start', r.start);
    return {
      tripId: r.id,
      element: label(r),
      wtwCo2eKg: r.co2eKg,
      ttwCo2eKg: r.co2eKg * places.ttw.ofType(r.vehicleType).value,
      consignments: r.stops.flatMap((s) => {
        const km = places.km(start, places.place('receiver', s.receiverId));
        return s.orderIds.map((id) => places.consignment(id, km));
      }),
    };
  });
}

/**
 * Trunk trips. Road: from the trip's base (the hub, the terminal for pre-haul, or a feeder's platform), each
 * order at the distance to its carrier's depot (goods picked up there, returns dropped there) or, on a feeder, to
 * the micro-hub it feeds. Barge and rail: every order at the leg's network length (a feeder sailing's own).
 */
export function trunkTrips(places: EmissionPlaces, trunk: readonly TrunkTrip[]): TripEmissions[] {
  return trunk.map((t) => {
    const feeder = t.echelon === 2; // platform -> micro-hub (two echelons)
    if (t.mode !== 'road') {
      const leg = places.leg(t.vehicleType);
      // a feeder's sailing: its own network length (the trip's distance counts every sailing of the day)
      const km = leg ? leg.lengthKm : feeder ? places.feederKm(t.hubId) : undefined;
      if (km === undefined)
        throw new InternalError('BROKEN_INVARIANT', `trunk trip ${t.id}: unknown leg ${t.vehicleType}`);
      return {
        tripId: t.id,
        element: `trunk-${t.mode}`,
        wtwCo2eKg: t.co2eKg,
        ttwCo2eKg: t.co2eKg * places.ttw.ofLeg(leg?.id ?? t.vehicleType, t.mode).value,
        consignments: t.stops.flatMap((s) => s.orderIds.map((id) => places.consignment(id, km))),
      };
    }
    const leg = t.to === t.hubId ? undefined : places.leg(t.to);
    const base = feeder
      ? places.place('hub', t.from ?? t.hubId)
      : leg
        ? leg.terminal
        : places.place('hub', t.hubId);
    return {
      tripId: t.id,
      element: 'trunk-road',
      wtwCo2eKg: t.co2eKg,
      ttwCo2eKg: t.co2eKg * places.ttw.ofType(t.vehicleType).value,
      consignments: t.stops.flatMap((s) => {
        const km = places.km(base, places.place(s.kind === 'hub' ? 'hub' : 'carrier', s.id));
        return s.orderIds.map((id) => places.consignment(id, km));
      }),
    };
  });
}

/**
 * Hub handling: each hub's kWh (handling units x its kWh per unit) on the grid factor, its orders' units as
 * throughput. The hubs' grams are split from the rounded total of all hubs (largest remainder), so they add up
 * to the hub CO2e counted in the consolidated KPIs to the gram.
 */
export function hubOperations(
  city: City,
  places: EmissionPlaces,
  pooledRoutes: readonly PlanRoute[],
  electricityCo2eKgPerKWh: number,
): HubEmissions[] {
  const throughput = city.hubs.map((): HubEmissions['throughput'][number][] => []);
  const hubIndex = new Map(city.hubs.map((h, i) => [h.id, i]));
  for (const r of pooledRoutes) {
    const h = hubIndex.get(r.start);
    if (h === undefined) continue;
    for (const s of r.stops)
      for (const id of s.orderIds) {
        const o = places.orders.get(id);
        if (!o) continue;
        throughput[h]?.push(o);
        // two echelons: the platform feeding this micro-hub handled the order first
        const platform = city.hubs[h]?.feeder?.platform;
        if (platform !== undefined) throughput[platform]?.push(o);
      }
  }
  const kWh = throughput.map(
    (t, h) => t.reduce((a, c) => a + c.units, 0) * (city.hubs[h]?.handlingKWhPerUnit ?? 0),
  );
  const totalKWh = kWh.reduce((a, b) => a + b, 0);
  if (totalKWh <= 0) return [];
  const grams = largestRemainder(Math.round(totalKWh * electricityCo2eKgPerKWh * 1000), kWh);
  return city.hubs.flatMap((hub, h) =>
    (throughput[h]?.length ?? 0) > 0
      ? [
          {
            hubId: hub.id,
            element: 'hub',
            wtwCo2eKg: (grams[h] as number) / 1000,
            ttwCo2eKg: 0, // grid electricity: nothing burns at the hub
            basis: 'units' as const,
            throughput: throughput[h] as HubEmissions['throughput'],
          },
        ]
      : [],
  );
}
