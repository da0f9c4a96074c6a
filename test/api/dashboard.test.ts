import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MAP_TILE_URL, loadConfig } from '../../src/config/env.ts';
import { testApp } from './harness.ts';

// The dashboard's static files and its read-only JSON: no key, nothing outside src/web, node_modules/leaflet
// and the shipped city-day fixtures.
describe('GET /dashboard', () => {
  const { app } = testApp();

  it('serves the page, its modules and Leaflet from node_modules, under a same-origin CSP', async () => {
    const page = await request(app).get('/dashboard/').expect(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('/dashboard/main.js');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    await request(app)
      .get('/dashboard/main.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(app).get('/dashboard/vendor/leaflet/leaflet.js').expect(200);
    await request(app).get('/dashboard/vendor/leaflet/leaflet.css').expect(200);
  });

  it('lists the shipped scenarios and comparisons, not the patch files', async () => {
    const res = await request(app).get('/dashboard/fixtures.json').expect(200);
    const fixtures = res.body.fixtures as { path: string; kind: string }[];
    expect(fixtures).toContainEqual(expect.objectContaining({ path: 'lille/day.json', kind: 'scenario' }));
    expect(fixtures).toContainEqual(
      expect.objectContaining({ path: 'lille/scenarios.json', kind: 'comparison' }),
    );
    expect(fixtures).toContainEqual(
      expect.objectContaining({ path: 'tiny/variants.json', kind: 'comparison' }),
    );
    expect(fixtures.map((f) => f.path)).not.toContain('lille/lez-vieux-lille.json');
  });

  it('expands a shipped comparison into the variant scenarios POST /v1/comparisons takes inline', async () => {
    const res = await request(app).get('/dashboard/fixtures/tiny/variants.json').expect(200);
    const variants = res.body.variants as {
      name: string;
      scenario: { fleet: { vehicleType: string; count: number }[] };
    }[];
    expect(variants.map((v) => v.name)).toEqual(['e-van', 'cargo bike', 'pedestrian square', 'no hub']);
    expect(variants[1]!.scenario.fleet[0]!.vehicleType).toBe('cargo-bike');
    expect(variants[3]!.scenario.fleet[0]!.count).toBe(0);
  });

  it('serves no other file: unknown fixtures and paths out of the folder are 404', async () => {
    await request(app).get('/dashboard/fixtures/lille/nope.json').expect(404);
    await request(app).get('/dashboard/fixtures/lille/lez-vieux-lille.json').expect(404);
    await request(app).get('/dashboard/fixtures/..%2F..%2Fpackage.json').expect(404);
    await request(app).get('/dashboard/fixtures/benchmarks/README.md').expect(404);
    await request(app).get('/dashboard/../package.json').expect(404);
  });

  it('gives the vehicle types it was started with (capacities for the load bars)', async () => {
    const res = await request(app).get('/dashboard/vehicle-types.json').expect(200);
    expect(res.body).toEqual({ vehicleTypes: [] });
  });
});

describe('GET /dashboard without its slash', () => {
  it('redirects to /dashboard/', async () => {
    await request(testApp().app).get('/dashboard').expect(301).expect('Location', '/dashboard/');
  });
});

describe('the map tiles setting (PICON_MAP_TILE_URL)', () => {
  it("defaults to OpenStreetMap's tiles, may be emptied for none, and must be a {z}/{x}/{y} template", () => {
    expect(loadConfig({}).dashboard.mapTileUrl).toBe(DEFAULT_MAP_TILE_URL);
    expect(loadConfig({ PICON_MAP_TILE_URL: '' }).dashboard.mapTileUrl).toBe('');
    const own = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(loadConfig({ PICON_MAP_TILE_URL: own }).dashboard.mapTileUrl).toBe(own);
    expect(() => loadConfig({ PICON_MAP_TILE_URL: 'tiles.example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ PICON_MAP_TILE_URL: 'javascript:alert(1)//{z}{x}{y}' })).toThrow(
      /PICON_MAP_TILE_URL/,
    );
  });

  it('reaches the page through /dashboard/config.json', async () => {
    await request(testApp().app)
      .get('/dashboard/config.json')
      .expect(200, { mapTileUrl: DEFAULT_MAP_TILE_URL });
  });
});
