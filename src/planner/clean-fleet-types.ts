import type { CityVehicleType } from '../domain/city.ts';
import { InputError } from '../domain/errors.ts';

/** Assumption (overridable by `options.cleanFleetVehicleTypes`): the pooled fleet's van technology. */
export const DEFAULT_CLEAN_VAN_TYPE = 'e-van';

/**
 * For each vehicle type, the type that replaces it in the clean-fleet counterfactual: the scenario's
 * mapping first; by default every fuel-burning van (no battery) becomes an e-van, any other type stays.
 * A day without a pooled fleet has no pooled technology to adopt: by default every type then stays.
 */
export function cleanTypeIndices(
  types: readonly CityVehicleType[],
  mapping: Readonly<Record<string, string>> = {},
  hasPooledFleet = true,
): number[] {
  const index = new Map(types.map((t, i) => [t.id, i]));
  for (const [from, to] of Object.entries(mapping))
    for (const id of [from, to])
      if (!index.has(id))
        throw new InputError('UNKNOWN_REFERENCE', `unknown vehicle type "${id}"`, {
          field: `options.cleanFleetVehicleTypes.${from}`,
        });
  const cleanVan = index.get(DEFAULT_CLEAN_VAN_TYPE);
  return types.map((t, i) => {
    const mapped = mapping[t.id];
    if (mapped !== undefined) return index.get(mapped) as number;
    const burnsFuel = t.energy.batteryKWh === undefined;
    return hasPooledFleet && t.class === 'van' && burnsFuel && cleanVan !== undefined ? cleanVan : i;
  });
}
