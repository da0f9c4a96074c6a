// `npm run build` (and `npm ci`, which runs it as the `prepare` script): compiles src/ and workers/ to JavaScript
// in dist/ with tsc, so `picon` and the workers' sandboxed tasks start without compiling TypeScript. Type errors
// are `npm run typecheck`'s job (tsconfig.build.json sets noCheck): this only emits, in a few seconds.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInputs, DIST_DIR, hashInputs, STAMP_FILE } from '../bin/build-stamp.mjs';

const root = join(import.meta.dirname, '..');
let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  // A production install (`npm ci --omit=dev`) has no TypeScript: picon then runs its sources through tsx.
  process.stderr.write(
    'picon build: TypeScript is not installed; skipped (picon runs its sources through tsx)\n',
  );
  process.exit(0);
}

// Hashed before compiling: a file edited during the build makes the stamp stale, never a stale build look fresh.
const inputs = buildInputs(root);
const stamp = { inputs, hash: hashInputs(root, inputs) };
const next = join(root, `${DIST_DIR}.next`);
const dist = join(root, DIST_DIR);
rmSync(next, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', next], {
    stdio: 'inherit',
  });
} catch {
  // noCheck: only a syntax or configuration error gets here, and picon could not run those sources either
  rmSync(next, { recursive: true, force: true });
  process.stderr.write(`picon build: tsc failed (above); ${DIST_DIR}/ left as it was\n`);
  process.exit(1);
}
writeFileSync(join(next, STAMP_FILE), `${JSON.stringify(stamp, null, 1)}\n`);
// Swapped in whole, so no file of an earlier build survives (a removed module must not stay importable).
if (existsSync(dist)) rmSync(dist, { recursive: true, force: true });
renameSync(next, dist);
process.stderr.write(`picon build: ${inputs.length - 2} modules compiled to ${DIST_DIR}/\n`);
