import { describe, expect, it } from 'vitest';
import {
  coalitionCosts,
  coalitionOrder,
  costTable,
  membersOf,
  missingCoalitions,
} from '../../src/cooperation/cost-game.ts';
import { largestRemainder, roundToTotal } from '../../src/cooperation/largest-remainder.ts';

describe('coalition cost table', () => {
  it('orders coalitions by size then bitmask: singletons first, the grand coalition last', () => {
    expect(coalitionOrder(3)).toEqual([1, 2, 4, 3, 5, 6, 7]);
    expect(coalitionOrder(12)).toHaveLength(4095);
    expect(membersOf(0b1011)).toEqual([0, 1, 3]);
  });

  it('prices each coalition once, in that order, taking known costs from a partial table', () => {
    const seen: number[] = [];
    const known = new Map([
      [3, 7.5],
      [7, 11],
    ]);
    const table = coalitionCosts(
      3,
      (members, s) => {
        seen.push(s);
        return members.length * 5;
      },
      known,
    );
    expect(seen).toEqual([1, 2, 4, 5, 6]);
    expect(Array.from(table.costsEur)).toEqual([0, 5, 5, 7.5, 5, 10, 10, 11]);
    expect(missingCoalitions(3, known)).toEqual([1, 2, 4, 5, 6]);
  });

  it('rejects bad sizes and costs, naming the field', () => {
    expect(() => coalitionOrder(13)).toThrow(/players must be an integer from 1 to 12/);
    expect(() => coalitionCosts(2, () => Number.NaN)).toThrow(/coalition \{0\}.*not a finite number/);
    expect(() => coalitionCosts(2, () => 1, new Map([[4, 1]]))).toThrow(/not a coalition of 2 players/);
    expect(() => costTable(2, [0, 1, 2])).toThrow(/costsEur needs 4 entries/);
  });
});

describe('largest remainder', () => {
  it('splits an integer total exactly, ties to the lower index', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(10, [0.1, 0.2, 0.7])).toEqual([1, 2, 7]);
    expect(largestRemainder(7, [3, 0, 1])).toEqual([5, 0, 2]);
  });

  it('adds up exactly on awkward floats, negative weights included', () => {
    const w = [0.1, 0.2, 0.30000000000000004, 1e-9, 123.456, -0.7];
    for (const total of [0, 1, 999, 1_000_003])
      expect(largestRemainder(total, w).reduce((a, b) => a + b, 0)).toBe(total);
    expect(roundToTotal([12.9999999, 0.0000001], 13)).toEqual([13, 0]);
    expect(roundToTotal([-1.5, 3.5], 2)).toEqual([-1, 3]);
  });
});
