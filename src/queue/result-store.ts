import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { JsonPiecesReader, jsonPieces } from '../io/json-pieces.ts';
import { contentKey } from './content-store.ts';

/** What a plan or task job returns: the content hash of its result, which lives in the ResultStore. */
export const resultRefSchema = z.object({ resultRef: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type ResultRef = z.infer<typeof resultRefSchema>;

/**
 * Characters of one stored piece. A 50,000-receiver plan is about 550 MB of indented JSON, above Redis's 512 MB
 * value and V8's longest string; a piece is small enough to move in one command well within the bulk
 * connection's 60 s, and large enough that a plan is a few dozen of them.
 */
export const RESULT_PIECE_CHARS = 8 * 1024 * 1024;
/** Pieces per RPUSH or LRANGE: about 64 MB per command at most. */
const PIECES_PER_COMMAND = 8;

/**
 * Job results by reference (`{prefix}:result:<sha256>`), stored as a Redis list of self-contained JSON pieces
 * (io/json-pieces.ts), so no result is ever one string, in Redis or in a process. BullMQ keeps a job's return
 * value in the job and copies it into the queue's event stream, which keeps the last 10,000 events whatever the
 * jobs' retention: measured on the service bench, one fixture-day plan put 1.3 MB in the plans stream and its
 * task and cost-game children 10 MB in the tasks stream. So plan and task jobs store their results here and
 * return a 64-character reference; the stream carries that. Readers validate what they read with their own
 * schemas, as they did the inline values.
 */
export class ResultStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly pieceChars = RESULT_PIECE_CHARS,
  ) {}

  /**
   * Stores the value unless already there (same content, same hash) and refreshes its TTL. The pieces go to a
   * key of this write's own, renamed at the end, so a reader never sees a result half written and two workers
   * storing the same result do not interleave their pieces.
   */
  async put(value: unknown): Promise<ResultRef> {
    // JSON.stringify writes nothing for these: there would be no piece to store
    if (value === undefined || typeof value === 'function')
      throw new Error('a job result must be a JSON value, not undefined');
    const hash = createHash('sha256');
    const writing = contentKey(this.prefix, 'result', `writing:${randomUUID()}`);
    let batch: string[] = [];
    const flush = async () => {
      await succeeded(
        this.redis
          .multi()
          .rpush(writing, ...batch)
          .expire(writing, this.ttlSeconds)
          .exec(),
      );
      batch = [];
    };
    for (const piece of jsonPieces(value, this.pieceChars)) {
      hash.update(piece);
      batch.push(piece);
      if (batch.length === PIECES_PER_COMMAND) await flush();
    }
    if (batch.length > 0) await flush();
    const resultRef = hash.digest('hex');
    const key = contentKey(this.prefix, 'result', resultRef);
    // an identical result already stored is kept; renaming over it would change nothing but its TTL
    if ((await this.redis.exists(key)) === 1)
      await succeeded(this.redis.multi().del(writing).expire(key, this.ttlSeconds).exec());
    else await succeeded(this.redis.multi().rename(writing, key).expire(key, this.ttlSeconds).exec());
    return { resultRef };
  }

  /**
   * The result a job returned: read from the store when it is a reference, else the value itself (jobs
   * completed by workers from before results were stored by reference).
   * @throws Error when the referenced result has expired
   */
  async resolve(returned: unknown): Promise<unknown> {
    const ref = resultRefSchema.safeParse(returned);
    if (!ref.success) return returned;
    const key = contentKey(this.prefix, 'result', ref.data.resultRef);
    const type = await this.redis.type(key);
    // one JSON string: stored by a worker from before results were stored in pieces
    if (type === 'string') return JSON.parse((await this.redis.get(key)) ?? 'null');
    const count = type === 'list' ? await this.redis.llen(key) : 0;
    if (count === 0) throw new Error(`result ${ref.data.resultRef} is no longer stored (expired?)`);
    const reader = new JsonPiecesReader();
    for (let start = 0; start < count; start += PIECES_PER_COMMAND) {
      const pieces = await this.redis.lrange(key, start, start + PIECES_PER_COMMAND - 1);
      if (pieces.length === 0) throw new Error(`result ${ref.data.resultRef} expired while it was read`);
      for (const piece of pieces) reader.push(piece);
    }
    return reader.value();
  }
}

/** A MULTI's replies: ioredis resolves a transaction whose commands failed (a RENAME of an expired key) with
 * the errors in its replies, so they are thrown here. */
async function succeeded(replies: Promise<[Error | null, unknown][] | null>): Promise<void> {
  const failed = (await replies)?.find(([err]) => err !== null)?.[0];
  if (failed) throw failed;
}
