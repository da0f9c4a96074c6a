import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/cli/output-dir.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// `picon plan --out DIR` writes plan.json in pieces: a 50,000-receiver plan's text is longer than one string
describe('--out files', () => {
  it('writes a JSON output as JSON.stringify(value, null, 2) and a line break, beside text and bytes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-out-'));
    const routes = Array.from({ length: 30_000 }, (_, i) => ({ id: `r${i}`, stops: [i, i + 1] }));
    const plan = { consolidated: { routes }, note: 'é "quoted"' };
    await writeOutputs(dir, {
      'plan.json': { json: plan },
      'a.csv': 'x,y\n',
      'b.bin': new Uint8Array([1, 2]),
    });
    expect(await readFile(join(dir, 'plan.json'), 'utf8')).toBe(JSON.stringify(plan, null, 2) + '\n');
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('x,y\n');
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([1, 2]);
  });

  it('names the file it cannot write, for a JSON output too', async () => {
    dir = await mkdtemp(join(tmpdir(), 'picon-out-'));
    const missing = join(dir, 'no-such-folder');
    await expect(writeOutputs(missing, { 'plan.json': { json: { a: 1 } } })).rejects.toThrow(
      `cannot write ${join(missing, 'plan.json')}: ENOENT`,
    );
  });
});
