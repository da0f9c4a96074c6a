import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

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
      // loaded when the command runs: the wire schemas (zod) are no concern of `--help`
      const [{ carrierShare, unknownCarrierMessage }, { formatCarrierStatement }, { readPlan }] =
        await Promise.all([
          import('../../contracts/index.ts'),
          import('../format-emissions.ts'),
          import('../read-plan.ts'),
        ]);
      const plan = await readPlan(file);
      const share = carrierShare(plan, opts.carrier);
      if (!share) throw new CliError(`${file}: ${unknownCarrierMessage(plan, opts.carrier)}`);
      process.stdout.write(opts.json ? `${JSON.stringify(share, null, 2)}\n` : formatCarrierStatement(share));
    });
}
