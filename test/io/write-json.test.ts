import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/io/write-json.ts';

/** A stream that takes each write later, as a slow pipe does, and asks for drains past 64 KiB. */
function slowSink() {
  const writes: string[] = [];
  let mostBufferedChars = 0;
  const stream = new Writable({
    highWaterMark: 1 << 16,
    write(chunk: Buffer, _encoding, done) {
      mostBufferedChars = Math.max(mostBufferedChars, stream.writableLength);
      writes.push(chunk.toString());
      setImmediate(done);
    },
  });
  return { stream, writes, mostBuffered: () => mostBufferedChars };
}

// `picon plan --json` of a 10,000-receiver day is 110 MB: written in pieces of about a megabyte, never as one string
describe('writing a plan as JSON', () => {
  it('writes JSON.stringify(value, null, 2) and a line break, in pieces of about a megabyte', async () => {
    const routes = Array.from({ length: 20_000 }, (_, i) => ({ id: `route-${i}`, stops: [i, i + 1, i + 2] }));
    const value = { baseline: { routes }, consolidated: { routes: routes.slice(0, 10) } };
    const { stream, writes, mostBuffered } = slowSink();
    await writeJson(stream, value);
    const expected = JSON.stringify(value, null, 2) + '\n';
    expect(writes.join('')).toBe(expected);
    // ~2.2 MB in 3 writes, none much over a megabyte
    expect(expected.length).toBeGreaterThan(2 * 2 ** 20);
    expect(writes).toHaveLength(3);
    // (a piece is at most about 64 K characters of whole items, json-chunks.ts)
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(2 ** 20 + 2 ** 16 + 1000);
    // each write waited for the one before to drain: the stream never held two
    expect(mostBuffered()).toBeLessThan(2 ** 20 + 2 ** 16 + 1000);
    // and left no listener behind (the 280 MB plan of a 50,000-receiver day waited ~270 times)
    expect(stream.listenerCount('close')).toBe(0);
    expect(stream.listenerCount('drain')).toBe(0);
  });

  it('writes a small value in one write', async () => {
    const { stream, writes } = slowSink();
    await writeJson(stream, { a: [1, { b: null }] });
    expect(writes).toEqual([JSON.stringify({ a: [1, { b: null }] }, null, 2) + '\n']);
  });
});

describe('writing JSON to a client', () => {
  it('writes JSON.stringify(value), no line break, when compact', async () => {
    const routes = Array.from({ length: 30_000 }, (_, i) => ({ id: `route-${i}`, stops: [i, i + 1] }));
    const { stream, writes } = slowSink();
    expect(await writeJson(stream, { routes }, { compact: true })).toBe(true);
    expect(writes.join('')).toBe(JSON.stringify({ routes }));
    expect(writes.length).toBeGreaterThan(1);
  });

  it('stops, and says so, when the stream closes while it waits for a drain', async () => {
    const writes: string[] = [];
    // takes the first write and never finishes it: no drain will come
    const stuck = new Writable({
      highWaterMark: 1 << 10,
      write(chunk: Buffer) {
        writes.push(chunk.toString());
      },
    });
    const routes = Array.from({ length: 100_000 }, (_, i) => ({ id: `route-${i}` }));
    const written = writeJson(stuck, { routes }, { compact: true });
    setTimeout(() => stuck.destroy(), 50);
    expect(await written).toBe(false);
    expect(writes).toHaveLength(1);
  });
});
