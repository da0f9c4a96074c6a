import {
  DEFAULT_TIME_ZONE,
  type Order,
  type Plan,
  type PlanRoute,
  type Receiver,
  type Scenario,
} from '../contracts/index.ts';
import { pushInto } from '../domain/arrays.ts';

/** kg, m3 and handling units, as on the plan's loads. */
export interface Amounts {
  readonly kg: number;
  readonly m3: number;
  readonly units: number;
}

/** Before leaving the hub: what to load, the last stop's goods first so the first stop's are at the door. */
export interface LoadingStep {
  readonly kind: 'load';
  readonly hubId: string;
  readonly departure: string;
  /** Delivery orders by stop, last stop first (the loading order). */
  readonly byStop: readonly {
    readonly sequence: number;
    readonly receiver: string;
    readonly orderIds: string[];
  }[];
  readonly load: Amounts;
}

export interface StopStep {
  readonly kind: 'stop';
  readonly sequence: number;
  readonly receiverId: string;
  readonly receiverName: string;
  /** The receiver's address; its kind and coordinates (lat, lon) when the scenario gives none. */
  readonly address: string;
  readonly arrival: string;
  readonly departure: string;
  /** The receiving window the arrival falls in (`07:30-11:00`). */
  readonly window: string;
  readonly deliveries: readonly string[];
  readonly pickups: readonly string[];
  readonly unload: Amounts;
  readonly collect: Amounts;
  readonly loadAfter: Amounts;
  /** Access rules, orders' own windows, waiting: what the driver must know at the door. */
  readonly notes: readonly string[];
}

export interface ReturnStep {
  readonly kind: 'return';
  readonly hubId: string;
  readonly arrival: string;
  /** What comes back to the hub (pickups). */
  readonly load: Amounts;
}

export type RunSheetStep = LoadingStep | StopStep | ReturnStep;

export interface TripSheet {
  readonly trip: number;
  readonly routeId: string;
  readonly departure: string;
  readonly returnAt: string;
  readonly distanceKm: number;
  readonly steps: readonly RunSheetStep[];
}

/** One vehicle's day: its trips in order. */
export interface VehicleSheet {
  readonly vehicle: string;
  readonly vehicleType: string;
  readonly hubId: string;
  readonly trips: readonly TripSheet[];
}

export interface RunSheets {
  readonly scenario: string;
  readonly date: string;
  /** IANA name the times are in. */
  readonly timezone: string;
  readonly vehicles: readonly VehicleSheet[];
}

const ZERO: Amounts = { kg: 0, m3: 0, units: 0 };

/** Adds amounts rounded to the plan's precision (grams, litres), so sums do not print 0.30000000000000004. */
function add(a: Amounts, b: Amounts): Amounts {
  const r = (x: number, digits: number) => Number(x.toFixed(digits));
  return { kg: r(a.kg + b.kg, 3), m3: r(a.m3 + b.m3, 4), units: r(a.units + b.units, 0) };
}

const sizeOf = (o: Order): Amounts => ({ kg: o.size.kg, m3: o.size.m3 ?? 0, units: o.size.units ?? 0 });
const sum = (orders: readonly Order[]) => orders.reduce((acc, o) => add(acc, sizeOf(o)), ZERO);

/** Vehicle names compared as people read them: `e-van#2` before `e-van#10` (locale fixed: same order everywhere). */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

function addressOf(r: Receiver | undefined, location: readonly number[]): string {
  if (r?.address) return r.address;
  const [lon, lat] = location as [number, number];
  return `${r?.kind ? `${r.kind}, ` : ''}${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

function windowAt(r: Receiver | undefined, arrival: string): string {
  const windows = r?.windows ?? [];
  const w = windows.find((x) => x.start <= arrival && arrival <= x.end) ?? windows[0];
  return w ? `${w.start}-${w.end}` : '';
}

function accessNotes(r: Receiver | undefined): string[] {
  const a = r?.access;
  if (!a) return [];
  const notes: string[] = [];
  if (a.vehicleClasses?.length) notes.push(`access: ${a.vehicleClasses.join(' or ')} only`);
  if (a.powertrains?.length) notes.push(`access: ${a.powertrains.join(' or ')} vehicles only`);
  if (a.hours?.length) notes.push(`access hours ${a.hours.map((h) => `${h.start}-${h.end}`).join(', ')}`);
  return notes;
}

/** What changes hands at a stop: from the orders when known, else from the change of the load on board. */
function exchange(
  stop: PlanRoute['stops'][number],
  before: Amounts,
  orders: Map<string, Order> | undefined,
): Pick<StopStep, 'deliveries' | 'pickups' | 'unload' | 'collect' | 'notes'> {
  if (orders === undefined) {
    const delta = (k: keyof Amounts, sign: 1 | -1) => Math.max(0, sign * (before[k] - stop.loadAfter[k]));
    const net = (sign: 1 | -1) =>
      add(ZERO, { kg: delta('kg', sign), m3: delta('m3', sign), units: delta('units', sign) });
    return {
      deliveries: stop.orderIds,
      pickups: [],
      unload: net(1),
      collect: net(-1),
      notes: ['orders not split by kind (no scenario): amounts are the change of the load'],
    };
  }
  const own = stop.orderIds.map((id) => orders.get(id)).filter((o): o is Order => o !== undefined);
  const deliveries = own.filter((o) => o.kind !== 'pickup');
  const pickups = own.filter((o) => o.kind === 'pickup');
  return {
    deliveries: deliveries.map((o) => o.id),
    pickups: pickups.map((o) => o.id),
    unload: sum(deliveries),
    collect: sum(pickups),
    notes: own.flatMap((o) => (o.window ? [`${o.id} only ${o.window.start}-${o.window.end}`] : [])),
  };
}

function tripSheet(
  route: PlanRoute,
  receivers: Map<string, Receiver>,
  orders: Map<string, Order> | undefined,
): TripSheet {
  const stops: StopStep[] = route.stops.map((s, i) => {
    const r = receivers.get(s.receiverId);
    const before = i === 0 ? route.loadStart : (route.stops[i - 1] as PlanRoute['stops'][number]).loadAfter;
    const x = exchange(s, before, orders);
    const notes = [
      ...accessNotes(r),
      ...x.notes,
      ...(s.waitMin ? [`wait ${Math.round(s.waitMin)} min for the window`] : []),
    ];
    return {
      kind: 'stop',
      sequence: i + 1,
      receiverId: s.receiverId,
      receiverName: r?.name ?? s.receiverId,
      address: addressOf(r, s.location),
      arrival: s.arrival,
      departure: s.departure,
      window: windowAt(r, s.arrival),
      deliveries: x.deliveries,
      pickups: x.pickups,
      unload: x.unload,
      collect: x.collect,
      loadAfter: s.loadAfter,
      notes,
    };
  });
  const loading: LoadingStep = {
    kind: 'load',
    hubId: route.start,
    departure: route.departure,
    byStop: [...stops]
      .reverse()
      .filter((s) => s.deliveries.length > 0)
      .map((s) => ({ sequence: s.sequence, receiver: s.receiverName, orderIds: [...s.deliveries] })),
    load: stops.reduce((acc, s) => add(acc, s.unload), ZERO),
  };
  const back: ReturnStep = {
    kind: 'return',
    hubId: route.start,
    arrival: route.returnAt,
    load: stops.reduce((acc, s) => add(acc, s.collect), ZERO),
  };
  return {
    trip: route.trip,
    routeId: route.id,
    departure: route.departure,
    returnAt: route.returnAt,
    distanceKm: route.distanceKm,
    steps: [loading, ...stops, back],
  };
}

/**
 * The consolidated plan as drivers' run sheets: per vehicle (natural order) and trip (in order), a loading
 * step at the hub, the stops with receiver name, address, window, deliveries and pickups apart with what to
 * unload and collect, and the return. Sizes and kinds come from the scenario's orders, names from its
 * receivers (the plan carries ids only); without the scenario (the API's export of a stored plan) names are
 * ids and amounts are the change of the load on board.
 */
export function buildRunSheets(plan: Plan, scenario?: Scenario): RunSheets {
  const receivers = new Map((scenario?.receivers ?? []).map((r) => [r.id, r]));
  const orders = scenario && new Map(scenario.orders.map((o) => [o.id, o]));
  const byVehicle = new Map<string, PlanRoute[]>();
  for (const r of plan.consolidated.routes) pushInto(byVehicle, r.vehicle, r);
  const vehicles = [...byVehicle.entries()]
    .sort(([a], [b]) => naturalCompare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([vehicle, routes]) => {
      const trips = [...routes].sort((a, b) => a.trip - b.trip);
      const first = trips[0] as PlanRoute;
      return {
        vehicle,
        vehicleType: first.vehicleType,
        hubId: first.start,
        trips: trips.map((t) => tripSheet(t, receivers, orders)),
      };
    });
  return {
    scenario: plan.scenario.name,
    date: plan.scenario.date,
    timezone: scenario?.timezone ?? DEFAULT_TIME_ZONE,
    vehicles,
  };
}
