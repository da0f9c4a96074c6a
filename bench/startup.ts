/**
 * Start-up times: `npm run bench:startup -- [--runs 10] [--root DIR]`. Times, `--runs` times each, what a user and
 * a worker wait for before picon does anything:
 * - `npx picon --help` and `node bin/picon.mjs --help` as they run (from dist/ when it is fresh, see bin/picon.mjs),
 *   and `node bin/picon.mjs --help` with PICON_FROM_SOURCE=1 (the TypeScript through tsx, as every call did
 *   before the build);
 * - what npx itself costs: `npx` of a one-line bin in a scratch package (the floor under `npx picon`);
 * - a sandboxed worker task's start: BullMQ's own ChildPool forks the child a Worker would fork and waits until
 *   the task processor is loaded (no Redis needed), once from dist/workers/*.js (no loader) and once from
 *   workers/*.ts through tsx, as every task child did before.
 * `--root` measures another checkout (e.g. a clone of an older commit): its bin, its processors.
 * Prints the machine, the load (`uptime`) before and after, and a Markdown table for docs/BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, root: { type: 'string' } },
});
const RUNS = Math.max(1, Math.min(100, Number(values.runs)));
const ROOT = resolve(values.root ?? join(import.meta.dirname, '..'));
const HEAP_MB = 2048;

interface Timing {
  readonly what: string;
  readonly ms: number[];
}

function summary({ what, ms }: Timing): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const f = (x: number) => x.toFixed(0);
  return `| ${what} | ${f(median)} | ${f(sorted[0]!)} | ${f(sorted.at(-1)!)} | ${ms.length} |`;
}

/** Wall time of a whole process, `RUNS` times; fails loudly if the command fails (a timing of an error is no timing). */
function timeCommand(
  what: string,
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv },
) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8' });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr}`);
  }
  return { what, ms };
}

/** A scratch package whose bin prints one line: what `npx` costs before any picon code runs. */
function npxFloor(): Timing {
  const dir = mkdtempSync(join(tmpdir(), 'picon-npx-floor-'));
  try {
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'npx-floor', version: '1.0.0', type: 'module', bin: { 'npx-floor': 'hi.mjs' } }),
    );
    writeFileSync(join(dir, 'hi.mjs'), '#!/usr/bin/env node\nconsole.log("hi");\n');
    chmodSync(join(dir, 'hi.mjs'), 0o755);
    return timeCommand('`npx` of a one-line bin (the floor)', 'npx', ['npx-floor'], { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ChildLike {
  readonly pid: number;
}
interface Pool {
  retain(processFile: string): Promise<ChildLike>;
  kill(child: ChildLike): Promise<void>;
}

/** BullMQ's sandbox as a Worker drives it (same main file, fork, execArgv), timed until the processor is loaded. */
async function sandboxStart(what: string, processor: string, execArgv: string[]): Promise<Timing> {
  const require = createRequire(join(ROOT, 'package.json'));
  const bullmq = require.resolve('bullmq');
  const { ChildPool } = require(bullmq) as {
    ChildPool: new (opts: object) => Pool;
  };
  const mainFile = join(dirname(bullmq), 'classes', 'main.js');
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const pool = new ChildPool({ mainFile, useWorkerThreads: false, workerForkOptions: { execArgv } });
    const t0 = performance.now();
    const child = await pool.retain(processor);
    ms.push(performance.now() - t0);
    await pool.kill(child);
  }
  return { what, ms };
}

function uptime(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}

const bin = join(ROOT, 'bin', 'picon.mjs');
const env = { ...process.env, PICON_FROM_SOURCE: '' };
const fromSource = { ...process.env, PICON_FROM_SOURCE: '1' };
const tsxLoader = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
const builtProcessor = join(ROOT, 'dist', 'workers', 'task.processor.js');
const sourceProcessor = join(ROOT, 'workers', 'task.processor.ts');

// A stale or missing build makes bin/picon.mjs run the sources: say which the figures are of.
const stampModule = join(ROOT, 'bin', 'build-stamp.mjs');
const buildState = existsSync(stampModule)
  ? ((
      (await import(pathToFileURL(stampModule).href)) as { staleReason(root: string): string | null }
    ).staleReason(ROOT) ?? 'dist/ fresh')
  : 'no build step in this checkout';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const loadBefore = uptime();
const timings: Timing[] = [];
timings.push(timeCommand('`npx picon --help`', 'npx', ['picon', '--help'], { cwd: ROOT, env }));
timings.push(
  timeCommand('`node bin/picon.mjs --help`', process.execPath, [bin, '--help'], { cwd: ROOT, env }),
);
timings.push(
  timeCommand('`node bin/picon.mjs --help`, PICON_FROM_SOURCE=1 (tsx)', process.execPath, [bin, '--help'], {
    cwd: ROOT,
    env: fromSource,
  }),
);
timings.push(npxFloor());
timings.push(
  timeCommand('`node -e 0` (the floor under any node process)', process.execPath, ['-e', '0'], { cwd: ROOT }),
);
if (existsSync(builtProcessor))
  timings.push(
    await sandboxStart('sandboxed task start, dist/workers/task.processor.js', builtProcessor, [
      `--max-old-space-size=${HEAP_MB}`,
    ]),
  );
timings.push(
  await sandboxStart('sandboxed task start, workers/task.processor.ts through tsx', sourceProcessor, [
    `--max-old-space-size=${HEAP_MB}`,
    '--import',
    tsxLoader,
  ]),
);
const loadAfter = uptime();

console.log(`picon ${pkg.version} at ${ROOT} (${buildState})`);
console.log(
  `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? '?'}; Node ${process.version}`,
);
console.log(`load (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`);
console.log('');
console.log('| what | median ms | min ms | max ms | runs |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const t of timings) console.log(summary(t));
