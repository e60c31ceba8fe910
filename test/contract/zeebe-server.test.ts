// ENGINE=zeebe through the whole product (composition root, real sessions and CSRF, the shipped processes
// and forms) against the contract fake of the Camunda 8.8 REST API (zeebe-fake/, docs/zeebe.md): the server
// deploys what it ships to the cluster at start, a referral's tasks reach the queue through the task-sync
// listener, completing one through the API moves the process on in the cluster, and /readyz follows the
// cluster. The test drives the server's job worker itself (runDue) rather than wait for its polling.
import { createEmbeddedEngine, type EmbeddedEngine } from '../../server/src/adapters/engine-embedded/embedded-engine';
import { ZeebeEngine } from '../../server/src/adapters/engine-zeebe/zeebe-engine';
import { systemClock } from '../../server/src/ports/clock.port';
import { demoSessions, until } from '../support/demo-sessions';
import { startTestSystem } from '../support/system';
import { openTestDb } from '../support/test-db';
import { startZeebeFake, type ZeebeFake } from './zeebe-fake/zeebe-fake.server';

describe('ENGINE=zeebe: the server on a Camunda 8 cluster (contract fake)', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let fake: ZeebeFake;
  let inner: EmbeddedEngine;
  let db: Awaited<ReturnType<typeof openTestDb>>;
  const { call, signIn } = demoSessions(() => system.url);
  const engine = () => system.modules.workflow.engine as ZeebeEngine;
  const readyz = async () => { const res = await fetch(`${system.url}/readyz`); return { status: res.status, body: await res.json() }; };
  /** Waits for `probe`, running the jobs the cluster holds for this server meanwhile. */
  const settled = <T>(what: string, probe: () => Promise<T | undefined>) => until(what, async () => { await engine().runDue(); return probe(); });
  const openTask = (instanceKey: string, elementId: string) => settled(`${elementId} in the queue`, async () => {
    const task = (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId);
    return task && (await system.modules.tasks.tasks.findById(task.key)) ? task.key : undefined;
  });

  beforeAll(async () => {
    db = await openTestDb('zeebe-cluster');
    inner = createEmbeddedEngine({ conn: db.conn, clock: systemClock, pollIntervalMs: 50, jobConcurrency: 64, listenerWaitMs: 10_000 });
    await inner.start();
    fake = await startZeebeFake(inner);
    system = await startTestSystem({ ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: fake.url });
    await signIn('cara.case');
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    await fake?.close().catch(() => undefined);
    await inner?.stop();
    await db?.drop();
  });

  it('is ready, with no engine commands between servers, and deployed every shipped process and its linked forms to the cluster at start', async () => {
    expect(await readyz()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', engine: { kind: 'zeebe', ready: true } }) });
    // TOPOLOGY=shared (a MONGODB_URI): the work lease picks who sweeps (zeebe-two-servers.test.ts); a lone server holds it.
    expect(system.modules.workflow.ownership).toMatchObject({ isLeader: true });
    expect(system.modules.internalRouters).toEqual({});
    const shipped = (await inner.listDeployments()).map((d) => d.processId);
    expect(shipped).toEqual(expect.arrayContaining(['referral-intake', 'case-closure', 'yro-supervision', 'subject-access-request']));
    expect((await engine().listDeployments('referral-intake')).map((d) => d.version)).toEqual([1]);
    expect(fake.calls.get('createDeployment')).toBe(1);
  });

  it('a referral started through the API puts its first task in the queue; completing it through the API moves the process on', async () => {
    const created = await call('cara.case', 'POST', '/cases', { givenName: 'Zed', familyName: 'Cluster', dateOfBirth: '2011-05-04', team: 'north', referralSource: 'court' });
    expect(created.status).toBe(201);
    const started = await call('cara.case', 'POST', `/cases/${encodeURIComponent(created.body.id)}/processes`, {
      processId: 'referral-intake',
      variables: { referralReceivedAt: new Date().toISOString(), referralSource: 'court', matchOutcome: 'new', givenName: 'Zed', familyName: 'Cluster', dateOfBirth: '2011-05-04' },
    });
    expect(started.status).toBe(201);
    const match = await openTask(started.body.instanceKey, 'matchPerson');
    const page = await call('cara.case', 'GET', `/tasks/${encodeURIComponent(match)}`);
    expect(page.status).toBe(200);
    expect(page.body.formVariables).toMatchObject({ givenName: 'Zed', familyName: 'Cluster' });
    // The completion waits for the cluster's completing listener, whose job this server's worker runs.
    let done = false;
    const completing = call('cara.case', 'POST', `/tasks/${encodeURIComponent(match)}/complete`, { data: page.body.formVariables }).finally(() => { done = true; });
    await settled('the completion', async () => (done ? true : undefined));
    expect((await completing).status).toBe(200);
    expect((await system.modules.tasks.tasks.findById(match))?.state).toBe('completed');
    expect(await openTask(started.body.instanceKey, 'checkSocialCare')).toMatch(/^\d+$/);
    expect((await engine().getUserTask(match))?.state).toBe('completed'); // as the cluster has it
    // The timeline names element types as the port does (userTask, not Zeebe's USER_TASK).
    expect((await engine().getInstance(started.body.instanceKey))?.timeline).toContainEqual(expect.objectContaining({ elementId: 'matchPerson', elementType: 'userTask', event: 'completed' }));
  });

  it('the monitor says what Camunda 8 cannot show rather than leave its fields empty', async () => {
    await signIn('tom.manager');
    const res = await call('tom.manager', 'GET', '/instances/processes');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { processId: string }) => p.processId)).toContain('referral-intake');
    expect(res.body.notShown).toContain('When each version was deployed, by whom and with what comment: Camunda 8 does not keep these.');
  });

  it('the adapter sent the cluster nothing the 8.8 protocol refuses', () => {
    expect(fake.violations).toEqual([]);
  });

  it('once the cluster stops answering, /readyz is 503 with a reason naming its address', async () => {
    await fake.close();
    const notReady = await until('readyz 503', async () => { const r = await readyz(); return r.status === 503 ? r : undefined; });
    expect(notReady.body.status).toBe('not-ready');
    expect(notReady.body.reason).toBe(`The Camunda 8 cluster at ${fake.url} (ZEEBE_REST_ADDRESS) does not answer.`);
    expect(notReady.body.database.ready).toBe(true);
  });

  it('a server started while the cluster does not answer refuses to start, naming the address, and does not fall back', async () => {
    await expect(startTestSystem({ ENGINE: 'zeebe', ZEEBE_REST_ADDRESS: fake.url })).rejects.toThrow(
      new RegExp(`^ENGINE=zeebe: the Camunda 8 cluster at ${fake.url.replace(/[.]/g, '\\.')} \\(ZEEBE_REST_ADDRESS\\) cannot be reached: .*does not fall back to the embedded engine`),
    );
  });
});
