#!/usr/bin/env node
// `picon`: runs the JavaScript that `npm run build` compiled into dist/ (`npm ci` builds it: the `prepare`
// script), so a call starts in a tenth of a second instead of compiling TypeScript for one or more. Only a build
// compiled from exactly these sources is run (bin/build-stamp.mjs): after an edit, a pull or a checkout, or with
// no build at all, picon runs the TypeScript sources through tsx, slower but never old code.
// PICON_FROM_SOURCE=1 forces the sources.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST_DIR, staleReason } from './build-stamp.mjs';

const root = join(import.meta.dirname, '..');
const stale = process.env.PICON_FROM_SOURCE === '1' ? 'PICON_FROM_SOURCE=1' : staleReason(root);
let main;
if (stale === null) {
  // a computed URL: dist/ is an output, not a dependency the layer rules should resolve
  ({ main } = await import(pathToFileURL(join(root, DIST_DIR, 'src/cli/main.js')).href));
} else {
  if (process.stderr.isTTY && !process.env.PICON_FROM_SOURCE)
    process.stderr.write(
      `picon: ${stale}; running the sources through tsx (\`npm run build\` to start faster)\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
