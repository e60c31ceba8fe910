// Two servers on one database (TOPOLOGY=shared, issue 19): both serve queues and take completions, one of
// them runs the embedded engine (the lease holder) and the other hands its commands over; when the owner
// dies the other takes over once the lease runs out, reloads from the database, and nothing is lost or
// done twice. Two in-process compositions on one FerretDB database; the owner's "death" leaves its lease
// in place (LeasedEngine.abandon) and its address refusing connections, as a killed process does.
import type { Server } from 'node:http';
import { findFreePort } from '../../../server/src/adapters/database/find-free-port';
import type { LeasedEngine } from '../../../server/src/adapters/engine-embedded/lease/leased-engine';
import { loadConfig } from '../../../server/src/config/env.config';
import { startSystem, type RunningSystem } from '../../../server/src/main/composition-root';
import type { Job } from '../../../server/src/ports/workflow-engine.port';
import { until } from '../../support/demo-sessions';
import { silentLogger } from '../../support/http-app';
import { rootDir } from '../../support/server-process';
import { freshDbName, testDbUri } from '../../support/test-db';
import { linearBpmn } from '../monitor/support/monitor-bpmn';

const INSTANCES = 6;
const LEASE_SECONDS = 2;

describe('two servers on one database', () => {
  const dbName = freshDbName('two');
  const servers: Record<'a' | 'b', RunningSystem> = {} as never;
  const jobRuns: { server: string; type: string; instanceKey: string }[] = [];
  const engine = (s: 'a' | 'b') => servers[s].modules.workflow.engine as LeasedEngine;

  const start = async (name: 'a' | 'b') => {
    const port = await findFreePort();
    const config = loadConfig({
      NODE_ENV: 'test', MONGODB_URI: testDbUri(), DB_NAME: dbName, PORT: String(port), HOST: '127.0.0.1',
      SESSION_SECRET: 'two-servers-secret-'.padEnd(40, 'x'), ENGINE_LEASE_SECONDS: String(LEASE_SECONDS), SERVE_CLIENT: 'false',
    }, rootDir);
    expect(config.TOPOLOGY).toBe('shared'); // the default with a MONGODB_URI
    servers[name] = await startSystem(config, silentLogger, (msg) => { throw new Error(msg); }, { runWorkers: false });
    for (const type of ['count-first', 'count-second']) {
      servers[name].modules.workflow.engine.registerJobHandler(type, async (job: Job) => {
        jobRuns.push({ server: name, type, instanceKey: job.instanceKey });
        return { kind: 'complete' };
      });
    }
  };

  const openTask = (instanceKey: string, elementId: string) => until(`${elementId} of ${instanceKey}`, async () =>
    (await engine('b').listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)?.key);

  beforeAll(async () => {
    await start('a');
    await start('b');
  }, 120_000);

  afterAll(async () => {
    await servers.b?.conn.dropDatabase().catch(() => undefined);
    await servers.b?.close();
    await servers.a?.close();
  });

  it('runs every step once across both servers, and the survivor takes over when the owner dies', async () => {
    // One owner: the server that started first.
    expect([engine('a').isOwner, engine('b').isOwner]).toEqual([true, false]);

    // Deploy through the follower: handed to the owner.
    const [deployed] = await engine('b').deploy([{ name: 'two-servers.bpmn', content: linearBpmn('two-servers', [
      { id: 'first', kind: 'userTask' }, { id: 'countFirst', kind: 'serviceTask', type: 'count-first' },
      { id: 'second', kind: 'userTask' }, { id: 'countSecond', kind: 'serviceTask', type: 'count-second' },
    ]) }]);
    expect(deployed).toMatchObject({ processId: 'two-servers', version: 1 });

    // Instances started on both servers; both serve the queue rows the owner's projection writes.
    const keys: string[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      keys.push((await engine(i % 2 ? 'b' : 'a').startInstance('two-servers', { n: i })).instanceKey);
    }
    const firsts = await Promise.all(keys.map((k) => openTask(k, 'first')));
    for (const s of ['a', 'b'] as const) {
      for (const key of firsts) await until(`queue row ${key} on ${s}`, async () => (await servers[s].modules.tasks.tasks.findById(key)) ?? undefined);
    }

    // Completions on both servers (each also completed a second time: once is once).
    for (const [i, key] of firsts.entries()) {
      const via = engine(i % 2 ? 'b' : 'a');
      await via.completeUserTask(key, { firstDone: i }, { by: 'two-servers-test' });
      await via.completeUserTask(key, { firstDone: i }, { by: 'two-servers-test' });
    }
    const seconds = await Promise.all(keys.map((k) => openTask(k, 'second')));
    expect(jobRuns.filter((r) => r.type === 'count-first').map((r) => r.server)).toEqual(Array(INSTANCES).fill('a'));

    // The owner dies: its lease stays behind, its address refuses connections.
    await closeAbruptly(servers.a.server);
    await engine('a').abandon();

    // A completion asked of the survivor meanwhile waits for the takeover instead of failing.
    const during = engine('b').completeUserTask(seconds[0], { secondDone: 0 }, { by: 'two-servers-test' });
    await until('the survivor to own the engine', async () => (engine('b').isOwner ? true : undefined));
    await during;
    for (const [i, key] of seconds.entries()) await engine('b').completeUserTask(key, { secondDone: i }, { by: 'two-servers-test' });

    // Every instance advanced to its end exactly once: nothing lost, nothing twice.
    const ended = await Promise.all(keys.map((k) => until(`${k} completed`, async () => {
      const inst = await engine('b').getInstance(k);
      return inst?.state === 'completed' ? inst : undefined;
    })));
    expect(ended.map((i) => i.variables.secondDone)).toEqual(keys.map((_, i) => i));
    const tasks = await engine('b').listUserTasks({});
    const ours = tasks.filter((t) => keys.includes(t.instanceKey));
    expect(ours.map((t) => t.state)).toEqual(Array(2 * INSTANCES).fill('completed'));
    expect(jobRuns.filter((r) => r.type === 'count-first').map((r) => r.instanceKey).sort()).toEqual([...keys].sort());
    expect(jobRuns.filter((r) => r.type === 'count-second').map((r) => r.instanceKey).sort()).toEqual([...keys].sort());
    expect(jobRuns.filter((r) => r.type === 'count-second').every((r) => r.server === 'b')).toBe(true);
    // The queue rows agree on both servers' reads.
    for (const key of [...firsts, ...seconds]) expect(await servers.b.modules.tasks.tasks.findById(key)).toMatchObject({ state: 'completed' });
  }, 120_000);
});

async function closeAbruptly(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
