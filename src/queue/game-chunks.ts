import type { Redis } from 'ioredis';
import { ContentStore } from './content-store.ts';
import { gamePartsSchema, type GameParts } from './job-payloads.ts';

/**
 * A cost game's coalitions are priced in at most this many children of the plan flow, each of at least
 * MIN_COALITIONS_PER_CHUNK coalitions: on the 10-carrier Lille day 64 chunks of 16 (≈ 3 s of work each), enough
 * to keep any number of workers busy while the per-job overhead (a Redis round trip, the sandbox's cached day)
 * stays small.
 */
export const MAX_GAME_CHUNKS = 64;
export const MIN_COALITIONS_PER_CHUNK = 16;

/**
 * The coalitions split into chunks round-robin: coalition k goes to chunk k mod count, so every chunk holds
 * coalitions of every size (big coalitions cost more to price) and the chunks take about the same time.
 */
export function gameChunks(coalitions: readonly number[]): number[][] {
  if (coalitions.length === 0) return [];
  const count = Math.min(MAX_GAME_CHUNKS, Math.ceil(coalitions.length / MIN_COALITIONS_PER_CHUNK));
  return Array.from({ length: count }, (_, k) => coalitions.filter((_, i) => i % count === k));
}

/** The game's parts under their content hash (`{prefix}:game-parts:<sha256>`), read by every chunk. */
export class GamePartsStore extends ContentStore<GameParts> {
  constructor(redis: Redis, prefix: string, ttlSeconds: number) {
    super(redis, prefix, 'game-parts', gamePartsSchema, ttlSeconds);
  }
}
