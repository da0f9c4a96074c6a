import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApiKeys } from '../../src/config/api-keys.ts';

// No Docker engine on this machine: these checks hold the files to what the README promises a host with one.
const compose = readFileSync('docker-compose.yml', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');

describe('deployment files', () => {
  it('keys.example.json is a valid keys file for the carriers of the seeded day', () => {
    const keys = loadApiKeys('keys.example.json');
    expect(new Set(keys.map((k) => k.role))).toEqual(new Set(['admin', 'dispatcher', 'planner', 'carrier']));
    const day = JSON.parse(readFileSync('fixtures/lille/day.json', 'utf8')) as { carriers: { id: string }[] };
    const carriers = new Set(day.carriers.map((c) => c.id));
    for (const k of keys) if (k.carrierId) expect(carriers.has(k.carrierId), k.carrierId).toBe(true);
    expect(compose).toContain('PICON_SEED_FILE: /app/fixtures/lille/day.json');
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('keys.json');
  });

  it('compose builds one image, mounts the keys as a secret, limits Redis memory with noeviction', () => {
    expect(compose.match(/^\s+build:/gm)?.length).toBe(1);
    expect(compose.match(/^\s+image: picon:latest$/gm)?.length).toBe(2);
    expect(compose).toMatch(/secrets:\n\s+picon-keys:\n\s+file: \.\/keys\.json/);
    expect(compose).not.toMatch(/\.\/keys\.json:/); // no bind mount: Docker would create a directory
    const redisArgs = /command:\s*\[([^\]]*'redis-server'[^\]]*)\]/.exec(compose)?.[1] ?? '';
    const args = [...redisArgs.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(args[args.indexOf('--maxmemory') + 1]).toMatch(/^\d+(mb|gb)$/);
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
  });

  it('the image runs the build of its own sources: compiled in a stage with the dev dependencies, checked at start', () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const build = stages.find((s) => / AS build\n/.test(s)) ?? '';
    expect(build).toMatch(/^RUN npm ci --ignore-scripts$/m); // TypeScript is a dev dependency
    expect(build).toMatch(/^RUN node scripts\/build\.mjs$/m);
    const image = stages.at(-1) ?? '';
    expect(image).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    // bin/picon.mjs runs dist/ only if these hash as they did at the build (bin/build-stamp.mjs): all must be there
    expect(image).toMatch(/^COPY package\.json tsconfig\.json tsconfig\.build\.json \.\/$/m);
    for (const dir of ['bin', 'src', 'workers'])
      expect(image).toMatch(new RegExp(`^COPY ${dir} \\./${dir}$`, 'm'));
    expect(image).toMatch(/^ENTRYPOINT \["node", "bin\/picon\.mjs"\]$/m);
  });

  it('the image is a Node LTS line the project supports', () => {
    const bases = [...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => Number(m[1]));
    expect(bases.length).toBe(3); // production deps, the build (dist/), the image
    for (const major of bases) {
      expect(major % 2, 'even majors are the LTS lines').toBe(0);
      expect(major).toBeGreaterThanOrEqual(22);
    }
  });

  it("the worker's health check passes on a fresh health file and fails on a stale or missing one", () => {
    const file = /--health-file', '([^']+)'/.exec(compose)?.[1] as string;
    expect(file).toBeDefined();
    const script = /"(const f=require\('fs'\);[^"]+)"/.exec(compose)?.[1] as string;
    expect(script).toContain(file);
    const dir = mkdtempSync(join(tmpdir(), 'picon-hc-'));
    const probe = join(dir, 'alive');
    const run = () => {
      try {
        execFileSync(process.execPath, ['-e', script.replaceAll(file, probe)]);
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    };
    expect(run()).toBe(1); // missing
    writeFileSync(probe, 'now');
    expect(run()).toBe(0);
    const old = new Date(Date.now() - 60_000);
    execFileSync('touch', ['-d', old.toISOString(), probe]);
    expect(run()).toBe(1); // stale: a worker that stopped refreshing it
  });
});
