// The contacts and appointments log over HTTP with the real engine and the shipped processes and forms:
// an unacceptable absence starts compliance & breach for the case with the missed appointment's details
// (once, however often the same contact is saved), other outcomes only record, and the log reads in words.
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const contact = (over: Record<string, unknown> = {}) => ({
  appointmentDate: '2026-11-23', appointmentTime: '10:00', type: 'office-appointment', withWhom: 'Ada and her mother',
  purpose: 'Supervision', attendance: 'missed', absence: 'unacceptable', absenceReason: 'No reason given', ...over,
});

describe('contacts log: /api/cases/:id/contacts', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const record = (who: Parameters<TasksCasesApi['call']>[2], key: string | undefined, data: unknown) =>
    api.call('POST', `/cases/${caseId}/contacts`, who, { ...(key ? { key } : {}), data });
  const log = async () => (await api.call('GET', `/cases/${caseId}/contacts`, 'cm')).body.items as Array<Record<string, string>>;
  const complianceInstances = async () =>
    (await api.engine!.listInstances({ processId: 'compliance-breach', limit: 50 })).items.filter((i) => i.caseId === caseId);

  beforeAll(async () => {
    api = await startTasksCasesApi('case-contacts', { engine: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
    const order = await api.call('POST', `/cases/${caseId}/sections/offending/collections/orders`, 'cm', {
      changes: { type: 'yro', start: '2026-10-01', end: '2027-09-30' }, reason: 'Order made at youth court',
    });
    expect(order.status).toBe(201);
  }, 120_000);
  afterAll(() => api.close());

  it('an unacceptable absence starts compliance & breach for the case with the missed appointment and the current order', async () => {
    const res = await record('cm2', 'missed-0001-key', { contact: contact() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ contactId: expect.any(String), repeated: false, compliance: { started: true } });
    await api.engine!.runDue();
    const [instance, ...more] = await complianceInstances();
    expect(more).toEqual([]);
    const view = await api.engine!.getInstance(instance.key);
    expect(view!.variables).toMatchObject({
      caseId, missedAt: '2026-11-23', contactId: res.body.contactId,
      order: expect.objectContaining({ type: 'yro', start: '2026-10-01' }),
      contact: expect.objectContaining({ type: 'office-appointment', absence: 'unacceptable' }),
    });
    const [task] = await api.engine!.listUserTasks({ instanceKey: instance.key, state: 'open' });
    expect(task).toMatchObject({ elementId: 'followUp', dueDate: '2026-11-24T17:00:00.000Z' }); // 1 working day
    expect((await api.repos.tasks.findById(task.key))?.caseId).toBe(caseId);
    expect(api.audit.filter((e) => e.action === 'case.contact-recorded' && e.recordId === caseId)).toHaveLength(1);
  });

  it('saving the same contact again records it once and starts nothing more', async () => {
    const again = await record('cm2', 'missed-0001-key', { contact: contact() });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, compliance: { started: false, alreadyStarted: true } });
    await api.engine!.runDue();
    expect(await complianceInstances()).toHaveLength(1);
    expect(await log()).toHaveLength(1);
  });

  it('lists the log newest first, in words, with the recorder by name', async () => {
    expect((await record('cm', 'attend-0002-key', { contact: contact({ appointmentDate: '2026-11-25', type: 'home-visit', attendance: 'attended' }) })).status).toBe(201);
    const items = await log();
    expect(items.map((i) => i.date)).toEqual(['2026-11-25', '2026-11-23']);
    expect(items[0]).toMatchObject({ type: 'Home visit', outcome: 'Attended', outcomeKind: 'attended', recordedBy: 'cm-1' });
    expect(items[0].absenceReason).toBeUndefined(); // hidden when attended: neither validated nor stored
    expect((await api.call('GET', `/cases/${caseId}/contacts`, 'cm')).body.form.id).toBe('case-contact');
    expect(items[1]).toMatchObject({
      type: 'Office appointment', time: '10:00', withWhom: 'Ada and her mother', outcomeKind: 'unacceptable',
      outcome: 'Did not attend: unacceptable absence', recordedBy: 'Casey Second',
    });
  });

  it('the follow-up amends the logged contact rather than adding a second one', async () => {
    const [instance] = await complianceInstances();
    const [task] = await api.engine!.listUserTasks({ instanceKey: instance.key, state: 'open' });
    const done = await api.call('POST', `/tasks/${encodeURIComponent(task.key)}/complete`, 'cm', {
      data: { contact: { appointmentDate: '2026-11-23', purpose: 'Supervision', attendance: 'missed', absence: 'acceptable', absenceReason: 'In hospital' } },
    });
    expect(done.status).toBe(200);
    const items = await log();
    expect(items).toHaveLength(2);
    expect(items[1]).toMatchObject({ outcome: 'Did not attend: acceptable absence', absenceReason: 'In hospital' });
  });

  it('an acceptable absence or an attended contact starts nothing', async () => {
    const before = (await complianceInstances()).length;
    const res = await record('cm', 'accept-0003-key', { contact: contact({ appointmentDate: '2026-11-26', absence: 'acceptable' }) });
    expect([res.status, res.body.compliance]).toEqual([201, undefined]);
    await api.engine!.runDue();
    expect(await complianceInstances()).toHaveLength(before);
  });

  it('with YRO supervision waiting for failures, the absence goes to it and runs compliance & breach with its order', async () => {
    const yroCase = (await api.call('POST', '/cases', 'cm', { givenName: 'Yan', familyName: 'Roe', dateOfBirth: '2010-04-05', team: 'east' })).body.id;
    // The job that checks for a running assessment keeps the start's assessmentStarted (the harness has no case jobs).
    api.engine!.registerJobHandler('case-process-running', async () => ({ kind: 'complete' }));
    const supervision = await api.engine!.startInstance('yro-supervision', { caseId: yroCase, assessmentStarted: true }, { businessKey: yroCase });
    const completeOpen = async (elementId: string, variables: Record<string, unknown>) => {
      await api.engine!.runDue();
      const task = (await api.engine!.listUserTasks({ instanceKey: supervision.instanceKey, state: 'open' })).find((t) => t.elementId === elementId);
      await api.engine!.completeUserTask(task!.key, variables, { by: 'cm-1' });
    };
    await completeOpen('recordOrder', { order: { id: 'order-yro-1', type: 'yro', madeOn: '2026-11-02', start: '2026-11-02', end: '2027-05-01', lengthMonths: 6 } });
    await completeOpen('sentencePlan', { planAgreedOn: '2026-11-10', planSummary: 'p' });
    const res = await api.call('POST', `/cases/${yroCase}/contacts`, 'cm', { key: 'yro-missed-0005', data: { contact: contact() } });
    expect(res.body.compliance).toMatchObject({ started: true, message: expect.stringContaining('youth rehabilitation order') });
    await api.engine!.runDue();
    const [breach, ...more] = (await api.engine!.listInstances({ processId: 'compliance-breach', limit: 50 })).items.filter((i) => i.caseId === yroCase);
    expect(more).toEqual([]);
    expect(breach.parentKey).toBe(supervision.instanceKey);
    expect((await api.engine!.getInstance(breach.key))!.variables).toMatchObject({ order: { id: 'order-yro-1', type: 'yro' }, contactId: res.body.contactId, missedAt: '2026-11-23' });
    const again = await api.call('POST', `/cases/${yroCase}/contacts`, 'cm', { key: 'yro-missed-0005', data: { contact: contact() } });
    expect(again.body.compliance).toMatchObject({ started: false, alreadyStarted: true });
  });

  it('refuses roles that may not write plans, other teams and invalid answers, storing nothing', async () => {
    const count = (await log()).length;
    const health = await record('hw', 'health-0004-key', { contact: contact() });
    expect([health.status, health.body.error.code]).toEqual([403, 'SECTION_NOT_WRITABLE']);
    expect((await record('vw', undefined, { contact: contact() })).status).toBe(403);
    expect((await record('west', undefined, { contact: contact() })).status).toBe(404);
    const invalid = await record('cm', undefined, { contact: { appointmentDate: 'next week', withWhom: 'x' } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.errors ?? invalid.body.errors ?? {}).sort()).toEqual(['contact.appointmentDate', 'contact.attendance', 'contact.type']);
    const unknown = await api.call('POST', `/cases/${caseId}/contacts`, 'cm', { data: { contact: contact() }, startProcess: true });
    expect(unknown.status).toBe(422);
    const operator = await api.call('POST', `/cases/${caseId}/contacts`, 'cm', { data: { contact: { $set: { x: 1 } } } });
    expect(operator.status).toBe(422);
    expect(await log()).toHaveLength(count);
    expect((await api.call('GET', `/cases/${caseId}/contacts`, 'west')).status).toBe(403); // another team: break glass needs a reason
    const glass = await api.call('GET', `/cases/${caseId}/contacts?reason=${encodeURIComponent('Duty cover tonight')}`, 'west');
    expect(glass.status).toBe(200);
    expect(glass.body.form).toBeUndefined(); // break glass reads; it records nothing
    expect(api.audit.some((e) => e.action === 'case.read' && e.recordId === caseId && e.flagged && e.reason === 'Duty cover tonight')).toBe(true);
  });
});
