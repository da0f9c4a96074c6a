import { Rng } from '../../src/solver/rng.ts';

/** An Rng whose `next()` returns the given draws in order (and throws when they run out), recording each one taken. */
export class ScriptedRng extends Rng {
  readonly taken: number[] = [];
  private readonly draws: number[];

  constructor(draws: readonly number[]) {
    super(1);
    this.draws = draws.slice();
  }

  override next(): number {
    const x = this.draws.shift();
    if (x === undefined) throw new Error(`no draw left after ${this.taken.length}`);
    this.taken.push(x);
    return x;
  }
}
