import type { Feeder, Scenario, TimeWindow } from '../contracts/index.ts';
import {
  DEFAULT_EFFORT,
  DEFAULT_FEEDER_VEHICLE_TYPE,
  DEFAULT_TRUNK_HANDLING_MIN,
  TRUNK_DOCK_S,
  TRUNK_MAX_TRIPS,
} from '../consolidation/index.ts';
import type {
  City,
  CityFeeder,
  CityIntermodalLeg,
  CityVehicleType,
  Effort,
  SizeVector,
  Window,
} from '../domain/city.ts';
import type { LonLat } from '../domain/location.ts';
import { clockToSeconds, SECONDS_PER_MINUTE } from '../domain/units.ts';
import {
  BARGE_CAPACITY_KG,
  BARGE_CO2E_G_PER_TONNE_KM,
  BARGE_SPEED_KMH,
  INTERMODAL_HANDLING_MIN,
  INTERMODAL_KWH_PER_G_CO2E,
  RAIL_CAPACITY_KG,
  RAIL_CO2E_G_PER_TONNE_KM,
  RAIL_SPEED_KMH,
  DEFAULT_HUB_HANDLING_KWH_PER_UNIT,
  resolveVehicleTypes,
  type ResolvedVehicleType,
} from '../energy/index.ts';
import { circuityTravel, DEFAULT_CIRCUITY, matrixTravel } from '../geo/index.ts';
import { cleanTypeIndices } from './clean-fleet-types.ts';
import { HUB_HANDLING_MINUTES_PER_UNIT, HUB_LABOUR_COST_EUR_PER_HOUR } from './hub-costs.ts';
import { receiverAccess } from './receiver-access.ts';
import { withSpeedProfiles } from './speed-profiles.ts';

export const DEFAULT_SEED = 1;
/**
 * Wall-clock safety cap of a whole plan. The search stops on its iteration budget (effort) long before on
 * any working machine (the Lille day at normal effort takes ~20 s here); the cap only guards against a
 * machine far slower or far busier than that, and the plan then says so (`meta.timeCapped`).
 */
export const DEFAULT_TIME_LIMIT_SECONDS = 120;
/** Assumption: a receiver visit takes 5 minutes when the scenario does not say (UK high-street mean is ~10 min per van stop, most of it parking; we keep the handover part). */
export const DEFAULT_SERVICE_MINUTES = 5;
export const DEFAULT_MAX_TRIPS = 3;
/** 1,000 stops keeps each solve well inside the solver's comfortable range. */
export const DEFAULT_MAX_STOPS_PER_ZONE = 1000;
export const DEFAULT_RELOAD_MINUTES = 15;

const toWindow = (w: TimeWindow): Window => [clockToSeconds(w.start), clockToSeconds(w.end)];
const toSize = (s: { kg: number; m3?: number | undefined; units?: number | undefined }): SizeVector => [
  s.kg,
  s.m3 ?? 0,
  s.units ?? 0,
];

function toCityType(t: ResolvedVehicleType): CityVehicleType {
  return {
    id: t.id,
    class: t.class,
    powertrain: t.powertrain,
    // A dimension the type does not limit gets an infinite capacity, not zero.
    capacity: [t.capacity.kg, t.capacity.m3 ?? Infinity, t.capacity.units ?? Infinity],
    speedKmh: t.speedKmh,
    fixedCostEur: t.fixedCostEur ?? 0,
    costPerKmEur: t.costPerKmEur ?? 0,
    costPerHourEur: t.costPerHourEur ?? 0,
    maxRouteS: t.maxRouteMinutes === undefined ? undefined : t.maxRouteMinutes * SECONDS_PER_MINUTE,
    energy: {
      emptyKWhPerKm: t.energy.emptyKWhPerKm,
      fullKWhPerKm: t.energy.fullKWhPerKm,
      co2eKgPerKWh: t.energy.co2eKgPerKWh,
      batteryKWh: t.energy.batteryKWh,
    },
  };
}

/**
 * Normalises a validated scenario into the index-based City model. Ids were checked by the schema,
 * so lookups here cannot miss.
 */
export function buildCity(
  scenario: Scenario,
  overrides: { seed?: number; timeLimitSeconds?: number; effort?: Effort } = {},
): City {
  const options = scenario.options ?? {};
  const types = resolveVehicleTypes(scenario.vehicleTypes, options.electricityCo2eKgPerKWh).map(toCityType);
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const hubIndex = new Map(scenario.hubs.map((h, i) => [h.id, i]));
  const carrierIndex = new Map(scenario.carriers.map((c, i) => [c.id, i]));
  const receiverIndex = new Map(scenario.receivers.map((r, i) => [r.id, i]));
  const nHubs = scenario.hubs.length;
  const nCarriers = scenario.carriers.length;

  const locations: LonLat[] = [
    ...scenario.hubs.map((h) => h.location),
    ...scenario.carriers.map((c) => c.depot),
    ...scenario.receivers.map((r) => r.location),
    ...(scenario.intermodalLegs ?? []).map((l) => l.terminal),
  ];
  const nReceivers = scenario.receivers.length;
  const speeds = types.map((t) => t.speedKmh);
  const staticTravel = options.matrix
    ? matrixTravel(
        reorderMatrix(options.matrix.ids, options.matrix.distancesKm, scenario),
        speeds,
        options.matrix.durationsMin &&
          reorderMatrix(options.matrix.ids, options.matrix.durationsMin, scenario),
      )
    : circuityTravel(locations, speeds, options.circuity ?? DEFAULT_CIRCUITY);
  const travel = withSpeedProfiles(staticTravel, scenario.travel, locations, types);

  return {
    name: scenario.name,
    date: scenario.date,
    seed: overrides.seed ?? options.seed ?? DEFAULT_SEED,
    effort: overrides.effort ?? options.effort ?? DEFAULT_EFFORT,
    timeLimitS: overrides.timeLimitSeconds ?? options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
    maxStopsPerZone: options.maxStopsPerZone ?? DEFAULT_MAX_STOPS_PER_ZONE,
    locations,
    travel,
    vehicleTypes: types,
    cleanTypeOf: cleanTypeIndices(
      types,
      options.cleanFleetVehicleTypes,
      scenario.fleet.some((f) => f.count > 0),
    ),
    hubs: scenario.hubs.map((h, i) => ({
      id: h.id,
      location: i,
      openS: clockToSeconds(h.open),
      closeS: clockToSeconds(h.close),
      capacityUnits: h.capacityUnits,
      handlingKWhPerUnit: h.handlingKWhPerUnit ?? DEFAULT_HUB_HANDLING_KWH_PER_UNIT,
      fixedCostEurPerDay: h.fixedCostEurPerDay ?? 0,
      handlingCostEurPerUnit:
        ((h.handlingMinutesPerUnit ?? HUB_HANDLING_MINUTES_PER_UNIT) / 60) *
        (h.labourCostEurPerHour ?? HUB_LABOUR_COST_EUR_PER_HOUR),
      feeder: h.feeder && cityFeeder(h.feeder, hubIndex, typeIndex),
    })),
    carriers: scenario.carriers.map((c, i) => ({
      id: c.id,
      location: nHubs + i,
      baselineType: typeIndex.get(c.baselineVehicleType) as number,
      trunkType: typeIndex.get(c.trunkVehicleType ?? c.baselineVehicleType) as number,
      baselineVehicles: c.baselineVehicles,
    })),
    receivers: scenario.receivers.map((r, i) => ({
      id: r.id,
      location: nHubs + nCarriers + i,
      windows: mergeWindows(r.windows.map(toWindow)),
      serviceS: (r.serviceMinutes ?? DEFAULT_SERVICE_MINUTES) * SECONDS_PER_MINUTE,
      allowedClasses: r.access?.vehicleClasses,
      ...receiverAccess(r, scenario.zones ?? [], types),
    })),
    orders: scenario.orders.map((o) => ({
      id: o.id,
      carrier: carrierIndex.get(o.carrierId) as number,
      receiver: receiverIndex.get(o.receiverId) as number,
      kind: o.kind ?? 'delivery',
      size: toSize(o.size),
      window: o.window && toWindow(o.window),
    })),
    fleet: scenario.fleet.map((f) => ({
      hub: hubIndex.get(f.hubId) as number,
      type: typeIndex.get(f.vehicleType) as number,
      count: f.count,
      shiftStartS: clockToSeconds(f.shift.start),
      shiftEndS: clockToSeconds(f.shift.end),
      maxTrips: f.maxTrips ?? DEFAULT_MAX_TRIPS,
      reloadS: (f.reloadMinutes ?? DEFAULT_RELOAD_MINUTES) * SECONDS_PER_MINUTE,
    })),
    trunkFleet: (scenario.trunkFleet ?? []).map((f) => ({
      hub: hubIndex.get(f.hubId) as number,
      type: typeIndex.get(f.vehicleType) as number,
      count: f.count,
      shift: f.shift && toWindow(f.shift),
      maxTrips: f.maxTrips,
      reloadS: f.reloadMinutes === undefined ? undefined : f.reloadMinutes * SECONDS_PER_MINUTE,
    })),
    trunking: {
      schedule: options.trunking?.schedule ?? 'night-before',
      pooled: options.trunking?.pooled ?? true,
      handlingS: (options.trunking?.handlingMinutes ?? DEFAULT_TRUNK_HANDLING_MIN) * SECONDS_PER_MINUTE,
    },
    intermodalLegs: (scenario.intermodalLegs ?? []).map((l, i): CityIntermodalLeg => {
      const barge = l.mode === 'barge';
      const co2e = l.co2eGPerTonneKm ?? (barge ? BARGE_CO2E_G_PER_TONNE_KM : RAIL_CO2E_G_PER_TONNE_KM).value;
      return {
        id: l.id,
        hub: hubIndex.get(l.hubId) as number,
        mode: l.mode,
        terminal: nHubs + nCarriers + nReceivers + i,
        lengthKm: l.lengthKm,
        speedKmh: l.speedKmh ?? (barge ? BARGE_SPEED_KMH : RAIL_SPEED_KMH).value,
        handlingS: (l.handlingMinutes ?? INTERMODAL_HANDLING_MIN.value) * SECONDS_PER_MINUTE,
        capacityKg: l.capacityKg ?? (barge ? BARGE_CAPACITY_KG : RAIL_CAPACITY_KG).value,
        co2eGPerTonneKm: co2e,
        kWhPerTonneKm: l.kWhPerTonneKm ?? co2e * INTERMODAL_KWH_PER_G_CO2E.value,
        carriers: l.carrierIds.map((id) => carrierIndex.get(id) as number),
      };
    }),
  };
}

/** A hub's feeder with its defaults (docs/model/consolidation.md, two echelons); ids were checked by the schema. */
function cityFeeder(
  f: Feeder,
  hubIndex: ReadonlyMap<string, number>,
  typeIndex: ReadonlyMap<string, number>,
): CityFeeder {
  const platform = hubIndex.get(f.hubId) as number;
  const mode = f.mode ?? 'road';
  if (mode === 'road')
    return {
      platform,
      mode,
      type: typeIndex.get(f.vehicleType ?? DEFAULT_FEEDER_VEHICLE_TYPE) as number,
      count: f.count,
      shift: f.shift && toWindow(f.shift),
      maxTrips: f.maxTrips ?? TRUNK_MAX_TRIPS,
      reloadS: (f.reloadMinutes ?? TRUNK_DOCK_S / SECONDS_PER_MINUTE) * SECONDS_PER_MINUTE,
    };
  const barge = mode === 'barge';
  const co2e = f.co2eGPerTonneKm ?? (barge ? BARGE_CO2E_G_PER_TONNE_KM : RAIL_CO2E_G_PER_TONNE_KM).value;
  return {
    platform,
    mode,
    lengthKm: f.lengthKm ?? 0, // required for barge and rail by the schema
    speedKmh: f.speedKmh ?? (barge ? BARGE_SPEED_KMH : RAIL_SPEED_KMH).value,
    handlingS: (f.handlingMinutes ?? INTERMODAL_HANDLING_MIN.value) * SECONDS_PER_MINUTE,
    capacityKg: f.capacityKg ?? (barge ? BARGE_CAPACITY_KG : RAIL_CAPACITY_KG).value,
    co2eGPerTonneKm: co2e,
    kWhPerTonneKm: f.kWhPerTonneKm ?? co2e * INTERMODAL_KWH_PER_G_CO2E.value,
  };
}

/** Sorts windows and merges overlapping ones, so the solver gets disjoint ordered intervals. */
export function mergeWindows(windows: readonly Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The matrix comes in `ids` order (any mix of hub, carrier and receiver ids); the City wants locations order. */
function reorderMatrix(
  ids: readonly string[],
  rows: readonly (readonly number[])[],
  scenario: Scenario,
): number[][] {
  const pos = new Map(ids.map((id, i) => [id, i]));
  const order = [...scenario.hubs, ...scenario.carriers, ...scenario.receivers].map((e) => {
    // the schema checked that every hub, carrier and receiver id is in `ids`
    return pos.get(e.id) as number;
  });
  return order.map((i) => order.map((j) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY));
}
