import { intensityGPerTkm, type EmissionAllocation, type EmissionTotals } from './emission-shares.ts';

/** One carrier's GLEC-style statement: its consignments and totals before (alone) and after pooling. */
export interface CarrierStatement {
  readonly carrierId: string;
  readonly consignments: readonly {
    readonly consignmentId: string;
    readonly before: EmissionTotals | undefined;
    readonly after: EmissionTotals | undefined;
  }[];
  readonly before: EmissionTotals;
  readonly after: EmissionTotals;
  /** WTW grams saved by pooling (before - after; negative when pooling emits more for this carrier). */
  readonly wtwSavedG: number;
}

const NONE: EmissionTotals = { wtwCo2eG: 0, ttwCo2eG: 0, tonneKm: 0, wtwIntensityGPerTkm: undefined };

/**
 * What one carrier may see of two allocations of the same orders (its baseline rounds, the pooled plan):
 * only its own consignments and totals, nothing of other carriers. Consignments sorted by id.
 */
export function carrierStatement(
  carrierId: string,
  before: EmissionAllocation,
  after: EmissionAllocation,
): CarrierStatement {
  const ids = new Set<string>();
  for (const a of [before, after])
    for (const [id, c] of a.byConsignment) if (c.carrierId === carrierId) ids.add(id);
  const own = (a: EmissionAllocation, id: string): EmissionTotals | undefined => {
    const c = a.byConsignment.get(id);
    return c
      ? {
          wtwCo2eG: c.wtwCo2eG,
          ttwCo2eG: c.ttwCo2eG,
          tonneKm: c.tonneKm,
          wtwIntensityGPerTkm: c.wtwIntensityGPerTkm,
        }
      : undefined;
  };
  const totals = (a: EmissionAllocation): EmissionTotals => {
    const t = a.byCarrier.get(carrierId) ?? NONE;
    return { ...t, wtwIntensityGPerTkm: intensityGPerTkm(t.wtwCo2eG, t.tonneKm) };
  };
  const [b, a] = [totals(before), totals(after)];
  return {
    carrierId,
    consignments: [...ids]
      .sort()
      .map((id) => ({ consignmentId: id, before: own(before, id), after: own(after, id) })),
    before: b,
    after: a,
    wtwSavedG: b.wtwCo2eG - a.wtwCo2eG,
  };
}
