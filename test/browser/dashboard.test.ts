import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/commands/serve-run.ts';
import { scenarioSchema, type Plan, type Scenario } from '../../src/contracts/index.ts';
import { KEYS, bearer } from '../api/harness.ts';
import { auditPlanDetailed, type PlanAudit } from '../support/audit/index.ts';
import { startBrowserStack, stopBrowserStack, type BrowserStack } from '../support/browser-stack.ts';

// The dashboard in Debian's Chromium against the real stack (API, Redis, a worker): the Lille day planned
// from the page, every figure it shows checked against figures this test recomputes from the plan's JSON.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const lille = scenarioSchema.parse(JSON.parse(readFileSync(join(ROOT, 'fixtures/lille/day.json'), 'utf8')));
const CARRIER = lille.carriers[0]!.id;
const CARRIER_KEY = `carrier-${CARRIER}-dashboard-key`;
/** PICON_SCREENSHOTS_DIR=docs/screenshots refreshes the README's pictures; otherwise they go to tmp. */
const SHOTS = process.env['PICON_SCREENSHOTS_DIR'] ?? join(tmpdir(), 'picon-dashboard-shots');

let stack: BrowserStack;
let api: RunningServer;
let page: Page;
let pageErrors: string[];
let plan: Plan;
/** The independent auditor's figures for `plan`: the KPI cards are checked against these. */
let audit: PlanAudit;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startBrowserStack({
    name: 'dashboard',
    scenario: lille,
    env: {
      PICON_MAX_TIME_LIMIT_SECONDS: '120',
      PICON_DEFAULT_TIME_LIMIT_SECONDS: '120',
      PICON_LOCK_DURATION_MS: '150000',
      PICON_WORKER_CONCURRENCY: '2',
    },
    carrierKeys: [{ key: CARRIER_KEY, carrierId: CARRIER }],
  });
  ({ api, page, errors: pageErrors } = stack);
}, 60_000);

afterAll(() => stopBrowserStack(stack ?? {}));

/** A number as the page prints it, in English or French notation. */
function parseShown(text: string, lang: 'en' | 'fr'): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return Number(lang === 'fr' ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, ''));
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Vehicle-km from the routes and trunk legs themselves, not from `kpis`. */
const vehicleKmOf = (
  routes: readonly { distanceKm: number }[],
  trunk: readonly { distanceKm: number }[] = [],
) => sum(routes.map((r) => r.distanceKm)) + sum(trunk.map((t) => t.distanceKm));

const CARD_KPIS = [
  'vehicles',
  'tripsIncludingTrunk',
  'vehicleKm',
  'vehicleHours',
  'energyKWh',
  'co2eKg',
  'deliveriesPerReceiver',
] as const;

async function expectKpiCards(lang: 'en' | 'fr') {
  // the auditor recomputes every KPI from the scenario and the routes' stops (test/support/audit)
  const expected = { baseline: audit.baseline.kpis, consolidated: audit.consolidated.kpis };
  for (const key of CARD_KPIS) {
    const card = page.locator(`#kpis .card[data-kpi="${key}"]`);
    const before = parseShown((await card.locator('.before').textContent()) ?? '', lang);
    const after = parseShown((await card.locator('.after').textContent()) ?? '', lang);
    // cards print one decimal (two for deliveries per receiver); kpis are rounded to 3 decimals before that
    const tolerance = key === 'deliveriesPerReceiver' ? 0.006 : 0.06;
    expect(Math.abs(before - expected.baseline[key]), `${key} baseline`).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(after - expected.consolidated[key]), `${key} pooled`).toBeLessThanOrEqual(tolerance);
  }
  // the saving by cause adds up to baseline − pooled
  for (const key of ['vehicleKm', 'energyKWh', 'co2eKg'] as const) {
    const row = page.locator('#savings tbody tr').nth(['vehicleKm', 'energyKWh', 'co2eKg'].indexOf(key));
    const total = parseShown((await row.locator('td').nth(3).textContent()) ?? '', lang);
    expect(Math.abs(total - (expected.baseline[key] - expected.consolidated[key])), key).toBeLessThanOrEqual(
      0.1,
    );
  }
}

async function useKey(key: string) {
  await page.fill('#api-key', key);
  await page.click('#settings button[type=submit]');
}

async function shot(name: string, selector: string) {
  await page.locator(selector).screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('the dashboard in a real browser against the running service', () => {
  it('plans the Lille day from the page, with live progress, and draws every trip', async () => {
    await page.goto(`${api.url}/dashboard/?lang=en`);
    expect(await page.locator('#tile-url').inputValue()).toBe('');
    await page.fill('#api-key', KEYS.planner);
    await page.click('#settings button[type=submit]');
    await page.selectOption('#fixture', 'lille/day.json');
    await page.locator('#scenario-summary').waitFor();
    await page.selectOption('#effort', 'quick');
    // the cost game of 10 carriers (1,023 coalitions) has its own tests; the page's choice is what is tested here
    await page.selectOption('#allocation', 'pro-rata-by-kg');
    await page.click('#plan-button');
    await page
      .locator('#plan-status')
      .filter({ hasText: /Planning|Queued|ready/ })
      .waitFor();
    await page.locator('body[data-ready="plan"]').waitFor({ timeout: 80_000 });
    const id = (await page.locator('#shown-plan-id').textContent())!.trim();
    const view = (await (
      await fetch(`${api.url}/v1/plans/${id}`, { headers: bearer(KEYS.planner) })
    ).json()) as {
      result: Plan;
    };
    plan = view.result;
    audit = auditPlanDetailed(
      { ...lille, options: { ...lille.options, effort: 'quick', allocation: 'pro-rata-by-kg' } } as Scenario,
      plan,
    );
    expect(audit.violations).toEqual([]);
    expect(plan.scenario.effort).toBe('quick');
    expect(plan.allocation.every((r) => r.method === 'pro-rata-by-kg')).toBe(true);

    const routes = plan.consolidated.routes;
    expect(await page.locator('#map path.route-line').count()).toBe(routes.length);
    expect(await page.locator('#map .stop-marker').count()).toBe(sum(routes.map((r) => r.stops.length)));
    expect(await page.locator('#map .hub-marker').count()).toBe(
      plan.depots.filter((d) => d.kind === 'hub').length,
    );
    // distinct colours per vehicle; trips of one vehicle share its colour and differ by dashes
    const strokes = await page
      .locator('#map path.route-line')
      .evaluateAll((paths) =>
        paths.map((p) => `${p.getAttribute('stroke')}|${p.getAttribute('stroke-dasharray') ?? ''}`),
      );
    expect(new Set(strokes).size).toBe(new Set(routes.map((r) => `${r.vehicle}|${r.trip}`)).size);
    expect(new Set(strokes.map((s) => s.split('|')[0])).size).toBe(
      new Set(routes.map((r) => r.vehicle)).size,
    );
    // vehicle list, timeline and run sheets: one row / bar / section per vehicle or trip
    const vehicles = new Set(routes.map((r) => r.vehicle));
    expect(await page.locator('#vehicle-list tbody tr').count()).toBe(vehicles.size);
    expect(await page.locator('#timeline .timeline-row.vehicle rect').count()).toBe(routes.length);
    expect(await page.locator('#runsheets .runsheet').count()).toBe(vehicles.size);
    expect(await page.locator('#runsheets .runsheet-table tbody tr').count()).toBe(
      sum(routes.map((r) => r.stops.length)),
    );
    await shot('dispatcher-map', '#map');
    await shot('timeline', '#timeline');

    // one vehicle's trips alone, then all again
    const busiest = [...vehicles].sort(
      (a, b) => routes.filter((r) => r.vehicle === b).length - routes.filter((r) => r.vehicle === a).length,
    )[0]!;
    await page.click(`#vehicle-list button:text-is("${busiest}")`);
    expect(await page.locator('#map-vehicle').inputValue()).toBe(busiest);
    expect(await page.locator('#map path.route-line').count()).toBe(
      routes.filter((r) => r.vehicle === busiest).length,
    );
    await page.selectOption('#map-vehicle', '');
    expect(await page.locator('#map path.route-line').count()).toBe(routes.length);

    // printing gives the run sheets alone, one vehicle per page
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('#map').isVisible()).toBe(false);
      expect(await page.locator('#settings').isVisible()).toBe(false);
      expect(await page.locator('#runsheets .runsheet').first().isVisible()).toBe(true);
      const breakAfter = await page
        .locator('#runsheets .runsheet')
        .first()
        .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).breakAfter);
      expect(breakAfter).toBe('page');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows KPI cards equal to the plan, and switches language', async () => {
    await page.click('#tab-planner');
    await expectKpiCards('en');
    expect(await page.locator('#allocation tbody tr').count()).toBe(plan.allocation.length);
    const [geojson] = await Promise.all([page.waitForEvent('download'), page.click('#download-geojson')]);
    const features = (
      JSON.parse(readFileSync(await geojson.path(), 'utf8')) as { features: { geometry: { type: string } }[] }
    ).features;
    expect(features.filter((f) => f.geometry.type === 'LineString').length).toBeGreaterThanOrEqual(
      plan.consolidated.routes.length,
    );
    await page.click('#lang-fr');
    await expect(page.locator('#tab-planner').textContent()).resolves.toBe('Étude');
    await expect(page.locator('#kpis .card[data-kpi="vehicleKm"] h3').textContent()).resolves.toBe(
      'Véhicules-km',
    );
    await expectKpiCards('fr');
    await page.click('#lang-en');
    await expect(page.locator('#tab-planner').textContent()).resolves.toBe('Planner');
    expect(pageErrors).toEqual([]);
  });

  it("shows a receiver's day: each carrier's visits against the pooled one", async () => {
    await page.click('#lang-en'); // whatever the test before left
    await page.click('#tab-receiver');
    const receiverId = await page.locator('#receiver-pick').inputValue();
    const visits = (routes: Plan['baseline']['routes']) =>
      routes.flatMap((r) => r.stops.filter((s) => s.receiverId === receiverId).map((s) => s.arrival)).sort();
    const baseline = visits(plan.baseline.routes);
    const pooled = visits(plan.consolidated.routes);
    // the busiest receiver is picked first
    const counts = new Map<string, number>();
    for (const r of plan.baseline.routes)
      for (const s of r.stops) counts.set(s.receiverId, (counts.get(s.receiverId) ?? 0) + 1);
    expect(baseline.length).toBe(Math.max(...counts.values()));
    expect(await page.locator('#receiver-baseline li').allTextContents()).toEqual(
      baseline.map((time) => expect.stringMatching(new RegExp(`^${time}: `)) as unknown as string),
    );
    expect(await page.locator('#receiver-pooled li').count()).toBe(pooled.length);
    await shot('receiver-day', '#view-receiver');
  });

  it('shows a carrier its own orders and share, nothing of the others', async () => {
    await page.click('#lang-en'); // whatever the test before left
    await page.click('#tab-carrier');
    await page.selectOption('#carrier-pick', CARRIER);
    const own = lille.orders.filter((o) => o.carrierId === CARRIER);
    expect(await page.locator('#carrier-orders tbody tr').count()).toBe(own.length);
    const text = (await page.locator('#view-carrier').textContent()) ?? '';
    for (const other of lille.carriers.filter((c) => c.id !== CARRIER))
      expect(text).not.toContain(`ORD-${other.id}-`);
    const share = plan.allocation.find((a) => a.carrierId === CARRIER)!;
    expect(
      parseShown((await page.locator('#carrier-share td').nth(1).textContent()) ?? '', 'en'),
    ).toBeCloseTo(share.allocatedCost, 2);
    // with the carrier's own key, the API gives it its stored orders only
    const submitted = own.slice(0, 3);
    const other = lille.orders.find((o) => o.carrierId !== CARRIER)!;
    for (const [key, orders] of [
      [CARRIER_KEY, submitted],
      [KEYS.admin, [other]],
    ] as const) {
      const res = await fetch(`${api.url}/v1/orders`, {
        method: 'POST',
        headers: { ...bearer(key), 'Content-Type': 'application/json' },
        body: JSON.stringify({ hubId: 'CMDU', date: lille.date, orders }),
      });
      expect(res.status).toBe(200);
    }
    await useKey(CARRIER_KEY);
    // the plan read with the planner's key is gone from the page once another key is in use
    expect(await page.locator('#carrier-share').count()).toBe(0);
    await page.click('#view-carrier button:has-text("Load")');
    await page.locator('#carrier-api-orders').waitFor();
    expect(await page.locator('#carrier-api-orders tbody tr td:first-child').allTextContents()).toEqual(
      submitted.map((o) => o.id),
    );

    // the dispatcher picks the hub and date: the day's stored orders, per carrier
    await useKey(KEYS.dispatcher);
    await page.fill('#hub-id', 'CMDU');
    await page.fill('#day-date', lille.date);
    await page.click('#day button:has-text("Load")');
    await page
      .locator('#scenario-summary', { hasText: `${submitted.length + 1} orders` })
      .waitFor({ timeout: 5000 });
    expect((await page.locator('#day details tbody tr td.num').allTextContents()).sort()).toEqual(['1', '3']);
  });

  it('compares two variants: a table and grouped bars equal to their plans', async () => {
    await page.click('#lang-en'); // whatever the test before left
    await useKey(KEYS.planner);
    // a scenario uploaded from a file replaces the day shown; a file that is not JSON says so
    // (reading a file is asynchronous: wait for the page to show it)
    await page.setInputFiles('#scenario-file', join(ROOT, 'fixtures/tiny/two-shops.json'));
    await page
      .locator('#scenario-summary', { hasText: '6 orders, 3 receivers, 2 carriers' })
      .waitFor({ timeout: 5000 });
    await page.setInputFiles('#scenario-file', join(ROOT, 'README.md'));
    await page
      .locator('#plan-status', { hasText: 'Error: README.md is not a JSON file' })
      .waitFor({ timeout: 5000 });
    await page.click('#tab-planner');
    await page.selectOption('#comparison-file', 'tiny/variants.json');
    await page.locator('#variant-picker').waitFor();
    await page.uncheck('#variant-picker input[data-variant="cargo bike"]');
    await page.check('#variant-picker input[data-variant="pedestrian square"]');
    await page.click('#compare-button');
    await page
      .locator('#compare-table, #compare-status:has-text("Error")')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await page.locator('#compare-status').textContent()).not.toMatch(/Error/);
    const id = await page.locator('#compare-result').getAttribute('data-comparison-id');
    const view = (await (
      await fetch(`${api.url}/v1/comparisons/${id}`, { headers: bearer(KEYS.planner) })
    ).json()) as {
      result: { variants: { name: string; planId: string }[] };
    };
    const names = view.result.variants.map((v) => v.name);
    expect(names).toEqual(['e-van', 'pedestrian square']);
    expect(await page.locator('#compare-table thead th').allTextContents()).toEqual(['Figure', ...names]);
    const kmRow = await page.locator('#compare-table tbody tr').first().locator('td').allTextContents();
    for (const [i, v] of view.result.variants.entries()) {
      const p = (
        (await (
          await fetch(`${api.url}/v1/plans/${v.planId}`, { headers: bearer(KEYS.planner) })
        ).json()) as { result: Plan }
      ).result;
      const [before, after] = kmRow[i + 1]!.split('→').map((x) => parseShown(x, 'en'));
      expect(Math.abs(before! - vehicleKmOf(p.baseline.routes))).toBeLessThanOrEqual(0.06);
      expect(Math.abs(after! - vehicleKmOf(p.consolidated.routes, p.consolidated.trunk))).toBeLessThanOrEqual(
        0.06,
      );
    }
    expect(await page.locator('#compare-bars rect.bar').count()).toBe(2 * names.length);
    // the variant that leaves orders undelivered says so
    const warned = await page.locator('#compare-warnings li').allTextContents();
    expect(warned.some((w) => w.startsWith('pedestrian square: '))).toBe(true);
    await shot('planner-comparison', '#compare');

    // a variant's plan opens in the dispatcher's view: its zone drawn, its orders not pooled with the reason
    const square = view.result.variants.find((v) => v.name === 'pedestrian square')!;
    const squarePlan = (
      (await (
        await fetch(`${api.url}/v1/plans/${square.planId}`, { headers: bearer(KEYS.planner) })
      ).json()) as {
        result: Plan;
      }
    ).result;
    expect(squarePlan.consolidated.unassigned.length).toBeGreaterThan(0);
    await page.click('#compare-result button.open-variant:has-text("pedestrian square")');
    await page.locator('#shown-plan-id', { hasText: square.planId }).waitFor({ timeout: 5000 });
    expect(await page.locator('#view-dispatcher').isVisible()).toBe(true);
    expect(await page.locator('#map path.route-line').count()).toBe(squarePlan.consolidated.routes.length);
    expect(await page.locator('#map path.zone-area').count()).toBe(1);
    expect(await page.locator('#map .leaflet-control-scale').isVisible()).toBe(true);
    expect(await page.locator('#plan-warnings li').count()).toBe(squarePlan.meta.warnings.length);
    const rows = await page.locator('#unassigned tbody tr').allTextContents();
    expect(rows).toHaveLength(squarePlan.consolidated.unassigned.length);
    for (const u of squarePlan.consolidated.unassigned)
      expect(rows.find((r) => r.startsWith(u.orderId))).toContain('no vehicle allowed there');
    expect(pageErrors).toEqual([]);
  });
});
