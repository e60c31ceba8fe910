// The instance monitor through the API: per-element counts over two versions, lists by state, one
// instance with its path, timeline and variables (Health withheld from a role that may not read it),
// cancel with a reason, an incident from a failing job resolved so the instance moves on, a message that
// correlates, 403 for case managers and 4xx for bad input.
import { MONITOR_PROCESS } from './support/monitor-bpmn';
import { startMonitorApi, type MonitorApi } from './support/monitor-api';

describe('instance monitor API', () => {
  let api: MonitorApi;
  const keys: Record<string, string> = {};
  const start = async (name: string, version: number) => {
    const r = await api.engine.startInstance(MONITOR_PROCESS, { caseRef: `C-${name}`, healthNotes: 'asthma, inhaler', outcomeNote: 'none' }, { version });
    keys[name] = r.instanceKey;
  };
  const taskOf = async (instanceKey: string) => (await api.engine.listUserTasks({ instanceKey, state: 'open' }))[0];
  const counts = async (version: number) => {
    const r = await api.call('GET', `/instances/overview?processId=${MONITOR_PROCESS}&version=${version}`, 'tm');
    expect(r.status).toBe(200);
    return Object.fromEntries(r.body.counts.map((c: any) => [c.elementId, [c.active, c.incidents]]));
  };

  beforeAll(async () => {
    api = await startMonitorApi();
    await start('a1', 1);
    await start('a2', 1);
    await start('a3', 1);
    await start('b1', 2);
  }, 60000);
  afterAll(() => api?.close());

  it('counts running instances per element for each version, with the diagram', async () => {
    expect(await counts(1)).toEqual({ review: [3, 0] });
    expect(await counts(2)).toEqual({ triage: [1, 0] });
    const r = await api.call('GET', `/instances/overview?processId=${MONITOR_PROCESS}&version=1`, 'tm');
    expect(r.body.xml).toContain('<bpmndi:BPMNShape id="review_di"');
    expect(r.body.totals).toEqual({ active: 3, incidents: 0 });
    const versions = await api.call('GET', '/instances/processes', 'admin');
    const demo = versions.body.items.find((p: any) => p.processId === MONITOR_PROCESS);
    expect(demo.versions.map((v: any) => [v.version, v.activeInstances])).toEqual([[3, 0], [2, 1], [1, 3]]);
  });

  it('a failing job raises an incident; resolving it through the API retries the job and the instance moves on', async () => {
    api.checkOutcome.next = { kind: 'fail', message: 'court system unavailable' };
    const done = await api.call('POST', `/tasks/${encodeURIComponent((await taskOf(keys.a2)).key)}/complete`, 'cm', { data: {} });
    expect(done.status).toBe(200);
    await api.engine.runDue();
    expect(await counts(1)).toEqual({ review: [2, 0], check: [1, 1] });
    const stuck = await api.call('GET', `/instances?processId=${MONITOR_PROCESS}&state=incident`, 'tm');
    expect(stuck.body.items.map((i: any) => i.key)).toEqual([keys.a2]);
    const detail = await api.call('GET', `/instances/${keys.a2}`, 'tm');
    expect(detail.body.state).toBe('incident');
    expect(detail.body.actions.resolve).toBe(true);
    const incident = detail.body.incidents.find((i: any) => i.state === 'open');
    expect(incident).toMatchObject({ elementId: 'check', type: 'job-failed', message: expect.stringContaining('court system unavailable') });

    api.checkOutcome.next = { kind: 'complete' };
    const resolved = await api.call('POST', `/incidents/${encodeURIComponent(incident.id)}/resolve`, 'tm', {});
    expect(resolved.status).toBe(200);
    await api.engine.runDue();
    const after = await api.call('GET', `/instances/${keys.a2}`, 'tm');
    expect(after.body.state).toBe('active');
    expect(after.body.activeElementIds).toEqual(['waitOutcome']);
    expect(after.body.path.completedElementIds).toEqual(expect.arrayContaining(['start', 'review', 'check']));
    expect(after.body.path.takenFlowIds).toEqual(expect.arrayContaining(['f_start_review', 'f_review_check', 'f_check_waitOutcome']));
    expect(api.audit.some((e) => e.action === 'incident.resolve' && e.recordId === keys.a2 && e.actor.id === 'tm-1')).toBe(true);
    const again = await api.call('POST', `/incidents/${encodeURIComponent(incident.id)}/resolve`, 'tm', {});
    expect(again.status).toBe(404);
  });

  it('a published message correlates with the waiting instance and completes it', async () => {
    const sent = await api.call('POST', '/messages', 'tm', { name: 'court-outcome', correlationKey: `C-a2`, variables: { outcomeNote: 'referral order, 6 months' } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ correlated: true });
    const after = await api.call('GET', `/instances/${keys.a2}`, 'tm');
    expect(after.body.state).toBe('completed');
    expect(after.body.variables.outcomeNote).toBe('referral order, 6 months');
    expect(after.body.timeline.map((t: any) => `${t.elementId}:${t.event}`)).toEqual(expect.arrayContaining(['waitOutcome:completed', 'end:completed']));
    // A message that would reach nothing is not published; nor is one kept for a later subscriber, whose case
    // cannot be judged now.
    const nobody = await api.call('POST', '/messages', 'tm', { name: 'court-outcome', correlationKey: 'C-nobody' });
    expect([nobody.status, nobody.body.error.code]).toEqual([404, 'MESSAGE_NO_RECIPIENT']);
    const kept = await api.call('POST', '/messages', 'tm', { name: 'court-outcome', correlationKey: 'C-a1', ttlMs: 60_000 });
    expect([kept.status, kept.body.error.code]).toEqual([422, 'MESSAGE_TTL_NOT_ALLOWED']);
    expect(api.audit.filter((e) => e.action === 'message.publish').map((e) => e.recordId)).toEqual(['court-outcome/C-a2']);
    // A case manager may send messages, but not Health answers with them.
    const health = await api.call('POST', '/messages', 'cm', { name: 'court-outcome', correlationKey: 'C-a1', variables: { healthNotes: 'x' } });
    expect(health.status).toBe(403);
    expect(health.body.error.code).toBe('SECTION_NOT_WRITABLE');
  });

  it('shows one instance with its variables, withholding Health from a role that may not read it', async () => {
    const tm = await api.call('GET', `/instances/${keys.a1}`, 'tm');
    expect(tm.status).toBe(200);
    expect(tm.body.variables).toMatchObject({ caseRef: 'C-a1', healthNotes: 'asthma, inhaler' });
    expect(tm.body.withheldVariables).toEqual([]);
    expect(tm.body.openTasks.map((t: any) => t.elementId)).toEqual(['review']);
    const admin = await api.call('GET', `/instances/${keys.a1}`, 'admin');
    expect(admin.status).toBe(200);
    expect(admin.body.variables).toEqual({ caseRef: 'C-a1', outcomeNote: 'none' });
    expect(admin.body.withheldVariables).toEqual([{ key: 'healthNotes', sections: ['health'] }]);
    expect(JSON.stringify(admin.body)).not.toContain('asthma');
    expect(admin.body.actions).toMatchObject({ cancel: false, migrate: true });
    expect(api.audit.some((e) => e.action === 'instance.read' && e.actor.id === 'admin-1' && (e.after as any)?.withheldVariables?.includes('healthNotes'))).toBe(true);
  });

  it("scopes every read and action to the instance's case (its caseId variable) and its team", async () => {
    const record = (id: string, team: string) => ({
      id, team, status: 'open', createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'cm-1',
      identity: { nameKey: `child${id}`, dateOfBirth: '2010-01-01', displayName: `Child ${id}` }, sections: {},
    });
    await api.cases.create(record('YJ-EAST', 'east') as never, []);
    await api.cases.create(record('YJ-WEST', 'west') as never, []);
    api.checkOutcome.next = { kind: 'complete' };
    // Version 3 runs on its own to the message wait; the business key names the other team's case, to show
    // it decides nothing: the case is the caseId variable.
    const on = async (caseId: string, caseRef: string, businessKey?: string) => {
      const { instanceKey } = await api.engine.startInstance(MONITOR_PROCESS, { caseId, caseRef, healthNotes: 'asthma' }, { version: 3, ...(businessKey ? { businessKey } : {}) });
      await api.engine.runDue();
      expect((await api.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['waitOutcome']);
      return instanceKey;
    };
    const east = await on('YJ-EAST', 'K-EAST', 'YJ-WEST');
    const west = await on('YJ-WEST', 'K-WEST', 'YJ-EAST');
    const sharedEast = await on('YJ-EAST', 'K-SHARED');
    const sharedWest = await on('YJ-WEST', 'K-SHARED');

    const own = await api.call('GET', `/instances/${east}`, 'tm');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ caseId: 'YJ-EAST', variables: { caseRef: 'K-EAST', healthNotes: 'asthma' } });
    const listed = await api.call('GET', `/instances?processId=${MONITOR_PROCESS}&version=3&limit=200`, 'tm');
    expect(listed.body.items.map((i: any) => i.key).sort()).toEqual([east, sharedEast].sort());
    expect(listed.body.total).toBe(2);
    expect(listed.body.items.every((i: any) => i.caseId === 'YJ-EAST')).toBe(true);

    // Another team's instance: not found for reads and for every action, and nothing changes.
    const other = await api.call('GET', `/instances/${west}`, 'tm');
    expect([other.status, other.body.error.code]).toEqual([404, 'INSTANCE_NOT_FOUND']);
    expect(JSON.stringify(other.body)).not.toContain('asthma');
    expect((await api.call('POST', `/instances/${west}/cancel`, 'tm', { reason: 'not mine' })).status).toBe(404);
    const moved = await api.call('POST', '/migrations', 'tm', { instanceKeys: [west], toVersion: 4, dryRun: true });
    expect(moved.body.results[0].problems).toEqual([{ message: `process instance '${west}' does not exist` }]);
    expect((await api.call('GET', `/instances/${west}`, 'cm')).status).toBe(403); // no monitor role at all

    // Messages reach only what the sender may act on: all of it, or nothing is sent.
    const foreign = await api.call('POST', '/messages', 'tm', { name: 'court-result', correlationKey: 'K-WEST' });
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'MESSAGE_NO_RECIPIENT']);
    const mixed = await api.call('POST', '/messages', 'cm', { name: 'court-result', correlationKey: 'K-SHARED' });
    expect([mixed.status, mixed.body.error.code]).toEqual([404, 'MESSAGE_NO_RECIPIENT']);
    const fromWest = await api.call('POST', '/messages', 'west', { name: 'court-result', correlationKey: 'K-EAST' });
    expect(fromWest.status).toBe(404);
    for (const key of [west, sharedEast, sharedWest, east]) expect((await api.engine.getInstance(key))?.state).toBe('active');
    const mine = await api.call('POST', '/messages', 'cm', { name: 'court-result', correlationKey: 'K-EAST' });
    expect([mine.status, mine.body.correlated]).toEqual([200, true]);
    expect((await api.engine.getInstance(east))?.state).toBe('completed');
    expect(api.audit.find((e) => e.action === 'message.publish' && e.recordId === 'court-result/K-EAST')?.after).toMatchObject({ caseIds: ['YJ-EAST'] });
    const westOwn = await api.call('POST', '/messages', 'west', { name: 'court-result', correlationKey: 'K-WEST' });
    expect([westOwn.status, westOwn.body.correlated]).toEqual([200, true]);

    // "Every running instance of a version" is every one within reach.
    const byVersion = await api.call('POST', '/migrations', 'tm', { processId: MONITOR_PROCESS, fromVersion: 3, toVersion: 4, dryRun: true });
    expect(byVersion.body.results.map((r: any) => r.instanceKey)).toEqual([sharedEast]);

    // Another team's incident cannot be retried (nor seen): not found, and it stays open.
    api.checkOutcome.next = { kind: 'fail', message: 'court system unavailable' };
    const stuck = (await api.engine.startInstance(MONITOR_PROCESS, { caseId: 'YJ-WEST', caseRef: 'K-STUCK' }, { version: 3 })).instanceKey;
    await api.engine.runDue();
    const [incident] = await api.engine.listIncidents({ instanceKey: stuck, state: 'open' });
    api.checkOutcome.next = { kind: 'complete' };
    const retry = await api.call('POST', `/incidents/${encodeURIComponent(incident.id)}/resolve`, 'tm', {});
    expect([retry.status, retry.body.error.code]).toEqual([404, 'INCIDENT_NOT_FOUND']);
    await api.engine.runDue();
    expect((await api.engine.getInstance(stuck))?.state).toBe('incident');
  });

  it('cancel needs a reason (400 without), is audited, and ends the instance and its task', async () => {
    expect((await api.call('POST', `/instances/${keys.a3}/cancel`, 'tm', {})).status).toBe(400);
    const blank = await api.call('POST', `/instances/${keys.a3}/cancel`, 'tm', { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/reason is required/);
    expect((await api.call('GET', `/instances/${keys.a3}`, 'tm')).body.state).toBe('active');
    const task = await taskOf(keys.a3);
    const ok = await api.call('POST', `/instances/${keys.a3}/cancel`, 'tm', { reason: 'Duplicate referral' });
    expect(ok.status).toBe(200);
    expect((await api.call('GET', `/instances/${keys.a3}`, 'tm')).body.state).toBe('cancelled');
    expect((await api.tasks.findById(task.key))?.state).toBe('cancelled');
    expect(api.audit.find((e) => e.action === 'instance.cancel')).toMatchObject({ recordId: keys.a3, reason: 'Duplicate referral', actor: { id: 'tm-1' } });
    expect((await api.call('POST', `/instances/${keys.a3}/cancel`, 'tm', { reason: 'again' })).status).toBe(409);
    expect((await api.call('POST', `/instances/${keys.a1}/cancel`, 'admin', { reason: 'not allowed' })).status).toBe(403);
    const cancelled = await api.call('GET', `/instances?processId=${MONITOR_PROCESS}&version=1&state=cancelled`, 'tm');
    expect(cancelled.body.items.map((i: any) => i.key)).toEqual([keys.a3]);
  });

  it('refuses case managers every monitor route (403) and changes nothing', async () => {
    const incident = 'x.i1';
    const calls: [string, string, unknown?][] = [
      ['GET', '/instances/processes'],
      ['GET', `/instances/overview?processId=${MONITOR_PROCESS}&version=1`],
      ['GET', `/instances?processId=${MONITOR_PROCESS}`],
      ['GET', `/instances/${keys.a1}`],
      ['POST', `/instances/${keys.a1}/cancel`, { reason: 'mine now' }],
      ['POST', `/incidents/${incident}/resolve`, {}],
      ['POST', '/migrations', { instanceKeys: [keys.a1], toVersion: 2, mapping: { review: 'triage' } }],
    ];
    for (const [method, url, body] of calls) {
      const r = await api.call(method, url, 'cm', body);
      expect([url, r.status]).toEqual([url, 403]);
    }
    expect((await api.engine.getInstance(keys.a1))?.state).toBe('active');
    expect((await api.call('GET', '/instances/processes', undefined)).status).toBe(401);
  });

  it('answers bad input with an actionable 4xx', async () => {
    const unknownParam = await api.call('GET', `/instances?processId=${MONITOR_PROCESS}&colour=red`, 'tm');
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.error.message).toMatch(/colour/);
    expect((await api.call('GET', `/instances?processId=${MONITOR_PROCESS}&state=sleeping`, 'tm')).status).toBe(400);
    expect((await api.call('GET', `/instances/overview?processId=${MONITOR_PROCESS}&version=abc`, 'tm')).status).toBe(400);
    expect((await api.call('GET', `/instances/overview?processId=${MONITOR_PROCESS}&version=99`, 'tm')).status).toBe(404);
    expect((await api.call('GET', '/instances/no-such-instance', 'tm')).status).toBe(404);
    expect((await api.call('POST', '/messages', 'tm', '{"name": "court-outcome",')).status).toBe(400);
    const op = await api.call('POST', '/messages', 'tm', { name: 'court-outcome', correlationKey: { $gt: '' } });
    expect(op.status).toBe(422);
    expect(op.body.error.code).toBe('OPERATOR_NOT_ALLOWED');
    const extra = await api.call('POST', '/messages', 'tm', { name: 'court-outcome', correlationKey: 'C-a1', colour: 'red' });
    expect(extra.status).toBe(422);
    expect(extra.body.errors).toEqual({ colour: 'Not a field of this request' });
    const mapping = await api.call('POST', '/migrations', 'tm', { instanceKeys: [keys.a1], toVersion: 2, mapping: { review: 7 } });
    expect(mapping.status).toBe(422);
    expect(Object.keys(mapping.body.errors)).toEqual(['mapping.review']);
    expect((await api.call('POST', '/migrations', 'tm', { toVersion: 2 })).status).toBe(422);
    expect((await api.call('POST', `/instances/${keys.a1}/cancel`, 'tm', { reason: 42 })).status).toBe(422);
    expect((await api.engine.getInstance(keys.a1))?.version).toBe(1);
  });
});
