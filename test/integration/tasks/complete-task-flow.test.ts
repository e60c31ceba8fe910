// The main job end to end on the embedded engine with the shipped referral process and forms: a case
// manager completes the first task through the API, the case record grows, the next task appears.
import { submissionIdForTask } from '../../../server/src/application/tasks/get-task';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('completing a task moves the process on and grows the case record', () => {
  let api: TasksCasesApi;
  let caseId: string;
  let taskId: string;

  const openTask = async (elementId: string) => {
    const { body } = await api.call('GET', '/tasks?queue=team&limit=100', 'cm');
    return body.items.find((t: { elementId: string; caseId: string }) => t.elementId === elementId && t.caseId === caseId) as { id: string } | undefined;
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('complete', { engine: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
    await api.engine!.startInstance('referral-intake', { referralReceivedAt: '2026-11-24T09:00:00.000Z', caseId }, { businessKey: caseId });
    await api.engine!.runDue();
    await api.engine!.runDue();
    taskId = (await openTask('matchPerson'))!.id;
  });
  afterAll(() => api.close());

  it('shows the task with its case summary, due date and form', async () => {
    const { status, body } = await api.call('GET', `/tasks/${taskId}`, 'cm');
    expect(status).toBe(200);
    expect(body.task).toMatchObject({ id: taskId, name: 'Match or create person (duplicate check)', caseId, team: 'east', state: 'open' });
    expect(body.task.dueDate).toBe('2026-11-26T17:00:00.000Z'); // intakeAllocation from the referral date
    expect(body.case).toMatchObject({ id: caseId, displayName: 'Ada Jones', dateOfBirth: '2010-02-03' });
    expect(body.form).toMatchObject({ formId: 'referral-person-match', version: 1 });
    expect(body.actions).toEqual({ claim: true, unclaim: false, complete: true, reassign: false });
  });

  it('refuses invalid answers with field errors and stores nothing', async () => {
    const res = await api.call('POST', `/tasks/${taskId}/complete`, 'cm', { data: { matchOutcome: 'new', givenName: 'Ada' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['dateOfBirth', 'familyName', 'referralSource']);
    expect(await api.repos.tasks.findById(taskId)).toMatchObject({ state: 'open' });
    expect((await api.repos.tasks.findById(taskId))?.assignee).toBeUndefined();
    expect(await api.repos.submissions.list({ taskId }, 10)).toEqual([]);
  });

  it('completes (auto-claiming), updates the case with links to the submission, and opens the next task', async () => {
    const data = { matchOutcome: 'new', givenName: 'Ada', familyName: 'Jones-Smith', dateOfBirth: '2010-02-03', referralSource: 'police' };
    const closing = jest.spyOn(api.repos.tasks, 'recordClosed');
    const res = await api.call('POST', `/tasks/${taskId}/complete`, 'cm', { data });
    expect(res.status).toBe(200);
    // The queue row is closed once, by the engine's event (not again by the completion itself).
    expect(closing.mock.calls.filter(([id]) => id === taskId)).toEqual([[taskId, 'completed', expect.any(String), 'cm-1']]);
    closing.mockRestore();
    expect(res.body).toMatchObject({ repeated: false, amendedSections: ['personal', 'offending'], submission: { formId: 'referral-person-match', version: 1, taskId, caseId } });

    const record = (await api.call('GET', `/cases/${caseId}`, 'cm')).body;
    expect(record.displayName).toBe('Ada Jones-Smith');
    expect(record.sections.personal.values).toMatchObject({ familyName: 'Jones-Smith', matchOutcome: 'new' });
    expect(record.sections.offending.values).toEqual({ referralSource: 'police' });
    expect(record.sections.personal.sources.familyName).toMatchObject({ submissionId: res.body.submission.id, formId: 'referral-person-match', taskId });
    expect(record.submissions).toEqual([expect.objectContaining({ submissionId: res.body.submission.id, sections: ['personal', 'offending'] })]);

    expect(await api.repos.tasks.findById(taskId)).toMatchObject({ state: 'completed', completedBy: 'cm-1', assignee: 'cm-1' });
    expect(await openTask('checkSocialCare')).toBeDefined();
    expect(api.audit.filter((e) => e.recordId === taskId).map((e) => e.action)).toEqual(['task.complete']);
    expect(api.audit.find((e) => e.action === 'case.write' && e.after?.submissionId === res.body.submission.id)).toMatchObject({ recordId: caseId, sections: ['personal', 'offending'] });
    const done = await api.call('GET', '/tasks?queue=completed', 'cm');
    expect(done.body.items.map((t: { id: string }) => t.id)).toContain(taskId);
  });

  it('completing twice completes once; someone else gets a conflict', async () => {
    const again = await api.call('POST', `/tasks/${taskId}/complete`, 'cm', { data: { matchOutcome: 'existing', personId: 'P1', referralSource: 'court' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, amendedSections: [] });
    expect(again.body.submission.data.matchOutcome).toBe('new');
    const other = await api.call('POST', `/tasks/${taskId}/complete`, 'cm2', { data: {} });
    expect(other.status).toBe(409);
    const personal = await api.call('GET', `/cases/${caseId}/amendments?section=personal`, 'cm');
    expect(personal.body.items.map((a: { seq: number }) => a.seq)).toEqual([2, 1]);
    const instanceTasks = await api.engine!.listUserTasks({ state: 'completed' });
    expect(instanceTasks.filter((t) => t.key === taskId)).toHaveLength(1);
  });

  it('finishes a completion that stopped after storing its submission (the task still open): once, and only for its author', async () => {
    const other = (await api.call('POST', '/cases', 'cm', { givenName: 'Bea', familyName: 'Stone', dateOfBirth: '2011-03-04', team: 'east' })).body.id;
    const { instanceKey } = await api.engine!.startInstance('assetplus-assessment', { caseId: other }, { businessKey: other });
    await api.engine!.runDue();
    const task = (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'infoGathering')!;
    await api.repos.tasks.claim(task.key, 'cm-1', '2026-11-24T10:00:00.000Z');
    const data = { personalCircumstances: 'stored before the stop', offendingHistory: 'none before', assessment: { reason: 'community-order', informationGatheredOn: '2026-11-23' } };
    await api.repos.submissions.create({
      id: submissionIdForTask(task.key), formId: task.formId!, version: 1, data, submittedBy: 'cm-1', submittedAt: '2026-11-24T10:01:00.000Z', taskId: task.key, caseId: other,
    });
    expect((await api.repos.tasks.findById(task.key))?.state).toBe('open');
    const someoneElse = await api.call('POST', `/tasks/${task.key}/complete`, 'cm2', { data: { ...data, personalCircumstances: 'someone else' } });
    expect(someoneElse.status).toBe(403); // claimed by the author
    const retry = await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: { ...data, personalCircumstances: 'typed again' } });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ repeated: true });
    expect(retry.body.submission.data.personalCircumstances).toBe('stored before the stop');
    expect((await api.repos.tasks.findById(task.key))?.state).toBe('completed');
    expect((await api.engine!.listUserTasks({ instanceKey, state: 'completed' })).filter((t) => t.key === task.key)).toHaveLength(1);
  });

  it('refuses answers for sections the user may not write (a case manager filling in health)', async () => {
    const { instanceKey } = await api.engine!.startInstance('assetplus-assessment', { caseId }, { businessKey: caseId });
    await api.engine!.runDue();
    const task = (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'infoGathering')!;
    const view = await api.call('GET', `/tasks/${task.key}`, 'cm');
    expect(view.body.unwritableSections).toEqual(['health']);
    const base = { personalCircumstances: 'lives with mother', offendingHistory: 'none before', assessment: { reason: 'community-order', informationGatheredOn: '2026-11-23' } };
    const refused = await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: { ...base, healthNeeds: 'SECRET-HEALTH-NEED' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('SECTION_NOT_WRITABLE');
    expect((await api.repos.tasks.findById(task.key))?.state).toBe('open');
    const ok = await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: base });
    expect(ok.status).toBe(200);
    expect([...ok.body.amendedSections].sort()).toEqual(['assessments', 'family', 'offending']); // the assessment is an item of assessments
  });
});
