import { describe, expect, it } from 'vitest';
import { compareToBaseline, readBaselines, TOLERANCE_PCT } from './baseline-file.ts';
import { measure, QUALITY_RUNS, runId } from './quality-runs.ts';

const HOW_TO_RERECORD =
  `A change made the solver reach a worse cost (more than ${TOLERANCE_PCT} % above the record in ` +
  'test/quality/baselines.json). If the change is meant to alter the search, note that any change to the ' +
  "search's random trajectory re-draws every run: check that the costs are not worse on the whole " +
  '(`npm run quality:record` prints the mean change against the old record), then re-record deliberately ' +
  'with `npm run quality:record` and commit baselines.json with the change, saying why.';

describe('solution quality at a fixed seed and iteration budget', () => {
  const recorded = readBaselines().runs;

  it('has a record for every run, and no record without a run', () => {
    const ids = QUALITY_RUNS.map(runId);
    expect(recorded.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it.each(QUALITY_RUNS.map((run) => ({ id: runId(run), run })))(
    '$id is no more than 0.5 % worse than recorded',
    async ({ run }) => {
      const c = compareToBaseline(recorded, [await measure(run)]);
      const lines = c.unmatched.filter((l) => !l.endsWith('recorded, not measured'));
      expect(lines, 'run without a record: npm run quality:record').toEqual([]);
      if (c.improvements.length > 0)
        process.stdout.write(
          `better than recorded (re-record to lock it in):\n  ${c.improvements.join('\n  ')}\n`,
        );
      expect(c.regressions, HOW_TO_RERECORD).toEqual([]);
    },
    180_000,
  );
});

describe('the comparison with the record', () => {
  const record = [{ id: 'x', costs: { distance: 1000, eur: 200 }, info: { vehicles: 10 } }];
  const run = (distance: number, eur = 200, id = 'x') => [
    { id, costs: { distance, eur }, info: { vehicles: 99 } },
  ];

  it('flags a cost more than the tolerance above its record, and only that one', () => {
    const c = compareToBaseline(record, run(1005.1));
    expect(c.regressions).toEqual(['x: distance 1005.1 vs recorded 1000 (+0.51 %)']);
    expect(c.improvements).toEqual([]);
  });

  it('lets a cost within the tolerance pass, and reports a clear gain as an improvement', () => {
    expect(compareToBaseline(record, run(1004.9)).regressions).toEqual([]);
    const better = compareToBaseline(record, run(990, 150));
    expect(better.regressions).toEqual([]);
    expect(better.improvements).toHaveLength(2);
    expect(better.meanChangePct).toBeCloseTo((-1 - 25) / 2, 10);
  });

  it('ignores the information figures (vehicles) and reports runs without a record', () => {
    expect(compareToBaseline(record, run(1000)).regressions).toEqual([]);
    expect(compareToBaseline(record, run(1000, 200, 'y')).unmatched).toEqual([
      'x: recorded, not measured',
      'y: measured, no record',
    ]);
  });
});
