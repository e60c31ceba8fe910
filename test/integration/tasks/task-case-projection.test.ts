// The case of a task is its instance's caseId variable (issue 15 §2), on the real embedded engine and
// database: a called process inherits it (all parent variables copied, as Zeebe does by default); a child
// whose call activity copies nothing takes its caller's; and task rows projected before this without
// their case are given it at start-up (fillTaskCases), once.
import { fillTaskCases } from '../../../server/src/application/tasks/fill-task-cases';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';
import { linearBpmn } from '../monitor/support/monitor-bpmn';

/** A parent whose one step calls `child`; `propagate: false` copies no parent variable into the child. */
const parentBpmn = (id: string, propagate: boolean) => linearBpmn(id, [{ id: 'call', kind: 'userTask' }]).replace(
  /<bpmn:userTask id="call"[\s\S]*?<\/bpmn:extensionElements>([\s\S]*?)<\/bpmn:userTask>/,
  `<bpmn:callActivity id="call" name="call"><bpmn:extensionElements><zeebe:calledElement processId="scope-child"${propagate ? '' : ' propagateAllParentVariables="false"'} /></bpmn:extensionElements>$1</bpmn:callActivity>`,
);

describe('the case of a task: caseId variable, inherited by called processes', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const engine = () => api.engine!;
  const childTask = async (parentKey: string) => {
    for (let i = 0; i < 100; i++) {
      const child = (await engine().listInstances({ processId: 'scope-child', limit: 100 })).items.find((c) => c.parentKey === parentKey);
      const task = child && (await engine().listUserTasks({ instanceKey: child.key, state: 'open' }))[0];
      const row = task && (await api.repos.tasks.findById(task.key));
      if (child && row) return { childKey: child.key, row };
      await engine().runDue();
    }
    throw new Error('no child task');
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('taskcase', { engine: true });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Cal', familyName: 'Child', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
    await engine().deploy([
      { name: 'scope-child.bpmn', content: linearBpmn('scope-child', [{ id: 'work', kind: 'userTask' }]) },
      { name: 'scope-parent.bpmn', content: parentBpmn('scope-parent', true) },
      { name: 'scope-parent-bare.bpmn', content: parentBpmn('scope-parent-bare', false) },
    ]);
  }, 60_000);
  afterAll(() => api.close());

  it('a called process gets caseId copied from its parent, and its task carries the case and its team', async () => {
    const { instanceKey } = await engine().startInstance('scope-parent', { caseId });
    const { childKey, row } = await childTask(instanceKey);
    expect((await engine().getInstance(childKey))?.variables.caseId).toBe(caseId);
    expect(row).toMatchObject({ caseId, team: 'east' });
    expect((await api.call('GET', `/tasks/${row.id}`, 'west')).status).toBe(404);
  });

  it('with propagateAllParentVariables="false" the child has no caseId, and its task takes the caller\'s case', async () => {
    const { instanceKey } = await engine().startInstance('scope-parent-bare', { caseId });
    const { childKey, row } = await childTask(instanceKey);
    expect((await engine().getInstance(childKey))?.variables.caseId).toBeUndefined();
    expect(row).toMatchObject({ caseId, team: 'east' });
  });

  it('start-up repair: an open or completed task projected without its case gets it (and its team) once; caseless ones stay as they are', async () => {
    const { instanceKey } = await engine().startInstance('scope-parent', { caseId });
    const { childKey } = await childTask(instanceKey);
    const caseless = await engine().startInstance('scope-child', {});
    const row = { processId: 'scope-child', processVersion: 1, elementId: 'work', name: 'work', candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, createdAt: '2026-11-20T09:00:00.000Z' };
    await api.repos.tasks.recordCreated({ ...row, id: 'legacy-child-task', instanceKey: childKey });
    await api.repos.tasks.recordCreated({ ...row, id: 'legacy-caseless-task', instanceKey: caseless.instanceKey });
    await api.repos.tasks.recordCreated({ ...row, id: 'legacy-done-task', instanceKey: childKey }); // its submission takes the task's case when read
    await api.repos.tasks.recordClosed('legacy-done-task', 'completed', '2026-11-21T09:00:00.000Z', 'cm-west');
    expect((await api.call('GET', '/tasks?queue=team', 'west')).body.items.map((t: { id: string }) => t.id)).toContain('legacy-child-task'); // the defect

    const deps = { tasks: api.repos.tasks, engine: engine(), teamOfCase: (id: string) => api.repos.cases.teamOf(id) };
    expect(await fillTaskCases(deps)).toBe(2);
    expect(await api.repos.tasks.findById('legacy-child-task')).toMatchObject({ caseId, team: 'east' });
    expect(await api.repos.tasks.findById('legacy-done-task')).toMatchObject({ state: 'completed', caseId, team: 'east' });
    expect((await api.repos.tasks.findById('legacy-caseless-task'))?.caseId).toBeUndefined();
    expect((await api.call('GET', '/tasks?queue=team', 'west')).body.items.map((t: { id: string }) => t.id)).not.toContain('legacy-child-task');
    expect(await fillTaskCases(deps)).toBe(0);
  });
});
