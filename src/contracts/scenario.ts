import { z } from 'zod';
import { checkScenarioReferences } from './scenario-references.ts';
import { travelSchema } from './scenario-travel.ts';
import { receiverAccessSchema, zoneSchema } from './scenario-zones.ts';
import {
  clockTimeSchema,
  idSchema,
  nameSchema,
  lonLatSchema,
  powertrainSchema,
  sizeSchema,
  timeWindowSchema,
  timeZoneSchema,
} from './primitives.ts';
import { LIMITS } from './limits.ts';
import { ALLOCATION_OPTIONS } from './allocation-rules.ts';
import { strictObject } from './strict-object.ts';
import { POWERTRAIN_OF_ENERGY_CARRIER } from '../domain/vehicle-type.ts';

// Every object is strict: an unknown key is an error naming the nearest known field, never silently dropped.

/**
 * The second echelon of a two-echelon network: the platform (another hub) that feeds this micro-hub, and how.
 * The carriers' trunk then goes to the platform; feeder trips carry the micro-hub's goods on from there
 * (docs/model/consolidation.md, two echelons). Road fields apply to `mode: road`, leg fields to barge and rail.
 */
export const feederSchema = strictObject({
  /** The platform: a hub of the scenario that is not itself fed by another. */
  hubId: idSchema,
  /** `road` (default): vehicles based at the platform shuttle to the micro-hub; `barge`/`rail`: sailings or trains. */
  mode: z.enum(['road', 'barge', 'rail']).optional(),
  /** Road: the feeder vehicles' type; default the built-in `rigid-truck` (an assumption). */
  vehicleType: idSchema.optional(),
  /** Road: vehicles available; as many as the loads need when absent. */
  count: z.number().int().min(0).max(500).optional(),
  /** Road: working hours inside the platform's; default its opening hours. */
  shift: timeWindowSchema.optional(),
  maxTrips: z.number().int().min(1).max(20).optional(),
  reloadMinutes: z.number().min(0).max(240).optional(),
  /** Barge or rail: length of the leg on its own network (never a great-circle estimate). Required for them. */
  lengthKm: z.number().positive().max(2000).optional(),
  speedKmh: z.number().positive().max(200).optional(),
  /** Barge or rail: loading at the platform and unloading at the micro-hub, each. */
  handlingMinutes: z.number().min(0).max(1440).optional(),
  capacityKg: z.number().positive().max(10_000_000).optional(),
  co2eGPerTonneKm: z.number().min(0).max(1000).optional(),
  kWhPerTonneKm: z.number().min(0).max(10).optional(),
});

export const hubSchema = strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  location: lonLatSchema,
  open: clockTimeSchema,
  close: clockTimeSchema,
  capacityUnits: z.number().int().positive().max(LIMITS.hubCapacityUnits).optional(),
  /** Hub handling energy per handling unit (cross-dock, scanning, lighting); default in src/energy. */
  handlingKWhPerUnit: z.number().min(0).max(LIMITS.handlingKWhPerUnit).optional(),
  /** Cost of opening the hub for a day (rent, staff on duty); what the hub choice weighs against the km saved. */
  fixedCostEurPerDay: z.number().min(0).max(1_000_000).optional(),
  /** Labour to cross-dock one handling unit (unload, sort, load); default an assumption (src/planner/hub-costs.ts). */
  handlingMinutesPerUnit: z.number().min(0).max(60).optional(),
  /** Hub labour cost per hour; default an assumption (src/planner/hub-costs.ts). */
  labourCostEurPerHour: z.number().min(0).max(500).optional(),
  /** Two echelons: the platform that feeds this hub (a micro-hub) and by which mode. */
  feeder: feederSchema.optional(),
});

export const carrierSchema = strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  depot: lonLatSchema,
  baselineVehicleType: idSchema,
  /** Vehicles the carrier has for its own baseline rounds; unlimited when absent. */
  baselineVehicles: z.number().int().positive().max(LIMITS.baselineVehiclesPerCarrier).optional(),
  /** Vehicle type of the carrier's trunk legs to the hub (full loads, e.g. a rigid truck); default its baseline type. */
  trunkVehicleType: idSchema.optional(),
});

export const receiverSchema = strictObject({
  id: idSchema,
  name: nameSchema.optional(),
  /** Postal address for drivers' run sheets (street, number, city); run sheets show coordinates without it. */
  address: z.string().max(300).optional(),
  kind: nameSchema.optional(),
  location: lonLatSchema,
  windows: z
    .array(timeWindowSchema)
    .min(1, 'expected at least one receiving window')
    .max(LIMITS.windowsPerReceiver),
  serviceMinutes: z.number().min(0).max(240).optional(),
  access: receiverAccessSchema.optional(),
});

export const orderSchema = strictObject({
  id: idSchema,
  carrierId: idSchema,
  receiverId: idSchema,
  kind: z.enum(['delivery', 'pickup']).optional(),
  size: sizeSchema,
  window: timeWindowSchema.optional(),
});

/** Energy use of a vehicle type: linear in payload between empty and full (see src/energy and docs/model/energy.md). */
export const energyProfileSchema = strictObject({
  carrier: z.enum(['electricity', 'diesel', 'hydrogen', 'bio-cng']),
  /** Energy at the wheel's source per km, empty, in kWh/km (diesel: 10 kWh per litre). */
  emptyKWhPerKm: z.number().min(0).max(LIMITS.kWhPerKm),
  /** Same, at full rated payload. */
  fullKWhPerKm: z.number().min(0).max(LIMITS.kWhPerKm),
  /** Well-to-wheel emission factor per kWh of that carrier, kg CO2e/kWh. */
  co2eKgPerKWh: z.number().min(0).max(LIMITS.co2eKgPerKWh),
  /** Share of that factor emitted at the wheel (ISO 14083 TTW); default by energy carrier (docs/model/energy.md). */
  ttwShare: z.number().min(0).max(1).optional(),
  batteryKWh: z.number().positive().max(LIMITS.batteryKWh).optional(),
  source: z.string().min(1).max(LIMITS.textLength),
});

export const vehicleTypeSchema = strictObject({
  id: idSchema,
  class: nameSchema.min(1),
  /**
   * What access rules test besides the class. When absent: the carrier of the type's `energy`, else the
   * powertrain of the built-in it inherits its energy from (see resolveVehicleTypes).
   */
  powertrain: powertrainSchema.optional(),
  capacity: strictObject({
    kg: z.number().positive().max(LIMITS.kg),
    m3: z.number().positive().max(LIMITS.m3).optional(),
    units: z.number().int().positive().max(LIMITS.units).optional(),
  }),
  speedKmh: z.number().positive().max(130).optional(),
  fixedCostEur: z.number().min(0).max(LIMITS.costEur).optional(),
  costPerKmEur: z.number().min(0).max(LIMITS.costEur).optional(),
  costPerHourEur: z.number().min(0).max(LIMITS.costEur).optional(),
  energy: energyProfileSchema.optional(),
  maxRouteMinutes: z.number().positive().max(LIMITS.routeMinutes).optional(),
}).refine(
  (t) =>
    t.powertrain === undefined ||
    t.energy === undefined ||
    POWERTRAIN_OF_ENERGY_CARRIER[t.energy.carrier] === t.powertrain,
  { message: 'powertrain does not match the energy carrier of the type', path: ['powertrain'] },
);

export const fleetSchema = strictObject({
  hubId: idSchema,
  vehicleType: idSchema,
  count: z.number().int().min(0).max(LIMITS.vehiclesPerFleetEntry),
  shift: timeWindowSchema,
  maxTrips: z.number().int().min(1).max(20).optional(),
  reloadMinutes: z.number().min(0).max(240).optional(),
});

/**
 * Shared trunk vehicles of a hub: they collect the carriers' flows at their depots (one or several depots
 * per trip) and bring them to the hub, taking the returns back. Absent: every carrier trunk type of the
 * hub's carriers, as many as needed (docs/model/consolidation.md, trunk).
 */
export const trunkFleetSchema = strictObject({
  hubId: idSchema,
  vehicleType: idSchema,
  /** Vehicles available; as many as the consignments need when absent. */
  count: z.number().int().min(0).max(500).optional(),
  /** Working hours, on the day before for `night-before` trunking; default by schedule. */
  shift: timeWindowSchema.optional(),
  maxTrips: z.number().int().min(1).max(20).optional(),
  reloadMinutes: z.number().min(0).max(240).optional(),
});

/** A barge or rail leg from a terminal to a hub on the water or the rail network (not on roads). */
export const intermodalLegSchema = strictObject({
  id: idSchema,
  name: z.string().max(200).optional(),
  hubId: idSchema,
  mode: z.enum(['barge', 'rail']),
  /** Where road pre-haul brings the carriers' goods (the loading quay or rail terminal). */
  terminal: lonLatSchema,
  /** Length of the leg on its own network (waterway or rail), never a great-circle estimate. */
  lengthKm: z.number().positive().max(2000),
  speedKmh: z.number().positive().max(200).optional(),
  /** Loading at the terminal, and unloading at the hub, each. */
  handlingMinutes: z.number().min(0).max(1440).optional(),
  /** Payload per barge or train trip. */
  capacityKg: z.number().positive().max(10_000_000).optional(),
  /** Well-to-wheel intensity; default by mode (docs/model/energy.md). */
  co2eGPerTonneKm: z.number().min(0).max(1000).optional(),
  /** Share of the intensity emitted at the wheel (ISO 14083 TTW); default by mode (docs/model/energy.md). */
  ttwShare: z.number().min(0).max(1).optional(),
  /** Energy intensity; default derived from the CO2e intensity (docs/model/energy.md). */
  kWhPerTonneKm: z.number().min(0).max(10).optional(),
  /** Carriers whose flows to the hub take this leg (road to the terminal, then the leg). */
  carrierIds: z.array(idSchema).min(1).max(1000),
});

export const trunkingSchema = strictObject({
  /**
   * `night-before` (default): the trunk runs the evening before and the goods wait at the hub overnight;
   * `same-day`: each consignment reaches the hub, plus handling, before the pooled trip carrying it leaves.
   */
  schedule: z.enum(['night-before', 'same-day']).optional(),
  /** false: each carrier trunks its own flows (no shared trunk vehicle), for comparison. Default true. */
  pooled: z.boolean().optional(),
  /** Minutes from a trunk arrival at the hub to the goods being ready for the pooled runs. */
  handlingMinutes: z.number().min(0).max(600).optional(),
});

export const effortSchema = z.enum(['draft', 'quick', 'normal', 'thorough']);

/** The cost-sharing rule (see allocation-rules.ts). */
export const allocationRuleSchema = z.enum(ALLOCATION_OPTIONS);

export const scenarioOptionsSchema = strictObject({
  circuity: z.number().min(1).max(3).optional(),
  /** Wall-clock safety cap for the whole plan; the search budget itself is `effort` (work, not seconds). */
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  seed: z.number().int().min(0).optional(),
  /**
   * Search work: draft (construction only, a first feasible plan), quick, normal (default) or thorough; the
   * same scenario, seed and effort give the same plan.
   */
  effort: effortSchema.optional(),
  /**
   * The savings-by-cause counterfactual (`ownRoundsCleanFleet`): which vehicle type replaces each carrier's
   * baseline type when the carriers keep their own rounds but adopt the pooled fleet's technology.
   * Default: every fuel-burning van becomes an `e-van`; other types stay as they are.
   */
  cleanFleetVehicleTypes: z
    .record(idSchema, idSchema)
    .refine((m) => Object.keys(m).length <= LIMITS.cleanFleetMappings, {
      message: `expected at most ${LIMITS.cleanFleetMappings} entries`,
    })
    .optional(),
  /** The cost-sharing rule between carriers; default shapley (see allocationRuleSchema). */
  allocation: allocationRuleSchema.optional(),
  /** Routing problems larger than this are cut into zones solved separately (and in parallel by workers). */
  maxStopsPerZone: z.number().int().min(10).max(LIMITS.maxStopsPerZone).optional(),
  /** How the carriers' flows reach the hubs: shared trunk vehicles, schedule (see trunkingSchema). */
  trunking: trunkingSchema.optional(),
  /** Grid electricity factor to use (defaults to mainland France). */
  electricityCo2eKgPerKWh: z.number().min(0).max(LIMITS.co2eKgPerKWh).optional(),
  /** When set, travel uses this matrix instead of great-circle × circuity: ids in `matrix.ids` order. */
  matrix: strictObject({
    ids: z.array(idSchema).min(1).max(LIMITS.matrixIds),
    distancesKm: z.array(z.array(z.number().min(0)).max(LIMITS.matrixIds)).max(LIMITS.matrixIds),
    durationsMin: z
      .array(z.array(z.number().min(0)).max(LIMITS.matrixIds))
      .max(LIMITS.matrixIds)
      .optional(),
  }).optional(),
});

export const scenarioSchema = strictObject({
  name: nameSchema.min(1),
  date: z.iso.date(),
  /** IANA name; Europe/Paris when absent (DEFAULT_TIME_ZONE). */
  timezone: timeZoneSchema.optional(),
  hubs: z.array(hubSchema).min(1, 'expected at least one hub').max(LIMITS.hubs),
  carriers: z.array(carrierSchema).min(1, 'expected at least one carrier').max(LIMITS.carriers),
  receivers: z.array(receiverSchema).min(1, 'expected at least one receiver').max(LIMITS.receivers),
  orders: z.array(orderSchema).max(LIMITS.orders),
  vehicleTypes: z.array(vehicleTypeSchema).max(LIMITS.vehicleTypes).optional(),
  fleet: z.array(fleetSchema).min(1, 'expected at least one fleet entry').max(LIMITS.fleetEntries),
  trunkFleet: z.array(trunkFleetSchema).max(1000).optional(),
  intermodalLegs: z.array(intermodalLegSchema).max(100).optional(),
  /** Areas with access rules (low-emission zones, pedestrian cores); see docs/model/consolidation.md. */
  zones: z.array(zoneSchema).max(LIMITS.zones).optional(),
  /** Travel times by time of day (speed profiles); see docs/model/time-dependent-travel.md. */
  travel: travelSchema.optional(),
  options: scenarioOptionsSchema.optional(),
}).superRefine(checkScenarioReferences);

export type Scenario = z.infer<typeof scenarioSchema>;
export type Hub = z.infer<typeof hubSchema>;
export type Carrier = z.infer<typeof carrierSchema>;
export type Receiver = z.infer<typeof receiverSchema>;
export type Order = z.infer<typeof orderSchema>;
export type VehicleTypeInput = z.infer<typeof vehicleTypeSchema>;
export type FleetEntry = z.infer<typeof fleetSchema>;
export type TrunkFleetEntry = z.infer<typeof trunkFleetSchema>;
export type IntermodalLeg = z.infer<typeof intermodalLegSchema>;
export type Feeder = z.infer<typeof feederSchema>;
export type EnergyProfile = z.infer<typeof energyProfileSchema>;
export type { AccessRule, Area, ReceiverAccess, Zone } from './scenario-zones.ts';
export type { SpeedPeriodInput, SpeedProfileInput, TravelInput } from './scenario-travel.ts';
