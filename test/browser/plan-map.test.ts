import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { planToMapHtml } from '../../src/io/plan-map-html.ts';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

// The dispatcher's map in Debian's Chromium: the page a person opens from `picon plan --out`.
describe('map.html in a real browser', () => {
  const plan = planScenario(smallScenario(), { seed: 1, maxIterations: 200, timeLimitSeconds: 60 });
  let browser: Browser;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-map-'));
    await writeFile(join(dir, 'map.html'), planToMapHtml(plan));
    url = pathToFileURL(join(dir, 'map.html')).href;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws a plan that passes the audit', () => {
    expect(auditPlan(smallScenario(), plan)).toEqual([]);
  });

  it('draws one line per consolidated trip and switches to the baseline on click', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    const visible = (which: string) => page.locator(`#${which} polyline.route:visible`).count();
    expect(await visible('consolidated')).toBe(plan.consolidated.routes.length);
    expect(await visible('baseline')).toBe(0);
    await expect(page.locator('#kpis').textContent()).resolves.toContain(
      `${plan.consolidated.kpis.vehicleKm} km`,
    );

    await page.click('#show-baseline');
    expect(await visible('baseline')).toBe(plan.baseline.routes.length);
    expect(await visible('consolidated')).toBe(0);
    await expect(page.locator('#kpis').textContent()).resolves.toContain(
      `${plan.baseline.kpis.vehicleKm} km`,
    );
    await page.screenshot({ path: join(dir, 'map.png') });
    expect(errors).toEqual([]);
  });
});
