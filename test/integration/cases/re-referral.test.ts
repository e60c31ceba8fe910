// A re-referral of a child whose case is open joins that case (issue 16 §4): through the real server, the
// duplicate check refuses a second record, and POST /api/cases/:id/referrals starts referral & intake on
// the existing case (its re-referral start skips the person match), with the audit naming the referral.
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const CHILD = { givenName: 'Rhys', familyName: 'Okafor', dateOfBirth: '2011-02-03', team: 'east' };

describe('POST /api/cases/:id/referrals (re-referral joins the open case)', () => {
  let api: TasksCasesApi;
  let caseId: string;

  beforeAll(async () => {
    api = await startTasksCasesApi('rereferral', { engine: true });
    caseId = (await api.call('POST', '/cases', 'cm', CHILD)).body.id;
  });
  afterAll(() => api.close());

  const intakeTasks = async (id: string) => {
    const queue = await api.call('GET', '/tasks?queue=team&limit=100', 'cm');
    return queue.body.items.filter((t: { caseId: string; processId: string }) => t.caseId === id && t.processId === 'referral-intake')
      .map((t: { elementId: string }) => t.elementId);
  };

  it('the same child referred again: no second record, intake starts on the open case at the social care check, audited', async () => {
    const duplicate = await api.call('POST', '/cases', 'cm', CHILD);
    expect([duplicate.status, duplicate.body.error.code]).toEqual([422, 'POSSIBLE_DUPLICATE']);
    const matches = await api.call('GET', `/cases/duplicates?givenName=Rhys&familyName=Okafor&dateOfBirth=2011-02-03`, 'cm');
    expect(matches.body.items.map((m: { caseId: string }) => m.caseId)).toEqual([caseId]);

    const res = await api.call('POST', `/cases/${caseId}/referrals`, 'cm', { referralSource: 'court' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ caseId, processId: 'referral-intake', referralReceivedAt: '2026-11-24T10:00:00.000Z' });
    await api.engine!.runDue();
    expect(await intakeTasks(caseId)).toEqual(['checkSocialCare']);
    const [instance] = (await api.engine!.listInstances({ processId: 'referral-intake', limit: 100 })).items.filter((i) => i.caseId === caseId);
    expect((await api.engine!.getInstance(instance.key))?.variables).toMatchObject({ caseId, referralSource: 'court', referralReceivedAt: '2026-11-24T10:00:00.000Z' });
    expect((await api.call('GET', `/cases/duplicates?givenName=Rhys&familyName=Okafor&dateOfBirth=2011-02-03`, 'cm')).body.items).toHaveLength(1);
    expect(api.audit.filter((e) => e.action === 'case.re-referral' && e.recordId === caseId)).toHaveLength(1);
  });

  it('refuses other teams, people without the right, unknown fields, and a closed case (a new referral opens a new one)', async () => {
    expect((await api.call('POST', `/cases/${caseId}/referrals`, 'west', {})).status).toBe(404);
    expect((await api.call('POST', `/cases/${caseId}/referrals`, 'hw', {})).status).toBe(403);
    expect((await api.call('POST', `/cases/${caseId}/referrals`, 'cm', { processId: 'x' })).status).toBe(422);
    const closed = (await api.call('POST', '/cases', 'cm', { ...CHILD, givenName: 'Ada', familyName: 'Lowe' })).body.id;
    await api.repos.cases.setOwnership(closed, { status: 'closed' });
    const res = await api.call('POST', `/cases/${closed}/referrals`, 'cm', {});
    expect([res.status, res.body.error.code]).toEqual([409, 'CASE_NOT_OPEN']);
    await api.engine!.runDue();
    expect(await intakeTasks(closed)).toEqual([]);
    expect(api.audit.filter((e) => e.action === 'case.re-referral' && e.recordId === closed)).toEqual([]);
  });
});
