import { InputError } from '../domain/errors.ts';
import { grandCoalition, type CostTable } from './cost-game.ts';
import { toAllocation, type Allocation } from './allocation.ts';

/**
 * c(N) shared in proportion to a weight per player: by default the stand-alone cost c({i}) (the
 * "proportional" rule), or any other weight such as the kg each carrier sends (the old pro-rata-by-kg rule,
 * kept to show where it fails). Equal shares when every weight is zero.
 */
export function proportional(table: CostTable, weights?: readonly number[]): Allocation {
  const n = table.players;
  const w = weights ?? Array.from({ length: n }, (_, i) => table.costsEur[1 << i] as number);
  if (w.length !== n || w.some((x) => !Number.isFinite(x) || x < 0))
    throw new InputError('INVALID_VALUE', `weights must be ${n} finite non-negative numbers`, {
      field: 'weights',
    });
  const sum = w.reduce((a, b) => a + b, 0);
  const total = table.costsEur[grandCoalition(n)] as number;
  return toAllocation(
    'proportional',
    table,
    w.map((x) => (sum > 0 ? (total * x) / sum : total / n)),
  );
}
