import type { Config } from '../config/env.ts';
import { ApiError } from './api-error.ts';

const DAY_MS = 86_400_000;

/**
 * A delivery day is plausible when it lies between `retentionDays` ago and `maxDaysAhead` ahead (year 0001 and
 * 9999 were accepted before); its orders are kept until `retentionDays` after it.
 * @returns seconds the day's orders are to be kept from now
 * @throws ApiError DATE_OUT_OF_RANGE naming the field
 */
export function deliveryDayTtlSeconds(
  date: string,
  limits: Config['orders'],
  nowMs: number,
  field = 'date',
): number {
  const dayMs = Date.parse(`${date}T00:00:00Z`);
  const todayMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const earliest = todayMs - limits.retentionDays * DAY_MS;
  const latest = todayMs + limits.maxDaysAhead * DAY_MS;
  if (!(dayMs >= earliest && dayMs <= latest)) {
    const range = `${isoDay(earliest)} to ${isoDay(latest)}`;
    throw new ApiError('DATE_OUT_OF_RANGE', `delivery day ${date} is outside ${range}`, [
      { path: field, message: `expected a day from ${range} (retention ${limits.retentionDays} days)` },
    ]);
  }
  return Math.ceil((dayMs + (limits.retentionDays + 1) * DAY_MS - nowMs) / 1000);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
