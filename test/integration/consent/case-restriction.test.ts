// Restriction of processing (UK GDPR Art 18(1)(a)) and the consent routes' edges, over HTTP: only the DPO sets
// and lifts a restriction, with a reason, each audited; while it stands the case is read-only for everyone
// else (amendments, process starts, task completions, consent records → 409 naming the restriction), reads go
// on; bad input and the wrong roles are refused.
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('restriction of processing and the consent routes (HTTP, real engine)', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const amend = (who: 'cm' | 'dpo', familyName: string) =>
    api.call('PATCH', `/cases/${caseId}/sections/personal`, who, { changes: { familyName }, reason: 'Spelling corrected' });

  beforeAll(async () => {
    api = await startTasksCasesApi('case-restriction', { engine: true, consent: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Cal', familyName: 'Reed', dateOfBirth: '2011-03-04', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it('the DPO restricts a case: writes by anyone else are refused, reads go on, and lifting makes it writable again', async () => {
    const started = (await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'prevention', variables: {} })).body.instanceKey;
    await api.engine!.runDue();
    expect((await api.call('PUT', `/cases/${caseId}/restriction`, 'cm', { reason: 'Contests the address' })).status).toBe(403);
    expect((await api.call('PUT', `/cases/${caseId}/restriction`, 'dpo', { reason: 'no' })).body.error.code).toBe('REASON_REQUIRED');
    const set = await api.call('PUT', `/cases/${caseId}/restriction`, 'dpo', { reason: 'Child contests the recorded date of birth' });
    expect([set.status, set.body]).toEqual([200, expect.objectContaining({ active: true, setBy: 'dpo-1' })]);
    expect((await api.call('PUT', `/cases/${caseId}/restriction`, 'dpo', { reason: 'Again, by mistake' })).status).toBe(409);

    const refusals = [
      await amend('cm', 'Reid'),
      await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'assetplus-assessment', variables: {} }),
      await api.call('POST', `/tasks/${(await api.engine!.listUserTasks({ instanceKey: started, state: 'open' }))[0].key}/complete`, 'cm', {
        data: { preventionConsent: 'given', consentGivenBy: 'child', consentDate: '2026-11-24', privacyNoticeGiven: true } }),
      await api.call('POST', `/cases/${caseId}/consents`, 'cm', { purpose: 'prevention-work', givenBy: 'child', givenOn: '2026-11-24', evidence: 'form', privacyNoticeVersion: 'v1' }),
      await api.call('POST', `/cases/${caseId}/referrals`, 'cm', { referralSource: 'police' }),
    ];
    for (const r of refusals) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('CASE_RESTRICTED');
      expect(r.body.error.message).toMatch(/restricted since 2026-11-24 \(Child contests the recorded date of birth\)\. The case is read-only until the data protection officer lifts/);
    }
    const read = await api.call('GET', `/cases/${caseId}`, 'cm');
    expect(read.status).toBe(200);
    expect(read.body.consent.restriction).toMatchObject({ active: true, reason: 'Child contests the recorded date of birth' });
    expect((await amend('dpo', 'Reade')).status).toBe(200); // the DPO corrects the contested data

    expect((await api.call('POST', `/cases/${caseId}/restriction/lift`, 'cm', { reason: 'Settled with the child' })).status).toBe(403);
    const lifted = await api.call('POST', `/cases/${caseId}/restriction/lift`, 'dpo', { reason: 'Date of birth checked against the birth certificate' });
    expect(lifted.body).toMatchObject({ active: false, liftedBy: 'dpo-1' });
    expect((await api.call('POST', `/cases/${caseId}/restriction/lift`, 'dpo', { reason: 'Twice by mistake' })).status).toBe(409);
    expect((await amend('cm', 'Reed')).status).toBe(200);
    expect((await api.call('GET', `/cases/${caseId}`, 'cm')).body.consent.restriction).toBeUndefined();
    expect(api.audit.filter((e) => e.recordId === caseId && e.action.startsWith('case.restrict')).map((e) => [e.action, e.actor.id, e.reason])).toEqual([
      ['case.restricted', 'dpo-1', 'Child contests the recorded date of birth'],
      ['case.restriction-lifted', 'dpo-1', 'Date of birth checked against the birth certificate'],
    ]);
  });

  it('refuses hostile or wrong input and the wrong roles', async () => {
    const body = { purpose: 'agency-sharing', subject: 'Police', givenBy: 'parent-carer', givenOn: '2026-11-20', evidence: 'form', privacyNoticeVersion: 'v1' };
    const post = (who: 'cm' | 'vw' | 'west' | 'admin', b: unknown, id = caseId) => api.call('POST', `/cases/${id}/consents`, who, b);
    expect((await post('cm', { ...body, subject: { $ne: null } })).status).toBe(422); // an operator is not a subject
    expect((await post('cm', { ...body, purpose: 'marketing' })).status).toBe(422);
    expect((await post('cm', { ...body, extra: 1 })).status).toBe(422);
    expect((await post('cm', { ...body, givenOn: '2027-01-01' })).body.errors).toHaveProperty('givenOn');
    expect((await post('cm', { ...body, purpose: 'restorative-justice', givenBy: 'victim' })).status).toBe(403); // victims' tab: not a case manager's
    expect((await post('vw', { ...body, purpose: 'restorative-justice', givenBy: 'victim', subject: undefined })).body.errors).toHaveProperty('subject');
    expect((await post('west', body)).status).toBe(404); // another team's case is not found
    expect((await post('admin', body)).status).toBe(403);
    expect((await post('cm', body, 'no-such-case')).status).toBe(404);
    const ok = await post('cm', body);
    expect(ok.status).toBe(201);
    expect((await post('cm', body)).status).toBe(200); // the same evidence twice: one record
    expect((await api.call('GET', `/cases/${caseId}/consents`, 'vw')).body.records.filter((r: { purpose: string }) => r.purpose === 'agency-sharing')).toHaveLength(1);
    expect((await api.call('POST', `/cases/${caseId}/consents/${ok.body.id}/withdrawal`, 'cm', { by: 'someone' })).status).toBe(422);
    expect((await api.call('POST', `/cases/${caseId}/consents/nope/withdrawal`, 'cm', { by: 'child' })).status).toBe(404);
    expect((await api.call('POST', `/cases/${caseId}/consents/${ok.body.id}/withdrawal`, 'west', { by: 'child' })).status).toBe(404);
    const w = await api.call('POST', `/cases/${caseId}/consents/${ok.body.id}/withdrawal`, 'cm', { by: 'parent-carer' });
    expect([w.status, w.body.messagePublished]).toEqual([200, undefined]); // no process shares on consent yet
    expect((await api.call('GET', `/cases/${caseId}/consents`, 'cm')).body.standings).toEqual(expect.arrayContaining([
      expect.objectContaining({ purpose: 'agency-sharing', subject: 'Police', status: 'withdrawn' }),
    ]));
    expect((await api.call('PUT', `/cases/${caseId}/restriction`, 'dpo', { reason: { $gt: '' } })).status).toBe(422);
  });
});
