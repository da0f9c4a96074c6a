// What the dashboard holds: the day (scenario) being looked at, its plan and the built-in vehicle types.
// Views render from here and re-render when it changes.

export const state = {
  /** The scenario (wire JSON) of the plan, for names, orders and zones; partial when built from the API. */
  scenario: undefined,
  plan: undefined,
  planId: undefined,
  /** Built-in vehicle types with their capacity (GET /dashboard/vehicle-types.json). */
  vehicleTypes: [],
  /** The server's map tiles (GET /dashboard/config.json); the page's setting may override it. */
  mapTileUrl: undefined,
  /** Shipped fixtures (GET /dashboard/fixtures.json). */
  fixtures: [],
};

const listeners = new Set();
export const onChange = (fn) => listeners.add(fn);
export function update(patch) {
  Object.assign(state, patch);
  for (const fn of listeners) fn(state);
}
