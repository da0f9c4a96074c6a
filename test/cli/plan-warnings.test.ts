import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { smallScenario } from '../support/small-scenario.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/picon.mjs');

describe('picon plan warnings', () => {
  it('prints a swapped receiver position to stderr and still plans', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'picon-warn-'));
    const s = smallScenario();
    s.options = { timeLimitSeconds: 1 };
    (s.receivers[0] as { location: [number, number] }).location = [50.641, 3.063];
    await writeFile(join(dir, 'swapped.json'), JSON.stringify(s));
    const { stdout, stderr } = await run(
      process.execPath,
      [BIN, 'plan', join(dir, 'swapped.json'), '--json'],
      {
        timeout: 60_000,
      },
    );
    expect(stderr).toMatch(
      /^warning: receivers\[0\]\.location \(R1\): \[50\.641, 3\.063\] is [\d,]+ km .*\[lat, lon\]/m,
    );
    expect(JSON.parse(stdout)).toHaveProperty('baseline');
  });
});
