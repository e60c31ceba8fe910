// Closing a case over HTTP: the closure process started for a case, its tasks completed through the tasks
// API by the groups they go to, the end-of-intervention answers landing in their sections (health only
// for those who may read it), and the case's status closed on GET /api/cases/:id once a manager confirms.
import { registerCaseJobs } from '../../../server/src/jobs/register-case-jobs';
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('Case closure through the API', () => {
  let api: TasksCasesApi;
  let caseId: string;
  let instanceKey: string;

  const openTask = async (elementId: string) =>
    (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId);
  const complete = async (elementId: string, who: Person, data: Record<string, unknown>) => {
    const task = await openTask(elementId);
    expect([elementId, Boolean(task)]).toEqual([elementId, true]);
    const res = await api.call('POST', `/tasks/${task!.key}/complete`, who, { data });
    await api.engine!.runDue();
    return res;
  };
  const record = async (who: Person) => (await api.call('GET', `/cases/${caseId}`, who)).body;

  beforeAll(async () => {
    api = await startTasksCasesApi('closure', { engine: true });
    registerCaseJobs(api.engine!, { engine: api.engine!, cases: api.repos.cases, audit: api.auditLog, now: api.clock.now });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Cal', familyName: 'Reid', dateOfBirth: '2010-03-04', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it('records the end-of-intervention data in its sections and closes the case when a manager confirms', async () => {
    expect((await record('cm')).status).toBe('open');
    const started = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'case-closure' });
    expect(started.status).toBe(201);
    instanceKey = started.body.instanceKey;
    await api.engine!.runDue();

    const health = await complete('healthData', 'hw', { mentalHealthNeedIdentified: 'yes', mentalHealthInterventionPlanned: 'yes', mentalHealthAttending: 'no', substanceMisuseNeedIdentified: 'no' });
    expect(health.status).toBe(200);
    const endData = await complete('endData', 'cm', {
      closureDate: '2026-11-24', closureReason: 'orderCompleted', accommodationAtEnd: 'family', accommodationSuitableAtEnd: 'yes',
      eteStatusAtEnd: 'training', eteHoursOfferedAtEnd: 25, eteHoursAttendedAtEnd: 20, eteSuitableAtEnd: 'yes',
      sendNeedIdentified: 'no', oocdCompletedAtEnd: 'notApplicable',
    });
    expect(endData.status).toBe(200);
    expect([...endData.body.amendedSections].sort()).toEqual(['education', 'offending', 'personal', 'plans']);
    expect((await record('cm')).status).toBe('open'); // not before the manager confirms

    const confirm = await complete('confirm', 'tm', { closureDecision: 'confirm' });
    expect(confirm.status).toBe(200);
    const closed = await record('cm');
    expect(closed.status).toBe('closed');
    expect(closed.sections.education.values).toMatchObject({ eteStatusAtEnd: 'training', eteHoursAttendedAtEnd: 20 });
    expect(closed.sections.health).toBeUndefined(); // a case manager does not see Health
    expect((await record('tm')).sections.health.values).toMatchObject({ mentalHealthNeedIdentified: 'yes', mentalHealthAttending: 'no' });
    expect(api.audit.filter((e) => e.action === 'case.closed' && e.recordId === caseId)).toHaveLength(1);
    expect((await api.engine!.getInstance(instanceKey))?.state).toBe('completed');
  });

  it('a case manager cannot record the health facts (the task is a health worker’s)', async () => {
    const other = (await api.call('POST', '/cases', 'cm', { givenName: 'Dee', familyName: 'Reid', dateOfBirth: '2010-03-05', team: 'east' })).body.id;
    instanceKey = (await api.call('POST', `/cases/${other}/processes`, 'cm', { processId: 'case-closure' })).body.instanceKey;
    await api.engine!.runDue();
    const refused = await complete('healthData', 'cm', { mentalHealthNeedIdentified: 'no', substanceMisuseNeedIdentified: 'no' });
    expect(refused.status).toBe(404); // not a task a case manager may act on: hidden, as other groups' tasks are
    expect(await openTask('healthData')).toBeDefined();
    expect((await api.call('GET', `/cases/${other}`, 'cm')).body.status).toBe('open');
  });
});
