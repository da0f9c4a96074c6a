import { Router } from 'express';
import type { Hub } from '../../contracts/index.ts';
import { BUILT_IN_VEHICLE_TYPE_IDS } from '../../contracts/index.ts';
import { ApiError } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { allow } from '../route-table.ts';
import type { ReferenceData } from '../../contracts/ports.ts';
import { carriersResponseSchema, hubsResponseSchema, receiversResponseSchema } from '../schemas.ts';
import { parseWith } from '../validate.ts';

/**
 * Reference data: hubs (with fleet), carriers, receivers, vehicle types. Seeded from PICON_SEED_FILE at start;
 * an admin may replace the hubs, carriers or receivers list (PUT, whole list), which every API process then
 * serves, as they share the store.
 */
export function referenceRouter(deps: AppDeps): Router {
  const router = Router();
  const withFleet = (data: ReferenceData) => (hub: Hub) => ({
    ...hub,
    fleet: data.fleet.filter((f) => f.hubId === hub.id),
  });
  const current = async () => (await deps.reference.current()).data;

  router.get('/hubs', allow('GET /v1/hubs'), async (_req, res) => {
    const data = await current();
    res.json({ hubs: data.hubs.map(withFleet(data)) });
  });
  router.get('/hubs/:hubId', allow('GET /v1/hubs/:hubId'), async (req, res) => {
    const data = await current();
    const hub = data.hubs.find((h) => h.id === req.params['hubId']);
    if (!hub) throw new ApiError('NOT_FOUND', `unknown hub "${req.params['hubId']}"`);
    res.json(withFleet(data)(hub));
  });
  router.get('/carriers', allow('GET /v1/carriers'), async (_req, res) => {
    res.json({ carriers: (await current()).carriers });
  });
  router.get('/receivers', allow('GET /v1/receivers'), async (_req, res) => {
    res.json({ receivers: (await current()).receivers });
  });
  router.get('/vehicle-types', allow('GET /v1/vehicle-types'), async (_req, res) => {
    res.json({ builtIn: BUILT_IN_VEHICLE_TYPE_IDS, vehicleTypes: (await current()).vehicleTypes ?? [] });
  });

  router.put('/hubs', allow('PUT /v1/hubs'), async (req, res) => {
    const { hubs } = parseWith(hubsResponseSchema, req.body);
    hubs.forEach((h, i) =>
      h.fleet.forEach((f, j) => {
        if (f.hubId !== h.id)
          throw new ApiError('VALIDATION_FAILED', 'invalid request body', [
            {
              path: `hubs[${i}].fleet[${j}].hubId`,
              message: `expected "${h.id}", the hub it is listed under`,
            },
          ]);
      }),
    );
    const data = (
      await deps.reference.replace({
        hubs: hubs.map(({ fleet: _fleet, ...hub }) => hub),
        fleet: hubs.flatMap((h) => h.fleet),
      })
    ).data;
    res.json({ hubs: data.hubs.map(withFleet(data)) });
  });
  router.put('/carriers', allow('PUT /v1/carriers'), async (req, res) => {
    const { carriers } = parseWith(carriersResponseSchema, req.body);
    res.json({ carriers: (await deps.reference.replace({ carriers })).data.carriers });
  });
  router.put('/receivers', allow('PUT /v1/receivers'), async (req, res) => {
    const { receivers } = parseWith(receiversResponseSchema, req.body);
    res.json({ receivers: (await deps.reference.replace({ receivers })).data.receivers });
  });
  return router;
}
