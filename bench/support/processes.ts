import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A `picon` worker process (workers/plan.worker.ts) with this environment; `ready` once it says so. */
export function spawnWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/plan.worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(' ready ')) resolve();
    });
    child.once('exit', () => reject(new Error(`worker exited:\n${out}`)));
  });
  return { child, ready };
}

export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** RSS in MB of a process and all its descendants (Linux /proc; 0 elsewhere). */
export function treeRssMb(root: number): number {
  try {
    const parent = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // process ended meanwhile
      }
    }
    let kb = 0;
    for (const pid of parent.keys()) {
      let p: number | undefined = pid;
      while (p !== undefined && p > 1 && p !== root) p = parent.get(p);
      if (p !== root) continue;
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        kb += Number(m?.[1] ?? 0);
      } catch {
        // process ended meanwhile
      }
    }
    return kb / 1024;
  } catch {
    return 0;
  }
}
