// The WorkflowEngine contract: the same process walks, written against the port only, run against every
// engine adapter (one *.contract.test.ts per adapter supplies a subject). Expectations come from Camunda 8.8's
// documented behaviour, not from either adapter's code.
import fs from 'node:fs';
import path from 'node:path';
import { TaskChangeDeniedError, type EngineEvent, type Job, type JobOutcome, type WorkflowEngine } from '../../server/src/ports/workflow-engine.port';

export interface ContractSubject {
  engine: WorkflowEngine;
  /** Moves the engine's clock on by ms, then lets due timers and jobs run. */
  advance(ms: number): Promise<void>;
  /** Lets activated jobs and listener jobs run until nothing is left. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export const HOUR = 3_600_000;
const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8') });
export const CONTRACT_FIXTURES = ['contract-tasks.bpmn', 'contract-messages.bpmn', 'contract-timer.bpmn', 'contract-errors.bpmn', 'contract-child.bpmn', 'contract-parent.bpmn'];

export function describeWorkflowEngineContract(adapter: string, makeSubject: () => Promise<ContractSubject>): void {
  describe(`WorkflowEngine contract: ${adapter}`, () => {
    let s: ContractSubject;
    let engine: WorkflowEngine;
    const events: EngineEvent[] = [];
    const checkOutcome: { next: (job: Job) => JobOutcome } = { next: () => ({ kind: 'complete' }) };
    const checkJobs: Job[] = [];

    beforeAll(async () => {
      s = await makeSubject();
      engine = s.engine;
      engine.onEvent((e) => { events.push(e); });
      engine.registerJobHandler('contract-check', async (job) => { checkJobs.push(job); return checkOutcome.next(job); });
      // The process's own assigning listener: nobody may give the referral review to 'mallory'.
      engine.registerJobHandler('contract-vet-assignee', async (job) => {
        const task = job.variables.userTask as { assignee?: string; userTaskKey?: string } | undefined;
        expect(job.headers.listenerEventType).toBe('assigning');
        return task?.assignee === 'mallory' ? { kind: 'complete', result: { denied: true, deniedReason: 'not on the team' } } : { kind: 'complete' };
      });
      const deployed = await engine.deploy(CONTRACT_FIXTURES.map(fixture));
      expect(deployed.map((d) => d.processId).sort()).toEqual(['contract-child', 'contract-errors', 'contract-messages', 'contract-parent', 'contract-tasks', 'contract-timer']);
      await engine.start();
    });
    afterAll(() => s?.close());

    // Commands settle before their effects are read: on Zeebe a task exists only once its `creating`
    // listeners ran, and jobs run on workers (Camunda 8.8 semantics; the embedded engine runs them at once).
    const start = async (processId: string, variables: Record<string, unknown>) => {
      const started = await engine.startInstance(processId, variables);
      await s.settle();
      return started;
    };
    const openTasks = async (instanceKey: string) => (await engine.listUserTasks({ instanceKey, state: 'open' }));
    const openElements = async (instanceKey: string) => (await openTasks(instanceKey)).map((t) => t.elementId).sort();
    const taskOf = async (instanceKey: string, elementId: string) => {
      const t = (await openTasks(instanceKey)).find((x) => x.elementId === elementId);
      if (!t) throw new Error(`no open '${elementId}' task in ${instanceKey}`);
      return t;
    };
    const taskEvents = (key: string) => events.flatMap((e) => ('task' in e && e.task.key === key ? [e.type] : []));

    test('a started instance holds its variables and waits at its user task with the modelled candidates', async () => {
      const started = await start('contract-tasks', { caseId: 'case-start', count: 3, person: { name: 'Sam' } });
      expect(started).toMatchObject({ processId: 'contract-tasks', version: 1 });
      const instance = await engine.getInstance(started.instanceKey);
      expect(instance).toMatchObject({ state: 'active', processId: 'contract-tasks', activeElementIds: ['review'] });
      expect(instance?.variables).toMatchObject({ caseId: 'case-start', count: 3, person: { name: 'Sam' } });
      const [task] = await openTasks(started.instanceKey);
      expect(task).toMatchObject({ elementId: 'review', name: 'Review the referral', candidateGroups: ['case-managers'], processId: 'contract-tasks', state: 'open', instanceKey: started.instanceKey });
      await s.settle();
      expect(taskEvents(task.key)).toEqual(['user-task.created']);
    });

    test('a user task is assigned, updated and completed; its output reaches the instance, which completes', async () => {
      const { instanceKey } = await start('contract-tasks', { caseId: 'case-walk' });
      const task = await taskOf(instanceKey, 'review');
      expect((await engine.assignUserTask(task.key, 'alice', { by: 'lead' })).status).toBe('applied');
      expect((await engine.getUserTask(task.key))?.assignee).toBe('alice');
      const due = '2026-04-01T17:00:00.000Z';
      expect((await engine.updateUserTask(task.key, { dueDate: due, priority: 80, candidateGroups: ['seniors'] }, { by: 'lead' })).status).toBe('applied');
      const updated = await engine.getUserTask(task.key);
      expect(updated).toMatchObject({ priority: 80, candidateGroups: ['seniors'] });
      expect(new Date(updated?.dueDate ?? 0).toISOString()).toBe(due);
      await engine.completeUserTask(task.key, { decision: 'accept' }, { by: 'alice' });
      await s.settle();
      expect(await engine.getUserTask(task.key)).toMatchObject({ state: 'completed' });
      const instance = await engine.getInstance(instanceKey);
      expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ decision: 'accept' }) });
      expect(taskEvents(task.key)).toEqual(['user-task.created', 'user-task.assigned', 'user-task.updated', 'user-task.completed']);
    });

    test('an assigning task listener may deny an assignment: nothing changes, and the queue hears of no assignment', async () => {
      const { instanceKey } = await start('contract-tasks', { caseId: 'case-deny' });
      const task = await taskOf(instanceKey, 'review');
      await expect(engine.assignUserTask(task.key, 'mallory', { by: 'lead' })).rejects.toBeInstanceOf(TaskChangeDeniedError);
      await s.settle();
      expect((await engine.getUserTask(task.key))?.assignee).toBeUndefined();
      expect(taskEvents(task.key)).toEqual(['user-task.created']);
      expect((await engine.assignUserTask(task.key, 'alice', { by: 'lead' })).status).toBe('applied');
      await s.settle();
      expect(taskEvents(task.key)).toEqual(['user-task.created', 'user-task.assigned']);
    });

    test('a message reaches only the instance with its correlation key; with a TTL it waits for a later subscriber until it expires', async () => {
      const a = await start('contract-messages', { caseId: 'case-msg-a' });
      const b = await start('contract-messages', { caseId: 'case-msg-b' });
      expect(await engine.publishMessage('contract-reply', 'case-msg-a', { reply: 'yes' })).toMatchObject({ correlated: true });
      await s.settle();
      expect(await openElements(a.instanceKey)).toEqual(['readReply']);
      expect((await engine.getInstance(a.instanceKey))?.variables).toMatchObject({ reply: 'yes' });
      expect(await openElements(b.instanceKey)).toEqual([]);

      expect((await engine.publishMessage('contract-reply', 'case-msg-c', {}, { ttlMs: HOUR })).correlated).toBe(false);
      const c = await start('contract-messages', { caseId: 'case-msg-c' });
      expect(await openElements(c.instanceKey)).toEqual(['readReply']);

      await engine.publishMessage('contract-reply', 'case-msg-d', {}); // no TTL: nobody waits, so it is gone
      await engine.publishMessage('contract-reply', 'case-msg-e', {}, { ttlMs: HOUR });
      await s.advance(2 * HOUR); // the buffered message expires
      const d = await start('contract-messages', { caseId: 'case-msg-d' });
      const e = await start('contract-messages', { caseId: 'case-msg-e' });
      expect(await openElements(d.instanceKey)).toEqual([]);
      expect(await openElements(e.instanceKey)).toEqual([]);
      expect((await engine.getInstance(e.instanceKey))?.activeElementIds).toEqual(['waitReply']);
    });

    test('an interrupting boundary timer fires when the clock passes it, cancelling the task and opening the escalation', async () => {
      const { instanceKey } = await start('contract-timer', { caseId: 'case-timer' });
      const assess = await taskOf(instanceKey, 'assess');
      await s.advance(HOUR);
      expect(await openElements(instanceKey)).toEqual(['assess']);
      await s.advance(HOUR);
      expect(await openElements(instanceKey)).toEqual(['escalate']);
      expect((await taskOf(instanceKey, 'escalate')).candidateGroups).toEqual(['managers']);
      expect(await engine.getUserTask(assess.key)).toMatchObject({ state: 'cancelled' });
      await s.settle();
      expect(taskEvents(assess.key)).toEqual(['user-task.created', 'user-task.cancelled']);
    });

    test('a job handler\'s BPMN error is caught by the boundary event; its completion variables reach the instance', async () => {
      checkOutcome.next = (job) => (job.variables.eligible === false ? { kind: 'bpmnError', code: 'NOT_ELIGIBLE' } : { kind: 'complete', variables: { checked: true } });
      const no = await start('contract-errors', { caseId: 'case-err-no', eligible: false });
      const yes = await start('contract-errors', { caseId: 'case-err-yes', eligible: true });
      await s.settle();
      expect(await openElements(no.instanceKey)).toEqual(['closeCase']);
      expect(await openElements(yes.instanceKey)).toEqual(['plan']);
      expect((await engine.getInstance(yes.instanceKey))?.variables).toMatchObject({ checked: true });
      const job = checkJobs.find((j) => j.instanceKey === yes.instanceKey);
      expect(job).toMatchObject({ type: 'contract-check', processId: 'contract-errors', elementId: 'check', variables: expect.objectContaining({ caseId: 'case-err-yes' }) });
    });

    test('a job that fails with no retries left raises an incident; resolving it runs the job again', async () => {
      checkOutcome.next = () => ({ kind: 'fail', message: 'the register is offline', retries: 0 });
      const { instanceKey } = await start('contract-errors', { caseId: 'case-incident' });
      await s.settle();
      const [incident] = await engine.listIncidents({ instanceKey, state: 'open' });
      expect(incident).toMatchObject({ instanceKey, elementId: 'check', type: 'job-failed', message: 'the register is offline', state: 'open' });
      expect(await openElements(instanceKey)).toEqual([]);
      checkOutcome.next = () => ({ kind: 'complete' });
      await engine.resolveIncident(incident.id);
      await s.settle();
      expect(await openElements(instanceKey)).toEqual(['plan']);
      expect(await engine.listIncidents({ instanceKey, state: 'open' })).toEqual([]);
    });

    test('a called process inherits the case; completing its task completes the caller', async () => {
      const parent = await start('contract-parent', { caseId: 'case-call' });
      await s.settle();
      const { items } = await engine.listInstances({ processId: 'contract-child' });
      const child = items.find((i) => i.parentKey === parent.instanceKey);
      expect(child).toMatchObject({ caseId: 'case-call', state: 'active' });
      expect((await engine.getInstance(child!.key))?.variables).toMatchObject({ caseId: 'case-call' });
      await engine.completeUserTask((await taskOf(child!.key, 'childTask')).key, {}, { by: 'alice' });
      await s.settle();
      expect((await engine.getInstance(parent.instanceKey))?.state).toBe('completed');
    });

    test('cancelling an instance cancels its open task', async () => {
      const { instanceKey } = await start('contract-tasks', { caseId: 'case-cancel' });
      const task = await taskOf(instanceKey, 'review');
      await engine.cancelInstance(instanceKey, { by: 'lead', reason: 'withdrawn' });
      await s.settle();
      expect((await engine.getInstance(instanceKey))?.state).toBe('cancelled');
      expect(await engine.getUserTask(task.key)).toMatchObject({ state: 'cancelled' });
      expect(taskEvents(task.key)).toEqual(['user-task.created', 'user-task.cancelled']);
    });

    // Last: it deploys a second version of contract-tasks.
    test('a running instance migrates to a later version; its open task keeps its key and takes the new name', async () => {
      const { instanceKey } = await start('contract-tasks', { caseId: 'case-migrate' });
      const task = await taskOf(instanceKey, 'review');
      const [v2] = await engine.deploy([fixture('contract-tasks-v2.bpmn')]);
      expect(v2).toMatchObject({ processId: 'contract-tasks', version: 2, isNew: true });
      const result = await engine.migrateInstance(instanceKey, { toVersion: 2 });
      expect(result).toMatchObject({ migrated: true, toVersion: 2, problems: [] });
      expect((await engine.getInstance(instanceKey))?.version).toBe(2);
      expect(await engine.getUserTask(task.key)).toMatchObject({ state: 'open', name: 'Review the referral again', processVersion: 2 });
      await engine.completeUserTask(task.key, { decision: 'decline' }, { by: 'alice' });
      await s.settle();
      expect((await engine.getInstance(instanceKey))?.state).toBe('completed');
    });
  });
}
