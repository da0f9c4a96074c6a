import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTaskJobId } from '../../src/queue/queue-names.ts';
import { bearer, KEYS, startStack, tinyScenario, until, type Stack } from './harness.ts';

// On the service bench a worker was SIGKILLed while its two sandboxes priced a cost game: they went on for 40
// minutes of CPU with nobody to send a result to. A sandbox now ends at its next clock read once its worker is gone.
let stack: Stack;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUSY_LOOP = fileURLToPath(new URL('../support/sandbox-busy-loop.ts', import.meta.url));

beforeAll(async () => {
  stack = await startStack(
    'orphan',
    { PICON_MAX_TIME_LIMIT_SECONDS: '120', PICON_LOCK_DURATION_MS: '121000' },
    0,
  );
});
afterAll(async () => {
  await stack?.stop();
});

/** Process ids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // the command may hold spaces and parentheses: the fields after the last ')' are fixed
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name));
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

/** Running or sleeping: not gone and not a zombie waiting for a parent to reap it. */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

describe('a sandbox whose worker dies', () => {
  /** Forks the busy loop from a middle process (the "worker"), kills the middle one, and waits for the loop to end. */
  async function orphanEnds(mode: 'clock' | 'no-clock'): Promise<number> {
    // middle forks the busy loop with IPC, as BullMQ forks a sandbox, then waits to be killed
    const middle = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').fork(${JSON.stringify(BUSY_LOOP)}, [${JSON.stringify(mode)}], { execArgv: ['--import', 'tsx'] });
         c.on('message', () => console.log(c.pid));
         setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, env: { ...process.env, ...stack.env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const loopPid = Number(
      await new Promise<string>((resolve) => middle.stdout.once('data', (d: Buffer) => resolve(String(d)))),
    );
    expect(alive(loopPid)).toBe(true);
    middle.kill('SIGKILL');
    const killedAt = performance.now();
    await until('the busy loop to end', async () => (alive(loopPid) ? undefined : true), 15_000);
    return performance.now() - killedAt;
  }

  it('ends at its next clock read, though the work between reads goes on for a minute', async () => {
    expect(await orphanEnds('clock')).toBeLessThan(15_000);
  });

  it('ends within seconds when its work reads no clock at all (the watchdog thread)', async () => {
    expect(await orphanEnds('no-clock')).toBeLessThan(15_000);
  });

  it('stops solving within seconds instead of running to its time cap', async () => {
    // a budget the solves cannot finish and a 120 s cap: without the fix the sandbox runs for about a minute
    const worker = await stack.startWorker({ PICON_MAX_ITERATIONS: '100000000' });
    const res = await fetch(`${stack.api.url}/v1/plans`, {
      method: 'POST',
      headers: { ...bearer(KEYS.planner), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...tinyScenario(),
        name: 'orphan test',
        options: { ...tinyScenario().options, timeLimitSeconds: 120 },
      }),
    });
    const { id } = (await res.json()) as { id: string };
    await until('a running task', async () => {
      const active = await stack.api.planJobs.tasks.getJobs(['active']);
      return active.some((j) => parseTaskJobId(j.id ?? '')?.planId === id) ? true : undefined;
    });
    const sandboxes = childrenOf(worker.child.pid!);
    expect(sandboxes.length).toBeGreaterThan(0);
    process.kill(worker.child.pid!, 'SIGKILL'); // the worker only, not its process group
    await worker.exited;
    const killedAt = performance.now();
    await until('the sandboxes to end', async () => (sandboxes.some(alive) ? undefined : true), 15_000);
    expect(performance.now() - killedAt).toBeLessThan(15_000);
  });
});
