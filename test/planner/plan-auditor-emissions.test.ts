import { describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan, EMISSION_VIOLATION_CODES } from '../support/audit/index.ts';
import type { Violation, ViolationCode } from '../support/audit/index.ts';
import { bargeLegScenario, mixedFleetScenario } from '../support/audit-scenarios.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';

// The auditor's ISO 14083 emission checks (test/support/audit/emissions.ts): each gets the fault it exists to
// catch, planted in a valid plan, and must report its code; the last test checks every code had one.

const BUDGET = { seed: 3, maxIterations: 200, timeLimitSeconds: 60 };
interface Day {
  readonly scenario: Scenario;
  readonly plan: Plan;
}
const day = (scenario: Scenario): Day => ({ scenario, plan: planScenario(scenario, BUDGET) });
// planned before the tests, not while collecting (see beforeAllOrFail)
let small: Day;
let barge: Day;
let ownTtw: Day;
beforeAllOrFail(() => {
  small = day(mixedFleetScenario());
  barge = day(bargeLegScenario());
  ownTtw = day(bargeLegScenario(0.25));
});

const planted = new Set<ViolationCode>();

function audit(base: Day, plant: (p: Plan) => void, plantScenario?: (s: Scenario) => void): Violation[] {
  const plan = structuredClone(base.plan);
  const scenario = structuredClone(base.scenario);
  plant(plan);
  plantScenario?.(scenario);
  return auditPlan(scenario, plan);
}

function expectCaught(violations: readonly Violation[], code: ViolationCode): void {
  expect(
    violations.map((v) => v.code),
    JSON.stringify(violations, null, 1),
  ).toContain(code);
  planted.add(code);
}

function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`fixture has no ${what}`);
  return x;
}
const carrier = (p: Plan, id: string) =>
  must(
    p.emissions.carriers.find((c) => c.carrierId === id),
    `carrier ${id}`,
  );
const element = (p: Plan, name: string) =>
  must(
    p.emissions.elements.find((e) => e.plan === 'consolidated' && e.element === name),
    `element ${name}`,
  );
const consignment = (p: Plan, id: string) =>
  must(
    p.emissions.consignments.find((c) => c.orderId === id),
    `consignment ${id}`,
  );

describe('the emission checks accept', () => {
  it.each([
    ['the small day with a mixed fleet', (): Day => small],
    ['a barge leg', (): Day => barge],
    ["a barge leg with the scenario's own TTW share", (): Day => ownTtw],
  ] as const)('the planner output for %s', (_name, get) => {
    const d = get();
    expect(auditPlan(d.scenario, d.plan)).toEqual([]);
    expect(d.plan.emissions.elements.length).toBeGreaterThanOrEqual(4);
  });

  it('a barge leg as its own chain element, at the leg length', () => {
    const sailing = must(
      barge.plan.emissions.elements.find((e) => e.element === 'trunk-barge'),
      'barge element',
    );
    const kg = barge.plan.consolidated.trunk
      .filter((t) => t.mode === 'barge')
      .reduce((s, t) => s + t.load.kg + t.returns.kg, 0);
    expect(sailing.tonneKm).toBeCloseTo((kg / 1000) * 9, 3);
  });
});

describe('the emission checks catch', () => {
  it('a total that is not the KPI CO2e or not the sum of its trips', () => {
    expectCaught(
      audit(small, (p) => void (p.emissions.totals.consolidated.wtwCo2eKg += 0.01)),
      'EMISSION_TOTAL_MISMATCH',
    );
    // every breakdown scaled together still adds up, but no longer to the trips' CO2e
    const scaled = audit(small, (p) => {
      p.emissions.totals.baseline.ttwCo2eKg = Number(
        (p.emissions.totals.baseline.ttwCo2eKg * 1.1).toFixed(3),
      );
    });
    expect(scaled.map((v) => v.code)).toContain('EMISSION_TOTAL_MISMATCH');
  });

  it("a carrier's row that its consignments do not add up to (grams moved between carriers)", () => {
    expectCaught(
      audit(small, (p) => {
        carrier(p, 'A').consolidated.wtwCo2eKg += 0.005;
        carrier(p, 'B').consolidated.wtwCo2eKg -= 0.005;
      }),
      'EMISSION_NOT_ADDITIVE',
    );
  });

  it('an element charged what another emitted, or a wrong intensity', () => {
    expectCaught(
      audit(small, (p) => {
        element(p, 'pooled-run').wtwCo2eKg += 0.05;
        element(p, 'trunk-road').wtwCo2eKg -= 0.05;
      }),
      'EMISSION_ELEMENT_MISMATCH',
    );
    expectCaught(
      audit(small, (p) => void (element(p, 'trunk-road').wtwGPerTkm! *= 1.1)),
      'EMISSION_ELEMENT_MISMATCH',
    );
    expectCaught(
      audit(small, (p) => void (element(p, 'hub').count += 1)),
      'EMISSION_ELEMENT_MISMATCH',
    );
  });

  it("consignments' shares swapped within a carrier (totals intact), or a consignment left out", () => {
    const a = small.plan.emissions.consignments.filter((c) => c.carrierId === 'A' && c.consolidated);
    const [heavy, light] = [...a].sort(
      (x, y) => (y.consolidated?.wtwCo2eKg ?? 0) - (x.consolidated?.wtwCo2eKg ?? 0),
    );
    expect((heavy?.consolidated?.wtwCo2eKg ?? 0) - (light?.consolidated?.wtwCo2eKg ?? 0)).toBeGreaterThan(
      0.01,
    );
    expectCaught(
      audit(small, (p) => {
        const [h, l] = [
          consignment(p, must(heavy, 'heavy').orderId),
          consignment(p, must(light, 'light').orderId),
        ];
        [h.consolidated, l.consolidated] = [l.consolidated, h.consolidated];
      }),
      'EMISSION_SHARE_MISMATCH',
    );
    expectCaught(
      audit(small, (p) => void (consignment(p, must(heavy, 'heavy').orderId).consolidated = null)),
      'EMISSION_SHARE_MISMATCH',
    );
    expectCaught(
      audit(small, (p) => void (consignment(p, must(heavy, 'heavy').orderId).carrierId = 'B')),
      'EMISSION_SHARE_MISMATCH',
    );
  });

  it('carrier rows missing, miscounted, a wrong saving, or an allocation row with another CO2e', () => {
    expectCaught(
      audit(small, (p) => void p.emissions.carriers.pop()),
      'EMISSION_CARRIER_ROWS',
    );
    expectCaught(
      audit(small, (p) => void (carrier(p, 'A').orders += 1)),
      'EMISSION_CARRIER_ROWS',
    );
    expectCaught(
      audit(small, (p) => void (carrier(p, 'A').wtwSavedKg += 1)),
      'EMISSION_CARRIER_ROWS',
    );
    expectCaught(
      audit(small, (p) => void (must(p.allocation[0], 'row').co2eKg += 0.1)),
      'EMISSION_CARRIER_ROWS',
    );
    expectCaught(
      audit(small, (p) => void (must(p.allocation[1], 'row').tonneKm *= 2)),
      'EMISSION_CARRIER_ROWS',
    );
  });

  it('a factor used but not disclosed, or disclosed with another value or TTW share', () => {
    expectCaught(
      audit(
        small,
        (p) => void (p.emissions.factors = p.emissions.factors.filter((f) => f.appliesTo !== 'e-van')),
      ),
      'EMISSION_FACTOR_MISMATCH',
    );
    const diesel = (p: Plan) =>
      must(
        p.emissions.factors.find((f) => f.ttwShare > 0),
        'a diesel factor',
      );
    expectCaught(
      audit(small, (p) => void (diesel(p).ttwShare = 1)),
      'EMISSION_FACTOR_MISMATCH',
    );
    expectCaught(
      audit(small, (p) => void (diesel(p).wtw *= 0.9)),
      'EMISSION_FACTOR_MISMATCH',
    );
    // a plan that ignored the scenario's own TTW share of its barge leg
    const ignored = audit(
      barge,
      () => undefined,
      (s) => void (s.intermodalLegs![0]!.ttwShare = 0.25),
    );
    expectCaught(ignored, 'EMISSION_FACTOR_MISMATCH');
    expect(ignored.map((v) => v.code)).toContain('EMISSION_ELEMENT_MISMATCH');
  });
});

describe('the emission fault catalogue', () => {
  it('has had a fault planted for every emission code', () => {
    expect(EMISSION_VIOLATION_CODES.filter((c) => !planted.has(c))).toEqual([]);
  });
});
