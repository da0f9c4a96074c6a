import { InputError } from '../domain/errors.ts';
import { largestRemainder } from './largest-remainder.ts';

/**
 * ISO 14083:2023 / GLEC Framework v3 allocation of emissions to consignments, on data only (trips and hub
 * operations described by numbers, no routes or vehicles): docs/model/cooperation.md. Emissions are carried
 * in whole grams so that every sum is exact: each trip's (and hub's) total is split with the largest-remainder
 * method, so the consignments' grams add up to the element's grams, the carriers' to the consignments', and
 * the plan's total is the sum of the elements' totals, to the gram.
 */

/** Bounds on what one call may be given (every count bounded). */
export const MAX_ELEMENTS = 100_000;
/**
 * A hub's operation carries every order it handles that day: as many as a scenario may hold (400,000 orders,
 * contracts/limits.ts; a test keeps the two together). 10,000 before, which made every generated day above about
 * 1,500 receivers unplannable; 150,000 after, which failed the 50,000-receiver day (339,715 orders at one hub)
 * in its assembly, after 31 minutes of routing.
 */
export const MAX_CONSIGNMENTS_PER_ELEMENT = 400_000;

/** One consignment on a trip. */
export interface TripConsignment {
  readonly consignmentId: string;
  readonly carrierId: string;
  readonly massKg: number;
  /**
   * GLEC's notional distance for this consignment on this trip: from the trip's start to its drop point (a
   * delivery) or its pick point (a pickup), on the basis the caller discloses (shortest feasible or
   * great-circle distance, not the driven one).
   */
  readonly distanceFromStartKm: number;
}

/** One vehicle trip: a transport chain element's leg from its start back to its end, return leg included. */
export interface TripEmissions {
  readonly tripId: string;
  /** The transport chain element it belongs to, a free label: 'trunk', 'pooled-run', 'residual-round', ... */
  readonly element: string;
  /** The whole trip's well-to-wheel and tank-to-wheel CO2e, empty running and return leg included. */
  readonly wtwCo2eKg: number;
  readonly ttwCo2eKg: number;
  readonly consignments: readonly TripConsignment[];
}

/** One hub's operation (handling energy, site emissions) for the day. */
export interface HubEmissions {
  readonly hubId: string;
  /** A free label, usually 'hub'. */
  readonly element: string;
  readonly wtwCo2eKg: number;
  readonly ttwCo2eKg: number;
  /** What throughput is measured in: handling units or mass (GLEC hub allocation by throughput). */
  readonly basis: 'units' | 'massKg';
  readonly throughput: readonly { consignmentId: string; carrierId: string; massKg: number; units: number }[];
}

/** A consignment's share of one element. */
export interface ConsignmentShare {
  readonly consignmentId: string;
  readonly carrierId: string;
  readonly element: string;
  readonly kind: 'transport' | 'hub';
  /** The trip or hub it comes from. */
  readonly sourceId: string;
  readonly wtwCo2eG: number;
  readonly ttwCo2eG: number;
  /** Transport activity: tonnes x distance from the start (0 at a hub). */
  readonly tonneKm: number;
  readonly tonnes: number;
}

/** Totals of a consignment or a carrier over every element, with intensity. */
export interface EmissionTotals {
  readonly wtwCo2eG: number;
  readonly ttwCo2eG: number;
  readonly tonneKm: number;
  /** WTW grams per tonne-km of transport activity; undefined when there is no activity. */
  readonly wtwIntensityGPerTkm: number | undefined;
}

export interface EmissionAllocation {
  readonly shares: readonly ConsignmentShare[];
  readonly byConsignment: ReadonlyMap<string, EmissionTotals & { carrierId: string }>;
  readonly byCarrier: ReadonlyMap<string, EmissionTotals>;
  /** Sum of the elements' own totals (each rounded to the gram once): what every breakdown adds up to. */
  readonly total: { wtwCo2eG: number; ttwCo2eG: number; tonneKm: number };
}

/** Grams of a kg figure, rounded once per element so the element's total is what every split adds up to. */
export function kgToGrams(kg: number): number {
  return Math.round(kg * 1000);
}

/**
 * Shares every trip's emissions between its consignments in proportion to mass x distance from the trip's
 * start (GLEC v3 / ISO 14083 multi-drop rule; when every consignment sits at distance 0, by mass; when every
 * mass is 0 too, equally), and every hub's by throughput (units or mass, as each hub says). Then sums per
 * consignment and per carrier; intensities are g CO2e per tonne-km.
 */
export function allocateEmissions(
  trips: readonly TripEmissions[],
  hubs: readonly HubEmissions[] = [],
): EmissionAllocation {
  if (trips.length + hubs.length > MAX_ELEMENTS)
    throw new InputError('INVALID_VALUE', `at most ${MAX_ELEMENTS} trips and hubs per allocation`, {
      field: 'trips',
    });
  const shares: ConsignmentShare[] = [];
  const total = { wtwCo2eG: 0, ttwCo2eG: 0, tonneKm: 0 };
  trips.forEach((trip, k) => {
    const field = `trips[${k}]`;
    checkElement(trip, field, trip.consignments.length);
    trip.consignments.forEach((c, j) => {
      checkNonNegative(c.massKg, () => `${field}.consignments[${j}].massKg`);
      checkNonNegative(c.distanceFromStartKm, () => `${field}.consignments[${j}].distanceFromStartKm`);
    });
    if (trip.consignments.length === 0) return; // checked: it emits nothing
    const activity = trip.consignments.map((c) => (c.massKg / 1000) * c.distanceFromStartKm);
    const weights = firstNonZero(
      activity,
      trip.consignments.map((c) => c.massKg),
    );
    const [wtw, ttw] = [kgToGrams(trip.wtwCo2eKg), kgToGrams(trip.ttwCo2eKg)];
    const wtwSplit = largestRemainder(wtw, weights);
    const ttwSplit = largestRemainder(ttw, weights);
    trip.consignments.forEach((c, j) =>
      shares.push({
        consignmentId: c.consignmentId,
        carrierId: c.carrierId,
        element: trip.element,
        kind: 'transport',
        sourceId: trip.tripId,
        wtwCo2eG: wtwSplit[j]!,
        ttwCo2eG: ttwSplit[j]!,
        tonneKm: activity[j]!,
        tonnes: c.massKg / 1000,
      }),
    );
    total.wtwCo2eG += wtw;
    total.ttwCo2eG += ttw;
    total.tonneKm += activity.reduce((a, b) => a + b, 0);
  });
  hubs.forEach((hub, k) => {
    const field = `hubs[${k}]`;
    checkElement(hub, field, hub.throughput.length);
    hub.throughput.forEach((c, j) => {
      checkNonNegative(c.massKg, () => `${field}.throughput[${j}].massKg`);
      checkNonNegative(c.units, () => `${field}.throughput[${j}].units`);
    });
    if (hub.throughput.length === 0) return; // checked: it emits nothing
    const weights = firstNonZero(hub.throughput.map((c) => (hub.basis === 'units' ? c.units : c.massKg)));
    const [wtw, ttw] = [kgToGrams(hub.wtwCo2eKg), kgToGrams(hub.ttwCo2eKg)];
    const wtwSplit = largestRemainder(wtw, weights);
    const ttwSplit = largestRemainder(ttw, weights);
    hub.throughput.forEach((c, j) =>
      shares.push({
        consignmentId: c.consignmentId,
        carrierId: c.carrierId,
        element: hub.element,
        kind: 'hub',
        sourceId: hub.hubId,
        wtwCo2eG: wtwSplit[j]!,
        ttwCo2eG: ttwSplit[j]!,
        tonneKm: 0,
        tonnes: c.massKg / 1000,
      }),
    );
    total.wtwCo2eG += wtw;
    total.ttwCo2eG += ttw;
  });
  return {
    shares,
    byConsignment: sumBy(shares, (s) => s.consignmentId, true),
    byCarrier: sumBy(shares, (s) => s.carrierId, false),
    total,
  };
}

/** g CO2e per tonne-km, undefined without activity. */
export function intensityGPerTkm(grams: number, tonneKm: number): number | undefined {
  return tonneKm > 0 ? grams / tonneKm : undefined;
}

function sumBy(
  shares: readonly ConsignmentShare[],
  key: (s: ConsignmentShare) => string,
  withCarrier: true,
): Map<string, EmissionTotals & { carrierId: string }>;
function sumBy(
  shares: readonly ConsignmentShare[],
  key: (s: ConsignmentShare) => string,
  withCarrier: false,
): Map<string, EmissionTotals>;
function sumBy(
  shares: readonly ConsignmentShare[],
  key: (s: ConsignmentShare) => string,
  withCarrier: boolean,
): Map<string, EmissionTotals & { carrierId?: string }> {
  const acc = new Map<string, { wtwCo2eG: number; ttwCo2eG: number; tonneKm: number; carrierId: string }>();
  for (const s of shares) {
    const k = key(s);
    let a = acc.get(k);
    if (a === undefined) acc.set(k, (a = { wtwCo2eG: 0, ttwCo2eG: 0, tonneKm: 0, carrierId: s.carrierId }));
    if (a.carrierId !== s.carrierId)
      throw new InputError(
        'INVALID_VALUE',
        `consignment ${s.consignmentId} belongs to carriers ${a.carrierId} and ${s.carrierId}`,
        {
          field: 'consignments',
        },
      );
    a.wtwCo2eG += s.wtwCo2eG;
    a.ttwCo2eG += s.ttwCo2eG;
    a.tonneKm += s.tonneKm;
  }
  const out = new Map<string, EmissionTotals & { carrierId?: string }>();
  for (const [k, a] of acc) {
    const { wtwCo2eG, ttwCo2eG, tonneKm, carrierId } = a;
    const wtwIntensityGPerTkm = intensityGPerTkm(wtwCo2eG, tonneKm);
    // literals, not a spread: a spread per consignment was half of this function's time on a large day
    out.set(
      k,
      withCarrier
        ? { wtwCo2eG, ttwCo2eG, tonneKm, wtwIntensityGPerTkm, carrierId }
        : { wtwCo2eG, ttwCo2eG, tonneKm, wtwIntensityGPerTkm },
    );
  }
  return out;
}

/** The first weight vector with a positive sum: mass x distance, then mass, then equal shares. */
function firstNonZero(...candidates: number[][]): number[] {
  for (const w of candidates) if (w.reduce((a, b) => a + b, 0) > 0) return w;
  return candidates[0]!.map(() => 1);
}

function checkElement(
  e: { element: string; wtwCo2eKg: number; ttwCo2eKg: number },
  field: string,
  consignments: number,
): void {
  checkNonNegative(e.wtwCo2eKg, () => `${field}.wtwCo2eKg`);
  checkNonNegative(e.ttwCo2eKg, () => `${field}.ttwCo2eKg`);
  if (consignments === 0 && (e.wtwCo2eKg > 0 || e.ttwCo2eKg > 0))
    throw new InputError('INVALID_VALUE', `${field} emits CO2e but carries no consignment to charge it to`, {
      field,
    });
  if (consignments > MAX_CONSIGNMENTS_PER_ELEMENT)
    throw new InputError(
      'INVALID_VALUE',
      `${field} has ${consignments} consignments, at most ${MAX_CONSIGNMENTS_PER_ELEMENT}`,
      { field },
    );
}

/** `field` names the value only when it is wrong: a large day checks a few hundred thousand that are not. */
function checkNonNegative(x: number, field: () => string): void {
  if (!Number.isFinite(x) || x < 0) {
    const name = field();
    throw new InputError('INVALID_VALUE', `${name} must be a finite number >= 0, got ${x}`, { field: name });
  }
}
