import net from 'node:net';

/** Asks the OS for a free loopback port. Another process could take it before we bind; the
 * database start then fails loudly rather than silently attaching to a stranger's server. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
