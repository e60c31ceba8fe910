// A completion cut short after its answers were stored, and never retried, is finished by start-up recovery
// (application/tasks/recover-completions.ts) — and the consent its form captured becomes a consent record
// there too, once: before, it stayed only in the submission, so neither the case header nor a withdrawal knew
// of it. The pattern of test/integration/tasks/complete-task-recovery.test.ts, with the consent module wired.
import { recoverCompletions } from '../../../server/src/application/tasks/recover-completions';
import { submissionIdForTask } from '../../../server/src/application/tasks/get-task';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('start-up recovery records the consent of an interrupted completion, once', () => {
  let api: TasksCasesApi;

  beforeAll(async () => {
    api = await startTasksCasesApi('consent-recovery', { engine: true, consent: true });
  });
  afterAll(() => api.close());

  it("finishes a stored prevention-consent completion nobody retried: the consent record, its audit, the work's next step", async () => {
    const caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ivy', familyName: 'Dale', dateOfBirth: '2012-01-02', team: 'east' })).body.id;
    const instanceKey = (await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'prevention', variables: {} })).body.instanceKey;
    await api.engine!.runDue();
    const task = (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'recordConsent')!;
    // As a kill leaves it: claimed by cm-1, answers stored, nothing after (no case write, no audit, no engine step).
    await api.repos.tasks.claim(task.key, 'cm-1', '2026-11-24T10:00:00.000Z');
    const submission = {
      id: submissionIdForTask(task.key), formId: task.formId!, version: (await api.repos.forms.latest(task.formId!))!.version,
      data: { preventionConsent: 'given', consentGivenBy: 'child', consentDate: '2026-11-23', privacyNoticeGiven: true },
      submittedBy: 'cm-1', submittedAt: '2026-11-24T10:01:00.000Z', taskId: task.key, caseId,
    };
    await api.repos.submissions.create(submission);

    const deps = {
      ...api.repos, engine: api.engine!, audit: api.auditLog, captureConsents: api.captureConsents,
      users: { findById: async () => ({ roles: ['case-managers'] }) },
    };
    const first = await recoverCompletions(deps);
    expect([first.finished, first.failed]).toEqual([1, []]);
    await api.engine!.runDue(); // the steps after the task (its deadline job) run, as the server's pollers would
    const records = (await api.call('GET', `/cases/${caseId}/consents`, 'cm')).body.records;
    expect(records).toEqual([expect.objectContaining({
      purpose: 'prevention-work', givenBy: 'child', givenOn: '2026-11-23', evidence: `submission ${submission.id}`, recordedBy: 'cm-1',
      privacyNoticeVersion: `prevention-consent version ${submission.version}`,
    })]);
    const recorded = () => api.audit.filter((e) => e.action === 'consent.recorded' && e.recordId === caseId);
    expect(recorded()).toEqual([expect.objectContaining({ actor: { id: 'cm-1', roles: ['case-managers'] } })]);
    expect((await api.engine!.listUserTasks({ instanceKey, state: 'open' })).map((t) => t.elementId)).toEqual(['assessment']);

    // Run again (the next start): nothing more is finished, recorded or audited.
    const again = await recoverCompletions(deps);
    expect(again.finished).toBe(0);
    expect((await api.call('GET', `/cases/${caseId}/consents`, 'cm')).body.records).toHaveLength(1);
    expect(recorded()).toHaveLength(1);

    // The consent is known, so its withdrawal stops the running work.
    const withdrawn = await api.call('POST', `/cases/${caseId}/consents/${records[0].id}/withdrawal`, 'cm', { by: 'child' });
    expect(withdrawn.body.messagePublished).toEqual({ name: 'prevention-consent-withdrawn', correlated: true });
  });
});
