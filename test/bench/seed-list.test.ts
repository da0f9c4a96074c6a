import { describe, expect, it } from 'vitest';
import { MAX_SEEDS, parseSeedList } from '../../bench/support/seed-list.ts';

describe('--seeds lists', () => {
  it('read single seeds, ranges and mixes in the order given, each once', () => {
    expect(parseSeedList('3')).toEqual([3]);
    expect(parseSeedList('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeedList('7, 1-3 ,2,0')).toEqual([7, 1, 2, 3, 0]);
    expect(parseSeedList('4-4')).toEqual([4]);
    expect(parseSeedList('10 - 12')).toEqual([10, 11, 12]);
    expect(parseSeedList('4294967295')).toEqual([4294967295]);
  });

  it('name the part that is not a seed', () => {
    expect(() => parseSeedList('1,x')).toThrow(/seed "x" is not an integer/);
    expect(() => parseSeedList('1.5')).toThrow(/seed "1.5"/);
    expect(() => parseSeedList('1e3')).toThrow(/seed "1e3"/);
    expect(() => parseSeedList('0x10')).toThrow(/seed "0x10"/);
    expect(() => parseSeedList('-2')).toThrow(/seed "-2"/);
    expect(() => parseSeedList('')).toThrow(/seed ""/);
    expect(() => parseSeedList('5-2')).toThrow(/"5-2" ends before it starts/);
    for (const part of ['x1-3', '1-3x', '1x-3', '1-x3'])
      expect(() => parseSeedList(part)).toThrow(`seed "${part}" is not an integer`);
    expect(() => parseSeedList('4294967296')).toThrow(/from 0 to 4294967295/);
  });

  it(`stop at ${MAX_SEEDS} seeds`, () => {
    expect(parseSeedList(`1-${MAX_SEEDS}`)).toHaveLength(MAX_SEEDS);
    expect(() => parseSeedList(`1-${MAX_SEEDS + 1}`)).toThrow(/at most 100 seeds/);
    expect(() => parseSeedList(`0-${MAX_SEEDS - 1},${MAX_SEEDS}`)).toThrow(/at most 100 seeds/);
    expect(() => parseSeedList('0-4294967295')).toThrow(/at most 100 seeds/);
    expect(() => parseSeedList('0-9999999999')).toThrow(/from 0 to 4294967295/);
  });
});
