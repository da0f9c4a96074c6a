import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { DEFAULT_MAP_TILE_URL } from '../config/env.ts';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { ComparisonSpecError, parseComparison, type LoadRef } from '../contracts/index.ts';
import { ApiError } from './api-error.ts';

/** What the dashboard needs to know of a vehicle type: its capacity per dimension (load bars). */
export interface DashboardVehicleType {
  readonly id: string;
  readonly class: string;
  readonly capacity: {
    readonly kg: number;
    readonly m3?: number | undefined;
    readonly units?: number | undefined;
  };
}

// From the package root, not from this module: it also runs compiled, from dist/src/api/. The browser modules
// are served from src/web/ as they are (they are not compiled).
const WEB_DIR = join(PACKAGE_ROOT, 'src', 'web');
const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');
/** Leaflet's dist folder, served from node_modules (no CDN: the dashboard works on a closed network). */
const LEAFLET_DIR = dirname(fileURLToPath(import.meta.resolve('leaflet/dist/leaflet-src.esm.js')));
/** Shipped city days the dashboard offers (benchmark instances are not scenarios). */
const FIXTURE_FOLDERS = ['lille', 'tiny'] as const;
const MAX_FIXTURE_BYTES = 5_000_000;

// Tiles come from whatever server the user configures (OpenStreetMap by default), hence img-src https:.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self'",
].join('; ');

interface FixtureEntry {
  readonly path: string;
  readonly kind: 'scenario' | 'comparison';
  readonly name: string;
}

function readJson(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (text.length > MAX_FIXTURE_BYTES) throw new ApiError('INVALID_INPUT', `fixture too large: ${file}`);
  return JSON.parse(text) as unknown;
}

/** Scenarios (they have `orders`) and comparisons (they have `base`); merge-patch files are neither. */
function listFixtures(): FixtureEntry[] {
  return FIXTURE_FOLDERS.flatMap((folder) =>
    readdirSync(join(FIXTURES_DIR, folder))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f): FixtureEntry[] => {
        const doc = readJson(join(FIXTURES_DIR, folder, f)) as {
          name?: unknown;
          base?: unknown;
          orders?: unknown;
        };
        const kind = 'base' in doc ? 'comparison' : 'orders' in doc ? 'scenario' : undefined;
        if (!kind) return [];
        return [{ path: `${folder}/${f}`, kind, name: typeof doc.name === 'string' ? doc.name : f }];
      }),
  );
}

/** A listed fixture's file, or a 404: only what `listFixtures` offers is served (no `..`, no patch files). */
function fixtureFile(path: string): { file: string; entry: FixtureEntry } {
  const entry = listFixtures().find((f) => f.path === path);
  if (!entry) throw new ApiError('NOT_FOUND', `no shipped fixture "${path}"`);
  return { file: join(FIXTURES_DIR, entry.path), entry };
}

/**
 * A shipped comparison with its `$ref` base and `patchFiles` read (relative to the file), as the list of
 * variant scenarios `POST /v1/comparisons` takes inline: the browser has no files to refer to.
 */
function expandedComparison(file: string) {
  const raw = readJson(file) as { name?: string; description?: string };
  const load: LoadRef = (ref) => readJson(fixtureFileNear(file, ref)) as ReturnType<LoadRef>;
  try {
    return { name: raw.name, description: raw.description, variants: parseComparison(raw, load) };
  } catch (err) {
    if (err instanceof ComparisonSpecError)
      throw new ApiError('VALIDATION_FAILED', 'invalid shipped comparison', [...err.issues]);
    throw err;
  }
}

function fixtureFileNear(file: string, ref: string): string {
  const target = resolve(dirname(file), ref);
  if (relative(FIXTURES_DIR, target).startsWith('..'))
    throw new ApiError('NOT_FOUND', `"${ref}" lies outside the fixtures`);
  return target;
}

/**
 * The web dashboard at /dashboard/: static ES modules (src/web), Leaflet from node_modules, and read-only
 * JSON it needs besides /v1: the shipped fixtures, the vehicle types' capacities and the map tiles' URL. No key needed: none of it
 * is a user's data; everything else the page does goes through /v1 with the key the user enters.
 */
export function dashboardRouter(
  vehicleTypes: readonly DashboardVehicleType[],
  mapTileUrl: string = DEFAULT_MAP_TILE_URL,
): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('Content-Security-Policy', CSP);
    next();
  });
  // relative URLs in the page need the trailing slash
  router.get('/', (req, res, next) => {
    if (req.originalUrl.split('?')[0]!.endsWith('/')) next();
    else res.redirect(301, `${req.baseUrl}/`);
  });
  router.use('/vendor/leaflet', express.static(LEAFLET_DIR, { index: false }));
  router.get('/fixtures.json', (_req, res) => {
    res.json({ fixtures: listFixtures() });
  });
  router.get('/fixtures/:folder/:file', (req, res) => {
    const { file, entry } = fixtureFile(`${req.params['folder']}/${req.params['file']}`);
    res.json(entry.kind === 'comparison' ? expandedComparison(file) : readJson(file));
  });
  router.get('/vehicle-types.json', (_req, res) => {
    res.json({ vehicleTypes });
  });
  router.get('/config.json', (_req, res) => {
    res.json({ mapTileUrl });
  });
  router.use(express.static(WEB_DIR, { index: 'index.html' }));
  return router;
}
