// Horizontal bars and grouped bars in plain SVG: a handful of rectangles does not need a chart library.
import { s } from './dom.js';
import { num } from './i18n.js';

/**
 * Grouped bars: one group per category, one bar per series. `values[c][k]` is category c, series k.
 */
export function groupedBars({ categories, series, values, colours, title }) {
  const width = 720;
  const bar = 16;
  const gap = 12;
  const label = 220;
  const group = series.length * bar + gap;
  const height = categories.length * group + 30;
  const max = Math.max(1e-9, ...values.flat().map((v) => Math.abs(v)));
  const scale = (v) => (Math.abs(v) / max) * (width - label - 80);
  return s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, class: 'bars', role: 'img', 'aria-label': title },
    s('title', {}, title),
    series.map((name, k) =>
      s(
        'g',
        {},
        s('rect', { x: label + k * 170, y: 2, width: 12, height: 12, fill: colours[k] }),
        s('text', { x: label + k * 170 + 16, y: 12, class: 'legend' }, name),
      ),
    ),
    categories.map((c, i) =>
      s(
        'g',
        { class: 'bar-group' },
        s(
          'text',
          { x: label - 8, y: 24 + i * group + (series.length * bar) / 2 + 4, 'text-anchor': 'end' },
          s('title', {}, c),
          c.length > 30 ? `${c.slice(0, 29)}…` : c,
        ),
        series.map((name, k) => {
          const v = values[i][k];
          const y = 24 + i * group + k * bar;
          return s(
            'g',
            {},
            s(
              'rect',
              { x: label, y, width: Math.max(1, scale(v)), height: bar - 2, fill: colours[k], class: 'bar' },
              s('title', {}, `${c}, ${name}: ${num(v)}`),
            ),
            s('text', { x: label + scale(v) + 4, y: y + bar - 5, class: 'bar-value' }, num(v)),
          );
        }),
      ),
    ),
  );
}

/** A share bar (0..1, capped) with its label, e.g. a load against capacity. */
export function shareBar(share, text) {
  const pct = Math.max(0, Math.min(1, share ?? 0)) * 100;
  return s(
    'svg',
    { viewBox: '0 0 100 10', class: 'share-bar', role: 'img', 'aria-label': text },
    s('title', {}, text),
    s('rect', { x: 0, y: 0, width: 100, height: 10, class: 'share-bg' }),
    s('rect', { x: 0, y: 0, width: pct, height: 10, class: share > 1 ? 'share-over' : 'share-fill' }),
  );
}
