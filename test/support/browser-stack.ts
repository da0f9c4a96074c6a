import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/cli/commands/serve-run.ts';
import { referenceFromScenario } from '../../src/api/reference-data.ts';
import { loadConfig } from '../../src/config/env.ts';
import type { Scenario } from '../../src/contracts/index.ts';
import { API_KEYS } from '../api/harness.ts';
import { spawnWorker, testEnv, type WorkerProcess } from '../integration/harness.ts';
import { launchChromium, recordPageErrors } from './browser.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

/** The real stack a dashboard test drives: Redis, the API serving the dashboard, a worker, and a page. */
export interface BrowserStack {
  readonly redis: TestRedis;
  readonly api: RunningServer;
  readonly worker: WorkerProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** What must fail the test (recordPageErrors): checked with `expect(errors).toEqual([])`. */
  readonly errors: string[];
}

/**
 * Starts the stack for `scenario`'s day: its reference data, the test keys plus `carrierKeys`, the clock at
 * 06:00 of its date (a fixture's day is past: the service replays it from its morning, issue 11), no map
 * tiles (no internet here: the page must then ask nothing of any other host). What started is stopped again
 * when a later part fails.
 */
export async function startBrowserStack(options: {
  readonly name: string;
  readonly scenario: Scenario;
  readonly env?: Record<string, string>;
  readonly carrierKeys?: readonly { key: string; carrierId: string }[];
  readonly allowHttpErrors?: boolean;
}): Promise<BrowserStack> {
  const started: { -readonly [K in keyof BrowserStack]?: BrowserStack[K] } = {};
  try {
    const redis = (started.redis = await startRedis());
    const env = testEnv(redis, options.name, { PICON_MAP_TILE_URL: '', ...options.env });
    const api = (started.api = await startServer({
      config: loadConfig(env),
      keys: [...API_KEYS, ...(options.carrierKeys ?? []).map((k) => ({ ...k, role: 'carrier' as const }))],
      reference: referenceFromScenario(options.scenario),
      log: () => {},
      now: () => Date.parse(`${options.scenario.date}T06:00:00Z`),
    }));
    const worker = (started.worker = await spawnWorker(env));
    const browser = (started.browser = await launchChromium());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    recordPageErrors(page, errors, { host: api.url, allowHttpErrors: options.allowHttpErrors ?? false });
    return { redis, api, worker, browser, page, errors };
  } catch (err) {
    await stopBrowserStack(started);
    throw err;
  }
}

/** Stops what a browser test started, any part of it missing when its start failed part-way. */
export async function stopBrowserStack(stack: Partial<Omit<BrowserStack, 'errors' | 'page'>>): Promise<void> {
  await stack.browser?.close();
  stack.worker?.kill('SIGKILL');
  await stack.api?.close();
  await stack.redis?.stop();
}
