import type { PlanRoute, PlanStop, TrunkTrip } from '../../src/contracts/index.ts';
import type { City, CityHub, CityLegFeeder, CityVehicleType, SizeVector } from '../../src/domain/city.ts';
import type { ScheduledVisit } from '../../src/domain/routing-solution.ts';

/**
 * A City for unit tests of the planner's figures (KPIs, costs, allocation): only the parts a test names
 * are real; travel throws, so a function that should not route cannot quietly do so.
 */
export function unitCity(parts: Partial<City>): City {
  const noTravel = (): never => {
    throw new Error('unit city: no travel model');
  };
  return {
    name: 'unit',
    date: '2026-11-24',
    seed: 1,
    effort: 'quick',
    timeLimitS: 60,
    maxStopsPerZone: 1000,
    locations: [],
    travel: { size: 0, distance: noTravel, duration: noTravel },
    hubs: [],
    carriers: [],
    receivers: [],
    orders: [],
    vehicleTypes: [],
    cleanTypeOf: [],
    fleet: [],
    trunkFleet: [],
    trunking: { schedule: 'night-before', pooled: true, handlingS: 1800 },
    intermodalLegs: [],
    ...parts,
  };
}

/** A vehicle type with the given rates and capacity; energy figures are irrelevant to the tests using it. */
export function unitType(
  id: string,
  rates: { fixedCostEur: number; costPerKmEur: number; costPerHourEur: number },
  capacity: SizeVector = [1000, 10, 100],
): CityVehicleType {
  return {
    id,
    class: 'van',
    powertrain: 'electric',
    capacity,
    speedKmh: 30,
    ...rates,
    energy: { emptyKWhPerKm: 0.2, fullKWhPerKm: 0.3, co2eKgPerKWh: 0.05, batteryKWh: 60 },
  };
}

type Load = PlanStop['loadAfter'];
const load = (kg: number, m3 = 0, units = 0): Load => ({ kg, m3, units });

/** A wire route with the figures a test sets; stops as `[receiverId, orderIds, loadAfter]`. */
export function unitRoute(r: {
  vehicle: string;
  vehicleType: string;
  distanceKm: number;
  durationMin: number;
  energyKWh?: number;
  co2eKg?: number;
  loadStart?: Load;
  stops?: readonly (readonly [string, readonly string[], Load?])[];
}): PlanRoute {
  return {
    id: `${r.vehicle}/trip`,
    vehicleType: r.vehicleType,
    start: 'H',
    vehicle: r.vehicle,
    trip: 1,
    departure: '08:00',
    returnAt: '10:00',
    distanceKm: r.distanceKm,
    durationMin: r.durationMin,
    energyKWh: r.energyKWh ?? 0,
    co2eKg: r.co2eKg ?? 0,
    loadStart: r.loadStart ?? load(0),
    stops: (r.stops ?? []).map(([receiverId, orderIds, loadAfter]) => ({
      receiverId,
      orderIds: [...orderIds],
      location: [3.06, 50.63] as [number, number],
      arrival: '08:30',
      departure: '08:35',
      loadAfter: loadAfter ?? load(0),
    })),
  };
}

export { load };

/** A road trunk trip for unit tests: one depot stop per `[carrierId, kg loaded, kg unloaded]`. */
export function unitTrunkTrip(parts: {
  vehicle: string;
  vehicleType?: string;
  distanceKm: number;
  durationMin: number;
  energyKWh?: number;
  co2eKg?: number;
  stops: readonly (readonly [string, number, number])[];
  mode?: TrunkTrip['mode'];
  tonneKm?: number;
}): TrunkTrip {
  const kg = parts.stops.reduce((s, [, l]) => s + l, 0);
  return {
    id: `${parts.vehicle}/trip`,
    hubId: 'H',
    mode: parts.mode ?? 'road',
    vehicleType: parts.vehicleType ?? 'van',
    vehicle: parts.vehicle,
    trip: 1,
    day: -1,
    to: 'H',
    carrierIds: [...new Set(parts.stops.map(([c]) => c))],
    stops: parts.stops.map(([id, loaded, unloaded]) => ({
      id,
      kind: parts.mode && parts.mode !== 'road' ? 'terminal' : 'depot',
      location: [0, 0],
      arrival: '10:00',
      departure: '10:15',
      arrivalSec: 0,
      departureSec: 900,
      loaded: load(loaded),
      unloaded: load(unloaded),
      orderIds: [],
    })),
    departure: '09:00',
    arrival: '11:00',
    departureSec: 0,
    arrivalSec: 0,
    distanceKm: parts.distanceKm,
    durationMin: parts.durationMin,
    energyKWh: parts.energyKWh ?? 0,
    co2eKg: parts.co2eKg ?? 0,
    load: load(kg),
    returns: load(parts.stops.reduce((s, [, , u]) => s + u, 0)),
    tonneKm: parts.tonneKm ?? 0,
  };
}

/**
 * Locations on a line at `xKm` kilometres from the first, for hand-worked distances: the City's `locations` (for
 * whatever only needs points) and a travel model measuring |x_a − x_b| in metres, with driving taking no time.
 */
export function lineLocations(xKm: readonly number[]): Pick<City, 'locations' | 'travel'> {
  return {
    locations: xKm.map((_, i): [number, number] => [3.0 + 0.1 * i, 50.0]),
    travel: {
      size: xKm.length,
      distance: (a, b) => Math.abs((xKm[a] as number) - (xKm[b] as number)) * 1000,
      duration: () => 0,
    },
  };
}

/** A micro-hub's rail feeder from hub 0: 8 km at 40 km/h, 30 min handling each end, 100 t, 12 g CO2e and 0.04 kWh per t-km. */
export const unitRailFeeder: CityLegFeeder = {
  platform: 0,
  mode: 'rail',
  lengthKm: 8,
  speedKmh: 40,
  handlingS: 1800,
  capacityKg: 100_000,
  co2eGPerTonneKm: 12,
  kWhPerTonneKm: 0.04,
};

/** A hub open all day at `location`, free and using no handling energy unless `parts` says otherwise. */
export function unitHub(id: string, location: number, parts: Partial<CityHub> = {}): CityHub {
  return {
    id,
    location,
    openS: 0,
    closeS: 86_400,
    handlingKWhPerUnit: 0,
    fixedCostEurPerDay: 0,
    handlingCostEurPerUnit: 0,
    ...parts,
  };
}

/** A solved visit of `job` starting at `startS` (no wait), 10 minutes long, leaving `kgAfter` kg on board. */
export function unitVisit(job: number, startS: number, kgAfter: number): ScheduledVisit {
  return { job, arrivalS: startS, startS, departureS: startS + 600, loadAfter: [kgAfter, 0, 0] };
}
