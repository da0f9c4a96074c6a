import type { Command } from 'commander';
import { carrierShare, unknownCarrierMessage } from '../../contracts/index.ts';
import { CliError } from '../cli-error.ts';
import { formatCarrierStatement } from '../format-emissions.ts';
import { readPlan } from '../read-plan.ts';

interface ReportOptions {
  carrier: string;
  json?: boolean;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      "print one carrier's statement from a plan: its orders, tonne-km, CO2e and intensity alone and pooled " +
        '(ISO 14083 / GLEC), and its cost row; nothing of other carriers',
    )
    .argument('<plan>', 'plan JSON file (picon plan --json, or plan.json from --out)')
    .requiredOption('--carrier <id>', 'the carrier whose statement to print')
    .option('--json', 'print the statement as JSON (the same shape as GET /v1/plans/{id}/share)')
    .action(async (file: string, opts: ReportOptions) => {
      const plan = await readPlan(file);
      const share = carrierShare(plan, opts.carrier);
      if (!share) throw new CliError(`${file}: ${unknownCarrierMessage(plan, opts.carrier)}`);
      process.stdout.write(opts.json ? `${JSON.stringify(share, null, 2)}\n` : formatCarrierStatement(share));
    });
}
