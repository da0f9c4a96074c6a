import type { Redis } from 'ioredis';
import type { Scenario } from '../contracts/index.ts';
import { scenarioSchema } from '../contracts/index.ts';
import { ContentStore } from './content-store.ts';

/** Scenarios under their content hash (`{prefix}:scenario:<sha256>`): plan jobs and their children name the day by it (content-store.ts). */
export class ScenarioStore extends ContentStore<Scenario> {
  constructor(redis: Redis, prefix: string, ttlSeconds: number) {
    super(redis, prefix, 'scenario', scenarioSchema, ttlSeconds);
  }
}
