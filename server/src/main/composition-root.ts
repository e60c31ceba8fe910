// Wires adapters to use cases and the HTTP app. Everything that owns a resource (database child,
// connection, engine pollers, mail workers, HTTP server) is created here and closed in reverse order.
import path from 'node:path';
import type { Server } from 'node:http';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.config';
import { systemClock, type Clock } from '../ports/clock.port';
import type { DatabaseHandle } from '../ports/database.port';
import { resolveDatabase } from '../adapters/database/resolve-database';
import { connectMongo } from '../adapters/mongo/mongo-connection';
import { onUpgradedWrite } from '../adapters/mongo/acknowledged-writes';
import { createApp } from '../http/app';
import { closeGracefully } from '../http/graceful-close';
import { createDatabaseLifecycle } from './database-lifecycle';
import { buildModules, type Modules } from './modules/build-modules';

export interface RunningSystem {
  server: Server;
  url: string;
  database: DatabaseHandle;
  conn: Connection;
  modules: Modules;
  close(): Promise<void>;
}

const version = process.env.npm_package_version ?? '0.1.0';

export interface SystemOptions {
  clock?: Clock;
  /** Background workers (escalation sweeps, mail delivery); default on. */
  runWorkers?: boolean;
}

export async function startSystem(config: AppConfig, logger: Logger, onFatal: (msg: string) => void, opts: SystemOptions = {}): Promise<RunningSystem> {
  const clock = opts.clock ?? systemClock;
  const lifecycle = createDatabaseLifecycle(config, logger, onFatal);
  const database = await resolveDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    rootDir: config.rootDir,
    ferretdbBin: config.FERRETDB_BIN,
    syncEachCommit: config.EMBEDDED_DB_SYNC === 'commit',
    log: (m) => logger.warn(m),
    ...lifecycle.resolveOptions(), // the embedded child is restarted when it exits; an external one is fatal
  });
  logger.info({ kind: database.kind }, 'database ready');

  let conn: Connection | undefined;
  let modules: Modules | undefined;
  let stopWarning: () => void = () => undefined;
  const release = async () => {
    lifecycle.detach();
    stopWarning();
    await modules?.stop().catch((e) => logger.error({ err: e }, 'stopping modules failed'));
    await conn?.close().catch((e) => logger.error({ err: e }, 'closing database connection failed'));
    await database.close();
  };

  let server: Server;
  try {
    conn = await connectMongo(database.uri, config.DB_NAME, { kind: database.kind });
    stopWarning = onUpgradedWrite((w) => logger.warn({ command: w.command, origin: w.origin }, 'an unacknowledged write (w: 0) was asked for and sent acknowledged instead'));
    modules = await buildModules({ config, conn, clock, logger: lifecycle.moduleLogger, runWorkers: opts.runWorkers });
    const built = modules;
    lifecycle.attach(conn, () => built.reload());
    const app = createApp({
      logger,
      bodyLimit: config.BODY_LIMIT,
      trustProxy: config.TRUST_PROXY,
      // ENGINE=zeebe: /readyz also says when the cluster does not answer.
      health: { ...lifecycle.health(database, conn, version), engineProblem: modules.workflow.engineReadiness },
      apiMiddleware: modules.apiMiddleware,
      apiRouters: modules.apiRouters,
      internalRouters: modules.internalRouters,
      clientDir: config.SERVE_CLIENT ? path.join(config.rootDir, 'client', 'dist') : undefined,
    });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.PORT, config.HOST, () => resolve(s));
      s.once('error', (e: NodeJS.ErrnoException) =>
        reject(e.code === 'EADDRINUSE' ? new Error(`PORT ${config.PORT} is already in use: stop the other process or set PORT`) : e),
      );
    });
    await modules.start();
  } catch (e) {
    await release();
    throw e;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  return {
    server,
    url: `http://localhost:${port}`,
    database,
    conn,
    modules,
    async close() {
      await closeGracefully(server, config.SHUTDOWN_TIMEOUT_MS);
      await release();
    },
  };
}
