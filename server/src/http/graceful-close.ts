import type { Server } from 'node:http';

/**
 * Stops accepting connections, lets in-flight requests finish, and closes idle keep-alive sockets
 * at once (otherwise a browser's idle connection holds shutdown open). After `timeoutMs` the
 * remaining connections are cut so a stuck request cannot block a deploy forever.
 */
export function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
