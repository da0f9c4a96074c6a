import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import type { CityIntermodalLeg } from '../../src/domain/city.ts';
import { emissionFactors } from '../../src/planner/emission-factors.ts';
import type { PlanWithoutEmissions } from '../../src/planner/plan-emissions.ts';
import type { TtwShares } from '../../src/planner/ttw-shares.ts';
import { unitCity, unitRoute, unitTrunkTrip } from './unit-city.ts';

// emissionFactors on hand-made plans. The factors expected are those of docs/model/energy.md: e-van 0.048
// kg CO2e/kWh on the French grid (§1), diesel van and rigid truck 3.17 / 10 = 0.317 (§1), barge 38.6 and rail
// 11.3 g CO2e/t-km (§4a), hub handling on the grid factor with a TTW share of 0 (§4b). The TTW shares come from
// a hand stub, with more than 4 decimals so that their rounding shows.

const ttw = {
  ofType: (id: string) => ({ value: id === 'e-van' ? 0.123456 : 0.654321, source: `stub TTW of type ${id}` }),
  ofLeg: (id: string, mode: 'barge' | 'rail') => ({
    value: mode === 'barge' ? 0.777777 : 0.111111,
    source: `stub TTW of ${mode} leg ${id}`,
  }),
} as unknown as TtwShares;

const leg = (id: string, mode: 'barge' | 'rail', co2eGPerTonneKm: number): CityIntermodalLeg => ({
  id,
  hub: 0,
  mode,
  terminal: 0,
  lengthKm: 10,
  speedKmh: 10,
  handlingS: 3600,
  capacityKg: 250_000,
  co2eGPerTonneKm,
  kWhPerTonneKm: 0.1,
  carriers: [],
});
// the city's barge leg B1 has its own 40 g/t-km; rail leg R1 is not in the city (its default applies)
const city = unitCity({ intermodalLegs: [leg('B1', 'barge', 40)] });

const route = (vehicleType: string) =>
  unitRoute({ vehicle: `${vehicleType}#1`, vehicleType, distanceKm: 1, durationMin: 1 });
const trunk = (vehicleType: string, mode: 'road' | 'barge' | 'rail' = 'road') =>
  unitTrunkTrip({ vehicle: `t/${vehicleType}`, vehicleType, mode, distanceKm: 1, durationMin: 1, stops: [] });

function plan(parts: {
  baseline?: string[];
  pooled?: string[];
  trunk?: ReturnType<typeof trunk>[];
  hubUnits?: number[];
}): PlanWithoutEmissions {
  return {
    baseline: { routes: (parts.baseline ?? []).map(route) },
    consolidated: {
      routes: (parts.pooled ?? []).map(route),
      trunk: parts.trunk ?? [],
      hubs: (parts.hubUnits ?? [0]).map((units, i) => ({ id: `H${i}`, units })),
    },
  } as unknown as PlanWithoutEmissions;
}
const noOptions = {} as unknown as Scenario;
const withGrid = (kgPerKWh: number) =>
  ({ options: { electricityCo2eKgPerKWh: kgPerKWh } }) as unknown as Scenario;

describe('emissionFactors: the factors a plan discloses (ISO 14083)', () => {
  it('lists every vehicle type that drives: baseline, pooled and road trunk, in the built-ins order', () => {
    const rows = emissionFactors(
      city,
      noOptions,
      ttw,
      plan({ baseline: ['diesel-van'], pooled: ['e-van'], trunk: [trunk('rigid-truck')] }),
    );
    expect(rows.map((r) => r.appliesTo)).toEqual(['e-van', 'diesel-van', 'rigid-truck']);
    // each part alone brings its own type
    expect(
      emissionFactors(city, noOptions, ttw, plan({ baseline: ['diesel-van'] })).map((r) => r.appliesTo),
    ).toEqual(['diesel-van']);
    expect(
      emissionFactors(city, noOptions, ttw, plan({ pooled: ['cargo-bike'] })).map((r) => r.appliesTo),
    ).toEqual(['cargo-bike']);
    expect(
      emissionFactors(city, noOptions, ttw, plan({ trunk: [trunk('biocng-truck')] })).map((r) => r.appliesTo),
    ).toEqual(['biocng-truck']);
    // nothing drives, no hub handles: nothing to disclose
    expect(emissionFactors(city, noOptions, ttw, plan({}))).toEqual([]);
  });

  it('gives a built-in type its modelled WTW factor, its source, and its TTW share to 4 decimals', () => {
    const [eVan, dieselVan] = emissionFactors(
      city,
      noOptions,
      ttw,
      plan({ baseline: ['diesel-van', 'e-van'] }),
    );
    expect(eVan).toEqual({
      appliesTo: 'e-van',
      wtw: 0.048, // French grid (energy.md §1)
      ttwShare: 0.1235, // 0.123456 rounded
      unit: 'kg CO2e/kWh',
      dataType: 'modelled',
      source: expect.stringMatching(
        /^Derived: .*Factor: arrêté of 26 April 2017.*electricity, mainland France$/,
      ),
      ttwSource: 'stub TTW of type e-van',
    });
    expect(dieselVan).toMatchObject({ appliesTo: 'diesel-van', ttwShare: 0.6543, dataType: 'modelled' });
    expect(dieselVan?.wtw).toBeCloseTo(3.17 / 10, 12);
    expect(dieselVan?.source).toMatch(/^Derived: .*Factor 3\.17\/10 = 0\.317 kg CO2e\/kWh/);
  });

  it("marks a type whose energy the scenario gives as the user's data, with the scenario's own source", () => {
    const scenario = {
      vehicleTypes: [
        {
          id: 'my-van',
          class: 'van',
          capacity: { kg: 900 },
          energy: {
            carrier: 'diesel',
            emptyKWhPerKm: 0.8,
            fullKWhPerKm: 1,
            co2eKgPerKWh: 0.3,
            source: 'fleet fuel cards 2025',
          },
        },
        // a built-in id given without energy keeps the built-in profile: still modelled
        { id: 'e-van', class: 'van', capacity: { kg: 1000 } },
      ],
    } as unknown as Scenario;
    const rows = emissionFactors(city, scenario, ttw, plan({ pooled: ['my-van', 'e-van'] }));
    expect(rows.map((r) => [r.appliesTo, r.wtw, r.dataType, r.source])).toEqual([
      ['e-van', 0.048, 'modelled', expect.stringMatching(/^Derived: /)],
      ['my-van', 0.3, 'user', 'scenario vehicleTypes[id=my-van].energy: fleet fuel cards 2025'],
    ]);
  });

  it("applies the scenario's grid factor to electric built-ins and to hub handling, and says so", () => {
    const rows = emissionFactors(city, withGrid(0.42), ttw, plan({ pooled: ['e-van'], hubUnits: [0, 3] }));
    expect(rows.map((r) => [r.appliesTo, r.wtw])).toEqual([
      ['e-van', 0.42],
      ['hub handling', 0.42],
    ]);
    expect(rows[1]?.source).toMatch(/; factor: scenario options\.electricityCo2eKgPerKWh = 0\.42$/);
  });

  it('discloses hub handling once when some hub handled units: grid factor, TTW 0, the default kWh per unit', () => {
    const rows = emissionFactors(city, noOptions, ttw, plan({ hubUnits: [0, 2, 5] }));
    expect(rows).toEqual([
      {
        appliesTo: 'hub handling',
        wtw: 0.048,
        ttwShare: 0, // grid electricity: nothing burns at the hub (energy.md §4b)
        unit: 'kg CO2e/kWh',
        dataType: 'modelled',
        source: expect.stringMatching(
          /^energy: hubs' handlingKWhPerUnit, default ASSUMPTION .*0\.05 kWh per unit.*; factor: arrêté of 26 April 2017.*mainland France$/,
        ),
        ttwSource: expect.stringMatching(/^Physical: nothing burns on board/),
      },
    ]);
    // hubs that handled nothing: no row
    expect(emissionFactors(city, noOptions, ttw, plan({ hubUnits: [0, 0] }))).toEqual([]);
  });

  it('lists each barge or rail leg that sails: its intensity, own or default, and whose figure it is', () => {
    const scenario = {
      intermodalLegs: [
        { id: 'B1', mode: 'barge', co2eGPerTonneKm: 40 },
        { id: 'R1', mode: 'rail' },
        { id: 'B2', mode: 'barge' }, // does not sail in the plan
      ],
    } as unknown as Scenario;
    const rows = emissionFactors(
      city,
      scenario,
      ttw,
      plan({ trunk: [trunk('R1', 'rail'), trunk('B1', 'barge'), trunk('rigid-truck')] }),
    );
    expect(rows.map((r) => r.appliesTo)).toEqual(['rigid-truck', 'barge leg B1', 'rail leg R1']);
    expect(rows[1]).toEqual({
      appliesTo: 'barge leg B1',
      wtw: 40, // the city's own figure
      ttwShare: 0.7778, // 0.777777 rounded
      unit: 'g CO2e/t-km',
      dataType: 'user',
      source: 'scenario intermodalLegs[id=B1].co2eGPerTonneKm',
      ttwSource: 'stub TTW of barge leg B1',
    });
    expect(rows[2]).toEqual({
      appliesTo: 'rail leg R1',
      wtw: 11.3, // ETRR default for rail (energy.md §4a)
      ttwShare: 0.1111,
      unit: 'g CO2e/t-km',
      dataType: 'default',
      source: expect.stringMatching(
        /^European Transport Research Review 11 \(2019\).*rail freight .*11\.3 g/,
      ),
      ttwSource: 'stub TTW of rail leg R1',
    });
  });

  it('takes the barge default (38.6 g/t-km) for a barge leg neither the city nor the scenario prices', () => {
    const scenario = { intermodalLegs: [{ id: 'B2', mode: 'barge' }] } as unknown as Scenario;
    const [row] = emissionFactors(city, scenario, ttw, plan({ trunk: [trunk('B2', 'barge')] }));
    expect(row).toMatchObject({ appliesTo: 'barge leg B2', wtw: 38.6, dataType: 'default' });
    expect(row?.source).toMatch(/inland waterways 38\.6 g/);
  });

  it('keeps vehicle types and legs apart when a leg has the id of a vehicle type', () => {
    // barge leg "cargo-bike" sails, the bike does not drive; leg "rigid-truck" does not sail, the truck drives
    const scenario = {
      intermodalLegs: [
        { id: 'cargo-bike', mode: 'barge' },
        { id: 'rigid-truck', mode: 'rail' },
      ],
    } as unknown as Scenario;
    const rows = emissionFactors(
      city,
      scenario,
      ttw,
      plan({ trunk: [trunk('cargo-bike', 'barge'), trunk('rigid-truck')] }),
    );
    expect(rows.map((r) => r.appliesTo)).toEqual(['rigid-truck', 'barge leg cargo-bike']);
  });
});
