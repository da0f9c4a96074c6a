import type { Receiver, TimeWindow, Zone } from '../contracts/index.ts';
import type { CityVehicleType, Window } from '../domain/city.ts';
import { clockToSeconds } from '../domain/units.ts';
import { pointInArea } from '../geo/index.ts';
import { allowedPeriods, type AccessRuleSpec } from './access-periods.ts';

const toWindow = (w: TimeWindow): Window => [clockToSeconds(w.start), clockToSeconds(w.end)];

/** The rules binding a receiver: its own `access`, then those of every zone it lies in (boundary included). */
export function receiverRules(receiver: Receiver, zones: readonly Zone[]): AccessRuleSpec[] {
  const rules: AccessRuleSpec[] = [];
  const own = receiver.access;
  if (own && (own.vehicleClasses !== undefined || own.powertrains !== undefined))
    rules.push({
      label: 'receiver access',
      classes: own.vehicleClasses,
      powertrains: own.powertrains,
      hours: own.hours?.map(toWindow),
    });
  for (const zone of zones) {
    if (!pointInArea(receiver.location, zone.area)) continue;
    zone.rules.forEach((rule, j) =>
      rules.push({
        label: `zone ${zone.id} rule ${j + 1}`,
        classes: rule.allow.classes,
        powertrains: rule.allow.powertrains,
        hours: rule.hours?.map(toWindow),
      }),
    );
  }
  return rules;
}

/**
 * A receiver's access, resolved once per vehicle type for the City (see CityReceiver.accessByType): undefined
 * when no rule restricts any type there.
 */
export function receiverAccess(
  receiver: Receiver,
  zones: readonly Zone[],
  types: readonly Pick<CityVehicleType, 'class' | 'powertrain'>[],
): { accessByType?: (Window[] | undefined)[]; accessRules?: string[] } {
  const rules = receiverRules(receiver, zones);
  if (rules.length === 0) return {};
  const accessByType = types.map((t) => allowedPeriods(rules, t));
  if (accessByType.every((p) => p === undefined)) return {};
  return { accessByType, accessRules: rules.map((r) => r.label) };
}
