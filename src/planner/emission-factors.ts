import type { PlanEmissions, Scenario } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';
import {
  BARGE_CO2E_G_PER_TONNE_KM,
  ELECTRICITY_FR_CO2E_KG_PER_KWH,
  HUB_HANDLING_KWH_PER_UNIT,
  RAIL_CO2E_G_PER_TONNE_KM,
  TTW_SHARE_OF_WTW,
  electricityFactor,
  resolveVehicleTypes,
} from '../energy/index.ts';
import type { PlanWithoutEmissions } from './plan-emissions.ts';
import type { TtwShares } from './ttw-shares.ts';

type Factor = PlanEmissions['factors'][number];
const round4 = (x: number): number => Number(x.toFixed(4));

/**
 * The emission factors a plan used, disclosed as ISO 14083 asks: every vehicle type that drives in either plan
 * (road trunk included), every barge or rail leg that sails, and hub handling; each with its WTW value, its TTW
 * share, its data category and its sources. Vehicle energy is modelled (load-dependent, docs/model/energy.md)
 * on a published or scenario factor; leg intensities are published defaults unless the scenario gives them.
 */
export function emissionFactors(
  city: City,
  scenario: Scenario,
  ttwShares: TtwShares,
  plan: PlanWithoutEmissions,
): Factor[] {
  const used = new Set([
    ...plan.baseline.routes.map((r) => r.vehicleType),
    ...plan.consolidated.routes.map((r) => r.vehicleType),
    ...plan.consolidated.trunk.filter((t) => t.mode === 'road').map((t) => t.vehicleType),
  ]);
  const grid = electricityFactor(scenario.options?.electricityCo2eKgPerKWh);
  const gridSource =
    scenario.options?.electricityCo2eKgPerKWh === undefined
      ? ELECTRICITY_FR_CO2E_KG_PER_KWH.source
      : `scenario options.electricityCo2eKgPerKWh = ${grid}`;
  const ownEnergy = new Set((scenario.vehicleTypes ?? []).filter((t) => t.energy).map((t) => t.id));
  const vehicles = resolveVehicleTypes(scenario.vehicleTypes, scenario.options?.electricityCo2eKgPerKWh)
    .filter((t) => used.has(t.id))
    .map((t): Factor => {
      const ttw = ttwShares.ofType(t.id);
      return {
        appliesTo: t.id,
        wtw: t.energy.co2eKgPerKWh,
        ttwShare: round4(ttw.value),
        unit: 'kg CO2e/kWh',
        dataType: ownEnergy.has(t.id) ? 'user' : 'modelled',
        source: ownEnergy.has(t.id)
          ? `scenario vehicleTypes[id=${t.id}].energy: ${t.energy.source}`
          : t.energy.source,
        ttwSource: ttw.source,
      };
    });
  const sailed = new Set(plan.consolidated.trunk.filter((t) => t.mode !== 'road').map((t) => t.vehicleType));
  const legs = (scenario.intermodalLegs ?? [])
    .filter((l) => sailed.has(l.id))
    .map((l): Factor => {
      const cityLeg = city.intermodalLegs.find((c) => c.id === l.id);
      const fallback = l.mode === 'barge' ? BARGE_CO2E_G_PER_TONNE_KM : RAIL_CO2E_G_PER_TONNE_KM;
      return {
        appliesTo: `${l.mode} leg ${l.id}`,
        wtw: cityLeg?.co2eGPerTonneKm ?? fallback.value,
        ttwShare: round4(ttwShares.ofLeg(l.id, l.mode).value),
        unit: 'g CO2e/t-km',
        dataType: l.co2eGPerTonneKm === undefined ? 'default' : 'user',
        source:
          l.co2eGPerTonneKm === undefined
            ? fallback.source
            : `scenario intermodalLegs[id=${l.id}].co2eGPerTonneKm`,
        ttwSource: ttwShares.ofLeg(l.id, l.mode).source,
      };
    });
  const hubsUsed = plan.consolidated.hubs.some((h) => h.units > 0);
  const hub: Factor[] = hubsUsed
    ? [
        {
          appliesTo: 'hub handling',
          wtw: grid,
          ttwShare: TTW_SHARE_OF_WTW.electricity.value,
          unit: 'kg CO2e/kWh',
          dataType: 'modelled',
          source:
            `energy: hubs' handlingKWhPerUnit, default ${HUB_HANDLING_KWH_PER_UNIT.source}; ` +
            `factor: ${gridSource}`,
          ttwSource: TTW_SHARE_OF_WTW.electricity.source,
        },
      ]
    : [];
  return [...vehicles, ...legs, ...hub];
}
