// npx tsx bench/audit-plan.ts SCENARIO.json PLAN.json
// Runs the independent plan auditor (test/support/audit) on a plan `picon plan --json` wrote, e.g. for days
// too large for the test suite; prints each fault and exits 1 when there is one.
import { readFileSync } from 'node:fs';
import { auditPlan } from '../test/support/audit/index.ts';

const [scenarioFile, planFile] = process.argv.slice(2);
if (!scenarioFile || !planFile) {
  process.stderr.write('usage: npx tsx bench/audit-plan.ts SCENARIO.json PLAN.json\n');
  process.exit(2);
}
type Audited = Parameters<typeof auditPlan>;
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
// the files are the CLI's own input and output: the auditor reports what does not add up in them
const faults = auditPlan(read(scenarioFile) as Audited[0], read(planFile) as Audited[1]);
for (const f of faults) process.stdout.write(`${JSON.stringify(f)}\n`);
process.stdout.write(`${faults.length} fault(s)\n`);
process.exitCode = faults.length > 0 ? 1 : 0;
