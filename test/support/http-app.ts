import type { Server } from 'node:http';
import type express from 'express';
import pino from 'pino';

export const silentLogger = pino({ level: 'silent' });

/** Listens on a free loopback port; returns the base URL and a close function. */
export async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
