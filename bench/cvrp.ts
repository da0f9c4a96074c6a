/**
 * CVRPLIB X benchmark: `npm run bench:cvrp -- --time-limit 10 [--filter X-n101,X-n153] [--seed 1 | --seeds 1-5]
 * [--jobs 2] [--markdown]`.
 * Distances are rounded Euclidean arcs as in the published BKS (bks.csv of the instance folder).
 */
import { join } from 'node:path';
import { parseBksCsv } from '../src/io/benchmark/bks.ts';
import { parseCvrplib } from '../src/io/benchmark/cvrplib.ts';
import { benchMain, readText } from './support/bench-cli.ts';
import { cvrpClass } from './support/instance-classes.ts';
import { cvrpDir } from './support/benchmark-paths.ts';

await benchMain(
  {
    title: 'CVRPLIB X',
    defaultDir: cvrpDir(),
    suite: (dir) => ({
      command: 'cvrp',
      dir,
      extension: '.vrp',
      parse: (text, source) => parseCvrplib(text, source),
      bks: parseBksCsv(readText(join(dir, 'bks.csv'))),
      classOf: cvrpClass,
    }),
  },
  process.argv.slice(2),
);
