import { z } from 'zod';
import { clockTimeSchema, fullSizeSchema, idSchema, lonLatSchema } from './primitives.ts';
import { allocationRuleSchema, effortSchema } from './scenario.ts';

export const stopSchema = z.object({
  receiverId: idSchema,
  orderIds: z.array(idSchema),
  location: lonLatSchema,
  /** Start of service (after any wait), inside the receiver's (or order's) window. */
  arrival: clockTimeSchema,
  departure: clockTimeSchema,
  waitMin: z.number().min(0).optional(),
  /** `arrival` and `departure` to the millisecond, in seconds since local midnight (the solver's own times). */
  arrivalSec: z.number().optional(),
  departureSec: z.number().optional(),
  /** Load on board after this stop, per dimension. */
  loadAfter: fullSizeSchema,
});

export const routeSchema = z.object({
  id: z.string(),
  vehicleType: idSchema,
  /** Hub id, or carrier id for a carrier's own depot. */
  start: idSchema,
  /** Index of the physical vehicle doing this route (a vehicle doing several trips has several routes). */
  vehicle: z.string(),
  trip: z.number().int().min(1),
  departure: clockTimeSchema,
  returnAt: clockTimeSchema,
  /** `departure` and `returnAt` to the millisecond, in seconds since local midnight. */
  departureSec: z.number().optional(),
  returnSec: z.number().optional(),
  distanceKm: z.number(),
  durationMin: z.number(),
  energyKWh: z.number(),
  co2eKg: z.number(),
  /** Load on board when leaving the start, per dimension. */
  loadStart: fullSizeSchema,
  stops: z.array(stopSchema),
});

const trunkStopSchema = z.object({
  /** The carrier's id at its depot, the leg's id at its terminal (or the platform's), the micro-hub's at a hub. */
  id: idSchema,
  /** `hub`: a second-echelon trip's stop at the micro-hub it feeds. */
  kind: z.enum(['depot', 'terminal', 'hub']),
  location: lonLatSchema,
  arrival: clockTimeSchema,
  departure: clockTimeSchema,
  /** Seconds from the plan day's midnight (negative the day before). */
  arrivalSec: z.number(),
  departureSec: z.number(),
  /**
   * Loaded onto and unloaded off the vehicle here: at a depot, the goods for the hub and the returns; at a
   * micro-hub (second echelon), its returns and its goods.
   */
  loaded: fullSizeSchema,
  unloaded: fullSizeSchema,
  /** Orders whose goods or returns are loaded or unloaded here. */
  orderIds: z.array(idSchema),
  /** Same-day trunking: minutes the latest of these goods reaches the hub after it should have (0 = on time). */
  lateMin: z.number().min(0).optional(),
});

/**
 * One trunk trip: a road vehicle from a hub (or a terminal for pre-haul) collecting at carrier depots and
 * back, or one barge or train sailing from a terminal to the hub. With two echelons, the first echelon goes to
 * the platform (its `hubId`), and second-echelon trips (`echelon: 2`) go from the platform (`from`) to the
 * micro-hub they feed (`hubId`): by road, stopping there, or as a sailing.
 */
export const trunkTripSchema = z.object({
  id: z.string(),
  /** The hub the trip serves: where the carriers' flows go (first echelon), the micro-hub fed (second). */
  hubId: idSchema,
  /** 1: carriers' depots (or their terminal) to a hub or platform; 2: platform to micro-hub. Absent in older plans: 1. */
  echelon: z.union([z.literal(1), z.literal(2)]).optional(),
  /** Second echelon: the platform the trip leaves from. */
  from: idSchema.optional(),
  mode: z.enum(['road', 'barge', 'rail']),
  /** Road trips only: the vehicle type; a barge or train leg gives its leg id. */
  vehicleType: idSchema,
  vehicle: z.string(),
  trip: z.number().int().min(1),
  /** 0 = the plan's day; -1 = the evening before (night-before trunking). */
  day: z.number().int().min(-1).max(0),
  /** Where the trip ends: the hub, or the intermodal terminal for pre-haul. */
  to: idSchema,
  carrierIds: z.array(idSchema),
  stops: z.array(trunkStopSchema),
  departure: clockTimeSchema,
  arrival: clockTimeSchema,
  departureSec: z.number(),
  arrivalSec: z.number(),
  /** Road vehicle-km for road trips; the leg's network length (not vehicle-km) for barge and rail. */
  distanceKm: z.number(),
  durationMin: z.number(),
  energyKWh: z.number(),
  co2eKg: z.number(),
  /** Goods carried to `to`, and returns carried back. */
  load: fullSizeSchema,
  returns: fullSizeSchema,
  /** Tonnes carried times km, each consignment from where it is loaded (goods and returns). */
  tonneKm: z.number(),
});

/** A hub's day: open or not (the facility choice), units handled against capacity, cost, and vehicles. */
export const hubReportSchema = z.object({
  id: idSchema,
  open: z.boolean(),
  units: z.number(),
  capacityUnits: z.number().optional(),
  fixedCostEurPerDay: z.number(),
  /** The hub's cost for the day: fixed cost when open + labour per handling unit (in the consolidated cost). */
  costEur: z.number(),
  /** Pooled vehicles used, and trunk vehicles based there. */
  vehicles: z.number().int(),
  trunkVehicles: z.number().int(),
  /** Why it is open or closed, in words. */
  reason: z.string(),
  /** Night-before trunking: mean and longest wait of the goods between trunk arrival and pooled departure. */
  dwellHoursMean: z.number().optional(),
  dwellHoursMax: z.number().optional(),
});

const tonneKmByModeSchema = z.object({ road: z.number(), barge: z.number(), rail: z.number() });

/** One echelon of the trunk: its road trips and vehicles, sailings, and what they drive, use and emit. */
export const echelonKpisSchema = z.object({
  echelon: z.union([z.literal(1), z.literal(2)]),
  /** Road trips and the distinct road vehicles doing them. */
  trips: z.number().int(),
  vehicles: z.number().int(),
  /** Barge or rail sailings (not trips of road vehicles). */
  sailings: z.number().int(),
  /** Road vehicle-km and vehicle-hours only. */
  vehicleKm: z.number(),
  vehicleHours: z.number(),
  /** Road trips and sailings. */
  energyKWh: z.number(),
  co2eKg: z.number(),
  tonneKm: tonneKmByModeSchema,
});

export const kpisSchema = z.object({
  vehicles: z.number().int(),
  routes: z.number().int(),
  /** Every trip driven: routes (one per trip) plus trunk trips, so no headline leaves the trunk out. */
  tripsIncludingTrunk: z.number().int(),
  vehicleKm: z.number(),
  vehicleHours: z.number(),
  energyKWh: z.number(),
  co2eKg: z.number(),
  stops: z.number().int(),
  /** Mean number of vehicle visits per receiver served. */
  deliveriesPerReceiver: z.number(),
  /** Mean over routes of the peak load's share of the binding capacity dimension. */
  fillRate: z.number(),
  /** Hub handling energy included in energyKWh (consolidated plan only). */
  hubHandlingKWh: z.number().optional(),
  /** Road trunk trips and the distinct vehicles doing them (consolidated plan only). */
  trunkTrips: z.number().int().optional(),
  trunkVehicles: z.number().int().optional(),
  /** Trunk activity by mode, tonne-km (barge and rail km are not vehicle-km). */
  trunkTonneKm: tonneKmByModeSchema.optional(),
  /** Two-echelon plans only (some trunk trip has `echelon: 2`): the trunk's figures per echelon. */
  echelons: z.array(echelonKpisSchema).optional(),
});

export const unassignedReasonSchema = z.enum([
  'too-big-for-every-vehicle',
  'no-vehicle-allowed',
  'window-unreachable',
  'range-exceeded',
  'fleet-exhausted',
  'hub-capacity',
  'hub-closed',
]);

export const unassignedSchema = z.object({
  orderId: idSchema,
  reason: unassignedReasonSchema,
  detail: z.string().optional(),
});

const changeSchema = z.object({ before: z.number(), after: z.number(), pct: z.number() });

/** A saving (baseline minus plan, positive = less) in the three physical figures. */
const causeSchema = z.object({ vehicleKm: z.number(), energyKWh: z.number(), co2eKg: z.number() });

/**
 * The total saving split by cause, adding up exactly: vehicle technology = baseline − own rounds with the
 * clean fleet; consolidation = own rounds with the clean fleet − consolidated.
 */
export const savingsBreakdownSchema = z.object({
  vehicleTechnology: causeSchema,
  consolidation: causeSchema,
});

/** Emissions and activity of one consignment, one carrier or one plan (grams exact: kg with 3 decimals). */
export const emissionTotalsSchema = z.object({
  wtwCo2eKg: z.number(),
  ttwCo2eKg: z.number(),
  /** GLEC activity: tonnes x distance from each trip's start (not the driven distance). */
  tonneKm: z.number(),
  /** WTW g CO2e per tonne-km; null without transport activity. */
  wtwGPerTkm: z.number().nullable(),
});

/** One ISO 14083 transport chain element of a plan: all its trips (or hubs) together. */
export const emissionElementSchema = z.object({
  plan: z.enum(['baseline', 'consolidated']),
  /** `own-round` (baseline), `pooled-run`, `residual-round`, `trunk-road`, `trunk-barge`, `trunk-rail`, `hub`. */
  element: z.string(),
  kind: z.enum(['transport', 'hub']),
  /** Trips (transport) or hubs handling goods (hub). */
  count: z.number().int(),
  wtwCo2eKg: z.number(),
  ttwCo2eKg: z.number(),
  tonneKm: z.number(),
  /** Tonnes carried, summed over trips, or handled, summed over hubs. */
  tonnes: z.number(),
  wtwGPerTkm: z.number().nullable(),
  ttwGPerTkm: z.number().nullable(),
  /** Hubs: WTW g CO2e per tonne handled. */
  wtwGPerTonne: z.number().nullable(),
});

/** An emission factor the plan used, disclosed as ISO 14083 asks: value, scope split, data type, source. */
export const emissionFactorSchema = z.object({
  /** What it applies to: a vehicle type id, `barge leg ID`, `rail leg ID`, or `hub handling`. */
  appliesTo: z.string(),
  /** WTW factor; the TTW part is `ttwShare` of it. */
  wtw: z.number(),
  ttwShare: z.number(),
  unit: z.enum(['kg CO2e/kWh', 'g CO2e/t-km']),
  /**
   * ISO 14083 data category of the emission intensity: `modelled` (picon's energy model times a default factor),
   * `default` (a published intensity), `user` (given in the scenario).
   */
  dataType: z.enum(['modelled', 'default', 'user']),
  source: z.string(),
  /** Where the TTW share comes from, and whether it is an assumption. */
  ttwSource: z.string(),
});

/**
 * ISO 14083:2023 / GLEC Framework v3 emissions of both plans: per transport chain element, per carrier and per
 * consignment (order), with the method disclosed. Every breakdown adds up to the plan total to the gram.
 */
export const planEmissionsSchema = z.object({
  method: z.object({
    standard: z.string(),
    transportAllocation: z.string(),
    hubAllocation: z.string(),
    distanceBasis: z.string(),
    rounding: z.string(),
  }),
  factors: z.array(emissionFactorSchema),
  totals: z.object({ baseline: emissionTotalsSchema, consolidated: emissionTotalsSchema }),
  elements: z.array(emissionElementSchema),
  carriers: z.array(
    z.object({
      carrierId: idSchema,
      orders: z.number().int(),
      baseline: emissionTotalsSchema,
      consolidated: emissionTotalsSchema,
      /** Baseline minus consolidated WTW (negative: pooling emits more for this carrier). */
      wtwSavedKg: z.number(),
    }),
  ),
  /** One row per order served in either plan; null where the plan does not serve it. */
  consignments: z.array(
    z.object({
      orderId: idSchema,
      carrierId: idSchema,
      baseline: emissionTotalsSchema.nullable(),
      consolidated: emissionTotalsSchema.nullable(),
    }),
  ),
});

export const planSchema = z.object({
  schemaVersion: z.literal(1),
  scenario: z.object({
    name: z.string(),
    date: z.string(),
    seed: z.number().int(),
    /** Search work (iterations scaled to size): the plan is a pure function of scenario, seed and effort. */
    effort: effortSchema,
    /** Wall-clock safety cap. */
    timeLimitSeconds: z.number(),
  }),
  /** Where routes start and end: hubs and carrier depots (routes' `start` ids). */
  depots: z.array(z.object({ id: idSchema, kind: z.enum(['hub', 'carrier']), location: lonLatSchema })),
  baseline: z.object({
    kpis: kpisSchema,
    routes: z.array(routeSchema),
    unassigned: z.array(unassignedSchema),
  }),
  consolidated: z.object({
    kpis: kpisSchema,
    routes: z.array(routeSchema),
    trunk: z.array(trunkTripSchema),
    hubs: z.array(hubReportSchema),
    unassigned: z.array(unassignedSchema),
  }),
  /**
   * The counterfactual that separates the causes: each carrier still serves its own orders from its own
   * depot, with the pooled fleet's vehicle technology (how each carrier's rounds were obtained: `carriers`).
   */
  ownRoundsCleanFleet: z.object({
    kpis: kpisSchema,
    routes: z.array(routeSchema),
    unassigned: z.array(unassignedSchema),
    carriers: z.array(
      z.object({
        carrierId: idSchema,
        baselineVehicleType: idSchema,
        vehicleType: idSchema,
        method: z.enum(['unchanged', 'same-routes', 'rerouted']),
      }),
    ),
  }),
  savingsBreakdown: savingsBreakdownSchema,
  savings: z.object({
    vehicleKm: changeSchema,
    vehicleHours: changeSchema,
    energyKWh: changeSchema,
    co2eKg: changeSchema,
    vehicles: changeSchema,
    deliveriesPerReceiver: z.object({ before: z.number(), after: z.number() }),
  }),
  /**
   * Cost in EUR per carrier: alone (its baseline) vs its share of the pooled plan, by the rule named in `method`
   * and in meta (docs/model/cooperation.md). `marginalCost` = c(N) - c(N \ {i}), what the carrier adds to the
   * pool (absent under pro-rata-by-kg, which prices no coalition).
   */
  allocation: z.array(
    z.object({
      carrierId: idSchema,
      standaloneCost: z.number(),
      marginalCost: z.number().optional(),
      allocatedCost: z.number(),
      saving: z.number(),
      /** The carrier's WTW CO2e and tonne-km in the consolidated plan (its ISO 14083 share: `emissions`). */
      co2eKg: z.number(),
      tonneKm: z.number(),
      method: z.string(),
    }),
  ),
  /**
   * The core check of the allocation (absent under pro-rata-by-kg): the largest excess x(S) - c(S) over every
   * proper coalition (`exact`) or the sampled ones, the coalition attaining it, and whether no group of carriers
   * pays more than it would pooling on its own (`inCore`); `fallback` says why the requested rule was replaced.
   */
  allocationCore: z
    .object({
      rule: allocationRuleSchema,
      exact: z.boolean(),
      maxExcessEur: z.number(),
      coalition: z.array(idSchema),
      inCore: z.boolean(),
      coreEmpty: z.boolean().optional(),
      leastCoreEpsilonEur: z.number().optional(),
      fallback: z.string().optional(),
    })
    .optional(),
  /**
   * The cost game itself, so that anyone can recompute the shares: c(S) per coalition, members as indices into
   * `carrierIds` (every coalition when `exact`, else those priced by sampling, with the sample's figures).
   */
  allocationGame: z
    .object({
      carrierIds: z.array(idSchema),
      exact: z.boolean(),
      coalitions: z.array(z.object({ members: z.array(z.number().int().min(0)), costEur: z.number() })),
      permutations: z.number().int().optional(),
      maxStandardErrorEur: z.number().optional(),
    })
    .optional(),
  emissions: planEmissionsSchema,
  meta: z.object({
    allocationMethod: z.string(),
    /** Search iterations of every solve of the plan (deterministic). */
    iterations: z.number().int(),
    /** True when the wall-clock cap cut a solve short: the plan then depends on the machine's speed and load. */
    timeCapped: z.boolean(),
    /**
     * What a reader of the figures must know: implausible coordinates in the scenario, and plans that do not
     * deliver the same orders (the savings then compare different work).
     */
    warnings: z.array(z.string()),
    /** Timing: the only field that differs between two runs of the same scenario, seed and effort. */
    solveSeconds: z.number(),
    orders: z.number().int(),
    receivers: z.number().int(),
  }),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanRoute = z.infer<typeof routeSchema>;
export type PlanStop = z.infer<typeof stopSchema>;
export type TrunkTrip = z.infer<typeof trunkTripSchema>;
export type TrunkStop = z.infer<typeof trunkStopSchema>;
export type HubReport = z.infer<typeof hubReportSchema>;
export type Kpis = z.infer<typeof kpisSchema>;
export type EchelonKpis = z.infer<typeof echelonKpisSchema>;
export type PlanEmissions = z.infer<typeof planEmissionsSchema>;
/** An allocation row as the cost rule makes it, before the emissions add the carrier's CO2e and tonne-km. */
export type AllocationCostRow = Omit<Plan['allocation'][number], 'co2eKg' | 'tonneKm'>;
export type PlanEmissionTotals = z.infer<typeof emissionTotalsSchema>;
export type PlanEmissionElement = z.infer<typeof emissionElementSchema>;
export type SavingsBreakdown = z.infer<typeof savingsBreakdownSchema>;
export type Unassigned = z.infer<typeof unassignedSchema>;
export type UnassignedReason = z.infer<typeof unassignedReasonSchema>;
