import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, as root in a sandbox-less container, with the background networking
 * this closed machine refuses turned off.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Collects what must fail a browser test into `errors`: uncaught page errors, errors logged to the console (a
 * view that fails is caught and logged so the others still render) and, given `host`, any request to another
 * host (the dashboard must work on a closed network). `allowHttpErrors`: the browser's own log line for a
 * 4xx/5xx response is expected (a test that asks for a refusal) and not collected.
 */
export function recordPageErrors(
  page: Page,
  errors: string[],
  options: { host?: string; allowHttpErrors?: boolean } = {},
): void {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (options.allowHttpErrors && /the server responded with a status of [45]\d\d/.test(m.text())) return;
    errors.push(m.text());
  });
  const host = options.host;
  if (host)
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(host) && !url.startsWith('blob:') && !url.startsWith('data:'))
        errors.push(`request to another host: ${url}`);
    });
}
