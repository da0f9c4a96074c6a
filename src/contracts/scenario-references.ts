import type { z } from 'zod';
import {
  BUILT_IN_VEHICLE_CLASSES,
  BUILT_IN_VEHICLE_TYPE_IDS,
  BUILT_IN_VEHICLE_TYPE_KINDS,
  type BuiltInVehicleTypeId,
} from './built-in-vehicle-types.ts';
import { closestName } from './closest-name.ts';
import { LIMITS } from './limits.ts';
import type { Scenario } from './scenario.ts';

type Ctx = z.core.$RefinementCtx<Scenario>;

function checkUnique(ctx: Ctx, list: readonly { id: string }[], field: string): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return seen;
}

/**
 * Cross-field checks zod's shape cannot express: unique ids and references that must exist.
 * Issues carry the same field paths as shape errors (`orders[12].receiverId`).
 */
export function checkScenarioReferences(s: Scenario, ctx: Ctx): void {
  const hubs = checkUnique(ctx, s.hubs, 'hubs');
  const carriers = checkUnique(ctx, s.carriers, 'carriers');
  const receivers = checkUnique(ctx, s.receivers, 'receivers');
  checkUnique(ctx, s.orders, 'orders');
  const types = new Set<string>([...BUILT_IN_VEHICLE_TYPE_IDS, ...(s.vehicleTypes ?? []).map((t) => t.id)]);
  if (s.vehicleTypes) checkUnique(ctx, s.vehicleTypes, 'vehicleTypes');

  s.hubs.forEach((h, i) => {
    if (h.open >= h.close)
      ctx.addIssue({ code: 'custom', path: ['hubs', i, 'close'], message: 'hub must close after it opens' });
  });
  s.carriers.forEach((c, i) => {
    if (c.trunkVehicleType !== undefined && !types.has(c.trunkVehicleType))
      ctx.addIssue({
        code: 'custom',
        path: ['carriers', i, 'trunkVehicleType'],
        message: `unknown vehicle type "${c.trunkVehicleType}"`,
      });
    if (!types.has(c.baselineVehicleType))
      ctx.addIssue({
        code: 'custom',
        path: ['carriers', i, 'baselineVehicleType'],
        message: `unknown vehicle type "${c.baselineVehicleType}"`,
      });
  });
  s.orders.forEach((o, i) => {
    if (!carriers.has(o.carrierId))
      ctx.addIssue({
        code: 'custom',
        path: ['orders', i, 'carrierId'],
        message: `unknown carrier "${o.carrierId}"`,
      });
    if (!receivers.has(o.receiverId))
      ctx.addIssue({
        code: 'custom',
        path: ['orders', i, 'receiverId'],
        message: `unknown receiver "${o.receiverId}"`,
      });
  });
  s.fleet.forEach((f, i) => {
    if (!hubs.has(f.hubId))
      ctx.addIssue({ code: 'custom', path: ['fleet', i, 'hubId'], message: `unknown hub "${f.hubId}"` });
    if (!types.has(f.vehicleType))
      ctx.addIssue({
        code: 'custom',
        path: ['fleet', i, 'vehicleType'],
        message: `unknown vehicle type "${f.vehicleType}"`,
      });
  });
  s.trunkFleet?.forEach((f, i) => {
    if (!hubs.has(f.hubId))
      ctx.addIssue({ code: 'custom', path: ['trunkFleet', i, 'hubId'], message: `unknown hub "${f.hubId}"` });
    if (!types.has(f.vehicleType))
      ctx.addIssue({
        code: 'custom',
        path: ['trunkFleet', i, 'vehicleType'],
        message: `unknown vehicle type "${f.vehicleType}"`,
      });
  });
  checkIntermodalLegs(s, ctx, hubs, carriers);
  checkFeeders(s, ctx, hubs, types);
  checkAccessClasses(s, ctx);
  checkPowertrains(s, ctx);
  checkVehicleTotal(s, ctx);
  const matrix = s.options?.matrix;
  if (matrix) {
    const ids = matrix.ids;
    const n = ids.length;
    const known = new Set(ids);
    for (const id of [...hubs, ...carriers, ...receivers]) {
      if (!known.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['options', 'matrix', 'ids'],
          message: `missing location id "${id}"`,
        });
    }
    checkSquare(ctx, matrix.distancesKm, 'distancesKm', n);
    // a short durations row would leave drives without a time (unreachable) instead of refusing the input
    if (matrix.durationsMin) checkSquare(ctx, matrix.durationsMin, 'durationsMin', n);
  }
}

/** A matrix of the options has one row per location id and one entry per id in each row. */
function checkSquare(ctx: Ctx, rows: readonly (readonly number[])[], field: string, n: number): void {
  rows.forEach((row, i) => {
    if (row.length !== n)
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'matrix', field, i],
        message: `expected ${n} entries`,
      });
  });
  if (rows.length !== n)
    ctx.addIssue({ code: 'custom', path: ['options', 'matrix', field], message: `expected ${n} rows` });
}

/** A leg names a known hub and known carriers, and a carrier takes at most one leg to a hub. */
function checkIntermodalLegs(s: Scenario, ctx: Ctx, hubs: Set<string>, carriers: Set<string>): void {
  if (!s.intermodalLegs) return;
  checkUnique(ctx, s.intermodalLegs, 'intermodalLegs');
  const taken = new Set<string>();
  s.intermodalLegs.forEach((leg, i) => {
    if (!hubs.has(leg.hubId))
      ctx.addIssue({
        code: 'custom',
        path: ['intermodalLegs', i, 'hubId'],
        message: `unknown hub "${leg.hubId}"`,
      });
    leg.carrierIds.forEach((id, k) => {
      const key = JSON.stringify([leg.hubId, id]);
      if (!carriers.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['intermodalLegs', i, 'carrierIds', k],
          message: `unknown carrier "${id}"`,
        });
      else if (taken.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['intermodalLegs', i, 'carrierIds', k],
          message: `carrier "${id}" already takes another leg to hub "${leg.hubId}"`,
        });
      taken.add(key);
    });
  });
  if (s.options?.matrix)
    ctx.addIssue({
      code: 'custom',
      path: ['intermodalLegs'],
      message: 'intermodal legs need great-circle travel: their terminals are not in options.matrix',
    });
}

const ROAD_FEEDER_FIELDS = ['vehicleType', 'count', 'shift', 'maxTrips', 'reloadMinutes'] as const;
const LEG_FEEDER_FIELDS = [
  'lengthKm',
  'speedKmh',
  'handlingMinutes',
  'capacityKg',
  'co2eGPerTonneKm',
  'kWhPerTonneKm',
] as const;

/**
 * Two echelons: a feeder names another hub that is not fed itself (two echelons, no chains), gives the fields of
 * its mode only (a barge or rail leg needs its length), and a fed micro-hub takes no trunk of its own (no
 * intermodal leg or trunk fleet to it: the carriers' flows go to its platform).
 */
function checkFeeders(s: Scenario, ctx: Ctx, hubs: Set<string>, types: Set<string>): void {
  const fed = new Set(s.hubs.filter((h) => h.feeder).map((h) => h.id));
  s.hubs.forEach((h, i) => {
    const f = h.feeder;
    if (!f) return;
    const issue = (field: string, message: string): void =>
      ctx.addIssue({ code: 'custom', path: ['hubs', i, 'feeder', field], message });
    if (!hubs.has(f.hubId)) {
      const near = closestName(
        f.hubId,
        [...hubs].filter((id) => id !== h.id),
      );
      issue('hubId', `unknown hub "${f.hubId}"${near ? ` (did you mean "${near}"?)` : ''}`);
    } else if (f.hubId === h.id) issue('hubId', 'a hub cannot feed itself');
    else if (fed.has(f.hubId))
      issue('hubId', `hub "${f.hubId}" is itself fed by another: two echelons at most`);
    const mode = f.mode ?? 'road';
    const misplaced = mode === 'road' ? LEG_FEEDER_FIELDS : ROAD_FEEDER_FIELDS;
    for (const field of misplaced)
      if (f[field] !== undefined)
        issue(field, `only for ${mode === 'road' ? 'barge or rail' : 'road'} feeders (mode is ${mode})`);
    if (mode !== 'road' && f.lengthKm === undefined)
      issue('lengthKm', `a ${mode} feeder needs its length on its own network`);
    if (f.vehicleType !== undefined && !types.has(f.vehicleType))
      issue('vehicleType', `unknown vehicle type "${f.vehicleType}"`);
  });
  s.intermodalLegs?.forEach((leg, i) => {
    if (fed.has(leg.hubId))
      ctx.addIssue({
        code: 'custom',
        path: ['intermodalLegs', i, 'hubId'],
        message: `hub "${leg.hubId}" is fed by a platform: the carriers' flows go there, so should this leg`,
      });
  });
  s.trunkFleet?.forEach((t, i) => {
    if (fed.has(t.hubId))
      ctx.addIssue({
        code: 'custom',
        path: ['trunkFleet', i, 'hubId'],
        message: `hub "${t.hubId}" is fed by a platform: its feeder vehicles are in hubs[].feeder`,
      });
  });
}

/**
 * Classes named by access rules must be classes some vehicle type has: a misspelt class would otherwise
 * bar every vehicle from a receiver or zone without a word.
 */
function checkAccessClasses(s: Scenario, ctx: Ctx): void {
  if (s.zones) checkUnique(ctx, s.zones, 'zones');
  const classes = [
    ...new Set<string>([...BUILT_IN_VEHICLE_CLASSES, ...(s.vehicleTypes ?? []).map((t) => t.class)]),
  ];
  const check = (names: readonly string[] | undefined, path: (string | number)[]): void =>
    names?.forEach((name, k) => {
      if (classes.includes(name)) return;
      const near = closestName(name, classes);
      ctx.addIssue({
        code: 'custom',
        path: [...path, k],
        message: `unknown vehicle class "${name}"${near ? ` (did you mean "${near}"?)` : ''}`,
      });
    });
  s.receivers.forEach((r, i) =>
    check(r.access?.vehicleClasses, ['receivers', i, 'access', 'vehicleClasses']),
  );
  s.zones?.forEach((z, i) =>
    z.rules.forEach((rule, j) => check(rule.allow.classes, ['zones', i, 'rules', j, 'allow', 'classes'])),
  );
}

/**
 * A type that names its powertrain but gives no energy profile borrows the profile of a built-in: the built-in
 * of the same id, else one of the same class and powertrain. When that built-in runs on something else, the
 * energy figures would contradict the powertrain: ask for the profile instead.
 */
function checkPowertrains(s: Scenario, ctx: Ctx): void {
  s.vehicleTypes?.forEach((t, i) => {
    if (t.powertrain === undefined || t.energy !== undefined) return;
    const kinds = Object.entries(BUILT_IN_VEHICLE_TYPE_KINDS) as [
      BuiltInVehicleTypeId,
      { class: string; powertrain: string },
    ][];
    const byId = kinds.find(([id]) => id === t.id)?.[1];
    const ok = byId
      ? byId.powertrain === t.powertrain
      : kinds.some(([, k]) => k.class === t.class && k.powertrain === t.powertrain);
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['vehicleTypes', i, 'energy'],
        message: `no built-in ${byId ? `"${t.id}"` : `"${t.class}" type`} runs on ${t.powertrain}: give the type's energy profile`,
      });
  });
}

/**
 * Each fleet entry and carrier is bounded on its own; their sum is bounded too, since a thousand entries of
 * 5,000 vans would build as many vehicles as one entry of five million.
 */
function checkVehicleTotal(s: Scenario, ctx: Ctx): void {
  const fleet = s.fleet.map((f) => f.count);
  const baseline = s.carriers.map((c) => c.baselineVehicles ?? 0);
  // trunk and feeder counts have their own, small bounds (scenario.ts); fleet entries and carriers differ
  const others = [
    ...(s.trunkFleet ?? []).map((t) => t.count ?? 0),
    ...s.hubs.map((h) => h.feeder?.count ?? 0),
  ];
  // an entry over its own bound already has its issue: one message per mistake
  if (
    fleet.some((n) => n > LIMITS.vehiclesPerFleetEntry) ||
    baseline.some((n) => n > LIMITS.baselineVehiclesPerCarrier)
  )
    return;
  const total = [...fleet, ...baseline, ...others].reduce((n, c) => n + c, 0);
  if (total > LIMITS.vehiclesPerScenario)
    ctx.addIssue({
      code: 'custom',
      path: ['fleet'],
      message: `${total} vehicles in fleet[].count, carriers[].baselineVehicles, trunkFleet[].count and hubs[].feeder.count together: at most ${LIMITS.vehiclesPerScenario}`,
    });
}
