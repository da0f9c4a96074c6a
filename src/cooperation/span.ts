/**
 * The linear span of a growing set of coalition indicator vectors (n <= 12 entries of 0/1), by Gaussian
 * elimination kept in reduced row-echelon form. The nucleolus uses it to know which coalitions' costs are
 * already determined by the ones fixed so far.
 */
export class CoalitionSpan {
  private readonly rows: { pivot: number; v: number[] }[] = [];

  constructor(private readonly players: number) {}

  get rank(): number {
    return this.rows.length;
  }

  contains(coalition: number): boolean {
    return this.reduce(coalition).every((x) => Math.abs(x) < 1e-9);
  }

  /** Adds the coalition; returns false (and changes nothing) when it was already in the span. */
  add(coalition: number): boolean {
    const v = this.reduce(coalition);
    const pivot = v.findIndex((x) => Math.abs(x) >= 1e-9);
    if (pivot < 0) return false;
    const p = v[pivot]!;
    const row = v.map((x) => x / p);
    for (const r of this.rows) {
      const f = r.v[pivot]!;
      if (f !== 0) for (let j = 0; j < this.players; j++) r.v[j]! -= f * row[j]!;
    }
    this.rows.push({ pivot, v: row });
    return true;
  }

  private reduce(coalition: number): number[] {
    const v = Array.from({ length: this.players }, (_, i) => ((coalition >> i) & 1 ? 1 : 0));
    for (const { pivot, v: r } of this.rows) {
      const f = v[pivot]!;
      if (f !== 0) for (let j = 0; j < this.players; j++) v[j]! -= f * r[j]!;
    }
    return v;
  }
}
