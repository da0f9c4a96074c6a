import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { checkPlan } from '../support/check-plan.ts';
import { smallScenario } from '../support/small-scenario.ts';

// The checker guards every other planner test: make sure it catches each kind of fault.
describe('the independent plan checker', () => {
  const scenario = smallScenario();
  const good = planScenario(scenario, { seed: 3, maxIterations: 200, timeLimitSeconds: 60 });
  const broken = (mutate: (p: Plan) => void): string[] => {
    const copy = structuredClone(good);
    mutate(copy);
    return checkPlan(scenario, copy);
  };

  it('accepts the planner output', () => {
    expect(checkPlan(scenario, good)).toEqual([]);
  });

  it('catches a service outside every window', () => {
    const v = broken((p) => {
      const stop = p.consolidated.routes[0]?.stops.at(-1);
      if (stop) stop.arrival = '23:00';
    });
    expect(v.some((m) => m.includes('outside'))).toBe(true);
  });

  it("binds a receiver's class rule during its hours only", () => {
    const route = good.consolidated.routes[0];
    const stop = route?.stops[0];
    expect(stop).toBeDefined();
    const ruled = (hours: { start: string; end: string }[]) => ({
      ...scenario,
      receivers: scenario.receivers.map((r) =>
        r.id === stop?.receiverId ? { ...r, access: { vehicleClasses: ['no-such-class'], hours } } : r,
      ),
    });
    const at = (hhmm: string, minutes: number) => {
      const t = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes;
      return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
    };
    const during = ruled([{ start: at(stop?.arrival ?? '', -1), end: at(stop?.arrival ?? '', 1) }]);
    expect(checkPlan(during, good).some((m) => m.includes(`not allowed at ${stop?.receiverId}`))).toBe(true);
    const after = ruled([{ start: stop?.departure ?? '', end: '23:59' }]);
    expect(checkPlan(after, good)).toEqual([]);
  });

  it('catches an overloaded vehicle and a wrong load', () => {
    const v = broken((p) => {
      const route = p.consolidated.routes.find((r) => r.vehicleType === 'cargo-bike');
      if (route) route.vehicleType = 'cargo-bike-tiny';
    });
    expect(v.length).toBeGreaterThan(0);
    const w = broken((p) => {
      const r = p.consolidated.routes[0];
      if (r) r.loadStart = { ...r.loadStart, kg: r.loadStart.kg + 1 };
    });
    expect(w.some((m) => m.includes('loadStart'))).toBe(true);
  });

  it('catches an order served twice or lost', () => {
    const twice = broken((p) => {
      const a = p.consolidated.routes[0]?.stops[0];
      const id = a?.orderIds[0];
      if (a && id) a.orderIds.push(id);
    });
    expect(twice.some((m) => m.includes('served 2 times'))).toBe(true);
    const lost = broken((p) => {
      const a = p.baseline.routes[0]?.stops[0];
      if (a) a.orderIds = [];
    });
    expect(lost.some((m) => m.includes('neither served nor unassigned'))).toBe(true);
  });

  it('catches a distance that does not match the stops and a KPI that does not add up', () => {
    const v = broken((p) => {
      const r = p.consolidated.routes[0];
      if (r) r.distanceKm += 5;
    });
    expect(v.some((m) => m.includes('recomputed'))).toBe(true);
    expect(v.some((m) => m.includes('vehicleKm'))).toBe(true);
  });

  it('catches a pedestrian-zone breach and an impossible arrival time', () => {
    const v = broken((p) => {
      const r = p.consolidated.routes.find((x) => x.stops.some((s) => s.receiverId === 'R3'));
      if (r) r.vehicleType = 'e-van';
    });
    expect(v.some((m) => m.includes('not allowed'))).toBe(true);
    const early = broken((p) => {
      const r = p.baseline.routes[0];
      if (r) r.departure = r.stops[0]?.arrival ?? r.departure;
    });
    expect(early.some((m) => m.includes('before it can'))).toBe(true);
  });
});
