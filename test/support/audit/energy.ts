import type { AuditEnergy } from './factors.ts';

/**
 * docs/model/energy.md §1: E = d x (e_empty + (e_full - e_empty) x clamp(p / C, 0, 1)), kWh of the
 * vehicle's energy carrier; an overload is costed as a full load, a non-positive capacity as empty.
 */
export function arcEnergyKWh(
  energy: AuditEnergy,
  distanceKm: number,
  payloadKg: number,
  capacityKg: number,
): number {
  const load = capacityKg > 0 ? Math.min(1, Math.max(0, payloadKg / capacityKg)) : 0;
  return distanceKm * (energy.emptyKWhPerKm + (energy.fullKWhPerKm - energy.emptyKWhPerKm) * load);
}

/** Well-to-wheel kg CO2e of some kWh of the profile's carrier. */
export const co2eKg = (energy: AuditEnergy, kWh: number): number => kWh * energy.co2eKgPerKWh;
