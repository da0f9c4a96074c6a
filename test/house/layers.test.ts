import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import type { ICruiseOptions, ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The house rules are only rules if breaking them fails `npm run lint`: each test plants one violation in a
// scratch tree (dependency-cruiser) or a virtual file (ESLint) and checks the real configuration reports it.

const repo = resolve(import.meta.dirname, '../..');
const DEPCRUISE_CONFIG = join(repo, '.dependency-cruiser.cjs');

describe('npm run lint', () => {
  it('runs eslint, prettier and dependency-cruiser with the layer rules', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: { lint: string } };
    expect(pkg.scripts.lint).toMatch(/\beslint \./);
    expect(pkg.scripts.lint).toMatch(/\bprettier --check \./);
    expect(pkg.scripts.lint).toMatch(/\bdepcruise src workers bin --config \.dependency-cruiser\.cjs\b/);
  });
});

describe('layer rules (dependency-cruiser)', () => {
  let scratch: string;
  let options: ICruiseOptions;

  /** Writes `files` (path -> source) into the scratch tree. */
  function plant(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    }
  }

  async function violations(baseDir: string, dirs: string[]): Promise<string[]> {
    const result = await cruise(dirs, { ...options, baseDir, preserveSymlinks: true });
    const summary = (result.output as ICruiseResult).summary;
    return summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
  }

  beforeAll(async () => {
    options = await extractDepcruiseOptions(DEPCRUISE_CONFIG);
    scratch = mkdtempSync(join(tmpdir(), 'picon-layers-'));
    // npm packages resolve (and are classified dependency vs devDependency) as in the repository.
    writeFileSync(join(scratch, 'package.json'), readFileSync(join(repo, 'package.json')));
    symlinkSync(join(repo, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    plant({
      'src/domain/units.ts': 'export const METRES_PER_KM = 1000;\n',
      'src/solver/index.ts':
        "import { METRES_PER_KM } from '../domain/units.ts';\nexport const s = METRES_PER_KM;\n",
      'src/planner/index.ts': "import { s } from '../solver/index.ts';\nexport const p = s;\n",
      'src/energy/index.ts':
        "import { METRES_PER_KM } from '../domain/units.ts';\nexport const e = METRES_PER_KM;\n",
      'src/geo/index.ts': "import distance from '@turf/distance';\nexport const g = distance;\n",
    });
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('accepts the repository as it is', async () => {
    expect(await violations(repo, ['src', 'workers', 'bin'])).toEqual([]);
  });

  it('accepts the allowed arrows of the scratch tree (the plants below are the only faults)', async () => {
    expect(await violations(scratch, ['src'])).toEqual([]);
  });

  it('reports geo importing planner', async () => {
    plant({ 'src/geo/planted.ts': "import { p } from '../planner/index.ts';\nexport const x = p;\n" });
    try {
      expect(await violations(scratch, ['src'])).toEqual([
        'not-in-allowed: src/geo/planted.ts -> src/planner/index.ts',
      ]);
    } finally {
      rmSync(join(scratch, 'src/geo/planted.ts'));
    }
  });

  it('reports energy importing solver, even for a type only', async () => {
    plant({
      'src/energy/planted.ts': "import type { s } from '../solver/index.ts';\nexport type X = typeof s;\n",
    });
    try {
      expect(await violations(scratch, ['src'])).toEqual([
        'not-in-allowed: src/energy/planted.ts -> src/solver/index.ts',
      ]);
    } finally {
      rmSync(join(scratch, 'src/energy/planted.ts'));
    }
  });

  it('reports a pure layer importing a Node built-in or a package of another layer', async () => {
    plant({
      'src/domain/planted.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'src/solver/planted.ts': "import distance from '@turf/distance';\nexport const y = distance;\n",
    });
    try {
      expect((await violations(scratch, ['src'])).sort()).toEqual([
        'not-in-allowed: src/domain/planted.ts -> fs',
        'not-in-allowed: src/solver/planted.ts -> node_modules/@turf/distance/dist/esm/index.js',
      ]);
    } finally {
      rmSync(join(scratch, 'src/domain/planted.ts'));
      rmSync(join(scratch, 'src/solver/planted.ts'));
    }
  });

  it('reports the LP library imported anywhere but src/lp/lp-adapter.ts, and cooperation importing planner', async () => {
    plant({
      'src/cooperation/planted.ts':
        "import * as lp from 'javascript-lp-solver';\nimport { p } from '../planner/index.ts';\nexport const x = [lp, p];\n",
    });
    try {
      expect((await violations(scratch, ['src'])).sort()).toEqual([
        'lp-solver-only-in-lp-adapter: src/cooperation/planted.ts -> node_modules/javascript-lp-solver/dist/index.mjs',
        'not-in-allowed: src/cooperation/planted.ts -> node_modules/javascript-lp-solver/dist/index.mjs',
        'not-in-allowed: src/cooperation/planted.ts -> src/planner/index.ts',
      ]);
    } finally {
      rmSync(join(scratch, 'src/cooperation/planted.ts'));
    }
  });

  it('reports a runtime import cycle inside a layer', async () => {
    plant({
      'src/solver/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;\n",
      'src/solver/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;\n",
    });
    try {
      expect((await violations(scratch, ['src'])).sort()).toEqual([
        'no-circular: src/solver/cycle-a.ts -> src/solver/cycle-b.ts',
      ]);
    } finally {
      rmSync(join(scratch, 'src/solver/cycle-a.ts'));
      rmSync(join(scratch, 'src/solver/cycle-b.ts'));
    }
  });

  it('lets a cycle through a type-only import pass: it is erased before anything runs', async () => {
    plant({
      'src/solver/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;\n",
      'src/solver/cycle-b.ts':
        "import type { a } from './cycle-a.ts';\nexport const b = (f?: typeof a) => f;\n",
    });
    try {
      expect(await violations(scratch, ['src'])).toEqual([]);
    } finally {
      rmSync(join(scratch, 'src/solver/cycle-a.ts'));
      rmSync(join(scratch, 'src/solver/cycle-b.ts'));
    }
  });
});

describe('no clock, randomness or environment below the edges (eslint)', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: repo });
  });

  async function ruleHits(code: string, file: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(repo, file) });
    return (result?.messages ?? []).map((m) => `${m.ruleId}@${m.line}`);
  }

  const planted = [
    'export const a = Date.now();',
    'export const b = new Date();',
    'export const c = performance.now();',
    'export const d = Math.random();',
    "export const e = process.env['PICON_SEED'];",
    'export const f = Date();',
  ].join('\n');
  const expected = [
    'no-restricted-properties@1',
    'no-restricted-syntax@2',
    'no-restricted-properties@3',
    'no-restricted-properties@4',
    'no-restricted-properties@5',
    'no-restricted-syntax@6',
  ];

  it.each(['domain', 'solver', 'energy', 'geo', 'lp', 'consolidation', 'cooperation'])(
    'reports each in src/%s',
    async (layer) => {
      expect(await ruleHits(planted, `src/${layer}/planted.ts`)).toEqual(expected);
    },
  );

  it('leaves dates built from values alone', async () => {
    expect(
      await ruleHits("export const d = new Date('2026-03-02T08:00:00Z');\n", 'src/domain/planted.ts'),
    ).toEqual([]);
  });

  it('lets the edges read the clock (the planner injects it)', async () => {
    expect(
      await ruleHits('export const clock = () => performance.now();\n', 'src/planner/planted.ts'),
    ).toEqual([]);
  });
});
