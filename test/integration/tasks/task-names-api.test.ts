import type { NewQueueTask } from '../../../server/src/ports/task-repository.port';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

// Queue rows and the task page name the child (for readers who may open the case) and the colleague who
// claimed the task. A reader outside the case's team gets the reference only: the name appears nowhere.
const task = (id: string, over: Partial<NewQueueTask> = {}): NewQueueTask => ({
  id, instanceKey: `i-${id}`, processId: 'referral-intake', processVersion: 1, elementId: 'matchPerson', name: `Task ${id}`,
  candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, createdAt: '2026-11-20T09:00:00.000Z', ...over,
});
type Row = { id: string; caseId?: string; caseName?: string; assignee?: string; assigneeName?: string };
const row = (body: { items: Row[] }, id: string) => body.items.find((t) => t.id === id);

describe('names in task queues and on the task page', () => {
  let api: TasksCasesApi;
  let eastCase: string;
  let westCase: string;

  beforeAll(async () => {
    api = await startTasksCasesApi('tasknames');
    eastCase = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
    westCase = (await api.call('POST', '/cases', 'west', { givenName: 'Wendy', familyName: 'Westwood', dateOfBirth: '2011-05-06', team: 'west' })).body.id;
    expect([eastCase, westCase]).toEqual([expect.any(String), expect.any(String)]);
    await api.repos.tasks.recordCreated(task('east-task', { caseId: eastCase, team: 'east' }));
    // Projected while the case was east's; the case has since moved to the west team.
    await api.repos.tasks.recordCreated(task('moved-task', { caseId: westCase, team: 'east' }));
    await api.repos.tasks.recordCreated(task('west-task', { caseId: westCase, team: 'west' }));
  });
  afterAll(() => api.close());

  it('gives a team member the child\'s name beside the reference in the queue and on the task page', async () => {
    const queue = await api.call('GET', '/tasks?queue=team', 'cm');
    expect(row(queue.body, 'east-task')).toMatchObject({ caseId: eastCase, caseName: 'Ada Jones' });
    const page = await api.call('GET', '/tasks/east-task', 'cm');
    expect(page.body.task).toMatchObject({ caseId: eastCase, caseName: 'Ada Jones' });
    const west = await api.call('GET', '/tasks?queue=team', 'west');
    expect(row(west.body, 'west-task')).toMatchObject({ caseId: westCase, caseName: 'Wendy Westwood' });
  });

  it('shows only the reference to a reader outside the case\'s team: the name is nowhere in the response', async () => {
    const queue = await api.call('GET', '/tasks?queue=team', 'cm');
    const moved = row(queue.body, 'moved-task')!;
    expect(moved.caseId).toBe(westCase);
    expect(moved.caseName).toBeUndefined();
    expect(queue.text).not.toMatch(/Wendy|Westwood/);
    // The task page follows the case rule (the case's team now, not the row's): another team's task is not found.
    for (const who of ['cm', 'tm'] as const) {
      const page = await api.call('GET', '/tasks/moved-task', who);
      expect(page.status).toBe(404);
      expect(page.text).not.toMatch(/Wendy|Westwood/);
    }
  });

  it('follows an amended name', async () => {
    const changed = await api.call('PATCH', `/cases/${eastCase}/sections/personal`, 'cm', { changes: { familyName: 'Jones-Smith' }, reason: 'name corrected' });
    expect(changed.status).toBe(200);
    expect(row((await api.call('GET', '/tasks?queue=team', 'cm')).body, 'east-task')?.caseName).toBe('Ada Jones-Smith');
  });

  it('names the colleague who claimed the task rather than giving their user id', async () => {
    expect((await api.call('POST', '/tasks/east-task/claim', 'cm2')).status).toBe(200);
    const page = await api.call('GET', '/tasks/east-task', 'cm');
    expect(page.body.task).toMatchObject({ assignee: 'cm-2', assigneeName: 'Casey Second' });
    expect(row((await api.call('GET', '/tasks?queue=team', 'cm')).body, 'east-task')).toMatchObject({ assignee: 'cm-2', assigneeName: 'Casey Second' });
    expect(row((await api.call('GET', '/tasks?queue=mine', 'cm2')).body, 'east-task')?.assigneeName).toBe('Casey Second');
  });
});
