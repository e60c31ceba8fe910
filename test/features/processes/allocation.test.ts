// Feature: later work goes to the allocated worker (issue 18, "allocation that allocates"). The shipped
// processes on the real engine, with the product's task projection and allocation use case over the real
// case and task repositories: once the intake's allocation names a case manager, every case-manager task
// of the case — intake's next step, the out-of-court process it calls, a compliance process started later
// from the case — is that worker's, in the queue and in the engine; other roles' tasks stay in their queues;
// a re-allocation moves the open case-manager work and later tasks follow it; a worker who has left gets
// nothing (the task waits in the team queue).
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../server/src/adapters/mongo/task-queue-index';
import { allocateCase } from '../../../server/src/application/cases/allocate-case';
import { createCase } from '../../../server/src/application/cases/create-case';
import { tableAccessPolicy } from '../../../server/src/application/cases/table-access-policy';
import { projectEngineEvent } from '../../../server/src/application/tasks/project-engine-event';
import { allocatedWorkerFor, tellEngine } from '../../../server/src/application/tasks/route-to-allocated-worker';
import type { User } from '../../../server/src/domain/users/user';
import { processHarness, type ProcessHarness } from './support/process-harness';

const person = (id: string, displayName: string, roles: User['roles'], teams: string[]): User => ({
  id, username: id, displayName, email: `${id}@example.org`, roles, teams, active: true, createdAt: '2026-01-01T00:00:00Z',
});

describe('Feature: later tasks of an allocated case go to its allocated worker', () => {
  let h: ProcessHarness;
  let tasks: MongoTaskRepository;
  const people = new Map<string, User>([
    ['kim', person('kim', 'Kim Keen', ['case-managers'], ['north'])],
    ['cara', person('cara', 'Cara Case', ['case-managers'], ['north'])],
  ]);
  const users = { findById: async (id: string) => people.get(id) };
  const manager = { id: 'tom', roles: ['team-managers'], teams: ['north'] };
  const problems: unknown[] = [];
  let caseId = '';

  beforeAll(async () => {
    h = await processHarness('2026-11-23T09:00:00Z');
    tasks = new MongoTaskRepository(h.conn, { queues: new TaskQueueIndex() });
    await tasks.init();
    h.engine.onEvent((e) => projectEngineEvent({
      tasks, engine: h.engine, now: h.clock.now, teamOfCase: (id) => h.cases.teamOf(id),
      allocatedWorkerFor: (t) => allocatedWorkerFor({ cases: h.cases, users }, t),
      assignLater: (id, worker) => tellEngine({ engine: h.engine, tasks, now: h.clock.now, onError: (err) => problems.push(err) }, id, worker),
    }, e));
    caseId = (await createCase({ cases: h.cases, policy: tableAccessPolicy, clock: h.clock }, manager, {
      givenName: 'Sam', familyName: 'Smith', dateOfBirth: '2011-03-14', team: 'north',
    })).id;
  });
  afterAll(() => h.close());

  const allocate = (toUserId: string) => allocateCase({ cases: h.cases, tasks, engine: h.engine, clock: h.clock }, { id: manager.id, roles: manager.roles }, { caseId, toUserId, via: 'task' });
  const rowOf = async (instanceKey: string, elementId: string) => tasks.findById((await h.task(instanceKey, elementId)).key);
  /** The engine is told after its step (the projection runs inside it): wait for that. */
  const engineAssignee = async (instanceKey: string, elementId: string) => {
    for (let i = 0; i < 50; i++) {
      const t = await h.task(instanceKey, elementId);
      if (t.assignee) return t.assignee;
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  };
  const child = async (parentKey: string, processId: string) =>
    (await h.engine.listInstances({ processId, limit: 100 })).items.find((x) => x.parentKey === parentKey)!.key;

  let intake = '';
  let oocd = '';
  let compliance = '';

  test('Before allocation, the intake’s case-manager tasks wait in the team queue', async () => {
    intake = await h.start('referral-intake', { caseId, referralReceivedAt: '2026-11-23T09:00:00Z' });
    expect((await rowOf(intake, 'matchPerson'))?.assignee).toBeUndefined();
    await h.complete(intake, 'matchPerson', { matchOutcome: 'new', referralSource: 'police' });
    await h.complete(intake, 'checkSocialCare', { socialCareInvolved: false });
  });

  test('Allocated to Kim: intake’s next case-manager task and the called out-of-court process’s are hers; the victim worker’s is not', async () => {
    await allocate('kim'); // as completing the allocation does, before the engine moves on (finish-completion.ts)
    await h.complete(intake, 'allocate', { caseManager: 'kim', pathway: 'out-of-court' });
    expect((await h.cases.findById(caseId))?.caseManagerId).toBe('kim');
    expect((await rowOf(intake, 'privacyConsent'))?.assignee).toBe('kim');
    expect(await engineAssignee(intake, 'privacyConsent')).toBe('kim');

    await h.complete(intake, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'public-task' });
    oocd = await child(intake, 'out-of-court-disposal');
    expect((await rowOf(oocd, 'pdat'))?.assignee).toBe('kim');
    expect((await rowOf(oocd, 'victimViews'))?.assignee).toBeUndefined(); // victim workers' queue, as before
  });

  test('A process started later from the case gives its case-manager task to Kim too', async () => {
    compliance = await h.start('compliance-breach', { caseId, missedAt: '2026-11-23T09:00:00Z', order: { type: 'yro' }, warningHistory: [] });
    expect((await rowOf(compliance, 'followUp'))?.assignee).toBe('kim');
  });

  test('Re-allocated to Cara: the open case-manager work moves to her, and later tasks follow', async () => {
    const moved = await allocate('cara');
    expect(moved.sort()).toEqual([(await h.task(oocd, 'pdat')).key, (await h.task(compliance, 'followUp')).key].sort());
    expect((await rowOf(oocd, 'pdat'))?.assignee).toBe('cara');
    expect((await h.task(compliance, 'followUp')).assignee).toBe('cara');
    const later = await h.start('compliance-breach', { caseId, missedAt: '2026-11-24T09:00:00Z', order: { type: 'yro' }, warningHistory: [] });
    expect((await rowOf(later, 'followUp'))?.assignee).toBe('cara');
  });

  test('A worker who has left gets nothing: the next task waits in the team queue', async () => {
    people.set('cara', { ...people.get('cara')!, active: false });
    const later = await h.start('compliance-breach', { caseId, missedAt: '2026-11-25T09:00:00Z', order: { type: 'yro' }, warningHistory: [] });
    expect((await rowOf(later, 'followUp'))?.assignee).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
