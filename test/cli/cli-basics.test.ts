import { readFileSync } from 'node:fs';
import { picon } from '../support/run-picon.ts';
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress-line.ts';

describe('picon, the command itself', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const { code, stdout } = await picon('--version');
    expect([code, stdout]).toEqual([0, `${version}\n`]);
  });

  it('exits 2 for every mistake of the command line, 0 for help', async () => {
    const results = await Promise.all([
      picon('plan', '--no-such-option', 'x.json'),
      picon('plan'),
      picon('frobnicate'),
      picon(),
      picon('plan', 'x.json', '--seed', '-1'),
      picon('plan', '--help'),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 0]);
    expect(results[0]?.stderr).toContain("unknown option '--no-such-option'");
    expect(results[1]?.stderr).toContain("missing required argument 'scenario'");
  });
});

describe('progress on stderr', () => {
  const progress = (isTTY: boolean) => {
    const written: string[] = [];
    let now = 0;
    const bar = progressLine({ isTTY, write: (s: string) => written.push(s) > 0 }, () => now);
    now = 2000; // past the second a quick solve never shows
    for (let percent = 0; percent <= 100; percent += 1) {
      bar.update({ percent, phase: 'consolidated', bestCost: 1000 - percent });
      now += 50;
    }
    bar.done();
    return written;
  };

  it('logs one line per 5 % step when stderr is not a terminal', () => {
    const lines = progress(false);
    expect(lines.length).toBe(21);
    expect(lines[0]).toBe('progress   0%  consolidated  best cost 1000.0\n');
    expect(lines[7]).toBe('progress  35%  consolidated  best cost 965.0\n');
    expect(lines.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('redraws a bar in place on a terminal', () => {
    const lines = progress(true);
    expect(lines.every((l) => l.startsWith('\r'))).toBe(true);
    expect(lines.some((l) => l.includes('█'))).toBe(true);
  });

  it('says nothing for a solve under a second', () => {
    const written: string[] = [];
    const bar = progressLine({ isTTY: false, write: (s: string) => written.push(s) > 0 }, () => 10);
    bar.update({ percent: 50, phase: 'baseline', bestCost: 1 });
    bar.done();
    expect(written).toEqual([]);
  });
});
