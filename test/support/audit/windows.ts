import type { Order, Receiver } from '../../../src/contracts/index.ts';
import { clockToSec } from './clock.ts';

export type Window = readonly [number, number];

/** Receiver windows sorted, overlapping ones merged. */
function receiverWindows(receiver: Receiver): Window[] {
  const sorted = receiver.windows.map((w) => [clockToSec(w.start), clockToSec(w.end)] as const);
  sorted.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function intersect(a: readonly Window[], b: readonly Window[]): Window[] {
  const out: Window[] = [];
  for (const [s1, e1] of a)
    for (const [s2, e2] of b) {
      const s = Math.max(s1, s2);
      const e = Math.min(e1, e2);
      if (s <= e) out.push([s, e]);
    }
  return out.sort((x, y) => x[0] - y[0]);
}

/**
 * When service may START at a stop handing over these orders (docs/model/consolidation.md, bundling):
 * each order's own window narrows the receiver's (and wins when they do not overlap); a stop serves
 * all its orders at once, so it needs the intersection over its orders. Empty = no valid time.
 */
export function stopWindows(receiver: Receiver, orders: readonly Order[]): Window[] {
  const base = receiverWindows(receiver);
  let windows = base;
  for (const o of orders) {
    if (!o.window) continue;
    const own: Window = [clockToSec(o.window.start), clockToSec(o.window.end)];
    const narrowed = intersect(base, [own]);
    windows = intersect(windows, narrowed.length > 0 ? narrowed : [own]);
  }
  return windows;
}
