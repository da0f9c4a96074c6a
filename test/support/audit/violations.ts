/** Codes of the ISO 14083 emission checks (emissions.ts); their planted faults: test/planner/plan-auditor-emissions.test.ts. */
export const EMISSION_VIOLATION_CODES = [
  'EMISSION_TOTAL_MISMATCH',
  'EMISSION_NOT_ADDITIVE',
  'EMISSION_ELEMENT_MISMATCH',
  'EMISSION_SHARE_MISMATCH',
  'EMISSION_CARRIER_ROWS',
  'EMISSION_FACTOR_MISMATCH',
] as const;

/** Every code the auditor can report; each has a test in test/planner/plan-auditor.test.ts that plants its fault. */
export const VIOLATION_CODES = [
  // references and structure
  'UNKNOWN_REFERENCE',
  'META_MISMATCH',
  // orders
  'ORDER_SERVED_TWICE',
  'ORDER_DROPPED',
  'ORDER_SERVED_AND_UNASSIGNED',
  'ORDER_UNASSIGNED_TWICE',
  'UNPOOLED_NOT_REPORTED',
  'UNASSIGNED_DETAIL_WRONG',
  'ORDER_WRONG_RECEIVER',
  'ORDER_WRONG_CARRIER',
  'RECEIVER_SPLIT_ACROSS_HUBS',
  // one route
  'WRONG_START',
  'STOP_LOCATION_MISMATCH',
  'DISTANCE_MISMATCH',
  'LOAD_MISMATCH',
  'OVER_CAPACITY',
  'TIME_SECONDS_MISSING',
  'CLOCK_MISMATCH',
  'ARRIVAL_TOO_EARLY',
  'WAIT_MISMATCH',
  'WAIT_UNNEEDED',
  'OUTSIDE_WINDOW',
  'SERVICE_TIME_MISMATCH',
  'RETURN_TIME_MISMATCH',
  'DURATION_MISMATCH',
  'ROUTE_TOO_LONG',
  'ACCESS_VIOLATION',
  'RANGE_EXCEEDED',
  'ENERGY_MISMATCH',
  'CO2E_MISMATCH',
  // vehicles and fleets
  'VEHICLE_TYPE_NOT_ALLOWED',
  'VEHICLE_INCONSISTENT',
  'TRIP_NUMBERING',
  'TOO_MANY_TRIPS',
  'TRIP_OVERLAP',
  'OUTSIDE_SHIFT',
  'FLEET_EXCEEDED',
  // trunk legs and hubs
  'TRUNK_MISSING',
  'TRUNK_UNEXPECTED',
  'TRUNK_VEHICLE_TYPE',
  'TRUNK_STOP_MISMATCH',
  'TRUNK_SCHEDULE',
  'TRUNK_LATE',
  'TRUNK_OVER_CAPACITY',
  'TRUNK_DISTANCE_MISMATCH',
  'TRUNK_DURATION_MISMATCH',
  'TRUNK_ENERGY_MISMATCH',
  'TRUNK_CO2E_MISMATCH',
  'TRUNK_LOAD_MISMATCH',
  'TRUNK_TONNE_KM_MISMATCH',
  // two echelons: platform -> micro-hub feeders
  'ECHELON_MISSING',
  'ECHELON_UNEXPECTED',
  'ECHELON_RELEASE',
  'ECHELON_SUMMARY_MISMATCH',
  'HUB_CAPACITY_EXCEEDED',
  'HUB_REPORT_MISMATCH',
  'HUB_HANDLING_MISMATCH',
  // plan figures
  'KPI_MISMATCH',
  'SAVING_MISMATCH',
  'SAVINGS_BREAKDOWN_MISMATCH',
  'CLEAN_FLEET_ROWS',
  'ALLOCATION_ROWS',
  'ALLOCATION_STANDALONE_MISMATCH',
  'ALLOCATION_SAVING_MISMATCH',
  'ALLOCATION_NOT_EFFICIENT',
  'ALLOCATION_RULE_MISMATCH',
  'ALLOCATION_MARGINAL_MISMATCH',
  'ALLOCATION_CORE_MISMATCH',
  'COST_GAME_SHAPE',
  'COST_GAME_ABOVE_STANDALONE',
  ...EMISSION_VIOLATION_CODES,
] as const;

export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** What the auditor reports: a stable code (tests assert on it) and a message naming the route or stop. */
export interface Violation {
  readonly code: ViolationCode;
  /** Names the plan part, route and stop, what was printed and what was expected. */
  readonly message: string;
}

/** Collects violations; `at` prefixes the message with where it was found. */
export class Violations {
  readonly list: Violation[] = [];
  add(code: ViolationCode, at: string, message: string): void {
    this.list.push({ code, message: `${at}: ${message}` });
  }
}

/** Numbers in messages: enough digits to see a 2 % or 1-second difference. */
export const fmt = (x: number): string => (Number.isFinite(x) ? String(Number(x.toFixed(4))) : String(x));
