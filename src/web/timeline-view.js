// The Gantt of the day: one row per vehicle with a bar per trip (the map's colour, the trip's number), then
// trunk trips that carry a departure and an arrival.
import { s, h } from './dom.js';
import { t } from './i18n.js';
import { clockOf, timelineRows, vehiclePalette } from './plan-figures.js';

const ROW = 22;
const LABEL = 230;
const WIDTH = 1000;

const shorten = (text, chars) => (text.length <= chars ? text : `${text.slice(0, chars - 1)}…`);

/** The end of a long id (`…CMDU/rigid-truck#3`): the vehicle's number is what tells rows apart. */
const tail = (text, chars) => (text.length <= chars ? text : `…${text.slice(text.length - chars + 1)}`);

/** A bar's label cut to what fits its width (about 7 px a character); the bar's title has it whole. */
function barLabel(label, width, x, y) {
  const fits = Math.floor((width - 6) / 7);
  if (fits < 1) return undefined;
  return s('text', { x, y, class: 'bar-label' }, shorten(label, fits));
}

export function drawTimeline(container, plan) {
  const rows = timelineRows(plan);
  const bars = rows.flatMap((r) => r.bars);
  const first = Math.floor(Math.min(...bars.map((b) => b.start), 24 * 60) / 60) * 60;
  const last = Math.ceil(Math.max(...bars.map((b) => b.end), first + 60) / 60) * 60;
  const x = (minutes) => LABEL + ((minutes - first) / (last - first)) * (WIDTH - LABEL - 10);
  const palette = vehiclePalette(plan.consolidated.routes);
  const height = (rows.length + 1) * ROW + 10;
  const ticks = [];
  for (let m = first; m <= last; m += 60)
    ticks.push(
      s('line', { x1: x(m), x2: x(m), y1: ROW - 4, y2: height, class: 'tick' }),
      s('text', { x: x(m), y: ROW - 8, 'text-anchor': 'middle', class: 'tick-label' }, clockOf(m)),
    );
  const body = rows.map((row, i) => {
    const y = (i + 1) * ROW;
    const colour = row.kind === 'trunk' ? '#555' : palette.get(row.id);
    return s(
      'g',
      { class: `timeline-row ${row.kind}`, 'data-id': row.id },
      s(
        'text',
        { x: LABEL - 6, y: y + 15, 'text-anchor': 'end', class: 'row-label' },
        row.kind === 'trunk' ? tail(`${row.id} (${t('timeline.trunk')}, ${row.mode})`, 34) : tail(row.id, 34),
      ),
      row.bars.map((b) =>
        s(
          'g',
          { class: 'timeline-bar' },
          s('rect', {
            x: x(b.start),
            y: y + 3,
            width: Math.max(2, x(b.end) - x(b.start)),
            height: ROW - 6,
            rx: 3,
            fill: colour,
          }),
          s('title', {}, `${row.id} ${b.label}: ${clockOf(b.start)}–${clockOf(b.end)}`),
          barLabel(b.label, x(b.end) - x(b.start), x(b.start) + 4, y + 15),
        ),
      ),
    );
  });
  const noTrunk =
    (plan.consolidated.trunk ?? []).length > 0 && !rows.some((r) => r.kind === 'trunk')
      ? h('p', { class: 'note' }, t('timeline.noTrunk'))
      : undefined;
  container.replaceChildren(
    s(
      'svg',
      {
        viewBox: `0 0 ${WIDTH} ${height}`,
        class: 'timeline',
        role: 'img',
        'aria-label': t('timeline.title'),
      },
      ticks,
      body,
    ),
  );
  if (noTrunk) container.append(noTrunk);
}
