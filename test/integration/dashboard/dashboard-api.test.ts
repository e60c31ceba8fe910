// The home dashboard over HTTP with the real database, for a known set of tasks and cases: overdue and
// due-this-week counted with the product's clock (Tuesday 24 November 2026, 10:00 London; the week ends at
// Monday 30 November 00:00 London), the caseload with each case's next deadline, recent cases, and the
// team manager's view (overdue by worker, unallocated cases).
import type { NewQueueTask } from '../../../server/src/ports/task-repository.port';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('dashboard API', () => {
  let api: TasksCasesApi;
  const ids: Record<string, string> = {};
  let n = 0;
  const task = (over: Partial<NewQueueTask>): Promise<boolean> => api.repos.tasks.recordCreated({
    id: `t-${++n}`, instanceKey: `i-${n}`, processId: 'plan-review', processVersion: 1, elementId: 'review', name: `Task ${n}`,
    candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, team: 'east', createdAt: '2026-11-01T09:00:00Z', ...over,
  });
  const dashboard = async (who: 'cm' | 'cm2' | 'tm' | 'west') => {
    const res = await api.call('GET', '/dashboard', who);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('dashboard', { list: true });
    const create = async (body: Record<string, unknown>) => (await api.call('POST', '/cases', 'cm', { confirmedNotDuplicate: true, team: 'east', ...body })).body.id as string;
    ids.mine1 = await create({ givenName: 'Ada', familyName: 'One', dateOfBirth: '2010-01-01', caseManagerId: 'cm-1' });
    ids.mine2 = await create({ givenName: 'Ben', familyName: 'Two', dateOfBirth: '2010-02-02', caseManagerId: 'cm-1' });
    ids.other = await create({ givenName: 'Cal', familyName: 'Three', dateOfBirth: '2010-03-03', caseManagerId: 'cm-2' });
    ids.unallocated = await create({ givenName: 'Dee', familyName: 'Four', dateOfBirth: '2010-04-04' });
    await task({ name: 'Overdue plan review', assignee: 'cm-1', caseId: ids.mine1, dueDate: '2026-11-23T17:00:00Z' }); // yesterday
    await task({ name: 'Overdue visit', assignee: 'cm-1', caseId: ids.mine2, dueDate: '2026-11-24T09:59:00Z' }); // a minute ago
    await task({ name: 'Later today', assignee: 'cm-1', caseId: ids.mine1, dueDate: '2026-11-24T16:00:00Z' });
    await task({ name: 'Sunday night', assignee: 'cm-1', dueDate: '2026-11-29T23:30:00Z' }); // still Sunday in London (GMT)
    await task({ name: 'Monday morning', assignee: 'cm-1', dueDate: '2026-11-30T00:30:00Z' }); // next week
    await task({ name: 'No due date', assignee: 'cm-1' });
    await task({ name: 'Unassigned, not mine', caseId: ids.mine2, dueDate: '2026-11-20T12:00:00Z' }); // team work on my case
    await task({ name: "Colleague's overdue", assignee: 'cm-2', caseId: ids.other, dueDate: '2026-11-22T12:00:00Z' });
    await task({ name: 'Other team', assignee: 'cm-west', team: 'west', dueDate: '2026-11-01T12:00:00Z' });
    await api.call('GET', `/cases/${ids.other}`, 'cm');
    await api.call('GET', `/cases/${ids.mine2}`, 'cm');
    await api.call('GET', '/cases/duplicates?givenName=A&familyName=B&dateOfBirth=2010-01-01', 'cm');
    // A case is noted as opened once its page has been answered (never delaying it): wait for the note.
    for (let i = 0; i < 50 && (await dashboard('cm')).recent.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => api.close());

  it('counts my overdue tasks and what falls due later this week, by the product clock', async () => {
    const d = await dashboard('cm');
    expect(d.now).toBe('2026-11-24T10:00:00.000Z');
    expect(d.weekEnd).toBe('2026-11-30T00:00:00.000Z');
    expect(d.overdue.count).toBe(2);
    expect(d.overdue.tasks.map((t: { name: string }) => t.name)).toEqual(['Overdue plan review', 'Overdue visit']);
    expect(d.overdue.tasks[0]).toMatchObject({ caseId: ids.mine1, caseName: 'Ada One', dueDate: '2026-11-23T17:00:00.000Z' });
    expect(d.dueThisWeek.count).toBe(2);
    expect(d.dueThisWeek.tasks.map((t: { name: string }) => t.name)).toEqual(['Later today', 'Sunday night']);
  });

  it('lists my caseload with each case\'s next deadline, whoever holds the task', async () => {
    const d = await dashboard('cm');
    expect(d.caseload.count).toBe(2);
    expect(d.caseload.cases).toEqual([
      { id: ids.mine2, displayName: 'Ben Two', dateOfBirth: '2010-02-02', nextDeadline: expect.objectContaining({ taskName: 'Unassigned, not mine', overdue: true }) },
      { id: ids.mine1, displayName: 'Ada One', dateOfBirth: '2010-01-01', nextDeadline: expect.objectContaining({ taskName: 'Overdue plan review', overdue: true }) },
    ]);
    expect(d.team).toBeUndefined(); // a case manager is no team manager
  });

  it('shows the cases I opened lately, newest first, and nothing that is not a case', async () => {
    const d = await dashboard('cm');
    expect(d.recent.map((r: { id: string }) => r.id)).toEqual([ids.mine2, ids.other]);
    expect(d.recent[0]).toMatchObject({ displayName: 'Ben Two' });
    expect((await dashboard('cm2')).recent).toEqual([]);
  });

  it("gives a team manager the team's overdue work by worker and the unallocated cases", async () => {
    const d = await dashboard('tm');
    expect(d.team.overdueCount).toBe(4);
    expect(d.team.overdueByWorker).toEqual([
      { workerId: 'cm-1', name: 'cm-1', count: 2 },
      { workerId: 'cm-2', name: 'Casey Second', count: 1 },
      { name: 'Not yet assigned', count: 1 },
    ]);
    expect(d.team.unallocated).toEqual({ count: 1, cases: [expect.objectContaining({ id: ids.unallocated, displayName: 'Dee Four' })] });
  });

  it('moves with the clock: a week later the same tasks are all overdue', async () => {
    api.clock.current = new Date('2026-12-01T10:00:00Z');
    try {
      const d = await dashboard('cm');
      expect(d.overdue.count).toBe(5);
      expect(d.dueThisWeek.count).toBe(0);
    } finally {
      api.clock.current = new Date('2026-11-24T10:00:00Z');
    }
  });

  it('another team sees none of it, and unknown parameters are refused', async () => {
    const d = await dashboard('west');
    expect(d.overdue.count).toBe(1);
    expect(d.caseload.count).toBe(0);
    expect(JSON.stringify(d)).not.toContain('Ada One');
    expect((await api.call('GET', '/dashboard?team=east', 'cm')).status).toBe(400);
    expect((await api.call('GET', '/dashboard', undefined)).status).toBe(401);
  });
});
