import type { Carrier, Hub, Order, Receiver, Scenario } from '../../../src/contracts/index.ts';
import { ELECTRICITY_FR_CO2E_KG_PER_KWH, type AuditVehicleType } from './factors.ts';
import { receiverRules, type AccessRule } from './access.ts';
import { travelModel, type Place, type Travel } from './geo.ts';
import { resolveVehicleTypes } from './vehicle-types.ts';

export interface AuditOptions {
  /**
   * Check access rules (receivers' `access`, zones) on the carriers' own rounds too, as on the pooled
   * runs. On by default: both plans obey access (docs/model/consolidation.md); off audits a plan made
   * when carriers' vans delivered every receiver as they do today.
   */
  readonly carrierRoundsObeyAccess?: boolean;
}

/** Everything the checks look up, built once from the scenario alone. */
export interface AuditContext {
  readonly scenario: Scenario;
  readonly options: Required<AuditOptions>;
  readonly types: ReadonlyMap<string, AuditVehicleType>;
  readonly hubs: ReadonlyMap<string, Hub>;
  readonly carriers: ReadonlyMap<string, Carrier>;
  readonly receivers: ReadonlyMap<string, Receiver>;
  readonly orders: ReadonlyMap<string, Order>;
  readonly travel: Travel;
  /** Grid factor in force: the scenario's override or mainland France. */
  readonly electricityCo2eKgPerKWh: number;
  /** The access rules binding a receiver (its own, its zones'), computed once each. */
  rulesOf(receiver: Receiver): readonly AccessRule[];
}

export function auditContext(scenario: Scenario, options: AuditOptions = {}): AuditContext {
  const rules = new Map<string, AccessRule[]>();
  return {
    scenario,
    options: { carrierRoundsObeyAccess: options.carrierRoundsObeyAccess ?? true },
    types: resolveVehicleTypes(scenario),
    hubs: new Map(scenario.hubs.map((h) => [h.id, h])),
    carriers: new Map(scenario.carriers.map((c) => [c.id, c])),
    receivers: new Map(scenario.receivers.map((r) => [r.id, r])),
    orders: new Map(scenario.orders.map((o) => [o.id, o])),
    travel: travelModel(scenario),
    electricityCo2eKgPerKWh: scenario.options?.electricityCo2eKgPerKWh ?? ELECTRICITY_FR_CO2E_KG_PER_KWH,
    rulesOf(receiver) {
      let own = rules.get(receiver.id);
      if (!own) rules.set(receiver.id, (own = receiverRules(scenario, receiver)));
      return own;
    },
  };
}

export const hubPlace = (h: Hub): Place => ({ id: h.id, location: h.location });
export const carrierPlace = (c: Carrier): Place => ({ id: c.id, location: c.depot });
export const receiverPlace = (r: Receiver): Place => ({ id: r.id, location: r.location });

/** Per dimension `[kg, m3, units]` of an order (absent dimensions are 0). */
export function orderSize(o: Order): [number, number, number] {
  return [o.size.kg, o.size.m3 ?? 0, o.size.units ?? 0];
}

export const isPickup = (o: Order): boolean => o.kind === 'pickup';
