// What ties dist/ to the sources it was compiled from: `npm run build` writes dist/build-stamp.json (the list of
// inputs and a hash of their contents); bin/picon.mjs runs dist/ only when the same files still hash the same.
// Plain JavaScript with no dependency: it runs before anything is compiled or loaded.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build goes, and its stamp inside it. */
export const DIST_DIR = 'dist';
export const STAMP_FILE = 'build-stamp.json';
/** Folders whose TypeScript the build compiles, and the files that decide how it compiles them. */
const SOURCE_DIRS = ['src', 'workers'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];

/** The build's inputs, relative to `root`, sorted: every .ts file under src/ and workers/, and the tsconfigs. */
export function buildInputs(root) {
  const sources = SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(dir, file)),
  );
  return [...sources, ...CONFIG_FILES].sort();
}

/** A hash of the files' names and contents: a content hash, so checkouts, copies and touched files don't fool it. */
export function hashInputs(root, files) {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/**
 * Why dist/ under `root` cannot be run, or null when it was compiled from exactly the files present: the files
 * the stamp lists still exist and hash the same. A file added since is only reached through an import, i.e.
 * through a listed file that changed; a file removed fails the read. Costs a few ms (about 1 MB read).
 */
export function staleReason(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, DIST_DIR, STAMP_FILE), 'utf8'));
  } catch {
    return `${DIST_DIR}/ is missing or unfinished`;
  }
  try {
    if (hashInputs(root, stamp.inputs) === stamp.hash) return null;
  } catch {
    // a listed file is gone
  }
  return `${DIST_DIR}/ was compiled from other sources than these`;
}
