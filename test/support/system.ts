// The whole product in-process (composition root, real database, built client) for e2e tests.
import { findFreePort } from '../../server/src/adapters/database/find-free-port';
import { loadConfig } from '../../server/src/config/env.config';
import { startSystem, type RunningSystem, type SystemOptions } from '../../server/src/main/composition-root';
import { rootDir } from './server-process';
import { silentLogger } from './http-app';
import { freshDbName, testDbUri } from './test-db';

/** `opts.clock`: a clock the test moves (timers fire when it passes them and runDue is called). */
export async function startTestSystem(env: Record<string, string> = {}, opts: Pick<SystemOptions, 'clock'> = {}): Promise<RunningSystem & { dbName: string }> {
  const dbName = freshDbName('sys');
  const port = await findFreePort();
  const config = loadConfig(
    { NODE_ENV: 'test', MONGODB_URI: testDbUri(), DB_NAME: dbName, PORT: String(port), SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'), ...env },
    rootDir,
  );
  const system = await startSystem(
    config,
    silentLogger,
    (msg) => {
      throw new Error(msg);
    },
    { runWorkers: false, ...opts },
  );
  return {
    ...system,
    dbName,
    async close() {
      await system.conn.dropDatabase().catch(() => undefined);
      await system.close();
    },
  };
}
