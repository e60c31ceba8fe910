import { DeploymentRejectedError } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

// Camunda 8 implements message throw and end events (and send tasks) as jobs: a worker sends the message.
describe('Feature: send tasks, message throw and message end events run as jobs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await engineHarness(['message-jobs.bpmn']);
    h.handle('notify-team', () => ({ kind: 'complete', variables: { notified: true } }));
    h.handle('tell-court', () => ({ kind: 'complete', variables: { courtToldAt: '2026-03-02' } }));
    h.handle('close-referral', () => ({ kind: 'complete' }));
  });
  afterAll(() => h.close());

  test('Given the model, when each worker completes its job, then the instance runs to its message end event', async () => {
    const { instanceKey } = await h.engine.startInstance('message-jobs', { caseId: 'c-1' });
    await h.engine.runDue();
    await h.engine.runDue();
    await h.engine.runDue();
    expect(h.jobs.filter((j) => j.instanceKey === instanceKey).map((j) => `${j.type}@${j.elementId}`)).toEqual([
      'notify-team@Activity_notify', 'tell-court@Event_tell_court', 'close-referral@Event_closed',
    ]);
    expect(h.jobs.find((j) => j.type === 'tell-court')).toMatchObject({ retries: 2, variables: expect.objectContaining({ notified: true }) });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ notified: true, courtToldAt: '2026-03-02' }) });
    expect(instance?.timeline.map((t) => `${t.elementId}:${t.event}`)).toContain('Event_closed:completed');
  });

  test('Given a message end event with no job type, then deploy is refused naming it', async () => {
    const r = fixture('message-jobs.bpmn');
    r.content = r.content.replace('<zeebe:taskDefinition type="close-referral" />', '');
    const problems = await h.engine.deploy([r]).then(() => [], (e: DeploymentRejectedError) => e.problems);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'Event_closed', message: "message end event 'Event_closed' needs a zeebe:taskDefinition type (a job worker sends the message)" }));
  });
});
