import fs from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../../server/src/adapters/engine-embedded/deploy/bpmn-compiler';
import { engineHarness, MINUTE, type Harness } from './support/engine-harness';

// Execution listeners as Camunda 8.8 runs them: jobs that block their element — start listeners after the
// input mappings (their variables local to the element), end listeners after the output mappings (their
// variables go to the scope); the process's own before its start event and after its end.
describe('Feature: execution listeners (start and end; on tasks, gateways, user tasks and the process)', () => {
  let h: Harness;
  let afterVisit: 'fail' | 'complete' = 'complete';
  let route = 'home';
  let auditEnd: 'complete' | 'retry later' = 'complete';
  beforeAll(async () => {
    h = await engineHarness(['execution-listeners.bpmn', 'listener-joins.bpmn']);
    h.handle('audit-start', () => ({ kind: 'complete', variables: { auditId: 'a-1' } }));
    h.handle('fetch-address', (job) => ({ kind: 'complete', variables: { address: `home of ${job.variables.visitFor}` } }));
    h.handle('book-visit', () => ({ kind: 'complete', variables: { booked: true } }));
    h.handle('note-booking', () => ({ kind: 'complete', variables: { noted: true } }));
    h.handle('decide-route', () => ({ kind: 'complete', variables: { route } }));
    h.handle('after-visit', () => (afterVisit === 'fail' ? { kind: 'fail', message: 'diary not reachable', retries: 0 } : { kind: 'complete', variables: { diaryUpdated: true } }));
    h.handle('audit-end', () => (auditEnd === 'retry later' ? { kind: 'fail', message: 'audit log busy', retries: 2, backoffMs: MINUTE } : { kind: 'complete' }));
    h.handle('both-answered', () => ({ kind: 'complete', variables: { answers: 2 } }));
    h.handle('all-gathered', () => ({ kind: 'complete' }));
    h.handle('log-cancellation', () => ({ kind: 'complete', variables: { cancellationLogged: true } }));
  });
  afterAll(() => h.close());

  const typesOf = (instanceKey: string) => h.jobs.filter((j) => j.instanceKey === instanceKey).map((j) => j.type);

  test('Given the model, then each listener runs in order and blocks its element; variables are scoped as in Zeebe', async () => {
    afterVisit = 'complete';
    const { instanceKey } = await h.engine.startInstance('execution-listeners', { caseId: 'c-el-1' });
    await h.engine.runDue();
    expect(typesOf(instanceKey)).toEqual(['audit-start', 'fetch-address', 'book-visit', 'note-booking', 'decide-route']);
    // The task's job sees its input mapping and its start listener's variable (both local to the task).
    const book = h.jobs.find((j) => j.instanceKey === instanceKey && j.type === 'book-visit')!;
    expect(book.variables).toMatchObject({ visitFor: 'c-el-1', address: 'home of c-el-1', auditId: 'a-1' });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_visit']); // the gateway's listener chose the route
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_visit'), {}, { by: 'u' });
    await h.engine.runDue();
    expect(typesOf(instanceKey).slice(-2)).toEqual(['after-visit', 'audit-end']);
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables).toMatchObject({ auditId: 'a-1', booked: true, noted: true, diaryUpdated: true });
    expect(instance?.variables).not.toHaveProperty('address'); // local to the task
    expect(instance?.variables).not.toHaveProperty('route'); // local to the gateway
  });

  test('Given an end listener whose job fails, then the task stays on it with an incident, and resolving it runs the listener again', async () => {
    afterVisit = 'fail';
    const { instanceKey } = await h.engine.startInstance('execution-listeners', { caseId: 'c-el-2' });
    await h.engine.runDue();
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_visit'), {}, { by: 'u' });
    await h.engine.runDue();
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'Activity_visit', type: 'job-failed', message: expect.stringContaining('diary not reachable') });
    const waiting = await h.engine.getInstance(instanceKey);
    expect(waiting?.activeElementIds).toEqual(['Activity_visit']);
    // The Monitor names the listener a worker must run, not the element's own job.
    expect(waiting?.waitingJobs).toEqual([{ elementId: 'Activity_visit', jobType: 'after-visit', executionListener: 'end' }]);
    afterVisit = 'complete';
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
  });

  test('Given the visit is cancelled, then the event sub-process waits for its start listener before its start event goes on with the message', async () => {
    const { instanceKey } = await h.engine.startInstance('execution-listeners', { caseId: 'c-el-3' });
    await h.engine.runDue();
    expect(await h.engine.publishMessage('visit-cancelled', 'c-el-3', { reason: 'family moved' })).toMatchObject({ correlated: true });
    await h.engine.runDue();
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables).toMatchObject({ reason: 'family moved' });
    expect(instance?.variables).not.toHaveProperty('cancellationLogged'); // local to the event sub-process
    expect(typesOf(instanceKey).slice(-2)).toEqual(['log-cancellation', 'audit-end']);
  });

  test('Given joining gateways with start listeners, then each runs once, when its join is complete', async () => {
    const { instanceKey } = await h.engine.startInstance('listener-joins', { policeKnown: true, housingKnown: true });
    await h.engine.runDue();
    expect(typesOf(instanceKey)).toEqual(['both-answered', 'all-gathered']);
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.timeline.filter((t) => t.elementId === 'Gateway_gathered').map((t) => t.event)).toEqual(['activated', 'completed']);
  });

  test('Given the process has ended its work and waits on its end listener, then its event sub-process can no longer start', async () => {
    route = 'elsewhere';
    auditEnd = 'retry later';
    const { instanceKey } = await h.engine.startInstance('execution-listeners', { caseId: 'c-el-5' });
    await h.engine.runDue();
    expect(typesOf(instanceKey).slice(-1)).toEqual(['audit-end']);
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('active');
    // The process's last token has ended: nothing may start inside it any more.
    expect(await h.engine.publishMessage('visit-cancelled', 'c-el-5', {})).toMatchObject({ correlated: false });
    auditEnd = 'complete';
    h.clock.advance(2 * MINUTE);
    await h.engine.runDue();
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.timeline.some((t) => t.elementId === 'Activity_cancelled')).toBe(false);
    expect(typesOf(instanceKey).filter((t) => t === 'audit-end')).toHaveLength(2);
    route = 'home';
  });

  test('Given an event sub-process whose input mapping failed, when the incident is resolved, then it starts with the trigger\'s variables', async () => {
    const xml = fs.readFileSync(path.join(__dirname, 'fixtures', 'execution-listeners.bpmn'), 'utf8').replaceAll('"execution-listeners"', '"execution-listeners-retry"')
      .replace('<zeebe:executionListener eventType="start" retries="3" type="log-cancellation" />', '<zeebe:executionListener eventType="start" retries="3" type="log-cancellation" /></zeebe:executionListeners><zeebe:ioMapping><zeebe:input source="=assert(ready, ready = true)" target="checked" /></zeebe:ioMapping><zeebe:executionListeners>');
    await h.engine.deploy([{ name: 'execution-listeners-retry.bpmn', content: xml }]);
    const { instanceKey } = await h.engine.startInstance('execution-listeners-retry', { caseId: 'c-el-6' });
    await h.engine.runDue();
    expect(await h.engine.publishMessage('visit-cancelled', 'c-el-6', { reason: 'family moved' })).toMatchObject({ correlated: true });
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'Activity_cancelled' });
    await h.engine.setVariables(instanceKey, { ready: true });
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables).toMatchObject({ reason: 'family moved' });
  });

  test('Given listeners where Camunda 8.8 refuses them, then deploy names the element and why', async () => {
    const xml = fs.readFileSync(path.join(__dirname, 'fixtures', 'execution-listeners.bpmn'), 'utf8');
    const listener = (eventType: string) => `<bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="${eventType}" type="x" /></zeebe:executionListeners></bpmn:extensionElements>`;
    const onStart = xml.replace('<bpmn:startEvent id="StartEvent_1" name="Visit needed">', `<bpmn:startEvent id="StartEvent_1" name="Visit needed">${listener('start')}`);
    expect((await compileBpmn('m.bpmn', onStart)).problems).toContainEqual(expect.objectContaining({ elementId: 'StartEvent_1', message: expect.stringContaining("a start event cannot have 'start' listeners") }));
    const gatewayEnd = xml.replace('eventType="start" retries="3" type="decide-route"', 'eventType="end" retries="3" type="decide-route"');
    expect((await compileBpmn('m.bpmn', gatewayEnd)).problems).toContainEqual(expect.objectContaining({ elementId: 'Gateway_route', message: expect.stringContaining("a gateway cannot have 'end' listeners") }));
  });
});
