import type { Receiver, Scenario } from '../../../src/contracts/index.ts';
import { clockToSec, hms } from './clock.ts';
import type { AuditVehicleType } from './factors.ts';
import { pointInArea } from './geo.ts';

/** One rule binding a receiver: during `hours` (all day when absent) only types meeting `classes` and `powertrains`. */
export interface AccessRule {
  readonly label: string;
  readonly classes?: readonly string[] | undefined;
  readonly powertrains?: readonly string[] | undefined;
  readonly hours?: readonly (readonly [number, number])[] | undefined;
}

/**
 * docs/model/consolidation.md, zones and access: the receiver's own `access` rule, then every rule of every
 * zone whose area holds it (boundary included, holes excluded).
 */
export function receiverRules(scenario: Scenario, receiver: Receiver): AccessRule[] {
  const rules: AccessRule[] = [];
  const hours = (ws: readonly { start: string; end: string }[] | undefined) =>
    ws?.map((w) => [clockToSec(w.start), clockToSec(w.end)] as const);
  const own = receiver.access;
  if (own && (own.vehicleClasses !== undefined || own.powertrains !== undefined))
    rules.push({
      label: 'receiver access',
      classes: own.vehicleClasses,
      powertrains: own.powertrains,
      hours: hours(own.hours),
    });
  for (const zone of scenario.zones ?? [])
    if (pointInArea(receiver.location, zone.area))
      zone.rules.forEach((r, j) =>
        rules.push({
          label: `zone ${zone.id} rule ${j + 1}`,
          classes: r.allow.classes,
          powertrains: r.allow.powertrains,
          hours: hours(r.hours),
        }),
      );
  return rules;
}

/** A type meets a rule when its class is in `classes` (if given) and its powertrain in `powertrains` (if given). */
const meets = (rule: AccessRule, type: AuditVehicleType): boolean =>
  (rule.classes === undefined || rule.classes.includes(type.class)) &&
  (rule.powertrains === undefined || rule.powertrains.includes(type.powertrain));

/**
 * Why a visit from `startS` to `endS` (service start to departure) by `type` breaks the rules, or undefined.
 * A rule the type does not meet bars it during the rule's hours; boundaries belong to both sides, so a
 * visit may end when a barred period starts, or start when it ends.
 */
export function accessBreach(
  rules: readonly AccessRule[],
  type: AuditVehicleType,
  startS: number,
  endS: number,
  toleranceS: number,
): string | undefined {
  for (const rule of rules) {
    if (meets(rule, type)) continue;
    const barred = rule.hours ?? [[0, 24 * 3600] as const];
    const hit = barred.find(([s, e]) => startS < e - toleranceS && endS > s + toleranceS);
    if (hit)
      return `${type.id} (${type.class}, ${type.powertrain}) may not be here ${hms(hit[0])}-${hms(hit[1])} (${rule.label})`;
  }
  return undefined;
}
