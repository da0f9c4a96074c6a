import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInputs, hashInputs, staleReason } from '../../bin/build-stamp.mjs';

// picon compiles to dist/ at install (`npm ci` runs `prepare`: scripts/build.mjs) and bin/picon.mjs runs that
// build only when it was compiled from exactly the sources present (docs/ARCHITECTURE.md, "Start-up").

const run = promisify(execFile);
const REPO = process.cwd();
const TRACE = join(REPO, 'test/support/module-trace.mjs');
/** Packages `picon --help` has no use for: each costs from tens to hundreds of ms to load. */
const HEAVY = [
  'highs',
  'javascript-lp-solver',
  'exceljs',
  'pdfkit',
  'bullmq',
  'ioredis',
  'express',
  'zod',
  'pino',
];

/** Runs node with `args` in `cwd`; returns the exit code, output, and every module URL the process resolved. */
async function traced(cwd: string, args: string[], env: Record<string, string> = {}) {
  const traceFile = join(cwd, `trace-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(traceFile, '');
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TRACE, ...args], {
      cwd,
      env: { ...process.env, PICON_FROM_SOURCE: '', ...env, MODULE_TRACE_FILE: traceFile },
      timeout: 120_000,
    });
    return { stdout, stderr, modules: readFileSync(traceFile, 'utf8').split('\n').filter(Boolean) };
  } finally {
    rmSync(traceFile, { force: true });
  }
}

const packagesIn = (modules: string[]) =>
  new Set(modules.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));

describe('the build stamp (bin/build-stamp.mjs)', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  const stamp = () => {
    const inputs = buildInputs(root);
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(
      join(root, 'dist/build-stamp.json'),
      JSON.stringify({ inputs, hash: hashInputs(root, inputs) }),
    );
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'picon-stamp-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('calls a build fresh only while every input it was compiled from is unchanged', () => {
    write('src/a.ts', 'export const a = 1;\n');
    write('src/deep/b.ts', 'export const b = 2;\n');
    write('workers/w.ts', 'export const w = 3;\n');
    write('tsconfig.json', '{}');
    write('tsconfig.build.json', '{}');
    expect(staleReason(root)).toMatch(/missing/);
    stamp();
    expect(buildInputs(root)).toEqual([
      'src/a.ts',
      'src/deep/b.ts',
      'tsconfig.build.json',
      'tsconfig.json',
      'workers/w.ts',
    ]);
    expect(staleReason(root)).toBeNull();
    write('src/deep/b.ts', 'export const b = 3;\n'); // same size, other content
    expect(staleReason(root)).toMatch(/other sources/);
    write('src/deep/b.ts', 'export const b = 2;\n');
    expect(staleReason(root)).toBeNull(); // content, not file times, decides
    write('tsconfig.build.json', '{ "compilerOptions": {} }');
    expect(staleReason(root)).toMatch(/other sources/);
    stamp();
    rmSync(join(root, 'workers/w.ts'));
    expect(staleReason(root)).toMatch(/other sources/);
  });
});

describe('the built picon', () => {
  // A copy of the package (sources, bin, build script, configs; node_modules linked) to build and break at will.
  let copy: string;
  const picon = (args: string[], env: Record<string, string> = {}) =>
    traced(copy, [join(copy, 'bin/picon.mjs'), ...args], env);
  const fromDist = (modules: string[]) => modules.includes(`file://${join(copy, 'dist/src/cli/main.js')}`);
  const fromSource = (modules: string[]) => modules.includes(`file://${join(copy, 'src/cli/main.ts')}`);

  beforeAll(async () => {
    copy = realpathSync(mkdtempSync(join(tmpdir(), 'picon-built-')));
    for (const dir of ['src', 'workers', 'bin', 'scripts'])
      cpSync(join(REPO, dir), join(copy, dir), { recursive: true });
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json'])
      cpSync(join(REPO, file), join(copy, file));
    symlinkSync(realpathSync(join(REPO, 'node_modules')), join(copy, 'node_modules'));
    await run(process.execPath, [join(copy, 'scripts/build.mjs')], { cwd: copy, timeout: 120_000 });
  }, 180_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('compiles every module of src/ and workers/ and stamps the build', () => {
    const stamp = JSON.parse(readFileSync(join(copy, 'dist/build-stamp.json'), 'utf8')) as {
      inputs: string[];
    };
    const modules = stamp.inputs.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.filter((f) => !existsSync(join(copy, 'dist', f.replace(/\.ts$/, '.js'))))).toEqual([]);
    expect(staleReason(copy)).toBeNull();
  });

  it('answers --help from dist/, with no TypeScript loader and none of the heavy packages', async () => {
    const { stdout, modules } = await picon(['--help']);
    expect(stdout).toMatch(/^Usage: picon /);
    for (const command of ['plan', 'compare', 'generate', 'vrptw', 'cvrp', 'serve', 'worker'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(fromDist(modules)).toBe(true);
    expect(modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
    const packages = packagesIn(modules);
    expect(packages.has('tsx')).toBe(false);
    expect(HEAVY.filter((name) => packages.has(name))).toEqual([]);
    expect(packages.has('commander')).toBe(true); // the trace sees packages at all
  });

  it('plans from dist/: the lazily loaded modules resolve in the build too', async () => {
    cpSync(join(REPO, 'fixtures/tiny'), join(copy, 'fixtures/tiny'), { recursive: true });
    const { stdout, modules } = await picon([
      'plan',
      'fixtures/tiny/two-shops.json',
      '--max-iterations',
      '50',
    ]);
    expect(stdout).toMatch(/consolidated/i);
    expect(fromDist(modules)).toBe(true);
    expect(modules.some((url) => url.endsWith('/dist/src/cli/commands/plan-run.js'))).toBe(true);
    expect(modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
  });

  it("forks the workers' sandboxed tasks from dist/workers/*.js with no TypeScript loader", async () => {
    // A file, not `node -e`: the children inherit the parent's execArgv, and `-e` would run in each of them.
    const script = join(copy, 'fork-check.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
      const w = await import('./dist/workers/plan.worker.js');
      const execArgv = w.childExecArgv(256); // keeps this process's --import of the trace: the child is traced too
      const require = createRequire(import.meta.url);
      const { ChildPool } = require('bullmq');
      const mainFile = require.resolve('bullmq').replace(/index\\.js$/, 'classes/main.js');
      const pool = new ChildPool({ mainFile, useWorkerThreads: false, workerForkOptions: { execArgv } });
      const child = await pool.retain(w.TASK_PROCESSOR); // resolves once the child has loaded the processor
      await pool.kill(child);
      console.log(JSON.stringify({ plan: w.PLAN_PROCESSOR, task: w.TASK_PROCESSOR, execArgv }));`,
    );
    const { stdout, modules } = await traced(copy, [script]);
    const { plan, task, execArgv } = JSON.parse(stdout) as { plan: string; task: string; execArgv: string[] };
    expect([plan, task]).toEqual([
      join(copy, 'dist/workers/plan.processor.js'),
      join(copy, 'dist/workers/task.processor.js'),
    ]);
    expect(execArgv).toContain('--max-old-space-size=256');
    expect(execArgv.filter((arg) => arg.includes('tsx'))).toEqual([]);
    expect(modules).toContain(`file://${task}`); // loaded by the child
    expect(modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
    expect(packagesIn(modules).has('tsx')).toBe(false);
  });

  it('never runs a stale build: after an edit it runs the sources through tsx, after a rebuild the build again', async () => {
    const main = join(copy, 'src/cli/main.ts');
    writeFileSync(
      main,
      readFileSync(main, 'utf8').replace('Physical-internet consolidation', 'Edited since the build:'),
    );
    const edited = await picon(['--help']);
    expect(edited.stdout).toContain('Edited since the build:');
    expect([fromSource(edited.modules), fromDist(edited.modules)]).toEqual([true, false]);
    expect(packagesIn(edited.modules).has('tsx')).toBe(true);

    await run(process.execPath, [join(copy, 'scripts/build.mjs')], { cwd: copy, timeout: 120_000 });
    const rebuilt = await picon(['--help']);
    expect(rebuilt.stdout).toContain('Edited since the build:');
    expect([fromSource(rebuilt.modules), fromDist(rebuilt.modules)]).toEqual([false, true]);

    const forced = await picon(['--help'], { PICON_FROM_SOURCE: '1' });
    expect([fromSource(forced.modules), fromDist(forced.modules)]).toEqual([true, false]);

    rmSync(join(copy, 'dist'), { recursive: true });
    const unbuilt = await picon(['--version']);
    expect(unbuilt.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fromSource(unbuilt.modules)).toBe(true);
  });
});

describe('CI and lint around the build', () => {
  it('.ci/run installs (which builds) before it lints, typechecks and tests', () => {
    const steps = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter((line) => /^npm /.test(line));
    expect(steps.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
      'npm ci --no-audit',
      'npm run lint',
      'npm run typecheck',
      'npm test',
    ]);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['prepare']).toBe('node scripts/build.mjs');
    expect(scripts['build']).toBe('node scripts/build.mjs');
    expect(scripts['lint']).toMatch(/depcruise src workers bin /);
  });

  it('the build output is ignored by git, eslint and prettier, and outside typecheck and the tests', async () => {
    const built = 'dist/src/cli/main.js';
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('dist/');
    expect(await new ESLint().isPathIgnored(built)).toBe(true);
    expect(await new ESLint().isPathIgnored('bin/build-stamp.mjs')).toBe(false); // the check can see at all
    expect((await prettier.getFileInfo(built, { ignorePath: '.prettierignore' })).ignored).toBe(true);
    const tsconfig = JSON.parse(readFileSync('tsconfig.json', 'utf8')) as { include: string[] };
    expect(tsconfig.include.filter((p) => p.startsWith('dist'))).toEqual([]);
  });
});
