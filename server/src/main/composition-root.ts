// Wires adapters to use cases and the HTTP app. Everything that owns a resource (database child,
// connections, HTTP server) is created here and closed in reverse order by `close()`.
import path from 'node:path';
import type { Server } from 'node:http';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.config';
import type { DatabaseHandle } from '../ports/database.port';
import { resolveDatabase } from '../adapters/database/resolve-database';
import { connectMongo } from '../adapters/mongo/mongo-connection';
import { createApp } from '../http/app';
import { closeGracefully } from '../http/graceful-close';

export interface RunningSystem {
  server: Server;
  url: string;
  database: DatabaseHandle;
  conn: Connection;
  close(): Promise<void>;
}

const version = process.env.npm_package_version ?? '0.1.0';

export async function startSystem(config: AppConfig, logger: Logger, onFatal: (msg: string) => void): Promise<RunningSystem> {
  const database = await resolveDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    rootDir: config.rootDir,
    ferretdbBin: config.FERRETDB_BIN,
    log: (m) => logger.warn(m),
    onUnexpectedExit: (code, signal, tail) =>
      onFatal(`The ${config.MONGODB_URI ? 'database' : 'embedded database'} stopped unexpectedly (code ${code}, signal ${signal}). ${tail.trim()}`),
  });
  logger.info({ kind: database.kind }, 'database ready');
  let conn: Connection;
  try {
    conn = await connectMongo(database.uri, config.DB_NAME);
  } catch (e) {
    await database.close();
    throw e;
  }

  const app = createApp({
    logger,
    bodyLimit: config.BODY_LIMIT,
    health: { isDatabaseReady: () => database.ping(), databaseKind: database.kind, version },
    apiRouters: {},
    clientDir: config.SERVE_CLIENT ? path.join(config.rootDir, 'client', 'dist') : undefined,
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  }).catch(async (e: NodeJS.ErrnoException) => {
    await conn.close();
    await database.close();
    throw new Error(e.code === 'EADDRINUSE' ? `PORT ${config.PORT} is already in use: stop the other process or set PORT` : e.message);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  return {
    server,
    url: `http://localhost:${port}`,
    database,
    conn,
    async close() {
      await closeGracefully(server, config.SHUTDOWN_TIMEOUT_MS);
      await conn.close().catch((e) => logger.error({ err: e }, 'closing database connection failed'));
      await database.close();
    },
  };
}
