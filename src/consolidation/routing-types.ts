import type { City, CityVehicleType } from '../domain/city.ts';
import type { RoutingVehicleType } from '../domain/routing-problem.ts';
import { METRES_PER_KM, SECONDS_PER_HOUR } from '../domain/units.ts';
import { buildVehicleEnergyModel } from '../energy/index.ts';

/**
 * The solver's view of a vehicle type: costs per metre and second, range as an energy model (built and
 * guarded by src/energy's buildVehicleEnergyModel).
 */
export function toRoutingVehicleType(type: CityVehicleType, profile: number): RoutingVehicleType {
  return {
    capacity: type.capacity,
    fixedCost: type.fixedCostEur,
    costPerMetre: type.costPerKmEur / METRES_PER_KM,
    costPerSecond: type.costPerHourEur / SECONDS_PER_HOUR,
    profile,
    maxTripDurationS: type.maxRouteS,
    energy: buildVehicleEnergyModel(type),
  };
}

/** All the city's types in City order, so a type's index is also its travel profile. */
export function routingVehicleTypes(city: City): RoutingVehicleType[] {
  return city.vehicleTypes.map((t, i) => toRoutingVehicleType(t, i));
}
