import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Pieces are gathered to about this size before a write: few writes, and never the whole document at once. */
const WRITE_CHARS = 1 << 20;

/**
 * Writes the pieces of a long text to `out` without ever joining them: a 10,000-receiver plan's JSON is 110 MB,
 * and holding it (and the buffer a stream makes of it) was most of the CLI's peak memory; a 50,000-receiver
 * plan's would not fit in one string at all. Waits for the stream to drain when it asks to, so nothing piles up
 * in its buffer either, and stops when the stream is closed (a client that went away) instead of waiting for a
 * drain forever.
 * @returns false when the stream closed before the whole text was written
 */
export async function writeChunks(
  out: Writable | NodeJS.WriteStream,
  chunks: Iterable<string>,
): Promise<boolean> {
  let pending = '';
  const flush = async (): Promise<boolean> => {
    if (out.destroyed) return false;
    const full = !out.write(pending);
    pending = '';
    if (full) {
      // whichever comes first; the other listener is removed, or each wait would leave one behind
      const waiting = new AbortController();
      const { signal } = waiting;
      await Promise.race([once(out, 'drain', { signal }), once(out, 'close', { signal })]).finally(() =>
        waiting.abort(),
      );
    }
    return !out.destroyed;
  };
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= WRITE_CHARS && !(await flush())) return false;
  }
  return await flush();
}
