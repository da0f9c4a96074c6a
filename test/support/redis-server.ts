import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function ping(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Spawns redis-server on `port` with `dir`; resolves with the child once it answers PING, else undefined. */
async function spawnRedis(
  binary: string,
  port: number,
  dir: string,
  appendOnly: boolean,
): Promise<ChildProcess | undefined> {
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      appendOnly ? 'yes' : 'no',
      '--appendfsync',
      'always',
      '--maxmemory-policy',
      'noeviction',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 5000;
  while (!exited && Date.now() < deadline) {
    if (await ping(port)) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!exited) child.kill('SIGKILL');
  return undefined;
}

async function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await Promise.race([done, new Promise((r) => setTimeout(r, 3000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** A test Redis that fault tests can kill and bring back on the same port and data directory. */
export interface FaultyRedis extends TestRedis {
  /** SIGKILL: no shutdown save; with append-only on, acknowledged writes survive in the AOF. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (reloading the AOF when append-only). */
  restart(): Promise<void>;
  /** SIGSTOP / SIGCONT: a Redis that hangs, connections open, answering nothing. */
  pause(): void;
  resume(): void;
}

/**
 * Starts Debian's redis-server on a free loopback port with a throw-away directory (no RDB; AOF only when
 * asked, fsync on every write), waits for PING, and stops it afterwards. Never touches the Redis on 6379.
 */
export async function startRedis(
  binary = '/usr/bin/redis-server',
  opts: { appendOnly?: boolean } = {},
): Promise<FaultyRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'picon-redis-'));
  const appendOnly = opts.appendOnly ?? false;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    let child = await spawnRedis(binary, port, dir, appendOnly);
    if (!child) continue;
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      async stop() {
        if (child) await killed(child, 'SIGTERM');
        rmSync(dir, { recursive: true, force: true });
      },
      async kill() {
        if (child) await killed(child, 'SIGKILL');
      },
      pause() {
        child?.kill('SIGSTOP');
      },
      resume() {
        child?.kill('SIGCONT');
      },
      async restart() {
        child = await spawnRedis(binary, port, dir, appendOnly);
        if (!child) throw new Error(`could not restart ${binary} on port ${port}`);
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`could not start ${binary}`);
}
