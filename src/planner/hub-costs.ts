import type { City } from '../domain/city.ts';

/**
 * ASSUMPTION (no source found): one minute of labour per handling unit cross-docked (unload, scan, sort,
 * load onto the pooled vehicle), at 30 EUR an hour (the same hourly rate as a van driver's, energy.md §7).
 * Override with `hubs[].handlingMinutesPerUnit` and `hubs[].labourCostEurPerHour`.
 */
export const HUB_HANDLING_MINUTES_PER_UNIT = 1;
export const HUB_LABOUR_COST_EUR_PER_HOUR = 30;

/** A hub's cost for the day: its fixed cost when open, plus its labour per handling unit. */
export function hubCostEur(city: City, hub: number, open: boolean, units: number): number {
  const h = city.hubs[hub];
  return h && open ? h.fixedCostEurPerDay + units * h.handlingCostEurPerUnit : 0;
}
