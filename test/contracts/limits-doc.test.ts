import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/contracts/index.ts';

// docs/RELIABILITY.md's table of bounds must say what src/contracts/limits.ts enforces, no more, no less.
describe('the bounds table of docs/RELIABILITY.md', () => {
  it('lists every LIMITS entry with its value', () => {
    const doc = readFileSync(new URL('../../docs/RELIABILITY.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `(\w+)` \| ([\d,]+) \|/gm)].map(([, name, value]) => [
      name,
      Number(value!.replaceAll(',', '')),
    ]);
    expect(Object.fromEntries(rows)).toEqual(LIMITS);
  });
});
