// ENGINE=zeebe with TOPOLOGY=shared (issue 19): two servers on one database and one Camunda 8 cluster (the
// contract fake). The cluster is the engine both use, so neither has an engine lease or an internal command
// route; the database lease still picks the one server that runs the periodic work — the escalation sweep and
// mail delivery, and the task queue's reconciliation with the cluster. When that server dies (its lease left
// behind, as a killed process leaves it) the other takes over once the lease has run out, never before.
import { findFreePort } from '../../server/src/adapters/database/find-free-port';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../server/src/adapters/engine-embedded/embedded-engine';
import type { LeaseLeadership } from '../../server/src/adapters/engine-embedded/lease/lease-leadership';
import { MongoEngineLeaseStore } from '../../server/src/adapters/engine-embedded/lease/mongo-engine-lease.store';
import type { ZeebeEngine } from '../../server/src/adapters/engine-zeebe/zeebe-engine';
import { loadConfig } from '../../server/src/config/env.config';
import { startSystem, type RunningSystem } from '../../server/src/main/composition-root';
import { systemClock } from '../../server/src/ports/clock.port';
import { until } from '../support/demo-sessions';
import { silentLogger } from '../support/http-app';
import { rootDir } from '../support/server-process';
import { freshDbName, openTestDb, testDbUri } from '../support/test-db';
import { startZeebeFake, type ZeebeFake } from './zeebe-fake/zeebe-fake.server';

const LEASE_SECONDS = 2;

describe('ENGINE=zeebe on two servers sharing a database (contract fake)', () => {
  const dbName = freshDbName('zeebe-two');
  const servers: Partial<Record<'a' | 'b', RunningSystem>> = {};
  let cluster: Awaited<ReturnType<typeof openTestDb>>;
  let inner: EmbeddedEngine;
  let fake: ZeebeFake;
  const system = (s: 'a' | 'b') => servers[s]!;
  const leadership = (s: 'a' | 'b') => system(s).modules.workflow.ownership as LeaseLeadership;

  const start = async (name: 'a' | 'b') => {
    const config = loadConfig({
      NODE_ENV: 'test', MONGODB_URI: testDbUri(), DB_NAME: dbName, PORT: String(await findFreePort()), HOST: '127.0.0.1',
      SESSION_SECRET: 'zeebe-two-servers-'.padEnd(40, 'x'), ENGINE_LEASE_SECONDS: String(LEASE_SECONDS), SERVE_CLIENT: 'false',
      ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: fake.url,
    }, rootDir);
    expect(config.TOPOLOGY).toBe('shared');
    // The background workers on, as a server runs them: the lease decides which server's actually run.
    servers[name] = await startSystem(config, silentLogger, (msg) => { throw new Error(msg); });
  };

  beforeAll(async () => {
    cluster = await openTestDb('zeebe-two-cluster');
    inner = createEmbeddedEngine({ conn: cluster.conn, clock: systemClock, pollIntervalMs: 50, jobConcurrency: 64, listenerWaitMs: 10_000 });
    await inner.start();
    fake = await startZeebeFake(inner);
    await start('a');
    await start('b');
  }, 180_000);

  afterAll(async () => {
    await servers.b?.conn.dropDatabase().catch(() => undefined);
    await servers.b?.close();
    await servers.a?.close();
    await fake?.close().catch(() => undefined);
    await inner?.stop();
    await cluster?.drop();
  });

  it('runs the sweep, delivery and reconciliation on one server only, and the other takes over when it dies', async () => {
    // Neither server runs an engine of its own or takes engine commands from the other.
    expect(system('a').modules.internalRouters).toEqual({});
    expect(system('b').modules.internalRouters).toEqual({});
    // The first server holds the lease and runs the periodic work; the second serves and runs job workers only.
    expect([leadership('a').isLeader, leadership('b').isLeader]).toEqual([true, false]);
    expect([system('a').modules.escalation.runsWorker, system('b').modules.escalation.runsWorker]).toEqual([true, false]);
    const reconciledByB = jest.spyOn(system('b').modules.workflow.engine as ZeebeEngine, 'reconcile');

    // The leader dies: its lease stays in the database until it expires.
    const store = new MongoEngineLeaseStore(system('b').conn);
    const before = await store.latest();
    await leadership('a').abandon();
    expect(system('a').modules.escalation.runsWorker).toBe(false);

    await until('the second server to take over', async () => (system('b').modules.escalation.runsWorker ? true : undefined));
    expect(leadership('b').isLeader).toBe(true);
    const after = await store.latest();
    // Taken over by a new epoch, and only once the dead leader's lease had run out: never two leaders at once.
    expect(after).toMatchObject({ epoch: before!.epoch + 1 });
    expect(after!.acquiredAt.getTime()).toBeGreaterThanOrEqual(before!.expiresAt.getTime());
    // The new leader reconciles the task queue with the cluster at once, not at its next 5-minute round.
    await until('the new leader to reconcile', async () => (reconciledByB.mock.calls.length ? true : undefined));
    expect(reconciledByB).toHaveBeenCalledTimes(1);
  }, 60_000);
});
