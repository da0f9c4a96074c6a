import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { jsonChunks } from '../io/json-chunks.ts';

/** Pieces are gathered to about this size before a write: few writes, and never the whole document at once. */
const WRITE_CHARS = 1 << 20;

/**
 * Writes `JSON.stringify(value, null, 2) + '\n'` to `out` without building that string: a 10,000-receiver
 * plan's JSON is 110 MB, and holding it (and the buffer a stream makes of it) was most of the CLI's peak memory.
 * Waits for the stream to drain when it asks to, so nothing piles up in its buffer either.
 */
export async function writeJson(out: Writable | NodeJS.WriteStream, value: unknown): Promise<void> {
  let pending = '';
  const flush = async () => {
    const full = !out.write(pending);
    pending = '';
    if (full) await once(out, 'drain');
  };
  for (const chunk of jsonChunks(value)) {
    pending += chunk;
    if (pending.length >= WRITE_CHARS) await flush();
  }
  pending += '\n';
  await flush();
}
