import type { Size } from '../contracts/primitives.ts';
import type { Order, Receiver, Scenario } from '../contracts/scenario.ts';
import type { CarrierTemplate } from './carrier-catalogue.ts';
import { cityCarriers, MAX_CARRIERS } from './carrier-catalogue.ts';
import { CITY_GEOGRAPHIES, GENERATOR_CITIES, type GeneratorCity } from './cities.ts';
import type { CityGeography, StreetCluster } from './city-geography.ts';
import { emptyClassDemand, sizeFleet } from './fleet-sizing.ts';
import { drawDeliverySize, drawReturnSize, shrinkToFit } from './order-size.ts';
import { placeReceiver } from './place-receiver.ts';
import type { ReceiverKindProfile } from './receiver-kinds.ts';
import { RECEIVER_KINDS } from './receiver-kinds.ts';
import { Rng } from './rng.ts';
import type { Sector } from './sectors.ts';
import { SECTORS } from './sectors.ts';
import { InputError } from '../domain/errors.ts';
import { closestName } from '../contracts/closest-name.ts';
import { pushAll } from '../domain/arrays.ts';

export { GENERATOR_CITIES, type GeneratorCity };

/** What to generate. */
export interface CityDayOptions {
  readonly city: GeneratorCity;
  /** Number of receivers, 1–MAX_RECEIVERS. */
  readonly receivers: number;
  /** Seed of the generator, an integer in 0–2^32−1; also written to `options.seed`. */
  readonly seed: number;
  /**
   * Number of carriers, MIN_CARRIERS–MAX_CARRIERS.
   * @defaultValue 10
   */
  readonly carriers?: number;
}

export const DEFAULT_CARRIERS = 10;
/** Each receiver gets orders from at least five different carriers. */
export const MIN_CARRIERS = 5;
export const MAX_RECEIVERS = 100_000;
export { MAX_CARRIERS };
/** A Tuesday outside school holidays. */
export const GENERATED_DATE = '2025-03-18';
/** Share of orders that are pickups of returns (empty packaging). */
const PICKUP_SHARE = 0.05;
/**
 * Cargo-bike-only receivers stay within one bike load for the whole day, all orders combined
 * (reference: e-cargo bikes carry 150–300 kg and 1.4–1.5 m3; 20 units = 1 m3 of parcel-equivalents).
 */
export const CARGO_BIKE_RECEIVER_MAX = { kg: 150, m3: 1, units: 20 } as const;
/**
 * No receiver gets more than this in a day, all orders combined, so that one e-van can always serve it in a
 * single stop (planning payload 1,000 kg; volume kept well under a large e-van's ~10 m3). Rarely binds.
 */
export const RECEIVER_DAY_MAX = { kg: 800, m3: 5, units: 100 } as const;
/**
 * Assumption (as in most French pedestrian centres, Lille's included: vans may deliver in the morning):
 * the pedestrian core is cargo-bike only from 11:00 to 20:00; before 11:00 any vehicle may deliver.
 */
const PEDESTRIAN_BIKES_ONLY = { start: '11:00', end: '20:00' } as const;
/** Share of the pedestrian core's eligible receivers (shops, cafés, pharmacies, offices) that are cargo-bike only. */
const BIKE_ONLY_SHARE = 0.7;
/** Sectors that rarely deliver to cargo-bike-only outlets (their weight there is multiplied by 0.02). */
const HEAVY_SECTORS: ReadonlySet<Sector> = new Set(['building', 'pallet', 'beverage']);
/** Cargo-bike-only outlets are small: their order sizes are scaled by this factor before any shrinking. */
const BIKE_ONLY_SIZE_FACTOR = 0.6;

/** Search effort suited to the size of the day: the largest days plan at quick effort. */
export function defaultEffort(receivers: number): 'quick' | 'normal' {
  return receivers < 5000 ? 'normal' : 'quick';
}

/**
 * Wall-clock cap for large days, above the 120 s default, so that the cap does not cut their solves short
 * on this project's 2-core machine (assumption, not measured at every size; the plan says if it binds).
 */
function largeDayCapSeconds(receivers: number): number | undefined {
  if (receivers < 1000) return undefined;
  return receivers < 5000 ? 900 : 1800;
}

function checkOptions(o: CityDayOptions): number {
  if (!(GENERATOR_CITIES as readonly string[]).includes(o.city)) {
    const near = closestName(String(o.city), GENERATOR_CITIES);
    throw new InputError(
      'INVALID_OPTION',
      `city must be one of ${GENERATOR_CITIES.join(', ')}, got "${o.city}"${near ? ` (did you mean "${near}"?)` : ''}`,
      { field: 'city' },
    );
  }
  if (!Number.isInteger(o.receivers) || o.receivers < 1 || o.receivers > MAX_RECEIVERS)
    throw new InputError(
      'INVALID_OPTION',
      `receivers must be an integer in 1–${MAX_RECEIVERS}, got ${o.receivers}`,
      {
        field: 'receivers',
      },
    );
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)
    throw new InputError('INVALID_OPTION', `seed must be an integer in 0–4294967295, got ${o.seed}`, {
      field: 'seed',
    });
  const carriers = o.carriers ?? DEFAULT_CARRIERS;
  if (!Number.isInteger(carriers) || carriers < MIN_CARRIERS || carriers > MAX_CARRIERS)
    throw new InputError(
      'INVALID_OPTION',
      `carriers must be an integer in ${MIN_CARRIERS}–${MAX_CARRIERS}, got ${carriers}`,
      { field: 'carriers' },
    );
  return carriers;
}

const kindShares = RECEIVER_KINDS.map((k) => k.share);
const endsByNoon = (k: ReceiverKindProfile): boolean => k.windows.every((w) => w.end <= '12:00');

interface DraftOrder {
  readonly carrier: CarrierTemplate;
  readonly order: Omit<Order, 'id'>;
}

function drawOrders(
  receiver: Receiver,
  kind: ReceiverKindProfile,
  bikeOnly: boolean,
  carriers: readonly CarrierTemplate[],
  rng: Rng,
): DraftOrder[] {
  const count = rng.int(Math.min(kind.orders[0], carriers.length), Math.min(kind.orders[1], carriers.length));
  const weights = carriers.map(
    (c) => SECTORS[c.sector].affinity[kind.kind] * (bikeOnly && HEAVY_SECTORS.has(c.sector) ? 0.02 : 1),
  );
  const chosen = rng.weightedSample(weights, count).sort((a, b) => a - b);
  const sizeFactor = kind.sizeFactor * (bikeOnly ? BIKE_ONLY_SIZE_FACTOR : 1);
  const drafts = chosen.map((i) => {
    const carrier = carriers[i] as CarrierTemplate;
    const profile = SECTORS[carrier.sector];
    const pickup = rng.chance(PICKUP_SHARE);
    const size = pickup ? drawReturnSize(profile, rng) : drawDeliverySize(profile, sizeFactor, rng);
    const order: Omit<Order, 'id'> = {
      carrierId: carrier.id,
      receiverId: receiver.id,
      kind: pickup ? 'pickup' : 'delivery',
      size,
    };
    return { carrier, order };
  });
  const max = bikeOnly ? CARGO_BIKE_RECEIVER_MAX : RECEIVER_DAY_MAX;
  const total = (f: (z: Size) => number): number => drafts.reduce((a, d) => a + f(d.order.size), 0);
  if (
    total((z) => z.kg) <= max.kg &&
    total((z) => z.m3 ?? 0) <= max.m3 &&
    total((z) => z.units ?? 0) <= max.units
  )
    return drafts;
  const sizes = shrinkToFit(
    drafts.map((d) => d.order.size),
    max,
  );
  return drafts.map((d, i) => ({ carrier: d.carrier, order: { ...d.order, size: sizes[i] as Size } }));
}

/**
 * One synthetic but realistic delivery day in a city centre (Lille or Lyon): receivers scattered around named street
 * clusters, 5–10 orders per receiver from distinct carriers with sizes typical of each trade, a few
 * pickups of returns, light receivers of the pedestrian core reachable by cargo bike only, carriers with
 * depots in the metropolitan ring, and a pooled hub fleet sized from the demand. Pure and deterministic:
 * the same options always give the same scenario.
 * @throws InputError (INVALID_OPTION, naming the option) when an option is out of range.
 * @example generateCityDay({ city: 'lille', receivers: 220, seed: 59000, carriers: 10 })
 */
export function generateCityDay(options: CityDayOptions): Scenario {
  const carrierCount = checkOptions(options);
  const geo: CityGeography = CITY_GEOGRAPHIES[options.city];
  const rng = new Rng(options.seed);
  const carriers = cityCarriers(geo.carriers, geo.depots, carrierCount);
  const clusterWeights = geo.clusters.map((c) => c.weight);
  const uniformClusters = geo.clusters.map(() => 1);
  const pad = Math.max(4, String(options.receivers).length);
  const receivers: Receiver[] = [];
  const drafts: DraftOrder[] = [];
  const demand = { van: emptyClassDemand(), bike: emptyClassDemand() };

  for (let n = 1; n <= options.receivers; n++) {
    const kind = RECEIVER_KINDS[rng.weightedIndex(kindShares)] as ReceiverKindProfile;
    const clusters = kind.kind === 'building-site' ? uniformClusters : clusterWeights;
    const cluster = geo.clusters[rng.weightedIndex(clusters)] as StreetCluster;
    const street = rng.pick(cluster.streets);
    const receiver: Receiver = {
      id: `R${String(n).padStart(pad, '0')}`,
      name: `${rng.pick(kind.labels)}, ${rng.int(1, 120)} ${street}`,
      kind: kind.kind,
      location: placeReceiver(cluster, rng, geo),
      windows: kind.windows.map((w) => ({ ...w })),
      serviceMinutes: rng.int(kind.serviceMinutes[0], kind.serviceMinutes[1]),
    };
    const bikeOnly = cluster.pedestrian && kind.pedestrianEligible && rng.chance(BIKE_ONLY_SHARE);
    const orders = drawOrders(receiver, kind, bikeOnly, carriers, rng);
    if (bikeOnly) receiver.access = { vehicleClasses: ['cargo-bike'], hours: [{ ...PEDESTRIAN_BIKES_ONLY }] };
    const load = bikeOnly ? demand.bike : demand.van;
    const kg = orders.reduce((sum, d) => sum + d.order.size.kg, 0);
    load.kg += kg;
    load.stops += 1;
    if (endsByNoon(kind)) {
      load.morningKg += kg;
      load.morningStops += 1;
    }
    receivers.push(receiver);
    pushAll(drafts, orders);
  }

  const counters = new Map<string, number>();
  const orders: Order[] = drafts.map(({ carrier, order }) => {
    const n = (counters.get(carrier.id) ?? 0) + 1;
    counters.set(carrier.id, n);
    return { id: `ORD-${carrier.id}-${n}`, ...order };
  });

  return {
    name: `${geo.label} city-centre day: ${options.receivers} receivers, ${carrierCount} carriers (seed ${options.seed})`,
    date: GENERATED_DATE,
    timezone: 'Europe/Paris',
    hubs: geo.hubs.map((h) => ({ ...h, location: [h.location[0], h.location[1]] })),
    carriers: carriers.map((c) => ({
      id: c.id,
      name: `${c.name} (${c.depot.town})`,
      depot: [c.depot.location[0], c.depot.location[1]],
      baselineVehicleType: c.baselineVehicleType,
    })),
    receivers,
    orders,
    // every candidate hub gets a fleet for the whole day: the facility model decides which open
    fleet: geo.hubs.flatMap((h) => sizeFleet(h.id, demand)),
    options: {
      seed: options.seed,
      effort: defaultEffort(options.receivers),
      ...(largeDayCapSeconds(options.receivers) !== undefined
        ? { timeLimitSeconds: largeDayCapSeconds(options.receivers) }
        : {}),
    },
  };
}
