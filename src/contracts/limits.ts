/**
 * Upper bounds of every count, size, list and string a scenario or an API body may carry. An unbounded field
 * lets one request exhaust a worker (`fleet[].count: 1e9` built a billion vehicles and aborted the sandboxed
 * solver at 2.8 GB, again at every retry). Each bound is a realistic maximum with headroom, not a tight fit:
 * the reason is beside it, and docs/RELIABILITY.md holds the same table (a test keeps the two equal).
 *
 * The largest day planned (docs/BENCHMARKS.md): 50,000 receivers, 339,234 orders, 10 carriers, one hub with
 * 5,860 e-vans and 1,990 cargo bikes (`picon generate --city lille --receivers 50000 --seed 3`).
 */
export const LIMITS = {
  /** Hubs in one scenario: a city runs a handful of urban consolidation centres; 50 covers a metropolis. */
  hubs: 50,
  /** Carriers in one scenario: Lille's day has 10; a city-wide open platform a few hundred. */
  carriers: 500,
  /** Receivers in one scenario: the largest day planned over the service (50,000). */
  receivers: 50_000,
  /** Orders in one scenario: the 50,000-receiver day has 339,234. */
  orders: 400_000,
  /** Vehicle type definitions: six built-ins; a fleet study might model a few dozen. */
  vehicleTypes: 100,
  /** Fleet entries (hub × vehicle type × shift). */
  fleetEntries: 1_000,
  /** Vehicles of one fleet entry: the 50,000-receiver day needs 5,860 e-vans at its one hub. */
  vehiclesPerFleetEntry: 10_000,
  /** `carriers[].baselineVehicles`: the largest parcel carriers run a few hundred vans in one city. */
  baselineVehiclesPerCarrier: 5_000,
  /** Vehicles of the whole day (pooled fleet plus carriers' declared fleets): what one solve can hold. */
  vehiclesPerScenario: 50_000,
  /** Receiving windows of one receiver (split opening hours: 2 or 3 in practice). */
  windowsPerReceiver: 10,
  /** Periods in one access rule's `hours`. */
  hoursPerRule: 10,
  /** Vehicle classes or powertrains listed by one access rule. */
  classesPerRule: 50,
  /** Access zones (low-emission zones, pedestrian cores) in one scenario. */
  zones: 200,
  /** Rules of one zone. */
  rulesPerZone: 20,
  /** Speed profiles of `travel.profiles`: a city-wide one and a few areas (centre, ring road). */
  speedProfiles: 20,
  /** Periods of one speed profile: one per half hour of the day. */
  periodsPerProfile: 48,
  /** Polygons of a MultiPolygon, or rings (outer and holes) of a Polygon. */
  polygonParts: 100,
  /** Positions of one linear ring: a detailed city boundary has a few thousand. */
  positionsPerRing: 10_000,
  /** Ids of a travel matrix: n² entries, 3,000² = 9 M numbers (≈ 100 MB of JSON) is already more than a body may be. */
  matrixIds: 3_000,
  /** `options.cleanFleetVehicleTypes` entries: one per vehicle type at most. */
  cleanFleetMappings: 100,
  /** Ids (hubs, carriers, receivers, orders, vehicle types, zones). */
  idLength: 200,
  /** Names, kinds and vehicle classes: display strings. */
  nameLength: 200,
  /** Free text: an energy factor's source, a variant's description. */
  textLength: 2_000,
  /** Mass of one order or one vehicle's capacity, kg: a 44 t articulated truck carries ≈ 26 t. */
  kg: 100_000,
  /** Volume of one order or one vehicle's capacity, m3: a 13.6 m trailer holds ≈ 90 m3. */
  m3: 1_000,
  /** Handling units of one order or one capacity (parcels, roll cages). */
  units: 100_000,
  /** A hub's capacity in handling units per day. */
  hubCapacityUnits: 10_000_000,
  /** Any cost in euros (per vehicle, per km, per hour). */
  costEur: 1_000_000,
  /** Energy per km, kWh (a diesel truck uses ≈ 3.5 kWh/km; hydrogen ≈ 2). */
  kWhPerKm: 100,
  /** Emission factor, kg CO2e per kWh (lignite power ≈ 1.1). */
  co2eKgPerKWh: 10,
  /** Battery capacity, kWh (an electric truck ≈ 600). */
  batteryKWh: 5_000,
  /** Hub handling energy per handling unit, kWh. */
  handlingKWhPerUnit: 100,
  /** Longest route of a vehicle type, minutes: one day. */
  routeMinutes: 1_440,
  /** `options.maxStopsPerZone`: above the largest receivers count, zoning never happens anyway. */
  maxStopsPerZone: 50_000,
  /** Orders one carrier may hold at one hub on one day over the API (PICON_MAX_ORDERS_PER_CARRIER_DAY default). */
  ordersPerCarrierDay: 10_000,
  /** Orders in one `POST /v1/orders` body. */
  ordersPerRequest: 10_000,
  /** Variants of one comparison (and seeds of `POST /v1/plans?seeds=N`). */
  comparisonVariants: 20,
  /** `Idempotency-Key` header, characters, for plans and comparisons alike. */
  idempotencyKeyLength: 200,
  /** Orders in one page of `GET /v1/orders`. */
  ordersPageSize: 1_000,
} as const;

export type LimitName = keyof typeof LIMITS;
