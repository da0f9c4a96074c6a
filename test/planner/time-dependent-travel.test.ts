import { describe, expect, it } from 'vitest';
import type { Area, Plan, Scenario, TravelInput } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { mixedFleetScenario, multiTripScenario } from '../support/audit-scenarios.ts';
import { smallScenario } from '../support/small-scenario.ts';

// Speed profiles (travel.profiles) change every reported time, in both plans and on the trunk, and the
// auditor recomputes them with its own copy of the formula.

const BUDGET = { seed: 3, maxIterations: 200, timeLimitSeconds: 60 };

/** Lille's centre around the receivers (the hub at Port de Lille lies outside it, to the west). */
const CENTRE: Area = {
  type: 'Polygon',
  coordinates: [
    [
      [3.05, 50.625],
      [3.08, 50.625],
      [3.08, 50.65],
      [3.05, 50.65],
      [3.05, 50.625],
    ],
  ],
};

const RUSH: TravelInput = {
  profiles: [
    {
      id: 'centre',
      area: CENTRE,
      vehicleClasses: ['van', 'truck'],
      periods: [
        { start: '07:30', end: '09:30', speedFactor: 0.4 },
        { start: '16:30', end: '19:00', speedFactor: 0.5 },
      ],
    },
    {
      id: 'city',
      vehicleClasses: ['van', 'truck'],
      periods: [
        { start: '06:00', end: '10:00', speedFactor: 0.6 },
        { start: '16:00', end: '19:30', speedFactor: 0.7 },
        { start: '22:00', end: '05:00', speedFactor: 1.3 },
      ],
    },
  ],
};

const withRush = (s: Scenario): Scenario => ({ ...s, travel: RUSH });
const plan = (s: Scenario): Plan => planScenario(s, BUDGET);

const stopTimes = (p: Plan): number[] =>
  [...p.baseline.routes, ...p.consolidated.routes].flatMap((r) => r.stops.map((s) => s.arrivalSec ?? NaN));

describe('a plan with speed profiles', () => {
  const scenarios: [string, Scenario][] = [
    ['small', smallScenario()],
    ['mixed fleet', mixedFleetScenario()],
    ['multi-trip', multiTripScenario()],
    [
      'mixed fleet, same-day trunking',
      { ...mixedFleetScenario(), options: { trunking: { schedule: 'same-day' } } },
    ],
  ];

  it.each(scenarios)(
    '%s: passes the independent auditor, which recomputes every time with the profiles',
    (_, s) => {
      const p = plan(withRush(s));
      expect(auditPlan(withRush(s), p)).toEqual([]);
    },
  );

  it('reports times that follow the profiles: a static plan audited against the profiles is flagged', () => {
    const s = mixedFleetScenario();
    const staticPlan = plan(s);
    expect(auditPlan(s, staticPlan)).toEqual([]);
    const codes = new Set(auditPlan(withRush(s), staticPlan).map((v) => v.code));
    expect(
      [...codes].some((c) => ['ARRIVAL_TOO_EARLY', 'RETURN_TIME_MISMATCH', 'TRUNK_SCHEDULE'].includes(c)),
    ).toBe(true);
    // and the rush-hour plan's stops are reached later than the static plan's somewhere
    expect(stopTimes(plan(withRush(s)))).not.toEqual(stopTimes(staticPlan));
  });

  it('no profiles and an empty list plan the same day, bit for bit', () => {
    const s = mixedFleetScenario();
    const a = plan(s);
    const b = plan({ ...s, travel: { profiles: [] } });
    expect(JSON.stringify(b.consolidated)).toBe(JSON.stringify(a.consolidated));
    expect(JSON.stringify(b.baseline)).toBe(JSON.stringify(a.baseline));
  });
});
