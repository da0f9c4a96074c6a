import { createConnection, createServer, type Socket } from 'node:net';

export interface ThrottledProxy {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy to a local Redis whose replies flow at `bytesPerSecond`: a slow link, or a loaded machine, for a
 * real client and a real server. Requests pass unthrottled; every reply chunk holds the next one back for as
 * long as the chunk takes at that rate.
 */
export async function startThrottledProxy(
  redisPort: number,
  bytesPerSecond: number,
): Promise<ThrottledProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ port: redisPort, host: '127.0.0.1' });
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      client.write(chunk);
      setTimeout(() => upstream.resume(), (chunk.length / bytesPerSecond) * 1000);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
