import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_S,
  daySpeedFactors,
  drivingTimeArrivingS,
  drivingTimeLeavingS,
  timeDependentTravel,
} from '../../src/geo/index.ts';
import { profiledDriveS } from '../support/audit/speed-profiles.ts';
import { euclidean } from '../solver/fixtures.ts';

const H = 3600;
/** Rush hours of the Lille variant: 07:30-09:30 at 0.6, 16:30-19:00 at 0.7, nights 22:00-05:00 at 1.25. */
const PERIODS = [
  { startS: 7.5 * H, endS: 9.5 * H, factor: 0.6 },
  { startS: 16.5 * H, endS: 19 * H, factor: 0.7 },
  { startS: 22 * H, endS: 5 * H, factor: 1.25 },
];
const RUSH = daySpeedFactors(PERIODS);

describe("a day's speed factors", () => {
  it('fills the gaps with factor 1 and splits a period that wraps midnight', () => {
    expect(RUSH.startsS).toEqual([0, 5 * H, 7.5 * H, 9.5 * H, 16.5 * H, 19 * H, 22 * H]);
    expect(RUSH.factors).toEqual([1.25, 1, 0.6, 1, 0.7, 1, 1.25]);
    expect(daySpeedFactors([])).toEqual({ startsS: [0], factors: [1] });
    // neighbours at the same factor are one period
    const merged = daySpeedFactors([
      { startS: 0, endS: H, factor: 0.5 },
      { startS: H, endS: 2 * H, factor: 0.5 },
    ]);
    expect(merged).toEqual({ startsS: [0, 2 * H], factors: [0.5, 1] });
  });
});

describe('driving time under speed factors', () => {
  it('integrates the free-running time across period boundaries, exactly', () => {
    // 20 min free-running, leaving 07:20: 10 min at factor 1 covers 600 s, the other 600 s at 0.6 take 1000 s
    expect(drivingTimeLeavingS(1200, RUSH, 7 * H + 20 * 60)).toBe(600 + 1000);
    // inside the rush: 1200 / 0.6
    expect(drivingTimeLeavingS(1200, RUSH, 8 * H)).toBeCloseTo(2000, 9);
    // leaving 09:20: 600 s at 0.6 cover 360 s, the other 840 s at factor 1
    expect(drivingTimeLeavingS(1200, RUSH, 9 * H + 20 * 60)).toBeCloseTo(600 + 840, 9);
    // crossing several periods: 04:00 to past 09:30 (free-running 5 h)
    const t = drivingTimeLeavingS(5 * H, RUSH, 4 * H);
    // 1 h at 1.25 (1.25 h), 2.5 h at 1 (2.5 h), 2 h at 0.6 (1.2 h): 4.95 h done, 0.05 h at 1 after 09:30
    expect(t).toBeCloseTo((1 + 2.5 + 2 + 0.05) * H, 6);
    // across midnight and on the day before (negative seconds: night-before trunking)
    expect(drivingTimeLeavingS(H, RUSH, 23.5 * H)).toBeCloseTo(0.8 * H, 9);
    expect(drivingTimeLeavingS(H, RUSH, 23.5 * H - DAY_S)).toBeCloseTo(0.8 * H, 9);
    // from the day before, reaching a period's edge exactly (a float hair before it once in seconds of that
    // day): the Lille night-before trunk leg 08:27:17 to 10:08, found by the auditor on the rush-hour variant
    const metropole = daySpeedFactors([
      { startS: 7.5 * H, endS: 9.5 * H, factor: 0.73 },
      { startS: 16.5 * H, endS: 19 * H, factor: 0.73 },
      { startS: 21 * H, endS: 6 * H, factor: 1.2 },
    ]);
    const periods = [
      { startS: 7.5 * H, endS: 9.5 * H, factor: 0.73 },
      { startS: 16.5 * H, endS: 19 * H, factor: 0.73 },
      { startS: 21 * H, endS: 6 * H, factor: 1.2 },
    ];
    const free = 4436.706225611652;
    const expected = 3762.854 + (free - 3762.854 * 0.73);
    expect(drivingTimeLeavingS(free, metropole, -55962.854)).toBeCloseTo(expected, 6);
    expect(profiledDriveS(free, periods, -55962.854)).toBeCloseTo(expected, 6);
    // nothing to drive, or a missing arc: unchanged
    expect(drivingTimeLeavingS(0, RUSH, 8 * H)).toBe(0);
    expect(drivingTimeLeavingS(Infinity, RUSH, 8 * H)).toBe(Infinity);
  });

  const factors = fc
    .array(
      fc.record({
        startS: fc.integer({ min: 0, max: DAY_S - 1 }),
        lengthS: fc.integer({ min: 60, max: 6 * H }),
        factor: fc.double({ min: 0.05, max: 5, noNaN: true }),
      }),
      { maxLength: 6 },
    )
    .map((ps) => {
      // keep non-overlapping periods only (the schema refuses overlaps)
      const kept: { startS: number; endS: number; factor: number }[] = [];
      for (const p of [...ps].sort((a, b) => a.startS - b.startS)) {
        const last = kept[kept.length - 1];
        const endS = Math.min(p.startS + p.lengthS, DAY_S);
        if ((last === undefined || p.startS >= last.endS) && endS > p.startS)
          kept.push({ startS: p.startS, endS, factor: p.factor });
      }
      return kept;
    });
  const time = fc.double({ min: -DAY_S, max: 2 * DAY_S, noNaN: true });
  const free = fc.double({ min: 0, max: 4 * H, noNaN: true });

  it('is FIFO: leaving later never arrives earlier', () => {
    fc.assert(
      fc.property(factors, free, time, fc.double({ min: 0, max: 3 * H, noNaN: true }), (ps, d, t, later) => {
        const f = daySpeedFactors(ps);
        const a = t + drivingTimeLeavingS(d, f, t);
        const b = t + later + drivingTimeLeavingS(d, f, t + later);
        expect(b).toBeGreaterThanOrEqual(a - 1e-6);
      }),
    );
  });

  it('arriving is the inverse of leaving, and both agree with the auditor’s own integration', () => {
    fc.assert(
      fc.property(factors, free, time, (ps, d, t) => {
        const f = daySpeedFactors(ps);
        const drive = drivingTimeLeavingS(d, f, t);
        expect(drive).toBeCloseTo(profiledDriveS(d, ps, t), 5);
        expect(drivingTimeArrivingS(d, f, t + drive)).toBeCloseTo(drive, 5);
        const back = drivingTimeArrivingS(d, f, t);
        expect(drivingTimeLeavingS(d, f, t - back)).toBeCloseTo(back, 5);
        // the time lies between the free-running time at the slowest and at the fastest factor
        const all = [1, ...ps.map((p) => p.factor)];
        expect(drive).toBeLessThanOrEqual(d / Math.min(...all) + 1e-6);
        expect(drive).toBeGreaterThanOrEqual(d / Math.max(...all) - 1e-6);
      }),
    );
  });
});

describe('a travel model with speed profiles', () => {
  it('keeps distances and free-running durations, and times only the arcs given factors', () => {
    const base = euclidean([
      [0, 0],
      [3000, 4000],
      [0, 100],
    ]);
    const travel = timeDependentTravel(base, (from, to) => (from === 0 && to === 1 ? RUSH : undefined));
    expect(travel.distance(0, 1)).toBe(5000);
    expect(travel.duration(0, 1, 0)).toBe(5000);
    // from 08:00: 5,400 s to 09:30 at 0.6 cover 3,240 s, the other 1,760 s at 1
    expect(travel.timed?.leaving(0, 1, 0, 8 * H)).toBeCloseTo(5400 + 1760, 9);
    // arriving at 08:00: 1,800 s since 07:30 at 0.6 cover 1,080 s, the other 3,920 s before 07:30
    expect(travel.timed?.arriving(0, 1, 0, 8 * H)).toBeCloseTo(1800 + 3920, 9);
    expect(travel.timed?.leaving(1, 0, 0, 8 * H)).toBe(5000);
    expect(travel.timed?.factorsOf(0, 1, 0)).toBe(RUSH);
  });
});
