import type { Order, Scenario } from '../contracts/index.ts';
import type { ReferenceData, ReferenceStore } from '../contracts/ports.ts';
import { scenarioSchema, toFieldIssues } from '../contracts/index.ts';
import { ApiError } from './api-error.ts';

/** Read-only lookups over one version of the reference data. */
export class ReferenceRegistry {
  private readonly hubs: Map<string, Scenario['hubs'][number]>;
  private readonly receivers: Set<string>;

  constructor(readonly data: ReferenceData) {
    this.hubs = new Map(data.hubs.map((h) => [h.id, h]));
    this.receivers = new Set(data.receivers.map((r) => r.id));
  }

  /** An empty registry (no seed file): every order is then refused as naming an unknown hub. */
  static empty(): ReferenceRegistry {
    return new ReferenceRegistry({
      name: 'empty',
      date: '1970-01-01',
      hubs: [],
      carriers: [],
      receivers: [],
      fleet: [],
    });
  }

  hasHub(id: string): boolean {
    return this.hubs.has(id);
  }

  hasReceiver(id: string): boolean {
    return this.receivers.has(id);
  }

  /**
   * The scenario of one hub on one day, from the stored orders: only that hub and its fleet, the carriers
   * and receivers the orders name. Order ids used by two carriers become `carrierId/orderId`.
   * @throws ApiError NOT_FOUND (unknown hub), NO_ORDERS, INVALID_SCENARIO (e.g. a hub without fleet).
   */
  hubDayScenario(hubId: string, date: string, orders: readonly Order[]): Scenario {
    const hub = this.hubs.get(hubId);
    if (!hub) throw new ApiError('NOT_FOUND', `unknown hub "${hubId}"`);
    if (orders.length === 0) throw new ApiError('NO_ORDERS', `no orders for hub "${hubId}" on ${date}`);
    const idCount = new Map<string, number>();
    for (const o of orders) idCount.set(o.id, (idCount.get(o.id) ?? 0) + 1);
    const scenarioOrders = orders.map((o) =>
      (idCount.get(o.id) ?? 0) > 1 ? { ...o, id: `${o.carrierId}/${o.id}` } : o,
    );
    const carrierIds = new Set(orders.map((o) => o.carrierId));
    const receiverIds = new Set(orders.map((o) => o.receiverId));
    const d = this.data;
    const candidate = {
      name: `${hubId} ${date}`,
      date,
      ...(d.timezone ? { timezone: d.timezone } : {}),
      hubs: [hub],
      carriers: d.carriers.filter((c) => carrierIds.has(c.id)),
      receivers: d.receivers.filter((r) => receiverIds.has(r.id)),
      orders: scenarioOrders,
      ...(d.vehicleTypes ? { vehicleTypes: d.vehicleTypes } : {}),
      fleet: d.fleet.filter((f) => f.hubId === hubId),
      // access zones bind the hub's day like any other: never drop them
      ...(d.zones ? { zones: d.zones } : {}),
      ...(d.options ? { options: d.options } : {}),
    };
    const parsed = scenarioSchema.safeParse(candidate);
    if (!parsed.success) {
      throw new ApiError(
        'INVALID_SCENARIO',
        `the stored orders and reference data of ${hubId} on ${date} do not form a valid scenario`,
        toFieldIssues(parsed.error),
      );
    }
    return parsed.data;
  }
}

/** Reference data from a seed scenario: its orders are dropped. */
export function referenceFromScenario(s: Scenario): ReferenceRegistry {
  const { orders: _orders, ...rest } = s;
  return new ReferenceRegistry(rest);
}

/** The parts an admin may replace: hubs (with their fleet), carriers, receivers. */
export type ReferencePatch = Partial<Pick<ReferenceData, 'hubs' | 'fleet' | 'carriers' | 'receivers'>>;

/** ReferenceStore in this process's memory: tests and single-process use. */
export class MemoryReferenceStore implements ReferenceStore {
  private n = 0;
  constructor(private data: ReferenceData | undefined) {}
  async version() {
    return String(this.n);
  }
  async load() {
    return { version: String(this.n), data: this.data };
  }
  async save(data: ReferenceData) {
    this.data = data;
    this.n++;
  }
}

/**
 * The API's view of the reference data: one store read of the version per request, the registry rebuilt only
 * when another process (or this one) saved a new version.
 */
export class ReferenceSource {
  private cached: { version: string; registry: ReferenceRegistry } | undefined;

  constructor(private readonly store: ReferenceStore) {}

  /** A source over fixed data (tests, `--dev`). */
  static of(registry: ReferenceRegistry): ReferenceSource {
    return new ReferenceSource(new MemoryReferenceStore(registry.data));
  }

  async current(): Promise<ReferenceRegistry> {
    const version = await this.store.version();
    if (this.cached?.version === version) return this.cached.registry;
    const { version: loaded, data } = await this.store.load();
    const registry = data ? new ReferenceRegistry(data) : ReferenceRegistry.empty();
    this.cached = { version: loaded, registry };
    return registry;
  }

  /**
   * Replaces parts of the reference data after checking the whole still holds together (fleet hubs and vehicle
   * types, carriers' baseline vehicle types: the scenario rules with no orders).
   * @throws ApiError INVALID_SCENARIO listing the broken references.
   */
  async replace(patch: ReferencePatch): Promise<ReferenceRegistry> {
    const current = (await this.current()).data;
    const candidate = { ...current, ...patch };
    const parsed = scenarioSchema.safeParse({ ...candidate, orders: [] });
    if (!parsed.success) {
      throw new ApiError(
        'INVALID_SCENARIO',
        'the reference data would not hold together',
        toFieldIssues(parsed.error),
      );
    }
    const { orders: _orders, ...data } = parsed.data;
    await this.store.save(data);
    return await this.current();
  }
}
