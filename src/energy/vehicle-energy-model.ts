/**
 * The one builder of the solver's energy model (the VehicleEnergyModel interface of src/domain): every
 * routing problem that checks range gets its model from here, so the guards below hold for all of them.
 */
import type { CityEnergy, CityVehicleType } from '../domain/city.ts';
import { InputError } from '../domain/errors.ts';
import type { VehicleEnergyModel } from '../domain/routing-problem.ts';
import { METRES_PER_KM, type KWh, type Metres } from '../domain/units.ts';
import { arcEnergyKWh } from './energy-model.ts';

/** What the model is built from: a vehicle type's id (for messages), capacity (dimension 0 = kg) and energy. */
export interface EnergyModelSource {
  readonly id: string;
  readonly capacity: CityVehicleType['capacity'];
  readonly energy: Pick<CityEnergy, 'emptyKWhPerKm' | 'fullKWhPerKm' | 'batteryKWh'>;
}

/**
 * The solver's view of a vehicle type's energy: metres and kg on board in, kWh out, linear in payload
 * between the empty and the full rate (arcEnergyKWh); range = usable battery (or tank) energy per trip.
 *
 * Guards what the solver relies on: rates finite and non-negative with full >= empty (arcKWh
 * non-decreasing in distance and payload), payload capacity finite and positive (the load factor
 * divides by it), battery, when given, finite and positive.
 * @throws InputError (INVALID_VALUE) naming the field (`vehicleTypes[id=e-van].energy.batteryKWh`) and the value
 */
export function buildVehicleEnergyModel(type: EnergyModelSource): VehicleEnergyModel {
  const { emptyKWhPerKm, fullKWhPerKm, batteryKWh } = type.energy;
  const capacityKg = type.capacity[0];
  const field = (name: string): string => `vehicleTypes[id=${type.id}].${name}`;
  const fail = (name: string, value: unknown, rule: string): never => {
    throw new InputError('INVALID_VALUE', `${field(name)} must be ${rule}, got ${String(value)}`, {
      field: field(name),
    });
  };
  if (!(Number.isFinite(emptyKWhPerKm) && emptyKWhPerKm >= 0))
    fail('energy.emptyKWhPerKm', emptyKWhPerKm, 'a finite number >= 0 (kWh/km)');
  if (!Number.isFinite(fullKWhPerKm)) fail('energy.fullKWhPerKm', fullKWhPerKm, 'a finite number (kWh/km)');
  if (fullKWhPerKm < emptyKWhPerKm)
    fail(
      'energy.fullKWhPerKm',
      fullKWhPerKm,
      `>= energy.emptyKWhPerKm (${emptyKWhPerKm}): energy may not fall as payload rises`,
    );
  if (!(capacityKg !== undefined && Number.isFinite(capacityKg) && capacityKg > 0))
    fail('capacity.kg', capacityKg, 'a finite number > 0 (kg)');
  if (batteryKWh !== undefined && !(Number.isFinite(batteryKWh) && batteryKWh > 0))
    fail('energy.batteryKWh', batteryKWh, 'a finite number > 0 (kWh) or left out for no range limit');

  const profile = { emptyKWhPerKm, fullKWhPerKm };
  const kg = capacityKg!;
  return {
    arcKWh: (distance: Metres, payloadKg: number): KWh =>
      arcEnergyKWh(profile, distance / METRES_PER_KM, payloadKg, kg),
    rangeKWh: batteryKWh,
  };
}
