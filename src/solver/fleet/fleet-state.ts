import type { FleetModel } from './fleet-model.ts';
import { concatInto, SEG, TW } from './time-warp.ts';

/** Positions allocated beyond a route's length, so that a few insertions reuse its arrays. */
const ROOM = 8;

/** Time warp below this is rounding (far below the solver's TIME_EPS on window closes). */
export const WARP_EPS = 1e-9;

/**
 * Routes during route elimination, each as node ids `[0, k1 .. km, 0]` (node = job + 1), with the
 * time-warp segment of every prefix (`fwd`) and suffix (`bwd`) and the prefix loads, so moves are
 * evaluated in O(1). Routes are allowed to violate windows and capacity (squeeze works through
 * infeasible states); a route left empty stays in place as `[0, 0]` until `dropEmpty`, so route indices
 * are stable within one elimination attempt. `save` journals a route before a change, `rollback` undoes.
 */
export class FleetState {
  seqs: number[][] = [];
  fwd: Float64Array[] = [];
  bwd: Float64Array[] = [];
  /** Load of positions 0..p in dimension d at `p * dims + d`. */
  pre: Float64Array[] = [];
  /** Route of each node (-1: in the ejection pool) and its position there. */
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  private readonly journal = new Map<number, number[]>();

  constructor(
    readonly model: FleetModel,
    seqs: readonly (readonly number[])[],
  ) {
    this.routeOf = new Int32Array(model.n + 1).fill(-1);
    this.posOf = new Int32Array(model.n + 1).fill(-1);
    for (const s of seqs) this.push(s.slice());
  }

  get count(): number {
    return this.seqs.length;
  }

  /** Non-empty routes. */
  used(): number {
    let k = 0;
    for (const s of this.seqs) if (s.length > 2) k++;
    return k;
  }

  /** Customers of route r (positions 1 .. length - 2). */
  size(r: number): number {
    return this.seqs[r]!.length - 2;
  }

  timeWarp(r: number): number {
    return this.fwd[r]![SEG * (this.seqs[r]!.length - 1) + TW]!;
  }

  /** Total load of route r in dimension d. */
  loadOf(r: number, d: number): number {
    const dims = this.model.dims;
    return this.pre[r]![(this.seqs[r]!.length - 1) * dims + d]!;
  }

  /** Sum over dimensions of the load above capacity. */
  excess(r: number): number {
    let x = 0;
    for (let d = 0; d < this.model.dims; d++) {
      const over = this.loadOf(r, d) - this.model.capacity[d]!;
      if (over > 0) x += over;
    }
    return x;
  }

  feasible(r: number): boolean {
    return this.timeWarp(r) <= WARP_EPS && this.excess(r) <= 0;
  }

  /** Penalty F = capacity excess + alpha x time warp (Nagata and Bräysy's P_c + alpha P_tw). */
  penalty(r: number, alpha: number): number {
    return this.excess(r) + alpha * this.timeWarp(r);
  }

  /** Replaces route r's sequence (journal first with save) and refreshes its caches. */
  set(r: number, seq: number[]): void {
    for (const k of this.seqs[r]!) if (k !== 0 && this.routeOf[k] === r) this.routeOf[k] = -1;
    this.seqs[r] = seq;
    this.refresh(r);
  }

  /** Keeps route r's sequence so rollback can restore it (first save since the last commit wins). */
  save(r: number): void {
    if (!this.journal.has(r)) this.journal.set(r, this.seqs[r]!.slice());
  }

  /** Routes saved since the last commit. */
  touched(): number[] {
    return [...this.journal.keys()];
  }

  commit(): void {
    this.journal.clear();
  }

  /** Restores every route saved since the last commit; nodes not in any restored route go to the pool. */
  rollback(): void {
    for (const [r, seq] of this.journal) this.set(r, seq);
    this.journal.clear();
  }

  /** Removes route r (swap with the last) and returns its nodes; call outside a journaled change. */
  removeRoute(r: number): number[] {
    const nodes = this.seqs[r]!.slice(1, -1);
    for (const k of nodes) this.routeOf[k] = -1;
    const last = this.seqs.length - 1;
    if (r !== last) {
      this.seqs[r] = this.seqs[last]!;
      this.fwd[r] = this.fwd[last]!;
      this.bwd[r] = this.bwd[last]!;
      this.pre[r] = this.pre[last]!;
      for (const k of this.seqs[r]!) if (k !== 0) this.routeOf[k] = r;
    }
    this.seqs.pop();
    this.fwd.pop();
    this.bwd.pop();
    this.pre.pop();
    return nodes;
  }

  /** Removes routes left empty. */
  dropEmpty(): void {
    for (let r = this.seqs.length - 1; r >= 0; r--) if (this.seqs[r]!.length <= 2) this.removeRoute(r);
  }

  snapshot(): number[][] {
    return this.seqs.map((s) => s.slice());
  }

  restore(snap: readonly (readonly number[])[]): void {
    this.journal.clear();
    this.routeOf.fill(-1);
    this.seqs = [];
    this.fwd = [];
    this.bwd = [];
    this.pre = [];
    for (const s of snap) this.push(s.slice());
  }

  private push(seq: number[]): void {
    this.seqs.push(seq);
    this.fwd.push(new Float64Array(0));
    this.bwd.push(new Float64Array(0));
    this.pre.push(new Float64Array(0));
    this.refresh(this.seqs.length - 1);
  }

  /** Recomputes route r's segments and loads: O(length x dims). */
  private refresh(r: number): void {
    const m = this.model;
    const seq = this.seqs[r]!;
    const len = seq.length;
    const n1 = m.n + 1;
    // The arrays are reused while they are long enough: a route changes on every applied move, and allocating
    // three arrays each time cost about half of this function's 5-9 % of the fixed-fleet search's time, plus
    // the garbage collector's. So they may be longer than the route: readers index by position, never by length.
    if (this.fwd[r]!.length < SEG * len) {
      const room = len + ROOM;
      this.fwd[r] = new Float64Array(SEG * room);
      this.bwd[r] = new Float64Array(SEG * room);
      this.pre[r] = new Float64Array(room * m.dims);
    }
    const fwd = this.fwd[r]!;
    const bwd = this.bwd[r]!;
    const pre = this.pre[r]!;
    for (let d = 0; d < m.dims; d++) pre[d] = 0;
    fwd.set(m.nodeSeg.subarray(SEG * seq[0]!, SEG * seq[0]! + SEG), 0);
    for (let p = 1; p < len; p++) {
      const k = seq[p]!;
      concatInto(fwd, SEG * p, fwd, SEG * (p - 1), m.nodeSeg, SEG * k, m.time[seq[p - 1]! * n1 + k]!);
      for (let d = 0; d < m.dims; d++)
        pre[p * m.dims + d] = pre[(p - 1) * m.dims + d]! + m.load[k * m.dims + d]!;
      if (k !== 0) {
        this.routeOf[k] = r;
        this.posOf[k] = p;
      }
    }
    const last = seq[len - 1]!;
    bwd.set(m.nodeSeg.subarray(SEG * last, SEG * last + SEG), SEG * (len - 1));
    for (let p = len - 2; p >= 0; p--)
      concatInto(
        bwd,
        SEG * p,
        m.nodeSeg,
        SEG * seq[p]!,
        bwd,
        SEG * (p + 1),
        m.time[seq[p]! * n1 + seq[p + 1]!]!,
      );
  }
}
