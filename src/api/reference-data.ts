import type { Order, Scenario } from '../contracts/index.ts';
import type { ReferenceData, ReferenceStore, StoredOrder } from '../contracts/ports.ts';
import { orderSchema, scenarioSchema, toFieldIssues } from '../contracts/index.ts';
import { ApiError } from './api-error.ts';

/** Read-only lookups over one version of the reference data. */
export class ReferenceRegistry {
  private readonly hubs: Map<string, Scenario['hubs'][number]>;
  private readonly receivers: Set<string>;
  private readonly carriers: Set<string>;

  constructor(readonly data: ReferenceData) {
    this.hubs = new Map(data.hubs.map((h) => [h.id, h]));
    this.receivers = new Set(data.receivers.map((r) => r.id));
    this.carriers = new Set(data.carriers.map((c) => c.id));
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

  hasCarrier(id: string): boolean {
    return this.carriers.has(id);
  }

  /**
   * The scenario of one hub on one day, from the stored orders: only that hub and its fleet, the carriers
   * and receivers the orders name. Order ids used by two carriers become `carrierId/orderId` (API order ids
   * hold no "/", so that cannot collide with another id). One carrier's bad order never blocks the day: an
   * order that no longer validates (its carrier or receiver left the reference data, a stored value from an
   * older version) is left out and returned in `rejected` with the reason; the rest is planned.
   * @throws ApiError NOT_FOUND (unknown hub), NO_ORDERS (none, or none valid), INVALID_SCENARIO (the reference
   * data itself, e.g. a hub without fleet).
   */
  hubDayScenario(hubId: string, date: string, stored: readonly StoredOrder[]): HubDayScenario {
    const hub = this.hubs.get(hubId);
    if (!hub) throw new ApiError('NOT_FOUND', `unknown hub "${hubId}"`);
    if (stored.length === 0) throw new ApiError('NO_ORDERS', `no orders for hub "${hubId}" on ${date}`);
    const rejected: RejectedOrder[] = [];
    let orders: Order[] = [];
    for (const s of stored) {
      const parsed = orderSchema.safeParse(s.value);
      if (!parsed.success) {
        const issue = toFieldIssues(parsed.error)[0];
        rejected.push({
          carrierId: s.carrierId,
          orderId: s.id,
          reason: `stored order is invalid: ${issue?.path}: ${issue?.message}`,
        });
      } else if (!this.carriers.has(parsed.data.carrierId))
        rejected.push({
          carrierId: s.carrierId,
          orderId: s.id,
          reason: `unknown carrier "${parsed.data.carrierId}"`,
        });
      else if (!this.receivers.has(parsed.data.receiverId))
        rejected.push({
          carrierId: s.carrierId,
          orderId: s.id,
          reason: `unknown receiver "${parsed.data.receiverId}"`,
        });
      else orders.push(parsed.data);
    }
    // anything else an order can break (e.g. ids from before "/" was refused colliding once namespaced)
    // each round either plans or removes at least one order, so this ends
    while (orders.length > 0) {
      const result = scenarioSchema.safeParse(this.candidate(hub, date, orders));
      if (result.success) return { scenario: result.data, rejected };
      const bad = new Map<number, string>();
      for (const issue of result.error.issues) {
        const [field, index] = issue.path;
        if (field === 'orders' && typeof index === 'number' && !bad.has(index)) bad.set(index, issue.message);
      }
      if (bad.size === 0)
        throw new ApiError(
          'INVALID_SCENARIO',
          `the reference data of ${hubId} do not form a valid scenario for ${date}`,
          toFieldIssues(result.error),
        );
      for (const [i, reason] of bad) {
        const o = orders[i];
        if (o) rejected.push({ carrierId: o.carrierId, orderId: o.id, reason });
      }
      orders = orders.filter((_, i) => !bad.has(i));
    }
    throw new ApiError(
      'NO_ORDERS',
      `no valid orders for hub "${hubId}" on ${date}`,
      rejected.map((r) => ({ path: `${r.carrierId}/${r.orderId}`, message: r.reason })),
    );
  }

  private candidate(hub: Scenario['hubs'][number], date: string, orders: readonly Order[]) {
    const idCount = new Map<string, number>();
    for (const o of orders) idCount.set(o.id, (idCount.get(o.id) ?? 0) + 1);
    const scenarioOrders = orders.map((o) =>
      (idCount.get(o.id) ?? 0) > 1 ? { ...o, id: `${o.carrierId}/${o.id}` } : o,
    );
    const carrierIds = new Set(orders.map((o) => o.carrierId));
    const receiverIds = new Set(orders.map((o) => o.receiverId));
    const d = this.data;
    return {
      name: `${hub.id} ${date}`,
      date,
      ...(d.timezone ? { timezone: d.timezone } : {}),
      hubs: [hub],
      carriers: d.carriers.filter((c) => carrierIds.has(c.id)),
      receivers: d.receivers.filter((r) => receiverIds.has(r.id)),
      orders: scenarioOrders,
      ...(d.vehicleTypes ? { vehicleTypes: d.vehicleTypes } : {}),
      fleet: d.fleet.filter((f) => f.hubId === hub.id),
      // access zones bind the hub's day like any other: never drop them
      ...(d.zones ? { zones: d.zones } : {}),
      ...(d.options ? { options: d.options } : {}),
    };
  }
}

/** A stored order the day's plan left out, and why. */
export interface RejectedOrder {
  readonly carrierId: string;
  readonly orderId: string;
  readonly reason: string;
}

export interface HubDayScenario {
  readonly scenario: Scenario;
  readonly rejected: readonly RejectedOrder[];
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
