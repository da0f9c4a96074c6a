import { D, E, L, SEG } from './time-warp.ts';

/** How many customers each granular list keeps (HGS-TW and PyVRP: 40). */
export const GRANULAR = 40;
/**
 * Weights of the least waiting and the least time warp in the proximity (PyVRP's defaults, after Vidal et
 * al. 2013, section 5.1: γ_WT = 0.2, γ_TW = 1).
 */
const WAIT_WEIGHT = 0.2;
const WARP_WEIGHT = 1;

/** The model fields the proximity reads. */
export interface ProximityInput {
  readonly n: number;
  readonly nodeSeg: Float64Array;
  readonly time: Float64Array;
  readonly cost: Float64Array;
}

/**
 * Each customer node's nearest customer nodes by time-window-aware proximity (HGS-TW's correlation, as
 * PyVRP computes it): going from a to b costs the arc, plus the least wait at b (b opens after a's latest
 * departure and the drive) weighted 0.2, plus the least time warp (a's earliest departure and the drive
 * miss b's close) weighted 1; the proximity of a pair is the smaller of its two directions. Two customers
 * side by side whose windows do not overlap are far apart: no route serves them one after the other
 * without waiting or lateness, so the moves between them are not worth pricing. Time is turned into cost at
 * the mean arc cost per second of driving. Index 0 (the depot) is unused.
 */
export function granularLists(m: ProximityInput, k = GRANULAR): Int32Array[] {
  const n1 = m.n + 1;
  const perSecond = costPerSecond(m);
  const prox = (a: number, b: number): number => {
    const t = m.time[a * n1 + b]!;
    const sa = m.nodeSeg[a * SEG + D]!;
    const wait = m.nodeSeg[b * SEG + E]! - (m.nodeSeg[a * SEG + L]! + sa + t);
    const warp = m.nodeSeg[a * SEG + E]! + sa + t - m.nodeSeg[b * SEG + L]!;
    return (
      m.cost[a * n1 + b]! +
      perSecond * (WAIT_WEIGHT * (wait > 0 ? wait : 0) + WARP_WEIGHT * (warp > 0 ? warp : 0))
    );
  };
  const lists: Int32Array[] = [new Int32Array(0)];
  const size = Math.min(k, m.n - 1);
  const keys = new Float64Array(size);
  const ids = new Int32Array(size);
  for (let a = 1; a < n1; a++) {
    let count = 0;
    for (let b = 1; b < n1; b++) {
      if (b === a) continue;
      const ab = prox(a, b);
      const ba = prox(b, a);
      const p = ab < ba ? ab : ba;
      if (count === size && p >= keys[size - 1]!) continue;
      // insertion into the sorted top `size` (ties keep the lower node id first: deterministic)
      let at = count < size ? count++ : size - 1;
      while (at > 0 && keys[at - 1]! > p) {
        keys[at] = keys[at - 1]!;
        ids[at] = ids[at - 1]!;
        at--;
      }
      keys[at] = p;
      ids[at] = b;
    }
    lists.push(ids.slice(0, count));
  }
  return lists;
}

/** Mean arc cost per second of driving over all arcs between customers (1 when no arc takes time). */
function costPerSecond(m: ProximityInput): number {
  const n1 = m.n + 1;
  let cost = 0;
  let time = 0;
  for (let a = 1; a < n1; a++)
    for (let b = 1; b < n1; b++) {
      cost += m.cost[a * n1 + b]!;
      time += m.time[a * n1 + b]!;
    }
  return time > 0 ? cost / time : 1;
}
