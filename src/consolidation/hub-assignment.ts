import type { City } from '../domain/city.ts';
import { solveLinearProgram } from './lp-adapter.ts';

/**
 * Above this many receiver x hub variables the dense-tableau LP gets slow and memory-hungry
 * (ecosystem.md: 0.4–0.9 GB at 3,000 variables); greedy nearest-with-capacity takes over.
 */
export const MAX_LP_VARIABLES = 3000;

/**
 * Chooses the hub through which each receiver is served: a transportation LP (docs/model/consolidation.md)
 * minimising a kilometre proxy (hub-receiver round trip plus each order's share of its trunk leg),
 * subject to each hub's daily handling capacity. Only hubs with a pooled fleet are candidates.
 * Returns the hub index per receiver, or -1 when no hub has a fleet.
 */
export function assignReceiversToHubs(city: City): number[] {
  const candidates = city.hubs
    .map((_, h) => h)
    .filter((h) => city.fleet.some((f) => f.hub === h && f.count > 0));
  if (candidates.length === 0) return city.receivers.map(() => -1);
  if (candidates.length === 1) return city.receivers.map(() => candidates[0] as number);

  const cost = assignmentCosts(city, candidates);
  const units = receiverUnits(city);
  if (city.receivers.length * candidates.length <= MAX_LP_VARIABLES) {
    const lp = solveAssignmentLp(city, candidates, cost, units);
    if (lp) return lp;
  }
  return greedyAssignment(city, candidates, cost, units);
}

function assignmentCosts(city: City, candidates: readonly number[]): number[][] {
  const trunkShare = city.receivers.map(() => candidates.map(() => 0));
  for (const o of city.orders) {
    const carrier = city.carriers[o.carrier];
    const type = carrier && city.vehicleTypes[carrier.trunkType];
    if (!carrier || !type) continue;
    candidates.forEach((h, k) => {
      const hubLoc = (city.hubs[h] as { location: number }).location;
      const roundTrip =
        city.travel.distance(carrier.location, hubLoc) + city.travel.distance(hubLoc, carrier.location);
      const row = trunkShare[o.receiver] as number[];
      row[k] = (row[k] as number) + roundTrip * Math.min(1, o.size[0] / type.capacity[0]);
    });
  }
  return city.receivers.map((r, i) =>
    candidates.map((h, k) => {
      const hubLoc = (city.hubs[h] as { location: number }).location;
      return 2 * city.travel.distance(hubLoc, r.location) + ((trunkShare[i] as number[])[k] as number);
    }),
  );
}

/** Handling units per receiver (orders count when units are not given): what a hub's capacity limits. */
function receiverUnits(city: City): number[] {
  const units = city.receivers.map(() => 0);
  for (const o of city.orders) units[o.receiver] = (units[o.receiver] as number) + Math.max(1, o.size[2]);
  return units;
}

function solveAssignmentLp(
  city: City,
  candidates: readonly number[],
  cost: readonly (readonly number[])[],
  units: readonly number[],
): number[] | undefined {
  const constraints: Record<string, { equal?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  city.receivers.forEach((_, r) => {
    constraints[`serve_${r}`] = { equal: 1 };
    candidates.forEach((h, k) => {
      variables[`x_${r}_${k}`] = {
        km: (cost[r]?.[k] ?? 0) / 1000,
        [`serve_${r}`]: 1,
        [`cap_${h}`]: units[r] ?? 0,
      };
    });
  });
  for (const h of candidates) {
    const cap = city.hubs[h]?.capacityUnits;
    constraints[`cap_${h}`] = { max: cap ?? Number.MAX_SAFE_INTEGER };
  }
  const result = solveLinearProgram({ optimize: 'km', opType: 'min', constraints, variables });
  if (!result) return undefined;
  // The LP may split a receiver between hubs at a capacity boundary: round to its larger share.
  return city.receivers.map((_, r) => {
    let best = 0;
    let bestValue = -1;
    candidates.forEach((_h, k) => {
      const v = result.get(`x_${r}_${k}`) ?? 0;
      if (v > bestValue) {
        bestValue = v;
        best = k;
      }
    });
    return candidates[best] as number;
  });
}

/** Receivers by decreasing regret take their cheapest hub with capacity left (or the cheapest when all are full). */
function greedyAssignment(
  city: City,
  candidates: readonly number[],
  cost: readonly (readonly number[])[],
  units: readonly number[],
): number[] {
  const left = candidates.map((h) => city.hubs[h]?.capacityUnits ?? Infinity);
  const order = city.receivers.map((_, r) => r);
  const regret = (r: number): number => {
    const sorted = [...(cost[r] ?? [])].sort((a, b) => a - b);
    return (sorted[1] ?? 0) - (sorted[0] ?? 0);
  };
  order.sort((a, b) => regret(b) - regret(a));
  const out = city.receivers.map(() => candidates[0] as number);
  for (const r of order) {
    const ks = candidates.map((_, k) => k).sort((a, b) => (cost[r]?.[a] ?? 0) - (cost[r]?.[b] ?? 0));
    const k = ks.find((kk) => (left[kk] as number) >= (units[r] as number)) ?? (ks[0] as number);
    left[k] = (left[k] as number) - (units[r] as number);
    out[r] = candidates[k] as number;
  }
  return out;
}
