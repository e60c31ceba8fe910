// Preload for database-kill-probe.ts (KILL_PROBE_WIDEN_MS): every connection check-out of the server's MongoDB
// driver resolves that many ms late, as on a loaded event loop, so a database killed mid-traffic often closes a
// connection between its check-out and the command's write — the window of issue 15's hang.
const { createRequire } = require('node:module');
const path = require('node:path');
const fromServer = createRequire(path.join(process.cwd(), 'package.json'));
const { ConnectionPool } = fromServer(fromServer.resolve('mongodb/lib/cmap/connection_pool', { paths: [path.dirname(fromServer.resolve('mongoose'))] }));
const ms = Number(process.env.KILL_PROBE_WIDEN_MS);
const checkOut = ConnectionPool.prototype.checkOut;
ConnectionPool.prototype.checkOut = async function (...args) {
  const conn = await checkOut.apply(this, args);
  await new Promise((r) => setTimeout(r, ms));
  return conn;
};
