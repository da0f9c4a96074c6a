// Cooperative cost games between carriers (fair cost shares, core check) and ISO 14083 emission shares:
// pure functions of their inputs; docs/model/cooperation.md has every formula and its source.
export * from './cost-game.ts';
export * from './allocation.ts';
export * from './shapley.ts';
export * from './shapley-sampling.ts';
export * from './proportional.ts';
export * from './scrb.ts';
export * from './nucleolus.ts';
export * from './core-check.ts';
export * from './allocation-rows.ts';
export * from './allocate.ts';
export { largestRemainder, roundToTotal, toCents } from './largest-remainder.ts';
export * from './emission-shares.ts';
export * from './chain-elements.ts';
export * from './warm-start.ts';
export * from './carrier-statement.ts';
