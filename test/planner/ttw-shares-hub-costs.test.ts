import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/index.ts';
import { hubCostEur } from '../../src/planner/hub-costs.ts';
import { TtwShares } from '../../src/planner/ttw-shares.ts';
import { smallScenario } from '../support/small-scenario.ts';

// Hand-worked: diesel's TTW share is 2.51/3.17 (docs/model/energy.md); a hub's handling costs its minutes
// per unit / 60 x its labour cost per hour (defaults 1 minute at 30 EUR/h: 0.50 EUR a unit).
const DIESEL = 2.51 / 3.17;

const scenario = (over: Partial<Scenario>): Scenario => scenarioSchema.parse({ ...smallScenario(), ...over });

describe('TtwShares', () => {
  const s = scenario({
    vehicleTypes: [{ id: 'own-ev', class: 'van', powertrain: 'electric', capacity: { kg: 500 } }],
    intermodalLegs: [
      { id: 'quay', hubId: 'H', mode: 'barge', terminal: [3.02, 50.6], lengthKm: 9, carrierIds: ['A'] },
      {
        id: 'rail',
        hubId: 'H',
        mode: 'rail',
        terminal: [3.02, 50.6],
        lengthKm: 9,
        carrierIds: ['B'],
        ttwShare: 0.25,
      },
    ],
  });
  // a share given on a built-in's energy profile (the rest of the profile is not read here)
  const withShare = {
    ...s,
    vehicleTypes: [...(s.vehicleTypes ?? []), { id: 'diesel-van', energy: { ttwShare: 0.6 } }],
  } as unknown as Scenario;
  // built in each test: Stryker activates a mutant per test, so an object built while collecting would miss it
  const shares = (): TtwShares => new TtwShares(buildCity(s), withShare);

  it("takes a type's own share from the scenario, with that field as its source", () => {
    expect(shares().ofType('diesel-van')).toEqual({
      value: 0.6,
      source: 'scenario vehicleTypes[id=diesel-van].energy.ttwShare',
    });
  });

  it('else the default of its powertrain: electric 0, diesel 2.51/3.17, an unknown type diesel', () => {
    expect(shares().ofType('own-ev').value).toBe(0);
    expect(shares().ofType('e-van').value).toBe(0);
    expect(shares().ofType('rigid-truck').value).toBeCloseTo(DIESEL, 12);
    expect(shares().ofType('no-such-type').value).toBeCloseTo(DIESEL, 12);
    expect(shares().ofType('rigid-truck').source).toMatch(/2\.51 of 3\.17/);
  });

  it("a leg's own share, else its mode's default (barge diesel, rail 20 % of diesel)", () => {
    expect(shares().ofLeg('rail', 'rail')).toEqual({
      value: 0.25,
      source: 'scenario intermodalLegs[id=rail].ttwShare',
    });
    expect(shares().ofLeg('quay', 'barge').value).toBeCloseTo(DIESEL, 12);
    expect(shares().ofLeg('unknown', 'rail').value).toBeCloseTo(0.2 * DIESEL, 12);
  });
});

describe('hubCostEur', () => {
  it('fixed cost plus handling per unit when open (default 1 min at 30 EUR/h), nothing when closed', () => {
    const city = buildCity(scenario({}));
    expect(hubCostEur(city, 0, true, 40)).toBeCloseTo(20, 12);
    expect(hubCostEur(city, 0, false, 40)).toBe(0);
    expect(hubCostEur(city, 1, true, 40)).toBe(0);
  });

  it("takes the hub's own fixed cost, minutes per unit and labour rate: 100 + 40 x 3/60 x 24 = 148", () => {
    const s = smallScenario();
    const hub = {
      ...s.hubs[0]!,
      fixedCostEurPerDay: 100,
      handlingMinutesPerUnit: 3,
      labourCostEurPerHour: 24,
    };
    const city = buildCity(scenarioSchema.parse({ ...s, hubs: [hub] }));
    expect(hubCostEur(city, 0, true, 40)).toBeCloseTo(148, 12);
  });
});
