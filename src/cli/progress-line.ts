import type { PlanProgress } from '../planner/index.ts';

/** Delay before a progress bar appears: quick solves print nothing. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const WIDTH = 30;

/** On a non-terminal stderr (a CI log, `2> file`, a pipe), one line each time the solve passes a 5 % step. */
const LOG_STEP_PERCENT = 5;

/** What a terminal-less progress log needs of a stream. */
type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean };

/**
 * Solve progress on stderr for solves longer than a second. On a terminal: a bar redrawn in place. Elsewhere:
 * plain lines, one per 5 % step (`progress  35%  routing  best cost 1234.5`), which logs and `tail -f` show.
 * Written synchronously from the solver's progress callback, since the solver holds the event loop while it runs.
 */
export function progressLine(
  stream: ProgressStream,
  clock: () => number,
): { update: (p: PlanProgress) => void; done: () => void } {
  const started = clock();
  let last = -Infinity;
  let shown = false;
  let loggedStep = -1;
  let phase = '';
  return {
    update(p) {
      const now = clock();
      if (now - started < SHOW_AFTER_MS) return;
      if (p.phase !== phase) loggedStep = -1; // the cost game counts its own percent after the routing's
      phase = p.phase;
      const detail = p.coalitions
        ? `coalitions ${p.coalitions.done}/${p.coalitions.total}`
        : `best cost ${p.bestCost.toFixed(1)}`;
      if (!stream.isTTY) {
        const step = Math.floor(p.percent / LOG_STEP_PERCENT);
        if (step <= loggedStep) return;
        loggedStep = step;
        stream.write(`progress ${String(step * LOG_STEP_PERCENT).padStart(3)}%  ${p.phase}  ${detail}\n`);
        return;
      }
      if (now - last < REDRAW_EVERY_MS) return;
      last = now;
      shown = true;
      const filled = Math.round((p.percent / 100) * WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
      stream.write(`\r${bar} ${String(p.percent).padStart(3)}%  ${p.phase.padEnd(12)} ${detail}   `);
    },
    done() {
      if (shown) stream.write('\r' + ' '.repeat(WIDTH + 50) + '\r');
    },
  };
}
