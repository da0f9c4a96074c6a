import { Router } from 'express';
import { BUILT_IN_VEHICLE_TYPE_IDS } from '../../contracts/index.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';

/** Read-only reference data seeded from PICON_SEED_FILE: hubs (with fleet), carriers, receivers, vehicle types. */
export function referenceRouter(deps: AppDeps): Router {
  const router = Router();
  const data = deps.reference.data;
  const withFleet = (hub: (typeof data.hubs)[number]) => ({
    ...hub,
    fleet: data.fleet.filter((f) => f.hubId === hub.id),
  });

  router.get('/hubs', (_req, res) => {
    res.json({ hubs: data.hubs.map(withFleet) });
  });
  router.get('/hubs/:hubId', (req, res) => {
    const hub = data.hubs.find((h) => h.id === req.params['hubId']);
    if (!hub) throw new ApiError('NOT_FOUND', `unknown hub "${req.params['hubId']}"`);
    res.json(withFleet(hub));
  });
  router.get('/carriers', (_req, res) => {
    res.json({ carriers: data.carriers });
  });
  router.get('/receivers', (_req, res) => {
    res.json({ receivers: data.receivers });
  });
  router.get('/vehicle-types', (_req, res) => {
    res.json({ builtIn: BUILT_IN_VEHICLE_TYPE_IDS, vehicleTypes: data.vehicleTypes ?? [] });
  });
  return router;
}
