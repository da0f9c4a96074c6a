/**
 * Solomon VRPTW benchmark: `npm run bench:solomon -- --time-limit 10 [--filter R1,RC2] [--seed 1 | --seeds 1-5] [--jobs 2]
 * [--objective distance|vehicles] [--markdown] [--out results.json]`.
 * Gaps are against bks_distance_only.csv (distance minimisation, the literature's distance-only records),
 * or against bks.csv (fewest vehicles first, then distance) with --objective vehicles.
 */
import { join } from 'node:path';
import { parseBksCsv } from '../src/io/benchmark/bks.ts';
import { parseSolomon } from '../src/io/benchmark/solomon.ts';
import { benchMain, readText } from './support/bench-cli.ts';
import { solomonClass } from './support/instance-classes.ts';
import { solomonDir } from './support/benchmark-paths.ts';

await benchMain(
  {
    title: 'Solomon VRPTW',
    defaultDir: solomonDir(),
    suite: (dir, objective) => ({
      command: 'vrptw',
      dir,
      extension: '.txt',
      parse: parseSolomon,
      bks: parseBksCsv(readText(join(dir, objective === 'vehicles' ? 'bks.csv' : 'bks_distance_only.csv'))),
      classOf: solomonClass,
    }),
  },
  process.argv.slice(2),
);
