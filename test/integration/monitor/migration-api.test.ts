// Instance migration through the API: dry runs that say per element why an instance cannot move (not
// mapped, type change, a message whose definition differs, not a later version), a mapped migration
// after which the same task key completes through the task queue and the instance follows version 2,
// a whole version migrated at once, and the audit trail of each.
import { MONITOR_PROCESS } from './support/monitor-bpmn';
import { startMonitorApi, type MonitorApi } from './support/monitor-api';

describe('instance migration API', () => {
  let api: MonitorApi;
  const start = async (caseRef: string) => (await api.engine.startInstance(MONITOR_PROCESS, { caseRef }, { version: 1 })).instanceKey;
  const openTask = async (instanceKey: string) => (await api.engine.listUserTasks({ instanceKey, state: 'open' }))[0];
  const migrate = (body: Record<string, unknown>, who: 'tm' | 'admin' | 'cm' = 'tm') => api.call('POST', '/migrations', who, body);
  const complete = async (instanceKey: string) => {
    const task = await openTask(instanceKey);
    const r = await api.call('POST', `/tasks/${encodeURIComponent(task.key)}/complete`, 'cm', { data: {} });
    expect(r.status).toBe(200);
    await api.engine.runDue();
    return task;
  };

  beforeAll(async () => { api = await startMonitorApi(); }, 60000);
  afterAll(() => api?.close());

  it('refuses, per element, what cannot be moved: unmapped, type change, earlier version, unknown mapping target', async () => {
    const key = await start('C-refuse');
    const unmapped = await migrate({ instanceKeys: [key], toVersion: 2, dryRun: true });
    expect(unmapped.status).toBe(200);
    expect(unmapped.body.results[0]).toMatchObject({
      instanceKey: key, fromVersion: 1, toVersion: 2, migrated: false,
      problems: [{ elementId: 'review', message: "active element 'review' (userTask) does not exist in version 2 and is not mapped" }],
    });
    const typeChange = await migrate({ instanceKeys: [key], toVersion: 3 });
    expect(typeChange.body.results[0].problems).toEqual([
      { elementId: 'review', message: "'review' (userTask) would become a serviceTask ('review'): an element's type cannot change" },
    ]);
    expect(typeChange.body).toMatchObject({ dryRun: false, migrated: 0, refused: 1 });
    const backwards = await migrate({ instanceKeys: [key], toVersion: 1, dryRun: true });
    expect(backwards.body.results[0].problems[0].message).toBe("the target version must be later than the instance's version 1");
    const badTarget = await migrate({ instanceKeys: [key], toVersion: 2, mapping: { review: 'nowhere' }, dryRun: true });
    expect(badTarget.body.results[0].problems[0].message).toBe("mapping target 'nowhere' is not an element of version 2");
    const missing = await migrate({ instanceKeys: ['no-such-instance'], toVersion: 2, dryRun: true });
    expect(missing.body.results[0].problems[0].message).toMatch(/does not exist/);
    expect((await api.engine.getInstance(key))?.version).toBe(1);
  });

  it('a dry run with a mapping changes nothing; executing it moves the task, which still completes, onto version 2', async () => {
    const key = await start('C-move');
    const before = await openTask(key);
    const dry = await migrate({ instanceKeys: [key], toVersion: 2, mapping: { review: 'triage' }, dryRun: true });
    expect(dry.body.results[0]).toMatchObject({ migrated: false, problems: [], applied: { review: 'triage' } });
    expect((await api.engine.getInstance(key))?.version).toBe(1);

    const done = await migrate({ instanceKeys: [key], toVersion: 2, mapping: { review: 'triage' } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, migrated: 1, refused: 0 });
    const detail = await api.call('GET', `/instances/${key}`, 'tm');
    expect(detail.body).toMatchObject({ version: 2, state: 'active', activeElementIds: ['triage'] });
    const task = await api.engine.getUserTask(before.key);
    expect(task).toMatchObject({ key: before.key, elementId: 'triage', processVersion: 2, name: 'Triage referral', state: 'open' });
    expect(await api.tasks.findById(before.key)).toMatchObject({ elementId: 'triage', processVersion: 2, name: 'Triage referral', state: 'open' }); // the queue
    expect((await api.call('GET', `/instances/overview?processId=${MONITOR_PROCESS}&version=2`, 'tm')).body.counts)
      .toContainEqual({ elementId: 'triage', active: 1, incidents: 0 });

    await complete(key); // through the task queue, with the key it had on version 1
    expect((await api.tasks.findById(before.key))?.state).toBe('completed');
    const next = await openTask(key);
    expect(next).toMatchObject({ elementId: 'approve', processVersion: 2 }); // a step only version 2 has
    const audit = api.audit.find((e) => e.action === 'instance.migrate' && (e.after as any).instanceKeys.includes(key) && (e.after as any).migrated.length);
    expect(audit).toMatchObject({ actor: { id: 'tm-1' }, after: { toVersion: 2, mapping: { review: 'triage' }, fromVersions: [1], migrated: [key] } });
    expect(api.audit.some((e) => e.action === 'instance.migrate-check' && (e.after as any).instanceKeys.includes(key))).toBe(true);
  });

  it('an instance waiting on a message moves when the message is unchanged and is refused when it differs', async () => {
    const key = await start('C-wait');
    await complete(key);
    expect((await api.engine.getInstance(key))?.activeElementIds).toEqual(['waitOutcome']);
    const changed = await migrate({ instanceKeys: [key], toVersion: 3, dryRun: true });
    expect(changed.body.results[0].problems).toEqual([
      { elementId: 'waitOutcome', message: "'waitOutcome' (intermediateCatchEvent) waits on a message ('waitOutcome') whose definition differs in version 3 ('waitOutcome')" },
    ]);
    const same = await migrate({ instanceKeys: [key], toVersion: 2 });
    expect(same.body.results[0]).toMatchObject({ migrated: true, applied: { waitOutcome: 'waitOutcome' } });
    const sent = await api.call('POST', '/messages', 'tm', { name: 'court-outcome', correlationKey: 'C-wait' });
    expect(sent.body.correlated).toBe(true);
    expect((await api.engine.getInstance(key))).toMatchObject({ version: 2, state: 'completed' });
  });

  it('migrates every running instance of a version at once, reporting the ones it refuses', async () => {
    const a = await start('C-batch-a');
    const b = await start('C-batch-b');
    const stuck = await start('C-batch-stuck');
    api.checkOutcome.next = { kind: 'fail', message: 'down' };
    await complete(stuck);
    api.checkOutcome.next = { kind: 'complete' };
    const r = await migrate({ processId: MONITOR_PROCESS, fromVersion: 1, toVersion: 2, mapping: { review: 'triage' } }, 'admin');
    expect(r.status).toBe(200);
    const byKey = Object.fromEntries(r.body.results.map((x: any) => [x.instanceKey, x]));
    expect(byKey[a].migrated && byKey[b].migrated).toBe(true);
    expect(byKey[stuck].problems).toEqual([{ elementId: 'check', message: "'check' (serviceTask) has an open incident: resolve it before migrating" }]);
    const left = await api.call('GET', `/instances?processId=${MONITOR_PROCESS}&version=1&state=active`, 'tm');
    expect(left.body.items.map((i: any) => i.key)).not.toEqual(expect.arrayContaining([a, b]));
  });

  it('is for managers and administrators only', async () => {
    const key = await start('C-403');
    const r = await migrate({ instanceKeys: [key], toVersion: 2, mapping: { review: 'triage' } }, 'cm');
    expect(r.status).toBe(403);
    expect((await api.engine.getInstance(key))?.version).toBe(1);
  });
});
