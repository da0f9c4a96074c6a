import { z } from 'zod';
import { editDistance } from './closest-name.ts';
import { emissionTotalsSchema, planEmissionsSchema, planSchema, type Plan } from './plan.ts';
import { idSchema } from './primitives.ts';

/**
 * What one carrier may see of a plan: its own cost row and its GLEC-style emission statement (its orders,
 * tonne-km, CO2e and intensity alone in the baseline and after pooling), with the method and factors the
 * figures rest on, and nothing of any other carrier. `picon report --carrier` prints it; over HTTP it is
 * `GET /v1/plans/{id}/share`.
 */
export const carrierShareSchema = z.object({
  scenario: planSchema.shape.scenario.pick({ name: true, date: true, seed: true, effort: true }),
  carrierId: idSchema,
  /** Its row of the plan's cost allocation (EUR), with its consolidated CO2e and tonne-km. */
  cost: planSchema.shape.allocation.element,
  allocationMethod: z.string(),
  emissions: z.object({
    orders: z.number().int(),
    baseline: emissionTotalsSchema,
    consolidated: emissionTotalsSchema,
    wtwSavedKg: z.number(),
    consignments: z.array(
      z.object({
        orderId: idSchema,
        baseline: emissionTotalsSchema.nullable(),
        consolidated: emissionTotalsSchema.nullable(),
      }),
    ),
    method: planEmissionsSchema.shape.method,
    factors: planEmissionsSchema.shape.factors,
  }),
});

export type CarrierShare = z.infer<typeof carrierShareSchema>;

/** The carriers a plan allocates costs and emissions to, in the plan's order. */
export function planCarrierIds(plan: Plan): string[] {
  return plan.emissions.carriers.map((c) => c.carrierId);
}

/** Whether the plan has orders of this carrier (a carrier may read its share of such a plan only). */
export function planHasOrdersOf(plan: Plan, carrierId: string): boolean {
  return (plan.emissions.carriers.find((c) => c.carrierId === carrierId)?.orders ?? 0) > 0;
}

/** `unknown carrier "X" in this plan (did you mean "Y"?)`: for the CLI and the API alike. */
export function unknownCarrierMessage(plan: Plan, carrierId: string): string {
  const near = nearestId(carrierId, planCarrierIds(plan));
  return `unknown carrier "${carrierId}" in this plan${near ? `; the nearest is "${near}"` : ''}`;
}

/** One carrier's share of a plan, or undefined when the plan has no such carrier. */
export function carrierShare(plan: Plan, carrierId: string): CarrierShare | undefined {
  const cost = plan.allocation.find((r) => r.carrierId === carrierId);
  const own = plan.emissions.carriers.find((c) => c.carrierId === carrierId);
  if (!cost || !own) return undefined;
  return {
    scenario: {
      name: plan.scenario.name,
      date: plan.scenario.date,
      seed: plan.scenario.seed,
      effort: plan.scenario.effort,
    },
    carrierId,
    cost,
    allocationMethod: plan.meta.allocationMethod,
    emissions: {
      orders: own.orders,
      baseline: own.baseline,
      consolidated: own.consolidated,
      wtwSavedKg: own.wtwSavedKg,
      consignments: plan.emissions.consignments
        .filter((c) => c.carrierId === carrierId)
        .map((c) => ({ orderId: c.orderId, baseline: c.baseline, consolidated: c.consolidated })),
      method: plan.emissions.method,
      factors: factorsSeenBy(plan, carrierId),
    },
  };
}

/**
 * The factors behind a carrier's own figures: the shared chain (pooled runs, trunk, legs, hubs) and its own
 * rounds; not the vehicle types only competitors' own rounds use.
 */
function factorsSeenBy(plan: Plan, carrierId: string): Plan['emissions']['factors'] {
  const own = new Set(
    [...plan.baseline.routes, ...plan.consolidated.routes]
      .filter((r) => r.start === carrierId || !plan.emissions.carriers.some((c) => c.carrierId === r.start))
      .map((r) => r.vehicleType),
  );
  for (const t of plan.consolidated.trunk)
    own.add(t.mode === 'road' ? t.vehicleType : `${t.mode} leg ${t.vehicleType}`);
  own.add('hub handling');
  return plan.emissions.factors.filter((f) => own.has(f.appliesTo));
}

/** How the planner's warnings about carriers' cost shares begin (src/planner/assemble-plan.ts, losersWarning). */
export const ALLOCATION_WARNING = 'the cost allocation';

/**
 * A plan as a reader who may not see competitors' figures gets it: no cost allocation rows, no cost game (its
 * coalition costs include every carrier's stand-alone cost) or core check, no per-carrier or per-consignment
 * emissions (chain elements and totals stay: they mix every carrier), and a warning saying what was withheld.
 */
export function withoutCarrierFigures(plan: Plan): Plan {
  const { allocationCore: _core, allocationGame: _game, ...rest } = plan;
  return {
    ...rest,
    allocation: [],
    emissions: { ...plan.emissions, carriers: [], consignments: [] },
    meta: {
      ...plan.meta,
      warnings: [
        // the planner's warning naming carriers the allocation charges more than alone, and by how much
        ...plan.meta.warnings.filter((w) => !w.startsWith(ALLOCATION_WARNING)),
        'per-carrier figures (cost allocation and its cost game, per-carrier and per-consignment emissions) are ' +
          'shown to planner and admin keys only; a carrier reads its own share at GET /v1/plans/{id}/share',
      ],
    },
  };
}

/** The id fewest edits away (case-insensitive), ties to the earlier id: there is always a nearest one. */
function nearestId(word: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of ids) {
    const d = editDistance(word.toLowerCase(), id.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return best;
}
