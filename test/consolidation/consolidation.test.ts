import { describe, expect, it } from 'vitest';
import { bundleOrders } from '../../src/consolidation/bundle.ts';
import { assignReceiversToHubs } from '../../src/consolidation/hub-assignment.ts';
import { trunkLeg } from '../../src/consolidation/trunk.ts';
import { scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const cityOf = (s: Scenario) => buildCity(scenarioSchema.parse(s));
const ids = (city: ReturnType<typeof cityOf>, orders: readonly number[]) =>
  orders.map((o) => city.orders[o]?.id);

describe('bundling orders per receiver', () => {
  it("puts all carriers' orders to a receiver in one consignment, deliveries and returns apart", () => {
    const city = cityOf(smallScenario());
    const bundles = bundleOrders(city, [...city.orders.keys()], [1000, 10, 100]);
    expect(bundles.map((b) => [city.receivers[b.receiver]?.id, ids(city, b.orders)])).toEqual([
      ['R1', ['A1', 'B1']],
      ['R2', ['A2', 'B2']],
      ['R3', ['A3', 'B3']],
    ]);
    const r3 = bundles[2];
    expect(r3?.delivery).toEqual([10, 0.05, 1]);
    expect(r3?.pickup).toEqual([5, 0.1, 1]);
    // one extra minute of handover for the second consignment (default 5 min service)
    expect(r3?.serviceS).toBe(6 * 60);
  });

  it("splits a receiver's orders whose own windows do not meet, and narrows the windows", () => {
    const s = smallScenario();
    (s.orders[1] as Scenario['orders'][number]).window = { start: '14:45', end: '16:00' }; // A2 to R2, afternoon
    (s.orders[4] as Scenario['orders'][number]).window = { start: '08:30', end: '09:00' }; // B2 to R2, morning
    const city = cityOf(s);
    const r2 = bundleOrders(city, [...city.orders.keys()], [1000, 10, 100]).filter(
      (b) => city.receivers[b.receiver]?.id === 'R2',
    );
    expect(r2.map((b) => [ids(city, b.orders), b.windows])).toEqual([
      [['A2'], [[14.75 * 3600, 16 * 3600]]],
      [['B2'], [[8.5 * 3600, 9 * 3600]]],
    ]);
  });

  it('splits a bundle that no vehicle could carry, order by order', () => {
    const city = cityOf(smallScenario());
    const r1 = bundleOrders(city, [...city.orders.keys()], [60, 10, 100]).filter(
      (b) => city.receivers[b.receiver]?.id === 'R1',
    );
    expect(r1.map((b) => ids(city, b.orders))).toEqual([['A1'], ['B1']]);
  });
});

describe('trunk legs', () => {
  it('counts trips by the binding dimension and drives both ways every trip', () => {
    const city = cityOf(smallScenario());
    // diesel van: 1,080 kg; 2,500 kg needs 3 trips
    const leg = trunkLeg(city, 0, 0, [2500, 5, 50], [0, 0, 0]);
    expect(leg.trips).toBe(3);
    const oneWay = city.travel.distance(
      city.carriers[0]?.location as number,
      city.hubs[0]?.location as number,
    );
    expect(leg.distance).toBeCloseTo(3 * 2 * oneWay, 6);
    expect(trunkLeg(city, 0, 0, [0, 0, 0], [0, 0, 0]).trips).toBe(0);
  });

  it("uses the carrier's trunk vehicle type when the scenario names one", () => {
    const s = smallScenario();
    (s.carriers[0] as { trunkVehicleType?: string }).trunkVehicleType = 'rigid-truck';
    const city = cityOf(s);
    // rigid truck: 3,000 kg, so 2,500 kg is one trip instead of three vans
    const leg = trunkLeg(city, 0, 0, [2500, 5, 50], [0, 0, 0]);
    expect(city.vehicleTypes[leg.type]?.id).toBe('rigid-truck');
    expect(leg.trips).toBe(1);
  });
});

describe('hub assignment', () => {
  function twoHubs(capacityWest?: number): Scenario {
    const s = smallScenario();
    s.hubs.push({ id: 'EAST', location: [3.08, 50.637], open: '05:00', close: '20:00' });
    if (capacityWest !== undefined) (s.hubs[0] as { capacityUnits?: number }).capacityUnits = capacityWest;
    s.fleet.push({ hubId: 'EAST', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } });
    return s;
  }

  it('sends every receiver through a hub that has a fleet', () => {
    const s = smallScenario();
    s.hubs.push({ id: 'EMPTY', location: [3.0635, 50.6367], open: '05:00', close: '20:00' });
    expect(assignReceiversToHubs(cityOf(s))).toEqual([0, 0, 0]);
  });

  it("respects a hub's daily handling capacity (LP)", () => {
    const capped = assignReceiversToHubs(cityOf(twoHubs(4)));
    // R1 takes 5 handling units: with 4 units of capacity at the west hub it must go east
    const units = [5, 3, 2];
    const westLoad = capped.reduce((s, h, r) => s + (h === 0 ? (units[r] as number) : 0), 0);
    expect(westLoad).toBeLessThanOrEqual(4);
    expect(capped[0]).toBe(1);
    expect(assignReceiversToHubs(cityOf(twoHubs(1000)))).toEqual(assignReceiversToHubs(cityOf(twoHubs())));
  });
});
