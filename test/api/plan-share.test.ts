import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  carrierShareSchema,
  planSchema,
  withoutCarrierFigures,
  type Plan,
} from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { bearer, KEYS, testApp } from './harness.ts';
import { sampleScenario } from './sample-scenario.ts';

// Confidentiality between competing carriers (issue 9, item 5): a carrier key reads its own share of a plan and
// nothing of the others; per-carrier figures of plans and comparisons are shown to planners and admins only.

const plan: Plan = planScenario(sampleScenario(), { maxIterations: 50, timeLimitSeconds: 60 });
const HUB_PLAN = `p${'a'.repeat(32)}`;
const QUEUED = `p${'b'.repeat(32)}`;
const UNKNOWN = `p${'c'.repeat(32)}`;

/** The test app with a completed hub-day plan of hub-a (read by its dispatchers and planners) and a queued one. */
function appWithPlans() {
  const t = testApp();
  const owner = { fingerprint: 'someone-else', hubId: 'hub-a' };
  for (const id of [HUB_PLAN, QUEUED]) t.planJobs.submissions.set(id, { owner, requestHash: 'h' });
  t.planJobs.plans.set(HUB_PLAN, {
    id: HUB_PLAN,
    status: 'completed',
    progress: { percent: 100, bestCost: null },
    result: plan,
  });
  t.planJobs.plans.set(QUEUED, { id: QUEUED, status: 'queued', progress: { percent: 0, bestCost: null } });
  return t.app;
}
const share = (key: string, id = HUB_PLAN, carrier?: string) =>
  request(appWithPlans())
    .get(`/v1/plans/${id}/share`)
    .query(carrier === undefined ? {} : { carrier })
    .set(bearer(key));

describe('GET /v1/plans/{id}/share', () => {
  it("gives a carrier key its own cost row and emission statement, and nothing of the other carrier's", async () => {
    const res = await share(KEYS.dhl);
    expect(res.status).toBe(200);
    const body = carrierShareSchema.parse(res.body);
    expect(body.carrierId).toBe('dhl');
    expect(body.cost).toEqual(plan.allocation.find((r) => r.carrierId === 'dhl'));
    expect(body.emissions.consignments.map((c) => c.orderId)).toEqual(['o1']);
    expect(body.emissions.consolidated).toEqual(
      plan.emissions.carriers.find((c) => c.carrierId === 'dhl')?.consolidated,
    );
    expect(JSON.stringify(res.body)).not.toMatch(/"ups"|"o2"/);
    expect((await share(KEYS.dhl, HUB_PLAN, 'dhl')).status).toBe(200);
  });

  it("is 403 for another carrier's share, 404 for a plan without the carrier's orders, unknown or unfinished", async () => {
    const other = await share(KEYS.dhl, HUB_PLAN, 'ups');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/its own share only/);
    expect((await share(KEYS.ghost)).status).toBe(404); // no orders of "ghost" in the plan
    expect((await share(KEYS.dhl, UNKNOWN)).status).toBe(404);
    expect((await share(KEYS.dhl, QUEUED)).status).toBe(404);
    expect((await share(KEYS.dhl, 'not-an-id')).status).toBe(404);
  });

  it('lets planners and admins name the carrier, naming the nearest id for an unknown one', async () => {
    const ups = await share(KEYS.planner, HUB_PLAN, 'ups');
    expect(ups.status).toBe(200);
    expect(ups.body.carrierId).toBe('ups');
    expect((await share(KEYS.admin, HUB_PLAN, 'dhl')).body.carrierId).toBe('dhl');
    const typo = await share(KEYS.planner, HUB_PLAN, 'dhk');
    expect(typo.status).toBe(404);
    expect(typo.body.error.message).toMatch(/unknown carrier "dhk" in this plan; the nearest is "dhl"/);
    const none = await share(KEYS.planner);
    expect(none.status).toBe(400);
    expect(none.body.error.issues).toContainEqual({ path: 'carrier', message: expect.any(String) });
    expect((await share(KEYS.planner, QUEUED, 'dhl')).status).toBe(409);
    const unknownField = await request(appWithPlans())
      .get(`/v1/plans/${HUB_PLAN}/share?carier=dhl`)
      .set(bearer(KEYS.planner));
    expect(unknownField.status).toBe(400);
  });

  it('is refused to dispatchers and metrics keys, and to callers without a key', async () => {
    expect((await share(KEYS.dispatcher, HUB_PLAN, 'dhl')).status).toBe(403);
    expect((await share(KEYS.metrics, HUB_PLAN, 'dhl')).status).toBe(403);
    expect((await request(appWithPlans()).get(`/v1/plans/${HUB_PLAN}/share`)).status).toBe(401);
  });
});

describe("competitors' figures in plans and comparisons", () => {
  it('shows the cost allocation and per-carrier emissions to planners and admins only', async () => {
    const app = appWithPlans();
    for (const key of [KEYS.planner, KEYS.admin]) {
      const res = await request(app).get(`/v1/plans/${HUB_PLAN}`).set(bearer(key));
      expect(res.body.result).toEqual(plan);
    }
    const res = await request(app).get(`/v1/plans/${HUB_PLAN}`).set(bearer(KEYS.dispatcher));
    expect(res.status).toBe(200);
    const seen = planSchema.parse(res.body.result);
    expect(seen.allocation).toEqual([]);
    expect(seen.emissions.carriers).toEqual([]);
    expect(seen.emissions.consignments).toEqual([]);
    // the chain elements mix every carrier's goods: they stay, and the warning says what was withheld
    expect(seen.emissions.elements).toEqual(plan.emissions.elements);
    expect(seen.meta.warnings.at(-1)).toMatch(/shown to planner and admin keys only/);
    // nor the cost game (every carrier's stand-alone cost) or the core check, nor warnings naming carriers' costs
    expect(plan.allocationGame).toBeDefined();
    expect(seen.allocationGame).toBeUndefined();
    expect(seen.allocationCore).toBeUndefined();
    const losing = structuredClone(plan);
    losing.meta.warnings.push('the cost allocation charges dhl 3.00 EUR more than alone: …');
    expect(withoutCarrierFigures(losing).meta.warnings.join('\n')).not.toMatch(/dhl/);
    // a carrier key reads no plan at all, only its share
    expect((await request(app).get(`/v1/plans/${HUB_PLAN}`).set(bearer(KEYS.dhl))).status).toBe(403);
  });

  it("withholds a comparison's allocation rows from dispatchers", async () => {
    const t = testApp();
    const id = `c${'d'.repeat(32)}`;
    t.planJobs.submissions.set(id, { owner: { fingerprint: 'x', hubId: 'hub-a' }, requestHash: 'h' });
    const variant = {
      name: 'base',
      planId: HUB_PLAN,
      scenario: plan.scenario,
      kpis: { baseline: plan.baseline.kpis, consolidated: plan.consolidated.kpis },
      allocation: plan.allocation,
    };
    t.planJobs.comparisons.set(id, {
      id,
      status: 'completed',
      progress: { variantsDone: 1, variants: 1 },
      result: { variants: [variant] } as never,
    });
    const dispatcher = await request(t.app).get(`/v1/comparisons/${id}`).set(bearer(KEYS.dispatcher));
    expect(dispatcher.status).toBe(200);
    expect(dispatcher.body.result.variants[0].allocation).toEqual([]);
    const planner = await request(t.app).get(`/v1/comparisons/${id}`).set(bearer(KEYS.planner));
    expect(planner.body.result.variants[0].allocation).toEqual(plan.allocation);
  });
});
