import type { FleetEntry } from '../contracts/scenario.ts';

/**
 * Payloads assumed when sizing the hub fleet, kg. Deliberately at or below the built-in types' figures
 * (reference: large e-van ~1.5 t, e-cargo bike 150–300 kg, Paris bikes 180 kg) so the fleet has margin.
 */
export const PLANNING_PAYLOAD_KG = { 'e-van': 1000, 'cargo-bike': 180 } as const;

type HubVehicle = keyof typeof PLANNING_PAYLOAD_KG;

/** Share of payload a trip is assumed to fill on average (windows and geography prevent full loads). */
const FILL_RATE = 0.7;

interface VehiclePlan {
  readonly shift: { readonly start: string; readonly end: string };
  readonly maxTrips: number;
  readonly reloadMinutes: number;
  /** Trips possible inside a morning-only window (shops stop receiving at 11:00). */
  readonly morningTrips: number;
  /** Receivers one trip is sure to serve, whatever their loads (a bike may carry one outlet's whole day). */
  readonly stopsPerTrip: number;
}

const PLANS: Readonly<Record<HubVehicle, VehiclePlan>> = {
  'e-van': {
    shift: { start: '06:00', end: '17:00' },
    maxTrips: 3,
    reloadMinutes: 15,
    morningTrips: 2,
    stopsPerTrip: 4,
  },
  'cargo-bike': {
    shift: { start: '07:00', end: '17:00' },
    maxTrips: 4,
    reloadMinutes: 15,
    morningTrips: 3,
    stopsPerTrip: 1,
  },
};

/** Load one class of vehicle must carry: all receivers it serves, and those whose windows all end by noon. */
export interface ClassDemand {
  kg: number;
  stops: number;
  morningKg: number;
  morningStops: number;
}

/** Demand split by who may serve it: vans (and bikes) serve unrestricted receivers, only bikes the others. */
export interface FleetDemand {
  readonly van: ClassDemand;
  readonly bike: ClassDemand;
}

export const emptyClassDemand = (): ClassDemand => ({ kg: 0, stops: 0, morningKg: 0, morningStops: 0 });

function count(type: HubVehicle, d: ClassDemand): number {
  const p = PLANS[type];
  const perTrip = PLANNING_PAYLOAD_KG[type] * FILL_RATE;
  return Math.max(
    1,
    Math.ceil(d.kg / (perTrip * p.maxTrips)),
    Math.ceil(d.morningKg / (perTrip * p.morningTrips)),
    Math.ceil(d.stops / (p.stopsPerTrip * p.maxTrips)),
    Math.ceil(d.morningStops / (p.stopsPerTrip * p.morningTrips)),
  );
}

function entry(hubId: string, type: HubVehicle, n: number): FleetEntry {
  const p = PLANS[type];
  return {
    hubId,
    vehicleType: type,
    count: n,
    shift: { ...p.shift },
    maxTrips: p.maxTrips,
    reloadMinutes: p.reloadMinutes,
  };
}

/**
 * Pooled fleet at the hub: enough e-vans and cargo bikes that the whole day fits at a 70 % fill rate, the
 * morning-only demand fits in the morning trips, and every receiver gets a stop (bikes: one outlet per trip).
 * At least one of each.
 */
export function sizeFleet(hubId: string, demand: FleetDemand): FleetEntry[] {
  return [
    entry(hubId, 'e-van', count('e-van', demand.van)),
    entry(hubId, 'cargo-bike', count('cargo-bike', demand.bike)),
  ];
}
