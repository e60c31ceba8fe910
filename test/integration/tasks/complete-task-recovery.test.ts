// A completion cut short leaves its effects once each, audit events included: a retry by its author, or
// start-up recovery when nobody retries, finishes what is missing and nothing twice. A task without a
// form completes; a failure before anything is stored gives the claim back. (The crash test,
// test/integration/server/completion-crash.test.ts, does the same with SIGKILLs of the real server.)
import { applySubmissionToCase } from '../../../server/src/application/cases/apply-submission-to-case';
import { recoverCompletions } from '../../../server/src/application/tasks/recover-completions';
import { submissionIdForTask } from '../../../server/src/application/tasks/get-task';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const FORMLESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="formless-check" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="confirm" />
    <bpmn:userTask id="confirm" name="Confirm by phone"><bpmn:extensionElements><zeebe:userTask />
      <zeebe:assignmentDefinition candidateGroups="case-managers" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="after" />
    <bpmn:userTask id="after" name="After"><bpmn:extensionElements><zeebe:userTask />
      <zeebe:assignmentDefinition candidateGroups="case-managers" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('a completion cut short is finished once, audit events included', () => {
  let api: TasksCasesApi;
  let n = 0;

  beforeAll(async () => {
    api = await startTasksCasesApi('complete-recovery', { engine: true });
    await api.engine!.deploy([{ name: 'formless-check.bpmn', content: FORMLESS }]);
  });
  afterAll(() => api.close());

  /** An assessment task of a fresh east case, claimed by cm-1 with its answers stored (as a kill would leave it). */
  async function interrupted(data: Record<string, string>, alsoAmendCase: boolean) {
    const caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Cy', familyName: `Stone${'abcdefgh'[n++]}`, dateOfBirth: '2011-03-04', team: 'east' })).body.id;
    const { instanceKey } = await api.engine!.startInstance('assetplus-assessment', { caseId }, { businessKey: caseId });
    await api.engine!.runDue();
    const task = (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'infoGathering')!;
    await api.repos.tasks.claim(task.key, 'cm-1', '2026-11-24T10:00:00.000Z');
    const submission = {
      id: submissionIdForTask(task.key), formId: task.formId!, version: 1, data, submittedBy: 'cm-1', submittedAt: '2026-11-24T10:01:00.000Z', taskId: task.key, caseId,
    };
    await api.repos.submissions.create(submission);
    // Killed after the case amendments, before any audit event: the old retry found nothing to apply and wrote no trail.
    if (alsoAmendCase) await applySubmissionToCase({ cases: api.repos.cases }, submission, (await api.repos.forms.getVersion(task.formId!, 1))!.schema, { fresh: true });
    return { caseId, taskId: task.key, instanceKey, submissionId: submission.id };
  }

  const eventsOf = (submissionId: string) => api.audit.filter((e) => e.after?.submissionId === submissionId).map((e) => `${e.action}:${(e.sections ?? []).join('+')}`).sort();

  it('the author\'s retry writes the missing case.write and task.complete events once; a further retry writes nothing', async () => {
    const data = { personalCircumstances: 'lives with gran', offendingHistory: 'none before' };
    const { caseId, taskId, submissionId } = await interrupted(data, true);
    const amendmentsBefore = (await api.call('GET', `/cases/${caseId}/amendments?section=family`, 'cm')).body.items.length;
    // A retry is validated like any answer (the form now asks why the assessment is done); the stored answers win.
    const retryData = { ...data, assessment: { reason: 'community-order', informationGatheredOn: '2026-11-23' } };
    const retry = await api.call('POST', `/tasks/${taskId}/complete`, 'cm', { data: retryData });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ repeated: true, amendedSections: [] });
    expect(eventsOf(submissionId)).toEqual(['case.write:family+offending', 'task.complete:family+offending']);
    expect(api.audit.find((e) => e.action === 'task.complete' && e.recordId === taskId)).toMatchObject({ actor: { id: 'cm-1', roles: ['case-managers'] } });
    expect((await api.call('POST', `/tasks/${taskId}/complete`, 'cm', { data: retryData })).body).toMatchObject({ repeated: true });
    expect(eventsOf(submissionId)).toHaveLength(2);
    expect((await api.call('GET', `/cases/${caseId}/amendments?section=family`, 'cm')).body.items).toHaveLength(amendmentsBefore);
    expect((await api.repos.tasks.findById(taskId))?.state).toBe('completed');
  });

  it('start-up recovery finishes a stored completion nobody retries (case, audit, engine, queue), once', async () => {
    const data = { personalCircumstances: 'moved to dad', offendingHistory: 'one caution' };
    const { caseId, taskId, instanceKey, submissionId } = await interrupted(data, false);
    const deps = { ...api.repos, engine: api.engine!, audit: api.auditLog, users: { findById: async () => ({ roles: ['case-managers'] }) } };
    const first = await recoverCompletions(deps);
    expect(first.finished).toBe(1);
    expect(first.failed).toEqual([]);
    expect((await api.repos.tasks.findById(taskId))).toMatchObject({ state: 'completed', completedBy: 'cm-1' });
    expect((await api.engine!.listUserTasks({ instanceKey, state: 'completed' })).map((t) => t.key)).toEqual([taskId]);
    expect((await api.repos.cases.findById(caseId))!.sections.family?.values).toMatchObject({ personalCircumstances: 'moved to dad' });
    expect(eventsOf(submissionId)).toEqual(['case.write:family+offending', 'task.complete:family+offending']);
    const again = await recoverCompletions(deps);
    expect(again.finished).toBe(0);
    expect(eventsOf(submissionId)).toHaveLength(2);
  });

  it('completes a task without a form (the process moves on); answers for it are refused and leave it unclaimed', async () => {
    const caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Di', familyName: 'Moss', dateOfBirth: '2012-05-06', team: 'east' })).body.id;
    const { instanceKey } = await api.engine!.startInstance('formless-check', { caseId }, { businessKey: caseId });
    const [task] = await api.engine!.listUserTasks({ instanceKey, state: 'open' });
    const refused = await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: { note: 'x' } });
    expect(refused.status).toBe(422);
    expect((await api.repos.tasks.findById(task.key))?.assignee).toBeUndefined();
    const done = await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: {} });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ repeated: false, amendedSections: [], submission: { formId: '', data: {}, taskId: task.key } });
    expect((await api.engine!.listUserTasks({ instanceKey, state: 'open' })).map((t) => t.elementId)).toEqual(['after']);
    expect(api.audit.filter((e) => e.recordId === task.key).map((e) => e.action)).toEqual(['task.complete']);
    expect((await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: {} })).body).toMatchObject({ repeated: true });
    expect(api.audit.filter((e) => e.recordId === task.key)).toHaveLength(1);
  });

  it('a failure before the answers are stored gives back the claim it took', async () => {
    const caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ed', familyName: 'Lane', dateOfBirth: '2012-07-08', team: 'east' })).body.id;
    const { instanceKey } = await api.engine!.startInstance('formless-check', { caseId }, { businessKey: caseId });
    const [task] = await api.engine!.listUserTasks({ instanceKey, state: 'open' });
    const create = api.repos.submissions.create;
    api.repos.submissions.create = async () => { throw new Error('database went away'); };
    try {
      expect((await api.call('POST', `/tasks/${task.key}/complete`, 'cm', { data: {} })).status).toBe(500);
    } finally {
      api.repos.submissions.create = create;
    }
    expect(await api.repos.tasks.findById(task.key)).toMatchObject({ state: 'open' });
    expect((await api.repos.tasks.findById(task.key))?.assignee).toBeUndefined();
  });
});
