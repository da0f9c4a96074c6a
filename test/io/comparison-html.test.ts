import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { axisTicks, comparisonToHtml } from '../../src/io/comparison-html.ts';
import { launchChromium } from '../support/browser.ts';
import { kpis, variant } from './comparison-fixtures.ts';

const variants = [
  variant('no hub', kpis(1), kpis(1)),
  variant('hub <b>&</b> "bikes"', kpis(1), kpis(0.6, { tripsIncludingTrunk: 40 })),
  variant('off-peak', kpis(0.9), kpis(0.5)),
];
const html = comparisonToHtml(variants, 'Lille <day>');

/** `<rect class="bar" …>` elements: their data-* attributes and height. */
function bars(chart: string): { variant: string; series: string; value: number; height: number }[] {
  return [
    ...chart.matchAll(
      /<rect class="bar" data-variant="([^"]*)" data-series="(\w+)" data-value="([^"]+)"[^>]*height="([^"]+)"/g,
    ),
  ].map((m) => ({
    variant: m[1] as string,
    series: m[2] as string,
    value: Number(m[3]),
    height: Number(m[4]),
  }));
}

describe('comparison.html', () => {
  it('is self-contained: no script, stylesheet, font or image from elsewhere', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
    expect(html).not.toContain('<script');
  });

  it('escapes names from the user', () => {
    expect(html).toContain('hub &lt;b&gt;&amp;&lt;/b&gt; &quot;bikes&quot;');
    expect(html).not.toContain('<b>&</b>');
    expect(html).toContain('<title>Lille &lt;day&gt; — picon</title>');
  });

  it('draws five grouped bar charts, baseline and consolidated per variant, heights proportional to the values', () => {
    const charts = html.split('<svg class="chart"').slice(1);
    expect(charts.map((c) => /data-metric="([^"]+)"/.exec(c)?.[1])).toEqual([
      'Vehicle-km (trunk legs included)',
      'Trips (trunk trips included)',
      'Energy (hub handling included)',
      'CO2e well-to-wheel',
      'Deliveries per receiver',
    ]);
    const keys = [
      'vehicleKm',
      'tripsIncludingTrunk',
      'energyKWh',
      'co2eKg',
      'deliveriesPerReceiver',
    ] as const;
    charts.forEach((chart, c) => {
      const drawn = bars(chart);
      expect(drawn).toHaveLength(2 * variants.length);
      variants.forEach((v, i) => {
        for (const series of ['baseline', 'consolidated'] as const) {
          const bar = drawn[2 * i + (series === 'baseline' ? 0 : 1)];
          expect(bar?.series).toBe(series);
          expect(bar?.value).toBe(v.kpis[series][keys[c] as (typeof keys)[number]]);
        }
      });
      // linear from zero: one scale for every bar of the chart, and the tallest within the plot
      const scales = drawn.map((b) => b.height / b.value);
      for (const s of scales) expect(s).toBeCloseTo(scales[0] as number, 2);
      expect(Math.max(...drawn.map((b) => b.height))).toBeLessThanOrEqual(190 - 16);
    });
  });

  it('axes start at 0, reach past the largest value in a few equal round steps', () => {
    expect(axisTicks(2240)).toEqual([0, 1000, 2000, 3000]);
    expect(axisTicks(6.79)).toEqual([0, 2, 4, 6, 8]);
    for (const max of [0.3, 1, 7.5, 64, 101, 688.5, 1101.2, 123456]) {
      const ticks = axisTicks(max);
      const step = ticks[1] as number;
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect((ticks.at(-1) as number) - step).toBeLessThan(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
      ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 9));
      expect(step / 10 ** Math.floor(Math.log10(step))).toSatisfy((m: number) => [1, 2, 2.5, 5].includes(m));
    }
  });

  it('opens offline in a real browser without errors or requests, with the charts and the table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'picon-comparison-'));
    await writeFile(join(dir, 'comparison.html'), html);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(join(dir, 'comparison.html')).href);
      expect(await page.locator('svg.chart').count()).toBe(5);
      expect(await page.locator('svg.chart rect.bar').count()).toBe(5 * 2 * variants.length);
      const header = await page.locator('#comparison thead th').allTextContents();
      expect(header.slice(2)).toEqual(variants.map((v, i) => `${i + 1}. ${v.name}`));
      const box = await page.locator('svg.chart').first().boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
