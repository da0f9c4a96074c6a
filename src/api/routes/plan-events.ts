import type { Request, Response } from 'express';
import type { PlanEvent, PlanView } from '../../contracts/ports.ts';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one plan: a `status` snapshot first, then `active` / `progress` events,
 * and a final `completed` or `failed` (with the status as data) after which the stream ends.
 * Subscribes before taking the snapshot so no transition falls in between.
 */
export function streamPlanEvents(
  req: Request,
  res: Response,
  source: { watch: (listener: (e: PlanEvent) => void) => () => void; snapshot: () => Promise<PlanView> },
): void {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  let closed = false;
  const send = (event: string, data: unknown) => {
    if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const finish = async () => {
    if (closed) return;
    try {
      const view = await source.snapshot();
      send(view.status, {
        id: view.id,
        status: view.status,
        progress: view.progress,
        ...(view.error ? { error: view.error } : {}),
      });
    } catch {
      send('failed', { error: 'plan disappeared' });
    }
    close();
  };
  const unsubscribe = source.watch((e) => {
    if (e.type === 'progress') send('progress', e.progress);
    else if (e.type === 'active') send('active', {});
    else void finish();
  });
  const heartbeat = setInterval(() => {
    if (!closed) res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  function close() {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  }
  req.on('close', close);
  source
    .snapshot()
    .then((view) => {
      if (view.status === 'completed' || view.status === 'failed') void finish();
      else send('status', { id: view.id, status: view.status, progress: view.progress });
    })
    .catch(() => close());
}
