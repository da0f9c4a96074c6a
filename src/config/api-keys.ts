import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './env.ts';

/** `metrics`: a key that may only scrape /metrics (Prometheus). */
export const roleSchema = z.enum(['carrier', 'dispatcher', 'planner', 'admin', 'metrics']);
export type Role = z.infer<typeof roleSchema>;

export const apiKeySchema = z
  .object({
    key: z.string().min(16, 'API keys must be at least 16 characters'),
    role: roleSchema,
    carrierId: z.string().min(1).optional(),
    /** Dispatcher or planner of one hub: sees that hub's orders and plans only (all hubs when absent). */
    hubId: z.string().min(1).optional(),
    /** A planner allowed carrier-identifying detail (orders per carrier); planners see aggregates otherwise. */
    carrierDetail: z.boolean().optional(),
  })
  .refine((k) => k.role !== 'carrier' || k.carrierId !== undefined, {
    message: 'a carrier key needs a carrierId',
    path: ['carrierId'],
  });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeysFileSchema = z.array(apiKeySchema).min(1, 'expected at least one key');

/**
 * Reads and validates the API keys file (`[{ key, role, carrierId? }]`).
 * @throws ConfigError naming the file and every invalid entry.
 */
export function loadApiKeys(file: string): ApiKey[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError([
      `PICON_API_KEYS_FILE: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
    ]);
  }
  const parsed = apiKeysFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `PICON_API_KEYS_FILE ${file} [${i.path.join('.')}]: ${i.message}`),
    );
  }
  const seen = new Set<string>();
  for (const k of parsed.data) {
    if (seen.has(k.key)) throw new ConfigError([`PICON_API_KEYS_FILE ${file}: duplicate key`]);
    seen.add(k.key);
  }
  return parsed.data;
}
