import { rm, writeFile } from 'node:fs/promises';

/** How often the health file is refreshed; a container health check calls it stale after a few periods. */
export const HEALTH_EVERY_MS = 10_000;

/**
 * A worker's health signal for a container health check, with no port to open: every `everyMs` the file at
 * `path` is rewritten (its time is the signal) while `check` passes (workers running, Redis answering), and
 * removed as soon as it fails. A check that never returns (a blocked event loop, a hung connection) leaves the
 * file stale: the health check compares its age with a few periods (see docker-compose.yml).
 */
export function keepHealthFile(
  path: string,
  check: () => Promise<boolean>,
  everyMs = HEALTH_EVERY_MS,
): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const beat = async () => {
    const healthy = await check().catch(() => false);
    if (stopped) return;
    if (healthy) await writeFile(path, `${new Date().toISOString()}\n`).catch(() => undefined);
    else await rm(path, { force: true }).catch(() => undefined);
  };
  running = beat();
  const timer = setInterval(() => {
    running = running.then(beat);
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await rm(path, { force: true }).catch(() => undefined);
    },
  };
}
