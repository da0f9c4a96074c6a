import { constants, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { access, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeJson } from '../io/write-json.ts';
import { CliError } from './cli-error.ts';

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists: Node's recursive mkdir loops forever
 * where a parent refuses a child with ENOENT (`/proc/x`), so it is not used.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (
      await stat(d).then(
        () => true,
        () => false,
      )
    )
      break;
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) await mkdir(d);
}

/**
 * Makes sure `--out DIR` can take `files` before any solving: DIR is a folder (created if missing) picon may
 * write in, and none of the names it will write is a folder. A mistake costs nothing then, instead of a whole
 * solve. Files of these names are replaced (they are picon's own outputs); nothing else in DIR is touched.
 * @throws CliError naming the path and the reason.
 */
export async function prepareOutputDir(dir: string, files: readonly string[]): Promise<void> {
  const info = await stat(dir).catch((err: unknown) => {
    if (code(err) === 'ENOENT') return undefined;
    throw new CliError(`--out ${dir}: ${code(err)}`);
  });
  if (info && !info.isDirectory()) throw new CliError(`--out ${dir} is a file: give a folder to write into`);
  if (!info)
    await makeFolders(dir).catch((err: unknown) => {
      throw new CliError(`--out ${dir}: cannot create the folder (${code(err)})`);
    });
  await access(dir, constants.W_OK).catch((err: unknown) => {
    throw new CliError(`--out ${dir}: cannot write into the folder (${code(err)})`);
  });
  for (const name of files) {
    const target = await stat(join(dir, name)).catch(() => undefined);
    if (target?.isDirectory())
      throw new CliError(`--out ${dir}: ${name} is a folder, picon would write a file there`);
  }
}

/**
 * A value to write as indented JSON in pieces (io/write-json.ts), never as one string: a 50,000-receiver plan's
 * text is longer than V8's longest string.
 */
export interface JsonOutput {
  readonly json: unknown;
}

/** Writes the prepared outputs; a failure now (disk full) still names the file. */
export async function writeOutputs(
  dir: string,
  outputs: Record<string, string | Uint8Array | JsonOutput>,
): Promise<void> {
  for (const [name, data] of Object.entries(outputs))
    await writeOne(join(dir, name), data).catch((err: unknown) => {
      throw new CliError(`cannot write ${join(dir, name)}: ${code(err)}`);
    });
}

async function writeOne(path: string, data: string | Uint8Array | JsonOutput): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) return await writeFile(path, data);
  const out = createWriteStream(path);
  const done = finished(out);
  done.catch(() => {}); // awaited below; until then a write error must not count as unhandled
  try {
    await writeJson(out, data.json);
  } finally {
    out.end();
  }
  await done;
}
