import type { CityVehicleType, Window } from '../domain/city.ts';
import { SECONDS_PER_HOUR } from '../domain/units.ts';

/** The day the periods live in: seconds since midnight, up to "24:00". */
export const DAY: Window = [0, 24 * SECONDS_PER_HOUR];

/** One access rule with its hours in seconds: during `hours` (all day when absent) only matching types may enter. */
export interface AccessRuleSpec {
  /** For reasons: `zone lez rule 1`, `receiver access`. */
  readonly label: string;
  readonly classes?: readonly string[] | undefined;
  readonly powertrains?: readonly string[] | undefined;
  readonly hours?: readonly Window[] | undefined;
}

/** A type matches a rule when it is in every list the rule gives (class AND powertrain). */
export function ruleAllows(
  rule: AccessRuleSpec,
  type: Pick<CityVehicleType, 'class' | 'powertrain'>,
): boolean {
  return (
    (rule.classes === undefined || rule.classes.includes(type.class)) &&
    (rule.powertrains === undefined || rule.powertrains.includes(type.powertrain))
  );
}

/** The parts of DAY outside the given windows (in any order, overlapping or not). */
function complement(windows: readonly Window[]): Window[] {
  const out: Window[] = [];
  let from = DAY[0];
  for (const [s, e] of [...windows].sort((a, b) => a[0] - b[0])) {
    if (s > from) out.push([from, s]);
    from = Math.max(from, e);
  }
  if (from < DAY[1]) out.push([from, DAY[1]]);
  return out;
}

/**
 * When a vehicle type may be at a place bound by these rules: outside the hours of every rule it does not
 * match (rules intersect; outside a rule's hours the rule does not apply). `undefined` when no rule bars it
 * at any time, `[]` when it is barred all day. Boundaries belong to both sides: a ban 07:00–19:00 still
 * allows a visit that ends at 07:00 or starts at 19:00.
 */
export function allowedPeriods(
  rules: readonly AccessRuleSpec[],
  type: Pick<CityVehicleType, 'class' | 'powertrain'>,
): Window[] | undefined {
  const barred = rules.filter((r) => !ruleAllows(r, type)).flatMap((r) => r.hours ?? [DAY]);
  if (barred.length === 0) return undefined;
  return complement(barred);
}
