import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const PORTS_MODULE = 'src/contracts/ports.ts';
const PORT_TYPES = [
  'PlanJobs',
  'OrderStore',
  'ReferenceStore',
  'ReferenceData',
  'JobStatus',
  'JobProgress',
  'JobFinished',
  'PlanJobInput',
  'PlanView',
  'PlanEvent',
  'Comparison',
  'ComparisonView',
  'ComparisonVariantResult',
];

function tsFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(repo, join(e.parentPath, e.name)));
}

describe('ports in one place', () => {
  const files = [...tsFiles('src'), ...tsFiles('workers')];

  it(`declares each port type once, in ${PORTS_MODULE}`, () => {
    const declaration = new RegExp(
      `^\\s*export\\s+(?:interface|type|class)\\s+(${PORT_TYPES.join('|')})\\b`,
      'gm',
    );
    const found = files.flatMap((f) =>
      [...readFileSync(join(repo, f), 'utf8').matchAll(declaration)].map((m) => `${m[1]} in ${f}`),
    );
    expect(found.sort()).toEqual(PORT_TYPES.map((t) => `${t} in ${PORTS_MODULE}`).sort());
  });

  it('has the queue adapters implement the ports, so the compiler checks them against the one definition', () => {
    const adapters = {
      'src/queue/bull-plan-jobs.ts': 'BullPlanJobs implements PlanJobs',
      'src/queue/redis-order-store.ts': 'RedisOrderStore implements OrderStore',
      'src/queue/redis-reference-store.ts': 'RedisReferenceStore implements ReferenceStore',
    };
    for (const [file, clause] of Object.entries(adapters))
      expect(readFileSync(join(repo, file), 'utf8')).toContain(`class ${clause} {`);
  });
});
