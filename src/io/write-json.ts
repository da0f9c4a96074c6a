import type { Writable } from 'node:stream';
import { jsonChunks } from './json-chunks.ts';
import { writeChunks } from './write-chunks.ts';

/**
 * Writes `JSON.stringify(value, null, 2) + '\n'` to `out` (or `JSON.stringify(value)` with `compact`, as an API
 * response) without building that string (write-chunks.ts says why and how). `depth`: how many levels down
 * the subtrees are stringified whole (json-chunks.ts), 3 for a plan (its routes).
 * @returns false when the stream closed before the whole value was written
 */
export async function writeJson(
  out: Writable | NodeJS.WriteStream,
  value: unknown,
  { compact = false, depth = 3 }: { compact?: boolean; depth?: number } = {},
): Promise<boolean> {
  const pieces = jsonChunks(value, depth, !compact);
  return await writeChunks(out, compact ? pieces : withNewline(pieces));
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}
