// Consent withdrawal over HTTP with the real engine and the shipped processes and forms (issue 17, "Consent
// and its withdrawal"; UK GDPR Art 7(3): withdrawal at any time, and it must stop the processing it ends).
// The forms' consent answers become consent records; a victim's RJ withdrawal stops that victim's RJ only
// and its forms are refused; prevention withdrawal stops prevention and a new prevention cannot start.
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

interface Item { id: string; values: Record<string, unknown> }

describe('consent and its withdrawal (HTTP, real engine)', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const tasksOf = async (instanceKey: string) => (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).map((t) => t.elementId);
  const taskKey = async (instanceKey: string, elementId: string) =>
    (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)!.key;
  const complete = async (who: 'vw' | 'cm', instanceKey: string, elementId: string, data: unknown) => {
    const r = await api.call('POST', `/tasks/${await taskKey(instanceKey, elementId)}/complete`, who, { data });
    await api.engine!.runDue();
    return r;
  };
  const startProcess = async (processId: string, variables: Record<string, unknown>) => {
    const r = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId, variables });
    await api.engine!.runDue();
    return r;
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('consent-withdrawal', { engine: true, consent: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it("a victim's withdrawal of RJ consent stops that victim's RJ work only, and blocks its forms", async () => {
    const victimStart = { crimeReportedAt: '2026-11-23', detailsReceivedAt: '2026-11-23', victimObjected: false, enhancedRights: false };
    const ann = (await startProcess('victim-contact', victimStart)).body.instanceKey as string;
    const bo = (await startProcess('victim-contact', victimStart)).body.instanceKey as string;
    for (const [i, name] of [[ann, 'Ann'], [bo, 'Bo']]) {
      expect((await complete('vw', i, 'suitability', { victim: { victimName: name, rjDecision: 'suitable', suitabilityReasons: 'r', suitabilityDecidedOn: '2026-11-24' } })).status).toBe(200);
      expect((await complete('vw', i, 'contact', { victimContact: {
        contactDate: '2026-11-24', contactMethod: 'visit', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'yes', rjConsent: 'consents' } })).status).toBe(200);
    }
    expect(await tasksOf(ann)).toEqual(['rj']);
    expect(await tasksOf(bo)).toEqual(['rj']);

    // The contact form's RJ answer became one record per victim, naming the victim's item.
    const victims: Item[] = (await api.call('GET', `/cases/${caseId}`, 'vw')).body.sections.victims.collections.victims;
    const consents = (await api.call('GET', `/cases/${caseId}/consents`, 'vw')).body;
    const rj = consents.records.filter((r: { purpose: string }) => r.purpose === 'restorative-justice');
    expect(rj.map((r: { subject: string }) => r.subject).sort()).toEqual(victims.map((v) => v.id).sort());
    expect(rj[0]).toMatchObject({ basis: 'consent', givenBy: 'victim', givenOn: '2026-11-24', privacyNoticeVersion: expect.stringMatching(/^victim-initial-contact version \d+$/) });
    expect(rj[0].evidence).toMatch(/^submission /);
    const annItem = (await api.engine!.getInstance(ann))!.variables.victim as { id: string };
    const annConsent = rj.find((r: { subject: string }) => r.subject === annItem.id);

    // Ann withdraws (recorded by the victim worker): her RJ stops, Bo's goes on.
    const w = await api.call('POST', `/cases/${caseId}/consents/${annConsent.id}/withdrawal`, 'vw', { by: 'victim', reason: 'No longer wishes to meet' });
    expect(w.status).toBe(200);
    expect(w.body.messagePublished).toEqual({ name: 'rj-consent-withdrawn', correlated: true });
    expect(w.body.record.withdrawal).toMatchObject({ by: 'victim', recordedBy: 'vw-1', at: '2026-11-24T10:00:00.000Z' });
    await api.engine!.runDue();
    expect(await tasksOf(ann)).toEqual(['recordRjWithdrawal']);
    expect(await tasksOf(bo)).toEqual(['rj']);
    const header = (await api.call('GET', `/cases/${caseId}`, 'vw')).body.consent;
    expect(header.standings).toEqual(expect.arrayContaining([
      expect.objectContaining({ purpose: 'restorative-justice', subject: annItem.id, status: 'withdrawn' }),
      expect.objectContaining({ purpose: 'restorative-justice', status: 'given' }),
    ]));
    expect((await api.call('POST', `/cases/${caseId}/consents/${annConsent.id}/withdrawal`, 'vw', { by: 'victim' })).status).toBe(409);

    // Bo withdraws while the engine cannot take the message (it fails to publish): the withdrawal stands, the
    // response says the running work was not told, and Bo's RJ form is refused with the purpose and date named.
    const boItem = (await api.engine!.getInstance(bo))!.variables.victim as { id: string };
    const boConsent = rj.find((r: { subject: string }) => r.subject === boItem.id);
    const publish = jest.spyOn(api.engine!, 'publishMessage').mockRejectedValueOnce(new Error('engine unavailable'));
    const wb = await api.call('POST', `/cases/${caseId}/consents/${boConsent.id}/withdrawal`, 'vw', { by: 'victim' });
    publish.mockRestore();
    expect(wb.status).toBe(200);
    expect(wb.body.messagePublished).toMatchObject({ name: 'rj-consent-withdrawn', correlated: false, failed: true });
    expect(await tasksOf(bo)).toEqual(['rj']);
    const rjForm = { victimRj: { rjType: 'letter', rjDate: '2026-11-24', rjOutcome: 'completed' } };
    const blocked = await complete('vw', bo, 'rj', rjForm);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('CONSENT_WITHDRAWN');
    expect(blocked.body.error.message).toMatch(/consent to restorative justice \(victim .+\) was withdrawn on 2026-11-24/);
    expect(await tasksOf(bo)).toEqual(['rj']);

    // Consent given again (a new signed form) lets Bo's RJ go on.
    api.clock.current = new Date('2026-11-25T10:00:00Z');
    const again = await api.call('POST', `/cases/${caseId}/consents`, 'vw', {
      purpose: 'restorative-justice', subject: boItem.id, givenBy: 'victim', givenOn: '2026-11-25', evidence: 'signed form 2026-11-25', privacyNoticeVersion: 'victims v2',
    });
    expect(again.status).toBe(201);
    const done = await complete('vw', bo, 'rj', rjForm);
    expect([done.status, done.body.error]).toEqual([200, undefined]);
    expect(await tasksOf(bo)).not.toContain('rj');
  });

  it('prevention: the form records consent, withdrawal stops the work, and a new prevention is refused until consent is given again', async () => {
    api.clock.current = new Date('2026-11-26T10:00:00Z');
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Bea', familyName: 'Khan', dateOfBirth: '2012-05-06', team: 'east' })).body.id;
    const i = (await startProcess('prevention', {})).body.instanceKey as string;
    expect((await complete('cm', i, 'recordConsent', { preventionConsent: 'given', consentGivenBy: 'both', consentDate: '2026-11-26', privacyNoticeGiven: true })).status).toBe(200);
    expect(await tasksOf(i)).toEqual(['assessment']);
    const [given] = (await api.call('GET', `/cases/${caseId}/consents`, 'cm')).body.records;
    expect(given).toMatchObject({ purpose: 'prevention-work', givenBy: 'child-and-parent-carer', givenOn: '2026-11-26', privacyNoticeVersion: expect.stringMatching(/^prevention-consent version/) });

    api.clock.current = new Date('2026-11-27T10:00:00Z');
    const w = await api.call('POST', `/cases/${caseId}/consents/${given.id}/withdrawal`, 'cm', { by: 'parent-carer' });
    expect(w.body.messagePublished).toEqual({ name: 'prevention-consent-withdrawn', correlated: true });
    await api.engine!.runDue();
    expect(await tasksOf(i)).toEqual(['recordWithdrawal']);
    expect((await api.call('GET', `/cases/${caseId}`, 'cm')).body.consent.standings).toEqual([
      expect.objectContaining({ purpose: 'prevention-work', status: 'withdrawn', withdrawnAt: '2026-11-27T10:00:00.000Z' }),
    ]);

    const refused = await startProcess('prevention', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'CONSENT_WITHDRAWN', message: expect.stringMatching(/cannot start prevention: consent to prevention work was withdrawn on 2026-11-27/) });
    expect((await startProcess('assetplus-assessment', { assessmentReason: 'start' })).body.error?.code).not.toBe('CONSENT_WITHDRAWN');

    api.clock.current = new Date('2026-12-01T10:00:00Z');
    const regiven = await api.call('POST', `/cases/${caseId}/consents`, 'cm', {
      purpose: 'prevention-work', givenBy: 'child', givenOn: '2026-12-01', evidence: 'paper form PF-12', privacyNoticeVersion: 'prevention v3',
    });
    expect(regiven.status).toBe(201);
    expect((await startProcess('prevention', {})).status).toBe(201);
  });

  it('a completion retried after a failure past its submission records the consent it captured, once', async () => {
    api.clock.current = new Date('2026-12-02T10:00:00Z');
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Cy', familyName: 'Lane', dateOfBirth: '2012-08-09', team: 'east' })).body.id;
    const i = (await startProcess('prevention', {})).body.instanceKey as string;
    const key = await taskKey(i, 'recordConsent');
    const data = { preventionConsent: 'given', consentGivenBy: 'child', consentDate: '2026-12-02', privacyNoticeGiven: true };
    const record = api.auditLog.record;
    const failing = jest.spyOn(api.auditLog, 'record').mockImplementation(async (e) => {
      if (e.action === 'consent.recorded') throw new Error('audit store unavailable');
      return record(e);
    });
    expect((await api.call('POST', `/tasks/${key}/complete`, 'cm', { data })).status).toBe(500);
    failing.mockRestore();
    const retried = await api.call('POST', `/tasks/${key}/complete`, 'cm', { data });
    expect([retried.status, retried.body.repeated]).toEqual([200, true]);
    const records = (await api.call('GET', `/cases/${caseId}/consents`, 'cm')).body.records;
    expect(records).toEqual([expect.objectContaining({ purpose: 'prevention-work', evidence: `submission ${retried.body.submission.id}` })]);
    expect(api.audit.filter((e) => e.action === 'consent.recorded' && e.recordId === caseId)).toHaveLength(1);
  });
});
