import type { Response } from 'express';
import { writeChunks } from '../io/write-chunks.ts';
import { writeJson } from '../io/write-json.ts';

/**
 * Sends a body that may be too long for one string: `res.json` stringifies it whole, and a 50,000-receiver
 * plan's text is longer than V8's longest string (docs/BENCHMARKS.md). The body is written in pieces as the
 * client takes them (io/write-json.ts; `depth` as there). Everything that can fail must be done before: once
 * the first piece is out, the status can no longer change.
 */
export async function sendJson(
  res: Response,
  body: unknown,
  { type = 'application/json', depth = 3 }: { type?: string; depth?: number } = {},
): Promise<void> {
  res.type(type);
  if (await writeJson(res, body, { compact: true, depth })) res.end();
}

/**
 * Sends a text made of pieces (a CSV row by row) the same way, set with its content type beforehand. A piece
 * that throws once the first is out ends the answer cut short, which the client sees as a broken transfer.
 */
export async function sendChunks(res: Response, pieces: Iterable<string>): Promise<void> {
  if (await writeChunks(res, pieces)) res.end();
}
