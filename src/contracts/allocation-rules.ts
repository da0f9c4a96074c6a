/**
 * How the pooled plan's cost is shared between carriers (docs/model/cooperation.md): a rule of the cost game
 * (`shapley`, the default; `proportional` to stand-alone costs; `scrb`; `nucleolus`), or `pro-rata-by-kg`,
 * which prices no coalition (cheap, but it can charge a carrier more than alone: the plan then warns).
 * Plain data, no zod: the CLI's option parser reads it without loading the schemas (fast `--help`).
 */
export const ALLOCATION_OPTIONS = ['shapley', 'proportional', 'scrb', 'nucleolus', 'pro-rata-by-kg'] as const;
export type AllocationOption = (typeof ALLOCATION_OPTIONS)[number];
