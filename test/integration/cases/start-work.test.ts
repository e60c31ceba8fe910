// Start work from the case: the processes a role may start by hand, each with the start form its start
// event declares; a start is checked against that form (422 with field errors, nothing started), refused to
// roles the process does not name, and answers with the instance and its first task.
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('start work: /api/cases/:id/startable-processes and POST /api/cases/:id/processes', () => {
  let api: TasksCasesApi;
  let caseId: string;
  let orderId: string;
  const start = (who: Parameters<TasksCasesApi['call']>[2], processId: string, variables: Record<string, unknown>) =>
    api.call('POST', `/cases/${caseId}/processes`, who, { processId, variables });
  const openInstances = async (processId: string) =>
    (await api.engine!.listInstances({ processId, state: 'active', limit: 50 })).items.filter((i) => i.caseId === caseId);

  beforeAll(async () => {
    api = await startTasksCasesApi('start-work', { engine: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Bea', familyName: 'Khan', dateOfBirth: '2011-05-06', team: 'east' })).body.id;
    const order = await api.call('POST', `/cases/${caseId}/sections/offending/collections/orders`, 'cm', {
      changes: { type: 'referral-order', start: '2026-11-02' }, reason: 'Order made at youth court',
    });
    orderId = order.body.addedItemId;
  }, 120_000);
  afterAll(() => api.close());

  it('lists, by name, the processes the role may start, each with its start form', async () => {
    const cm = await api.call('GET', `/cases/${caseId}/startable-processes`, 'cm');
    expect(cm.status).toBe(200);
    expect(cm.body.items.map((i: { name: string }) => i.name)).toEqual([
      'AssetPlus assessment & intervention plan', 'Case closure', 'Compliance & breach', 'Court report', 'Plan review cycle',
      'Transfer out to another youth justice service', 'Transition to probation', 'Victim contact & restorative justice',
    ]);
    expect(cm.body.items.find((i: { processId: string }) => i.processId === 'victim-contact').form.id).toBe('victim-contact-start');
    expect(cm.body.variables.caseOrders).toEqual([{ label: 'Referral order from 2 November 2026', value: orderId }]);
    expect(api.audit.some((e) => e.action === 'case.read' && e.recordId === caseId && e.sections?.join() === 'offending')).toBe(true);
    const vw = await api.call('GET', `/cases/${caseId}/startable-processes`, 'vw');
    expect(vw.body.items.map((i: { processId: string }) => i.processId)).toEqual(['victim-contact']);
    expect((await api.call('GET', `/cases/${caseId}/startable-processes`, 'hw')).body.items).toEqual([]);
    const co = await api.call('GET', `/cases/${caseId}/startable-processes`, 'co');
    expect(co.body.items.map((i: { processId: string }) => i.processId)).toEqual(['court-report']);
    expect((await api.call('GET', `/cases/${caseId}/startable-processes`, 'west')).status).toBe(404);
  });

  it('starts victim contact with its start form; the first task exists for the case', async () => {
    const res = await start('cm', 'victim-contact', { crimeReportedAt: '2026-11-23', detailsReceivedAt: '2026-11-24', enhancedRights: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ processId: 'victim-contact', instanceKey: expect.any(String), firstTask: { id: expect.any(String), name: expect.any(String), candidateGroups: ['victim-workers'], forYou: false } });
    const task = await api.repos.tasks.findById(res.body.firstTask.id);
    expect(task).toMatchObject({ caseId, state: 'open' });
    const instance = await api.engine!.getInstance(res.body.instanceKey);
    expect(instance!.variables).toMatchObject({ caseId, crimeReportedAt: '2026-11-23', enhancedRights: true, victimObjected: false });
    expect(api.audit.some((e) => e.action === 'case.process-started' && e.recordId === caseId)).toBe(true);
  });

  it('refuses answers the start form does not accept, with field errors, and starts nothing', async () => {
    const before = (await openInstances('victim-contact')).length;
    const bad = await start('cm', 'victim-contact', { crimeReportedAt: 'last Tuesday', victimName: 'Ann' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['crimeReportedAt', 'detailsReceivedAt', 'victimName']);
    expect((await openInstances('victim-contact')).length).toBe(before);
  });

  it('victim contact starts for a victim already on the record when a victims reader names one; others cannot', async () => {
    const victim = await api.call('POST', `/cases/${caseId}/sections/victims/collections/victims`, 'tm', { changes: { victimName: 'Ann Lee' }, reason: 'Police notice' });
    expect(victim.status).toBe(201);
    const victimId = victim.body.addedItemId;
    const vw = await api.call('GET', `/cases/${caseId}/startable-processes`, 'vw');
    expect(vw.body.variables.caseVictims).toEqual([{ label: expect.any(String), value: victimId }]);
    expect((await api.call('GET', `/cases/${caseId}/startable-processes`, 'cm')).body.variables.caseVictims).toBeUndefined();
    const started = await start('vw', 'victim-contact', { detailsReceivedAt: '2026-11-24', victimId });
    expect(started.status).toBe(201);
    expect((await api.engine!.getInstance(started.body.instanceKey))!.variables.victimId).toBe(victimId);
    const unknown = await start('vw', 'victim-contact', { detailsReceivedAt: '2026-11-24', victimId: 'not-a-victim' });
    expect([unknown.status, Object.keys(unknown.body.errors)]).toEqual([422, ['victimId']]);
    // A case manager may not read victims: the field is not theirs to fill, so a victim id sent anyway is not taken.
    const byCm = await start('cm', 'victim-contact', { detailsReceivedAt: '2026-11-24', victimId });
    expect(byCm.status).toBe(201);
    expect((await api.engine!.getInstance(byCm.body.instanceKey))!.variables.victimId).toBeUndefined();
  });

  it('refuses a role the process does not name, and other teams', async () => {
    expect((await start('hw', 'victim-contact', { detailsReceivedAt: '2026-11-24' })).status).toBe(403);
    expect((await start('vw', 'assetplus-assessment', {})).status).toBe(403);
    expect((await start('west', 'victim-contact', { detailsReceivedAt: '2026-11-24' })).status).toBe(404);
  });

  it('compliance & breach started by hand receives the chosen order; a choice not of this case is refused', async () => {
    const foreign = await start('cm', 'compliance-breach', { missedAt: '2026-11-23', orderId: 'not-an-order' });
    expect(foreign.status).toBe(422);
    expect(Object.keys(foreign.body.errors)).toEqual(['orderId']);
    const res = await start('cm', 'compliance-breach', { missedAt: '2026-11-23', orderId });
    expect(res.status).toBe(201);
    expect(res.body.firstTask).toMatchObject({ name: 'Follow up the failure to comply', forYou: true });
    const instance = await api.engine!.getInstance(res.body.instanceKey);
    expect(instance!.variables.order).toMatchObject({ id: orderId, type: 'referral-order' });
  });
});
