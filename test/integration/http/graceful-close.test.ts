import express from 'express';
import { closeGracefully } from '../../../server/src/http/graceful-close';

describe('graceful shutdown of the HTTP server', () => {
  it('finishes an in-flight request, then refuses new connections', async () => {
    const app = express();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    app.get('/slow', async (_req, res) => {
      await gate;
      res.json({ finished: true });
    });
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = server.address() as { port: number };

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((r) => setTimeout(r, 100)); // the request is now being handled
    let closed = false;
    const closing = closeGracefully(server, 10000).then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false); // waits for the request
    await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow(); // no new connections

    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ finished: true });
    await closing;
    expect(closed).toBe(true);
  });

  it('cuts a stuck request after the timeout', async () => {
    const app = express();
    app.get('/stuck', () => undefined); // never answers
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = server.address() as { port: number };
    const stuck = fetch(`http://127.0.0.1:${port}/stuck`).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    await closeGracefully(server, 200);
    expect(await stuck).toMatchObject({ message: 'fetch failed' }); // the connection was cut
  });
});
