import type { PlanRoute, PlanStop } from '../../src/contracts/index.ts';
import type { City, CityVehicleType, SizeVector } from '../../src/domain/city.ts';

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
