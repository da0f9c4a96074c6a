import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cvrpDir, solomonDir } from '../../support/benchmark-fixtures.ts';
import { parseBksCsv } from '../../../src/io/benchmark/bks.ts';

describe('parseBksCsv', () => {
  it('finds columns by name and handles quoted commas', () => {
    const m = parseBksCsv('instance,vehicles,distance,source\nA1,3,12.5,"x, y ""z"""\nB2,4,7,plain\n');
    expect(m.get('A1')).toEqual({ instance: 'A1', vehicles: 3, distance: 12.5, source: 'x, y "z"' });
    expect(m.get('B2')?.distance).toBe(7);
    expect(() => parseBksCsv('name,vehicles\nA,1\n', 'b.csv')).toThrow(/b\.csv: no "instance" column/);
    expect(() => parseBksCsv('instance,vehicles,distance\nA,one,2\n', 'b.csv')).toThrow(/b\.csv:2/);
  });

  it('reads the shared Solomon and X tables', () => {
    const solomon = parseBksCsv(readFileSync(join(solomonDir(), 'bks_distance_only.csv'), 'utf8'));
    expect(solomon.size).toBe(56);
    expect(solomon.get('C101')).toMatchObject({ vehicles: 10, distance: 828.94 });
    expect(solomon.get('R101')).toMatchObject({ vehicles: 20, distance: 1642.88 });
    const hierarchical = parseBksCsv(readFileSync(join(solomonDir(), 'bks.csv'), 'utf8'));
    expect(hierarchical.size).toBe(56);
    const x = parseBksCsv(readFileSync(join(cvrpDir(), 'bks.csv'), 'utf8'));
    expect(x.get('X-n101-k25')).toMatchObject({ vehicles: 26, distance: 27591 });
  });
});
