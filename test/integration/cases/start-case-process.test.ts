// Starting a statutory process for a case through the API: the tasks it creates carry the case.
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('POST /api/cases/:id/processes', () => {
  let api: TasksCasesApi;
  let caseId: string;

  beforeAll(async () => {
    api = await startTasksCasesApi('startproc', { engine: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Bea', familyName: 'Khan', dateOfBirth: '2011-05-06', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it('starts the referral process with the case as business key; its first task joins the team queue', async () => {
    const res = await api.call('POST', `/cases/${caseId}/processes`, 'cm', {
      processId: 'referral-intake',
      variables: { referralReceivedAt: '2026-11-24T09:00:00.000Z' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ processId: 'referral-intake', version: 1, instanceKey: expect.any(String) });
    await api.engine!.runDue();
    const instance = await api.engine!.getInstance(res.body.instanceKey);
    expect(instance).toMatchObject({ businessKey: caseId, variables: expect.objectContaining({ caseId }) });
    const queue = await api.call('GET', '/tasks?queue=team&limit=100', 'cm');
    expect(queue.body.items.filter((t: { caseId: string }) => t.caseId === caseId).map((t: { elementId: string }) => t.elementId)).toEqual(['matchPerson']);
    expect(api.audit.some((e) => e.action === 'case.process-started' && e.recordId === caseId)).toBe(true);
  });

  it('names what is wrong with a bad request and starts nothing', async () => {
    const before = (await api.engine!.listUserTasks({ state: 'open' })).length;
    const unknown = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'no-such-process' });
    expect(unknown.status).toBe(404);
    const badName = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'referral-intake', variables: { 'a b': 1 } });
    expect(badName.status).toBe(422);
    expect(Object.keys(badName.body.errors)).toEqual(['variables.a b']);
    const extra = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'referral-intake', priority: 1 });
    expect(extra.status).toBe(422);
    expect(extra.body.errors).toEqual({ priority: 'Not a field of this request' });
    const operator = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'referral-intake', variables: { $where: 'x' } });
    expect(operator.status).toBe(422);
    expect((await api.engine!.listUserTasks({ state: 'open' })).length).toBe(before);
  });

  it('refuses people without the right and hides other teams’ cases', async () => {
    const health = await api.call('POST', `/cases/${caseId}/processes`, 'hw', { processId: 'referral-intake' });
    expect(health.status).toBe(403);
    const otherTeam = await api.call('POST', `/cases/${caseId}/processes`, 'west', { processId: 'referral-intake' });
    expect(otherTeam.status).toBe(404);
  });
});
