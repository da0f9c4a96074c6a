import type { Scenario } from '../../src/contracts/index.ts';

/**
 * The scenario with the cheap pro-rata-by-kg cost allocation instead of the default cost game, for tests about
 * something else on days of many carriers: an exact game of 10 carriers prices 1,023 coalitions (minutes of
 * CPU), and the routes, KPIs and savings do not depend on the sharing rule. The game has its own tests
 * (test/planner/cost-game.test.ts, the auditor's cost-game checks).
 */
export function withoutCostGame<S extends Scenario>(scenario: S): S {
  return { ...scenario, options: { ...scenario.options, allocation: 'pro-rata-by-kg' } };
}
