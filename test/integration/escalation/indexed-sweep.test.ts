// The composition root's escalation module on the embedded setup: its sweep reads tasks from the task
// repository's in-process index, and the notices that reach a real SMTP server are the right ones for a
// mix of overdue, nearly due, not due, claimed, re-dated and completed tasks.
import type { ParsedMessage } from '../../../server/src/adapters/mail/smtp-catcher';
import { startSmtpCatcher, type SmtpCatcher } from '../../../server/src/adapters/mail/smtp-catcher';
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../server/src/adapters/mongo/task-queue-index';
import { MongoUserRepository } from '../../../server/src/adapters/mongo/user.repository';
import { loadConfig } from '../../../server/src/config/env.config';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import type { User } from '../../../server/src/domain/users/user';
import { createEscalationModule } from '../../../server/src/main/modules/escalation.module';
import type { NewQueueTask } from '../../../server/src/ports/task-repository.port';
import type { WorkflowEngine } from '../../../server/src/ports/workflow-engine.port';
import { silentLogger } from '../../support/http-app';
import { rootDir } from '../../support/server-process';
import { openTestDb } from '../../support/test-db';

const now = new Date('2026-12-02T18:00:00.000Z'); // Wednesday evening, London
const TODAY_5PM = '2026-12-02T17:00:00.000Z';
// The module only registers the BPMN job handler and listens for task events.
const engine = { registerJobHandler: () => undefined, onEvent: () => undefined } as unknown as WorkflowEngine;

describe('escalation sweep from the task queue index (embedded setup)', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let catcher: SmtpCatcher;
  const inbox: ParsedMessage[] = [];
  const users: Record<string, User> = {};
  let tasks: MongoTaskRepository;

  const add = (id: string, over: Partial<NewQueueTask>) => tasks.recordCreated({
    id, instanceKey: `i-${id}`, processId: 'assetplus-assessment', processVersion: 1, elementId: 'infoGathering',
    name: `Task ${id}`, candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, caseId: `YJS-${id}`,
    team: 'north', createdAt: '2026-11-20T09:00:00.000Z', ...over,
  });

  beforeAll(async () => {
    db = await openTestDb('esc_indexed');
    catcher = await startSmtpCatcher({ onMessage: (m) => void inbox.push(m) });
    const userRepo = new MongoUserRepository(db.conn);
    await userRepo.init();
    const person = async (key: string, roles: User['roles'], teams: string[], manager?: string) => {
      users[key] = await userRepo.create({ username: key, displayName: key, email: `${key}@example.org`, roles, teams, managerId: manager && users[manager].id });
    };
    await person('tess', ['team-managers'], ['north']);
    await person('ann', ['case-managers'], ['north'], 'tess');
    await person('bob', ['case-managers'], ['north'], 'tess');
    await person('cat', ['case-managers'], ['south']);

    tasks = new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() }); // the sole server's index, as the tasks module makes it
    await tasks.init();
    await add('overdue-ann', { assignee: users.ann.id, dueDate: TODAY_5PM });
    await add('overdue-group', { dueDate: TODAY_5PM });
    await add('reminder-ann', { assignee: users.ann.id, dueDate: '2026-12-04T17:00:00.000Z' }); // Friday: 2 working days
    await add('future-ann', { assignee: users.ann.id, dueDate: '2027-03-01T17:00:00.000Z' });
    await add('undated', { assignee: users.ann.id });
    await add('claimed', { dueDate: '2026-12-02T10:00:00.000Z' });
    await tasks.claim('claimed', users.bob.id, '2026-11-25T09:00:00.000Z');
    await add('completed', { assignee: users.bob.id, dueDate: '2026-12-01T17:00:00.000Z' });
    await tasks.recordClosed('completed', 'completed', '2026-12-02T09:00:00.000Z', users.bob.id);
    await add('redated-later', { assignee: users.bob.id, dueDate: '2026-12-01T17:00:00.000Z' });
    await tasks.setDueDate('redated-later', '2027-01-20T17:00:00.000Z');
    await add('redated-sooner', { assignee: users.cat.id, team: 'south', dueDate: '2027-02-01T17:00:00.000Z' });
    await tasks.setDueDate('redated-sooner', '2026-12-02T12:00:00.000Z');
    // Written behind the repository's back, so only a database query would see it: how this test knows
    // the sweep reads the index (and why the index is off wherever another process may write tasks).
    await tasks.model.collection.insertOne({ ...(await tasks.model.findById('overdue-ann').lean())!, _id: 'foreign' } as never);
  });
  afterAll(async () => {
    await catcher.close();
    await db.drop();
  });

  it('sends each due notice once, to the right people, and nothing for closed, re-dated or unseen tasks', async () => {
    const config = loadConfig({ NODE_ENV: 'test', SMTP_URL: catcher.url, PUBLIC_URL: 'https://yjs.example.gov.uk' }, rootDir);
    const mod = await createEscalationModule({
      config, conn: db.conn, clock: { now: () => now }, calendar: createWorkingCalendar(), engine, queues: tasks.queues, logger: silentLogger, runWorker: true,
    });
    await mod.start?.(); // the worker's first round: sweep, digests, delivery
    const expected = 7;
    for (let waited = 0; inbox.length < expected && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await mod.stop?.();

    const got = inbox
      .filter((m) => !m.subject.includes('digest'))
      .map((m) => `${m.to.join(',')} ${m.subject.split(':')[0]} ${/\/tasks\/([\w-]+)/.exec(m.text)?.[1]}`)
      .sort();
    expect(got).toEqual([
      'ann@example.org Overdue overdue-ann',
      'ann@example.org Overdue overdue-group',
      'ann@example.org Reminder reminder-ann',
      'bob@example.org Overdue claimed',
      'bob@example.org Overdue overdue-group',
      'cat@example.org Overdue redated-sooner',
    ]);
    // Tess's team digest lists her team's overdue open work, from the same index.
    const digest = inbox.filter((m) => m.subject.includes('digest'));
    expect(digest.map((m) => m.to)).toEqual([['tess@example.org']]);
    for (const id of ['overdue-ann', 'overdue-group', 'claimed']) expect(digest[0].text).toContain(`/tasks/${id}`);
    for (const id of ['completed', 'redated-later', 'foreign', 'redated-sooner']) expect(digest[0].text).not.toContain(`/tasks/${id}`);
  });
});
