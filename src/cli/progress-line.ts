import type { PlanProgress } from '../planner/index.ts';

/** Delay before a progress bar appears: quick solves print nothing. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const WIDTH = 30;

/**
 * A progress bar on stderr (only on a terminal) for solves longer than a second. Written synchronously
 * from the solver's progress callback, since the solver holds the event loop while it runs.
 */
export function progressLine(
  stream: NodeJS.WriteStream,
  clock: () => number,
): { update: (p: PlanProgress) => void; done: () => void } {
  const started = clock();
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const now = clock();
      if (!stream.isTTY || now - started < SHOW_AFTER_MS || now - last < REDRAW_EVERY_MS) return;
      last = now;
      shown = true;
      const filled = Math.round((p.percent / 100) * WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
      stream.write(
        `\r${bar} ${String(p.percent).padStart(3)}%  ${p.phase.padEnd(12)} best cost ${p.bestCost.toFixed(1)}   `,
      );
    },
    done() {
      if (shown) stream.write('\r' + ' '.repeat(WIDTH + 50) + '\r');
    },
  };
}
