/**
 * "Already tried in the current evaluate call" marks over 0..size-1, reset in O(1) per call: entry i is
 * marked when it holds the call's stamp. Kept across calls (evaluate runs synchronously and never
 * re-enters), so a call allocates nothing.
 */
export class Stamps {
  private marks = new Int32Array(0);
  private stamp = 0;

  /** Starts a new call over `size` entries, none marked. */
  next(size: number): void {
    if (this.marks.length < size) {
      this.marks = new Int32Array(size);
      this.stamp = 0;
    }
    if (this.stamp === 0x7fffffff) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** Marks entry i; false if it was already marked in this call. */
  mark(i: number): boolean {
    if (this.marks[i] === this.stamp) return false;
    this.marks[i] = this.stamp;
    return true;
  }
}
