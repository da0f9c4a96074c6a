import { chromium, type Browser } from 'playwright-core';

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
