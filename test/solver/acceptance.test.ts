import { describe, expect, it } from 'vitest';
import { Annealing, better, type Score } from '../../src/solver/search/acceptance.ts';
import { ScriptedRng } from './scripted-rng.ts';

const score = (unassigned: number, unassignedSize: number, cost: number, vehicles = 0): Score => ({
  unassigned,
  unassignedSize,
  vehicles,
  cost,
});

// Of two solutions leaving as many jobs out, cost alone prefers the one leaving out the job whose visit
// costs most: on the Lille micro-hub that was its largest bundle (175 kg for 180 kg cargo bikes), which
// the search then never fitted back in. The size of what is left out decides before cost does.
describe('the search ranks solutions leaving as many jobs out', () => {
  it('puts the one leaving out less ahead, whatever the cost', () => {
    expect(better(score(1, 0.4, 700), score(1, 1.9, 685))).toBe(true);
    expect(better(score(1, 1.9, 685), score(1, 0.4, 700))).toBe(false);
  });

  it('still puts fewer jobs left out first, and compares cost when the sizes are equal', () => {
    expect(better(score(0, 0, 900), score(1, 0.1, 600))).toBe(true);
    expect(better(score(2, 0.2, 600), score(1, 1.9, 900))).toBe(false);
    expect(better(score(1, 0.5, 600), score(1, 0.5 + 1e-12, 601))).toBe(true);
    expect(better(score(1, 0.5, 601), score(1, 0.5 + 1e-12, 600))).toBe(false);
    expect(better(score(0, 0, 600, 3), score(0, 0, 500, 4))).toBe(true);
  });

  it('never accepts leaving out more, even far cheaper and at the hottest temperature', () => {
    const hot = new Annealing(1e9, 1);
    // a draw near 0 makes -T ln U huge: any cost would pass if size were not checked first
    expect(hot.accept(score(1, 1.9, 10), score(1, 0.4, 700), 0, new ScriptedRng([1e-12]))).toBe(false);
  });

  it('accepts leaving out less even at a higher cost, without a random draw', () => {
    const cold = new Annealing(1e-9, 1e-12);
    const rng = new ScriptedRng([]);
    expect(cold.accept(score(1, 0.4, 900), score(1, 1.9, 685), 1, rng)).toBe(true);
    expect(rng.taken).toEqual([]);
  });

  it('anneals on cost between solutions leaving out the same size', () => {
    const a = new Annealing(10, 1);
    // T = 10 at fraction 0; a draw of exp(-1) lets a candidate up to 10 dearer through
    expect(a.accept(score(1, 0.5, 709), score(1, 0.5, 700), 0, new ScriptedRng([Math.exp(-1)]))).toBe(true);
    expect(a.accept(score(1, 0.5, 711), score(1, 0.5, 700), 0, new ScriptedRng([Math.exp(-1)]))).toBe(false);
  });
});
