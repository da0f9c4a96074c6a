import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Router } from 'express';

type ServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

/** Bull Board UI for the given queues, to mount at `basePath` (the API puts it behind the admin role). */
export function bullBoardRouter(queues: readonly Queue[], basePath = '/admin/queues'): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  // @bull-board/express 9.10.1 nests its own @bull-board/api 9.10.1 whose adapter type differs only nominally.
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: serverAdapter as unknown as ServerAdapter,
  });
  return serverAdapter.getRouter() as Router;
}
