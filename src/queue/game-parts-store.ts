import type { Redis } from 'ioredis';
import { ContentStore } from './content-store.ts';
import { gamePartsSchema, type GameParts } from './job-payloads.ts';

/** The game's parts under their content hash (`{prefix}:game-parts:<sha256>`), read by every chunk. */
export class GamePartsStore extends ContentStore<GameParts> {
  constructor(redis: Redis, prefix: string, ttlSeconds: number) {
    super(redis, prefix, 'game-parts', gamePartsSchema, ttlSeconds);
  }
}
