import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../src/contracts/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { KEYS, bearer } from '../api/harness.ts';
import { auditPlanDetailed, type PlanAudit } from '../support/audit/index.ts';
import { shapleyValues } from '../support/audit/cost-game.ts';
import { routesCost } from '../support/audit/costs.ts';
import { startBrowserStack, stopBrowserStack, type BrowserStack } from '../support/browser-stack.ts';

// The dashboard's carrier view with a carrier's own key, in Debian's Chromium against the real stack (API,
// Redis, a worker): a five-carrier day planned with the exact Shapley value, then each carrier key reads its own
// share through GET /v1/plans/{id}/share. Its figures are checked against this test's own recomputation from
// the plan's JSON (the auditor's Shapley formula over the plan's cost game, stand-alone costs from the baseline
// rounds), and the page must hold no other carrier's id or name anywhere.

const day = generateCityDay({ city: 'lille', receivers: 6, seed: 59000, carriers: 5 });
const scenario: Scenario = { ...day, options: { ...day.options, effort: 'quick', allocation: 'shapley' } };
const [ME, OTHER] = [scenario.carriers[0]!, scenario.carriers[3]!];
const keyOf = (id: string) => `carrier-${id}-share-view-key`;

let stack: BrowserStack;
let planId: string;
let plan: Plan;
let audit: PlanAudit;

beforeAll(async () => {
  stack = await startBrowserStack({
    name: 'carrier-share',
    scenario,
    env: {
      PICON_MAX_TIME_LIMIT_SECONDS: '60',
      PICON_DEFAULT_TIME_LIMIT_SECONDS: '60',
      PICON_LOCK_DURATION_MS: '90000',
    },
    carrierKeys: [ME, OTHER].map((c) => ({ key: keyOf(c.id), carrierId: c.id })),
    // the last test asks for a refusal: the browser logs that response as an error
    allowHttpErrors: true,
  });
  const submitted = await fetch(`${stack.api.url}/v1/plans`, {
    method: 'POST',
    headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  expect(submitted.status).toBe(202);
  planId = ((await submitted.json()) as { id: string }).id;
  for (const deadline = Date.now() + 90_000; ;) {
    const view = (await (
      await fetch(`${stack.api.url}/v1/plans/${planId}`, { headers: bearer(KEYS.planner) })
    ).json()) as { status: string; result?: Plan; error?: unknown };
    if (view.status === 'completed' && view.result) {
      plan = view.result;
      break;
    }
    if (view.status === 'failed' || Date.now() > deadline)
      throw new Error(`plan ${planId}: ${view.status} ${JSON.stringify(view.error)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  audit = auditPlanDetailed(scenario, plan);
}, 150_000);

afterAll(() => stopBrowserStack(stack ?? {}));

const parseShown = (text: string) => Number(text.replace(/[\s,\u00a0\u202f]/g, ''));

/** A carrier's figures as this test recomputes them from the plan's cost game and baseline rounds. */
function expectedCost(carrierId: string) {
  const game = plan.allocationGame!;
  const n = game.carrierIds.length;
  const i = game.carrierIds.indexOf(carrierId);
  const cost = new Map(game.coalitions.map((c) => [c.members.reduce((m, j) => m | (1 << j), 0), c.costEur]));
  const c = (mask: number) => (mask === 0 ? 0 : cost.get(mask)!);
  const all = (1 << n) - 1;
  const standalone = routesCost(audit.baseline.routes.filter((r) => r.route.start === carrierId)).eur;
  const allocated = shapleyValues(n, c)[i]!;
  return { standalone, allocated, saving: standalone - allocated, marginal: c(all) - c(all & ~(1 << i)) };
}

async function cells(selector: string): Promise<string[][]> {
  return stack.page
    .locator(`${selector} tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function openShare(key: string) {
  await stack.page.fill('#api-key', key);
  await stack.page.click('#settings button[type=submit]');
  await stack.page.click('#tab-carrier');
  await stack.page.fill('#carrier-plan-id', planId);
  await stack.page.click('#carrier-share-load');
}

describe("the carrier view with a carrier's own key", () => {
  it('plans a day whose cost game, allocation and emissions the auditor recomputes', () => {
    expect(audit.violations).toEqual([]);
    expect(plan.allocationGame?.exact).toBe(true);
    expect(plan.allocation.every((r) => r.method === 'shapley')).toBe(true);
    expect(plan.emissions.carriers.find((c) => c.carrierId === ME.id)!.orders).toBeGreaterThan(0);
  });

  it('shows the carrier its own cost share and emission statement from /share, and nothing of the others', async () => {
    await stack.page.goto(`${stack.api.url}/dashboard/?lang=en`);
    for (const carrier of [ME, OTHER]) {
      await openShare(keyOf(carrier.id));
      await stack.page
        .locator(`#carrier-own-share[data-carrier="${carrier.id}"]`)
        .waitFor({ timeout: 10_000 });
      const want = expectedCost(carrier.id);
      const [standalone, allocated, saving, marginal] = (await cells('#carrier-own-cost')).map((r) =>
        parseShown(r[1]!),
      );
      expect(Math.abs(standalone! - want.standalone), 'stand-alone').toBeLessThanOrEqual(0.015);
      expect(Math.abs(allocated! - want.allocated), 'allocated').toBeLessThanOrEqual(0.011);
      expect(Math.abs(saving! - want.saving), 'saving').toBeLessThanOrEqual(0.02);
      expect(Math.abs(marginal! - want.marginal), 'marginal').toBeLessThanOrEqual(0.02);
      const method = (await stack.page.locator('#carrier-own-method').textContent()) ?? '';
      expect(method).toContain('Rule: shapley. shapley: the Shapley value (exact, every coalition priced)');

      // the emission statement: the plan's row of this carrier, which the auditor recomputed above from its
      // consignments (tonne-km from each trip's start, CO2e by distance x mass)
      const row = plan.emissions.carriers.find((c) => c.carrierId === carrier.id)!;
      const emissions = await cells('#carrier-own-emissions');
      const parts = [row.baseline, row.consolidated];
      for (const [r, field, digits] of [
        [0, 'tonneKm', 3],
        [1, 'wtwCo2eKg', 3],
        [2, 'ttwCo2eKg', 3],
        [3, 'wtwGPerTkm', 1],
      ] as const)
        parts.forEach((part, k) => {
          const shown = parseShown(emissions[r]![k + 1]!);
          expect(Math.abs(shown - (part[field] ?? NaN)), `${field} ${k}`).toBeLessThanOrEqual(
            0.5 * 10 ** -digits + 1e-9,
          );
        });
      expect(await stack.page.locator('#view-carrier h3').textContent()).toBe(
        `Emissions of its ${row.orders} orders (ISO 14083, GLEC)`,
      );
      expect(await stack.page.locator('#carrier-own-emission-method').textContent()).toContain(
        plan.emissions.method.transportAllocation,
      );

      // its consignments: its own orders, each once, with their rows of the plan
      const consignments = await cells('#carrier-own-consignments');
      const own = scenario.orders.filter((o) => o.carrierId === carrier.id).map((o) => o.id);
      expect(consignments.map((r) => r[0]).sort()).toEqual([...own].sort());
      for (const [orderId, , pooledWtw] of consignments) {
        const c = plan.emissions.consignments.find((x) => x.orderId === orderId)!;
        expect(Math.abs(parseShown(pooledWtw!) - c.consolidated!.wtwCo2eKg), orderId).toBeLessThanOrEqual(
          0.0005 + 1e-9,
        );
      }

      // nothing of any other carrier, in the text or the markup (attributes included)
      const html = await stack.page.content();
      const text = await stack.page.locator('body').innerText();
      for (const other of scenario.carriers.filter((c) => c.id !== carrier.id))
        for (const mark of [other.id, other.name].filter((m): m is string => Boolean(m))) {
          expect(html, mark).not.toContain(mark);
          expect(text, mark).not.toContain(mark);
        }
    }
    expect(stack.errors).toEqual([]);
  }, 60_000);

  it("shows no figures to a key that is not a carrier's", async () => {
    await openShare(KEYS.dispatcher);
    await stack.page.locator('#carrier-share-error').waitFor({ timeout: 10_000 });
    expect(await stack.page.locator('#carrier-own-share').count()).toBe(0);
    expect(await stack.page.locator('#carrier-share-error').textContent()).toMatch(
      /^Error: role "dispatcher"/,
    );
  });
});
