import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * picon's own folder (package.json, fixtures/, src/web/), found by walking up from `start` to the first folder
 * holding a package.json. A fixed `../..` would not do: this code runs from src/ (tsx, tests) and from the
 * compiled copy in dist/src/ (one level deeper), and dist/ has no package.json of its own.
 */
export function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** The folder of the running picon: the one holding its package.json. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
