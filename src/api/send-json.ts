import type { Response } from 'express';
import { writeJson } from '../io/write-json.ts';

/**
 * Sends a body that may be too long for one string: `res.json` stringifies it whole, and a 50,000-receiver
 * plan's text is longer than V8's longest string (docs/BENCHMARKS.md). The body is written in pieces as the
 * client takes them (io/write-json.ts). Everything that can fail must be done before: once the first piece is
 * out, the status can no longer change.
 */
export async function sendJson(res: Response, body: unknown): Promise<void> {
  res.type('application/json');
  if (await writeJson(res, body, { compact: true })) res.end();
}
