// Restriction of processing (UK GDPR Art 18(1)(a)) reaches the monitor and the case-closure job too: while the
// DPO restricts a case, a team manager can neither cancel, migrate, message nor retry an incident of its
// process instances (409 CASE_RESTRICTED, or the migration's per-instance problem, and nothing changes), and
// the closure's `close-case` job does not close it: it waits as an incident naming the restriction, which can
// be retried only once the restriction is lifted. HTTP routes, real engine, shipped processes and forms.
import { registerCaseJobs } from '../../../server/src/jobs/register-case-jobs';
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

const RESTRICTED = /processing of this case is restricted since 2026-11-24 \(Child contests the recorded address\)/;

describe('a restricted case in the monitor and the closure job (HTTP, real engine)', () => {
  let api: TasksCasesApi;
  const newCase = async (familyName: string) =>
    (await api.call('POST', '/cases', 'cm', { givenName: 'Max', familyName, dateOfBirth: '2011-04-05', team: 'east' })).body.id as string;
  const start = async (caseId: string, processId: string) => {
    const r = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId, variables: {} });
    expect(r.status).toBe(201);
    await api.engine!.runDue();
    return r.body.instanceKey as string;
  };
  const openTask = async (instanceKey: string, elementId: string) =>
    (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)!.key;
  const complete = async (instanceKey: string, elementId: string, who: Person, data: Record<string, unknown>) => {
    const r = await api.call('POST', `/tasks/${await openTask(instanceKey, elementId)}/complete`, who, { data });
    await api.engine!.runDue();
    return r;
  };
  const restrict = (caseId: string) => api.call('PUT', `/cases/${caseId}/restriction`, 'dpo', { reason: 'Child contests the recorded address' });
  const lift = (caseId: string) => api.call('POST', `/cases/${caseId}/restriction/lift`, 'dpo', { reason: 'Address checked with the council tax record' });

  beforeAll(async () => {
    api = await startTasksCasesApi('restriction-monitor', { engine: true, consent: true, monitor: true });
    registerCaseJobs(api.engine!, { engine: api.engine!, cases: api.repos.cases, audit: api.auditLog, now: api.clock.now, caseGuard: api.caseGuard });
  });
  afterAll(() => api.close());

  it("refuses the monitor's cancel, migration and message on a restricted case's instance; lifted, they work", async () => {
    const caseId = await newCase('Hale');
    const instanceKey = await start(caseId, 'prevention');
    expect((await complete(instanceKey, 'recordConsent', 'cm', { preventionConsent: 'given', consentGivenBy: 'child', consentDate: '2026-11-24', privacyNoticeGiven: true })).status).toBe(200);
    const { version, activeElementIds } = (await api.engine!.getInstance(instanceKey))!; // the work, which the message would stop
    expect(activeElementIds).toContain('assessment');
    expect((await restrict(caseId)).status).toBe(200);

    const cancel = await api.call('POST', `/instances/${instanceKey}/cancel`, 'tm', { reason: 'Opened by mistake' });
    expect([cancel.status, cancel.body.error.code]).toEqual([409, 'CASE_RESTRICTED']);
    expect(cancel.body.error.message).toMatch(RESTRICTED);
    const message = await api.call('POST', '/messages', 'tm', { name: 'prevention-consent-withdrawn', correlationKey: caseId });
    expect([message.status, message.body.error.code]).toEqual([409, 'CASE_RESTRICTED']);
    expect(message.body.error.message).toMatch(new RegExp(`send message 'prevention-consent-withdrawn' to the work of case ${caseId}`));
    for (const dryRun of [true, false]) {
      const moved = await api.call('POST', '/migrations', 'tm', { instanceKeys: [instanceKey], toVersion: version, dryRun });
      expect([moved.status, moved.body.migrated, moved.body.refused]).toEqual([200, 0, 1]);
      expect(moved.body.results[0].problems).toEqual([{ message: expect.stringMatching(RESTRICTED) }]);
    }
    const after = (await api.engine!.getInstance(instanceKey))!;
    expect([after.state, after.version, after.activeElementIds]).toEqual(['active', version, activeElementIds]);
    expect(api.audit.some((e) => ['instance.cancel', 'message.publish'].includes(e.action) && (e.recordId ?? '').includes(caseId))).toBe(false);

    expect((await lift(caseId)).status).toBe(200);
    const cancelled = await api.call('POST', `/instances/${instanceKey}/cancel`, 'tm', { reason: 'Opened by mistake' });
    expect([cancelled.status, (await api.engine!.getInstance(instanceKey))!.state]).toEqual([200, 'cancelled']);
  });

  it('the close-case job does not close a restricted case: an incident names the restriction, retried once it is lifted', async () => {
    const caseId = await newCase('Vale');
    const instanceKey = await start(caseId, 'case-closure');
    expect((await complete(instanceKey, 'healthData', 'hw', { mentalHealthNeedIdentified: 'no', substanceMisuseNeedIdentified: 'no' })).status).toBe(200);
    expect((await complete(instanceKey, 'endData', 'cm', {
      closureDate: '2026-11-24', closureReason: 'orderCompleted', accommodationAtEnd: 'family', accommodationSuitableAtEnd: 'yes',
      eteStatusAtEnd: 'training', eteHoursOfferedAtEnd: 25, eteHoursAttendedAtEnd: 20, eteSuitableAtEnd: 'yes', sendNeedIdentified: 'no', oocdCompletedAtEnd: 'notApplicable',
    })).status).toBe(200);
    expect((await restrict(caseId)).status).toBe(200);
    // The manager's confirmation is refused now; one decided before the restriction (its answers stored, then
    // finished by start-up recovery, which does not ask again) still reaches the close: the job must refuse.
    expect((await complete(instanceKey, 'confirm', 'tm', { closureDecision: 'confirm' })).body.error.code).toBe('CASE_RESTRICTED');
    await api.engine!.completeUserTask(await openTask(instanceKey, 'confirm'), { closureDecision: 'confirm' }, { by: 'tm-1' });
    await api.engine!.runDue();

    const [incident] = await api.engine!.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'closeCase', message: expect.stringMatching(RESTRICTED) });
    expect(incident.message).toMatch(/cannot close this case/);
    expect((await api.repos.cases.findById(caseId))!.status).toBe('open');
    expect(api.audit.some((e) => e.action === 'case.closed' && e.recordId === caseId)).toBe(false);
    const retry = await api.call('POST', `/incidents/${encodeURIComponent(incident.id)}/resolve`, 'tm', {});
    expect([retry.status, retry.body.error.code]).toEqual([409, 'CASE_RESTRICTED']);
    await api.engine!.runDue();
    expect((await api.engine!.listIncidents({ instanceKey, state: 'open' })).map((i) => i.id)).toEqual([incident.id]);

    expect((await lift(caseId)).status).toBe(200);
    expect((await api.call('POST', `/incidents/${encodeURIComponent(incident.id)}/resolve`, 'tm', {})).status).toBe(200);
    await api.engine!.runDue();
    expect((await api.repos.cases.findById(caseId))!.status).toBe('closed');
  });
});
