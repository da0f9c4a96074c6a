import type { Scenario } from '../../../src/contracts/index.ts';
import {
  BUILT_IN_TYPES,
  CLASS_DEFAULT_TYPE,
  FALLBACK_TYPE,
  POWERTRAIN_OF,
  type AuditEnergy,
  type AuditVehicleType,
  type PartialVehicleType,
} from './factors.ts';

/**
 * The scenario's vehicle types resolved as docs/model/energy.md §8 states: the built-ins, each replaced
 * by the scenario type of the same id, then the scenario's own types; missing fields come from the
 * built-in of the same id, else same class and energy carrier, else the class default, else the diesel
 * van without its m3 and units (a stated powertrain stands for its energy carrier when the type gives no
 * profile). The powertrain is the one the resolved energy carrier drives. An energy profile written in the scenario is used whole (only a missing
 * battery is inherited, from a base of the same carrier); the electricity override replaces the factor
 * of electric profiles taken from a built-in.
 */
export function resolveVehicleTypes(scenario: Scenario): Map<string, AuditVehicleType> {
  const electricity = scenario.options?.electricityCo2eKgPerKWh;
  const own = new Map((scenario.vehicleTypes ?? []).map((t) => [t.id, t as PartialVehicleType]));
  const out = new Map<string, AuditVehicleType>();
  for (const b of BUILT_IN_TYPES)
    out.set(b.id, resolveOne(own.get(b.id) ?? { ...b, energy: undefined }, electricity));
  for (const t of own.values()) if (!isBuiltIn(t.id)) out.set(t.id, resolveOne(t, electricity));
  return out;
}

const isBuiltIn = (id: string): boolean => BUILT_IN_TYPES.some((b) => b.id === id);
const builtIn = (id: string): PartialVehicleType =>
  BUILT_IN_TYPES.find((b) => b.id === id) as PartialVehicleType;

function baseFor(t: PartialVehicleType): { base: PartialVehicleType; sameClass: boolean } {
  if (isBuiltIn(t.id)) return { base: builtIn(t.id), sameClass: true };
  const sameClass = BUILT_IN_TYPES.filter((b) => b.class === t.class);
  // the carrier the type's energy gives, or the one its stated powertrain implies
  const carrier = t.energy?.carrier ?? Object.entries(POWERTRAIN_OF).find(([, p]) => p === t.powertrain)?.[0];
  const sameCarrier = carrier && sameClass.find((b) => b.energy?.carrier === carrier);
  const classDefault = CLASS_DEFAULT_TYPE[t.class];
  const base = sameCarrier ?? (classDefault ? builtIn(classDefault) : sameClass[0]);
  return base ? { base, sameClass: true } : { base: builtIn(FALLBACK_TYPE), sameClass: false };
}

function resolveOne(t: PartialVehicleType, electricity: number | undefined): AuditVehicleType {
  const { base, sameClass } = baseFor(t);
  const baseEnergy = base.energy as AuditEnergy;
  let energy: AuditEnergy;
  if (t.energy) {
    const battery =
      t.energy.batteryKWh ?? (t.energy.carrier === baseEnergy.carrier ? baseEnergy.batteryKWh : undefined);
    energy = { ...t.energy, batteryKWh: battery };
  } else {
    energy = { ...baseEnergy };
    if (electricity !== undefined && energy.carrier === 'electricity')
      energy = { ...energy, co2eKgPerKWh: electricity };
  }
  const capacity = sameClass
    ? {
        kg: t.capacity.kg,
        m3: t.capacity.m3 ?? base.capacity.m3 ?? Infinity,
        units: t.capacity.units ?? base.capacity.units ?? Infinity,
      }
    : { kg: t.capacity.kg, m3: t.capacity.m3 ?? Infinity, units: t.capacity.units ?? Infinity };
  return {
    id: t.id,
    class: t.class,
    powertrain: POWERTRAIN_OF[energy.carrier],
    capacity,
    speedKmh: t.speedKmh ?? base.speedKmh ?? 0,
    fixedCostEur: t.fixedCostEur ?? base.fixedCostEur ?? 0,
    costPerKmEur: t.costPerKmEur ?? base.costPerKmEur ?? 0,
    costPerHourEur: t.costPerHourEur ?? base.costPerHourEur ?? 0,
    energy,
    maxRouteMinutes: t.maxRouteMinutes ?? base.maxRouteMinutes,
  };
}
