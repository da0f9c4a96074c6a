import type { TrunkNetwork } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { maxOf } from '../domain/arrays.ts';

/** Second-echelon loads no feeder vehicle could carry, and goods the feeders bring to a micro-hub late. */
export function feederWarnings(city: City, network: TrunkNetwork): string[] {
  const stranded = network.feeders.flatMap((f) =>
    f.kind === 'road' ? f.solution.unassigned.map((u) => f.loads[u.job]?.orders.length ?? 0) : [],
  );
  const late = network.feeders.flatMap((f) => (f.kind === 'road' ? f.lateS : [f.lateS])).filter((s) => s > 0);
  const name = (f: TrunkNetwork['feeders'][number]): string => city.hubs[f.hub]?.id ?? '';
  return [
    ...(stranded.length > 0
      ? [
          `${stranded.length} feeder load(s) (${stranded.reduce((a, b) => a + b, 0)} orders) fit no feeder vehicle ` +
            'or schedule: they do not reach their micro-hub in this plan',
        ]
      : []),
    ...(late.length > 0
      ? [
          `${late.length} feeder load(s) reach their micro-hub (${[...new Set(network.feeders.filter((f) => (f.kind === 'road' ? f.lateS.some((s) => s > 0) : f.lateS > 0)).map(name))].join(', ')}) after the pooled trip that carries them should leave ` +
            `(up to ${Math.ceil(maxOf(late) / 60)} min late, see consolidated.trunk[].stops[].lateMin)`,
        ]
      : []),
  ];
}
