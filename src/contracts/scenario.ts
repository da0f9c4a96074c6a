import { z } from 'zod';
import { checkScenarioReferences } from './scenario-references.ts';
import { receiverAccessSchema, zoneSchema } from './scenario-zones.ts';
import {
  clockTimeSchema,
  idSchema,
  lonLatSchema,
  powertrainSchema,
  sizeSchema,
  timeWindowSchema,
  timeZoneSchema,
} from './primitives.ts';
import { strictObject } from './strict-object.ts';
import { POWERTRAIN_OF_ENERGY_CARRIER } from '../domain/vehicle-type.ts';

// Every object is strict: an unknown key is an error naming the nearest known field, never silently dropped.

export const hubSchema = strictObject({
  id: idSchema,
  name: z.string().optional(),
  location: lonLatSchema,
  open: clockTimeSchema,
  close: clockTimeSchema,
  capacityUnits: z.number().int().positive().optional(),
  /** Hub handling energy per handling unit (cross-dock, scanning, lighting); default in src/energy. */
  handlingKWhPerUnit: z.number().min(0).optional(),
});

export const carrierSchema = strictObject({
  id: idSchema,
  name: z.string().optional(),
  depot: lonLatSchema,
  baselineVehicleType: idSchema,
  /** Vehicles the carrier has for its own baseline rounds; unlimited when absent. */
  baselineVehicles: z.number().int().positive().optional(),
  /** Vehicle type of the carrier's trunk legs to the hub (full loads, e.g. a rigid truck); default its baseline type. */
  trunkVehicleType: idSchema.optional(),
});

export const receiverSchema = strictObject({
  id: idSchema,
  name: z.string().optional(),
  /** Postal address for drivers' run sheets (street, number, city); run sheets show coordinates without it. */
  address: z.string().max(300).optional(),
  kind: z.string().optional(),
  location: lonLatSchema,
  windows: z.array(timeWindowSchema).min(1, 'expected at least one receiving window'),
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
  emptyKWhPerKm: z.number().min(0),
  /** Same, at full rated payload. */
  fullKWhPerKm: z.number().min(0),
  /** Well-to-wheel emission factor per kWh of that carrier, kg CO2e/kWh. */
  co2eKgPerKWh: z.number().min(0),
  batteryKWh: z.number().positive().optional(),
  source: z.string().min(1),
});

export const vehicleTypeSchema = strictObject({
  id: idSchema,
  class: z.string().min(1),
  /**
   * What access rules test besides the class. When absent: the carrier of the type's `energy`, else the
   * powertrain of the built-in it inherits its energy from (see resolveVehicleTypes).
   */
  powertrain: powertrainSchema.optional(),
  capacity: strictObject({
    kg: z.number().positive(),
    m3: z.number().positive().optional(),
    units: z.number().int().positive().optional(),
  }),
  speedKmh: z.number().positive().max(130).optional(),
  fixedCostEur: z.number().min(0).optional(),
  costPerKmEur: z.number().min(0).optional(),
  costPerHourEur: z.number().min(0).optional(),
  energy: energyProfileSchema.optional(),
  maxRouteMinutes: z.number().positive().optional(),
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
  count: z.number().int().min(0),
  shift: timeWindowSchema,
  maxTrips: z.number().int().min(1).max(20).optional(),
  reloadMinutes: z.number().min(0).max(240).optional(),
});

export const effortSchema = z.enum(['quick', 'normal', 'thorough']);

export const scenarioOptionsSchema = strictObject({
  circuity: z.number().min(1).max(3).optional(),
  /** Wall-clock safety cap for the whole plan; the search budget itself is `effort` (work, not seconds). */
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  seed: z.number().int().min(0).optional(),
  /** Search work: quick, normal (default) or thorough; the same scenario, seed and effort give the same plan. */
  effort: effortSchema.optional(),
  /**
   * The savings-by-cause counterfactual (`ownRoundsCleanFleet`): which vehicle type replaces each carrier's
   * baseline type when the carriers keep their own rounds but adopt the pooled fleet's technology.
   * Default: every fuel-burning van becomes an `e-van`; other types stay as they are.
   */
  cleanFleetVehicleTypes: z.record(idSchema, idSchema).optional(),
  /** Routing problems larger than this are cut into zones solved separately (and in parallel by workers). */
  maxStopsPerZone: z.number().int().min(10).optional(),
  /** Grid electricity factor to use (defaults to mainland France). */
  electricityCo2eKgPerKWh: z.number().min(0).optional(),
  /** When set, travel uses this matrix instead of great-circle × circuity: ids in `matrix.ids` order. */
  matrix: strictObject({
    ids: z.array(idSchema).min(1),
    distancesKm: z.array(z.array(z.number().min(0))),
    durationsMin: z.array(z.array(z.number().min(0))).optional(),
  }).optional(),
});

export const scenarioSchema = strictObject({
  name: z.string().min(1),
  date: z.iso.date(),
  /** IANA name; Europe/Paris when absent (DEFAULT_TIME_ZONE). */
  timezone: timeZoneSchema.optional(),
  hubs: z.array(hubSchema).min(1, 'expected at least one hub'),
  carriers: z.array(carrierSchema).min(1, 'expected at least one carrier'),
  receivers: z.array(receiverSchema).min(1, 'expected at least one receiver'),
  orders: z.array(orderSchema),
  vehicleTypes: z.array(vehicleTypeSchema).optional(),
  fleet: z.array(fleetSchema).min(1, 'expected at least one fleet entry'),
  /** Areas with access rules (low-emission zones, pedestrian cores); see docs/model/consolidation.md. */
  zones: z.array(zoneSchema).optional(),
  options: scenarioOptionsSchema.optional(),
}).superRefine(checkScenarioReferences);

export type Scenario = z.infer<typeof scenarioSchema>;
export type Hub = z.infer<typeof hubSchema>;
export type Carrier = z.infer<typeof carrierSchema>;
export type Receiver = z.infer<typeof receiverSchema>;
export type Order = z.infer<typeof orderSchema>;
export type VehicleTypeInput = z.infer<typeof vehicleTypeSchema>;
export type FleetEntry = z.infer<typeof fleetSchema>;
export type EnergyProfile = z.infer<typeof energyProfileSchema>;
export type { AccessRule, Area, ReceiverAccess, Zone } from './scenario-zones.ts';
