// A form whose condition reads a process variable (`=order.type != "dto"`) must show the same fields on the
// task page as the server validates: the page gets exactly the variable paths the form reads, nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const fixture = (name: string) => ({ name, content: readFileSync(path.join(__dirname, 'fixtures', name), 'utf8') });

describe('the process variables a task form reads', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const taskOf = async (instanceKey: string) => (await api.engine!.listUserTasks({ instanceKey, state: 'open' }))[0];
  const start = async (order: Record<string, unknown>) => {
    const { instanceKey } = await api.engine!.startInstance('test-order-decision', { caseId, order, health: { camhs: 'yes' } }, { businessKey: caseId });
    await api.engine!.runDue();
    return (await taskOf(instanceKey)).key;
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('formvars', { engine: true, files: { forms: [fixture('test-order-decision.form')], processes: [fixture('test-order-decision.bpmn')] } });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it('the task page carries order.type and nothing else of the instance', async () => {
    const key = await start({ id: 'o-1', type: 'dto', offences: 'robbery' });
    const view = await api.call('GET', `/tasks/${key}`, 'cm');
    expect(view.status).toBe(200);
    expect(view.body.formVariables).toEqual({ order: { type: 'dto' } });
  });

  it('what the page shows is what the server requires: the DTO question for a DTO, not for a YRO', async () => {
    const dto = await start({ id: 'o-2', type: 'dto' });
    const refused = await api.call('POST', `/tasks/${dto}/complete`, 'cm', { data: { decisionNotes: 'seen' } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors ?? refused.body.fieldErrors ?? {})).toContain('supervisionBreach');

    const yro = await start({ id: 'o-3', type: 'yro' });
    expect((await api.call('GET', `/tasks/${yro}`, 'cm')).body.formVariables).toEqual({ order: { type: 'yro' } });
    expect((await api.call('POST', `/tasks/${yro}/complete`, 'cm', { data: { decisionNotes: 'seen' } })).status).toBe(200);
  });

  it('a value the form computes into a section the person may not write (health) is not refused as their answer', async () => {
    const key = await start({ id: 'o-5', type: 'dto' });
    const done = await api.call('POST', `/tasks/${key}/complete`, 'cm', { data: { supervisionBreach: 'curfew', custodyHealthCheck: false } });
    expect(done.status).toBe(200);
    expect(done.body.submission.data).toMatchObject({ supervisionBreach: 'curfew', custodyHealthCheck: true }); // computed, not as sent
  });

  it('a completed task gives no variables', async () => {
    const key = await start({ id: 'o-4', type: 'yro' });
    await api.call('POST', `/tasks/${key}/complete`, 'cm', { data: {} });
    const view = await api.call('GET', `/tasks/${key}`, 'cm');
    expect(view.body.task.state).toBe('completed');
    expect(view.body.formVariables).toBeUndefined();
  });
});
