import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { KEYS, testApp } from '../api/harness.ts';

// /docs is what an integrator reads first: Swagger UI, served by the API itself, must show every operation of
// /openapi.json and let a user try a request with a key.
describe('/docs in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const { app } = testApp();
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('lists every operation of the OpenAPI document, from this server only', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operationIds = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    const page = await browser.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(`${base}/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBe(operationIds.length);
    const shownIds = await page.locator('.opblock .opblock-summary-operation-id').allTextContents();
    expect(shownIds.sort()).toEqual([...operationIds].sort());
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('lets a user authorize with a key and try a request', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/docs`);
    await page.locator('button.authorize').first().click();
    await page
      .locator('.modal-ux input[type=text], .modal-ux input[type=password]')
      .first()
      .fill(KEYS.dispatcher);
    await page.locator('.modal-ux button.authorize').click();
    await page.locator('.modal-ux button.btn-done, .modal-ux .close-modal').first().click();
    const op = page.locator('#operations-reference-listHubs');
    await op.locator('.opblock-summary').click();
    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table tbody .response-col_status').first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    const body = await op.locator('.live-responses-table .microlight').first().textContent();
    expect(JSON.parse(body ?? '{}').hubs[0].id).toBe('hub-a');
  });
});
