import type { NewQueueTask } from '../../../server/src/ports/task-repository.port';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

// The API clock is Tuesday 24 November 2026, 10:00 UTC: this week runs Mon 23 → Mon 30 November.
const task = (id: string, over: Partial<NewQueueTask> = {}): NewQueueTask => ({
  id, instanceKey: `i-${id}`, processId: 'referral-intake', processVersion: 1, elementId: 'matchPerson', name: `Task ${id}`,
  candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, createdAt: '2026-11-20T09:00:00.000Z', ...over,
});
const ids = (body: { items: { id: string }[] }) => body.items.map((t) => t.id);

describe('task queues API', () => {
  let api: TasksCasesApi;

  beforeAll(async () => {
    api = await startTasksCasesApi('queues');
    const t = api.repos.tasks;
    await t.recordCreated(task('overdue', { dueDate: '2026-11-20T17:00:00.000Z', caseId: 'C1' }));
    await t.recordCreated(task('thisweek', { dueDate: '2026-11-27T17:00:00.000Z', priority: 80, caseId: 'C2' }));
    await t.recordCreated(task('nextweek', { dueDate: '2026-12-02T17:00:00.000Z', processId: 'referral-order', followUpDate: '2026-11-30T09:00:00.000Z' }));
    await t.recordCreated(task('health', { candidateGroups: ['health-workers'], dueDate: '2026-11-25T17:00:00.000Z' }));
    await t.recordCreated(task('named', { candidateGroups: [], candidateUsers: ['cm-2'], dueDate: '2026-11-26T17:00:00.000Z' }));
    await t.recordCreated(task('mine', { assignee: 'cm-1', dueDate: '2026-11-29T17:00:00.000Z' }));
    await t.recordCreated(task('done', { assignee: 'cm-1' }));
    await t.recordCreated(task('west', { team: 'west', dueDate: '2026-11-25T17:00:00.000Z' }));
    await t.recordCreated(task('east', { team: 'east', dueDate: '2026-12-03T17:00:00.000Z' }));
    await t.recordClosed('done', 'completed', '2026-11-23T12:00:00.000Z', 'cm-1');
  });
  afterAll(() => api.close());

  it('serves each queue from the caller\'s identity and the current time', async () => {
    const q = async (queue: string, who: 'cm' | 'cm2' | 'hw' = 'cm') => ids((await api.call('GET', `/tasks?queue=${queue}`, who)).body);
    expect(await q('mine')).toEqual(['mine']);
    expect(await q('team')).toEqual(['overdue', 'thisweek', 'mine', 'nextweek', 'east']); // not west's
    expect(await q('unassigned')).toEqual(['overdue', 'thisweek', 'nextweek', 'east']);
    expect(await q('overdue')).toEqual(['overdue']);
    expect(await q('due-this-week')).toEqual(['thisweek', 'mine']); // 'overdue' was due last Friday
    expect(await q('completed')).toEqual(['done']);
    expect(await q('team', 'hw')).toEqual(['health']);
    expect(await q('unassigned', 'cm2')).toEqual(['overdue', 'named', 'thisweek', 'nextweek', 'east']);
  });

  it('marks overdue rows', async () => {
    const { body } = await api.call('GET', '/tasks?queue=team', 'cm');
    expect(body.items.find((t: { id: string }) => t.id === 'overdue').overdue).toBe(true);
    expect(body.items.find((t: { id: string }) => t.id === 'thisweek').overdue).toBe(false);
  });

  it('filters by process, case, due and follow-up ranges and priority', async () => {
    const q = async (params: string) => ids((await api.call('GET', `/tasks?queue=team&${params}`, 'cm')).body);
    expect(await q('processId=referral-order')).toEqual(['nextweek']);
    expect(await q('caseId=C2')).toEqual(['thisweek']);
    expect(await q('dueAfter=2026-11-25&dueBefore=2026-11-30')).toEqual(['thisweek', 'mine']);
    expect(await q('followUpBefore=2026-12-01')).toEqual(['nextweek']);
    expect(await q('minPriority=60')).toEqual(['thisweek']);
  });

  it('sorts and pages with a stable total', async () => {
    const p1 = await api.call('GET', '/tasks?queue=team&sort=priority&direction=desc&limit=2', 'cm');
    expect(p1.body).toMatchObject({ total: 5, offset: 0, limit: 2 });
    expect(ids(p1.body)[0]).toBe('thisweek');
    const p2 = await api.call('GET', '/tasks?queue=team&sort=priority&direction=desc&limit=2&offset=2', 'cm');
    expect(new Set([...ids(p1.body), ...ids(p2.body)]).size).toBe(4);
    const p3 = await api.call('GET', '/tasks?queue=team&sort=priority&direction=desc&limit=2&offset=4', 'cm');
    expect(ids(p3.body)).toHaveLength(1);
  });

  it('refuses unknown and malformed parameters with 400 naming them', async () => {
    const unknown = await api.call('GET', '/tasks?queue=mine&assignee=cm-2', 'cm');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('Unknown query parameter: assignee');
    const bad = await api.call('GET', '/tasks?queue=everything&dueAfter=soon&limit=1000', 'cm');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Queue.*Due after.*Limit/); // each parameter named, in plain English
  });

  it('two people claiming at once: one wins, the other is told someone else claimed it', async () => {
    await api.repos.tasks.recordCreated(task('race', { dueDate: '2026-11-30T17:00:00.000Z' }));
    const [a, b] = await Promise.all([api.call('POST', '/tasks/race/claim', 'cm'), api.call('POST', '/tasks/race/claim', 'cm2')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.error).toMatchObject({ code: 'TASK_ALREADY_CLAIMED', message: expect.stringMatching(/Someone else claimed/) });
    const winner = a.status === 200 ? 'cm-1' : 'cm-2';
    expect((await api.repos.tasks.findById('race'))?.assignee).toBe(winner);
  });

  it('claims only for candidates; unclaim by the assignee; reassign by managers to a capable person', async () => {
    await api.repos.tasks.recordCreated(task('flow'));
    expect((await api.call('POST', '/tasks/flow/claim', 'hw')).status).toBe(404);
    expect((await api.call('POST', '/tasks/flow/claim', 'cm')).body.assignee).toBe('cm-1');
    expect((await api.call('POST', '/tasks/flow/unclaim', 'cm2')).body.error.code).toBe('NOT_ASSIGNEE');
    expect((await api.call('POST', '/tasks/flow/reassign', 'cm', { toUserId: 'cm-2' })).status).toBe(403);
    const toHealth = await api.call('POST', '/tasks/flow/reassign', 'tm', { toUserId: 'hw-1' });
    expect(toHealth.status).toBe(422);
    expect(toHealth.body.errors.toUserId).toMatch(/not in case-managers/);
    expect((await api.call('POST', '/tasks/flow/reassign', 'tm', { toUserId: 'cm-2' })).body.assignee).toBe('cm-2');
    expect((await api.call('POST', '/tasks/flow/unclaim', 'cm2')).body.assignee).toBeUndefined();
    expect((await api.call('POST', '/tasks/flow/reassign', 'tm', { toUserId: 'cm-2', extra: 1 })).status).toBe(422);
  });

  it('keeps saved filters per user on the server', async () => {
    const saved = await api.call('PUT', '/tasks/filters/Overdue%20orders', 'cm', { queue: 'overdue', filters: { processId: 'referral-order' } });
    expect(saved.status).toBe(200);
    await api.call('PUT', '/tasks/filters/Overdue%20orders', 'cm', { queue: 'overdue', filters: { processId: 'referral-order', minPriority: 10 } });
    const mine = await api.call('GET', '/tasks/filters', 'cm');
    expect(mine.body.items).toEqual([expect.objectContaining({ name: 'Overdue orders', queue: 'overdue', filters: { processId: 'referral-order', minPriority: 10 } })]);
    expect((await api.call('GET', '/tasks/filters', 'cm2')).body.items).toEqual([]);
    expect((await api.call('PUT', '/tasks/filters/x', 'cm', { queue: 'overdue', filters: { owner: 'cm-2' } })).status).toBe(422);
    expect((await api.call('DELETE', '/tasks/filters/Overdue%20orders', 'cm2')).status).toBe(404);
    expect((await api.call('DELETE', '/tasks/filters/Overdue%20orders', 'cm')).status).toBe(204);
  });
});
