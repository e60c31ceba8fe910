// Everything the escalation integration tests share: a fresh database, the real repositories, a real
// SMTP server on loopback (smtp-server, messages parsed by mailparser) that can be taken down and
// brought back on the same port, nodemailer pointed at it, and a clock the test moves by hand.
import type { Connection } from 'mongoose';
import { MongoOutboxRepository } from '../../../../server/src/adapters/mail/outbox.repository';
import { NodemailerMailer } from '../../../../server/src/adapters/mail/nodemailer.mailer';
import { type ParsedMessage, type SmtpCatcher, startSmtpCatcher } from '../../../../server/src/adapters/mail/smtp-catcher';
import { MongoEscalationPeopleReader, MongoEscalationTaskReader } from '../../../../server/src/adapters/mongo/escalation-readers';
import { MongoEscalationPolicyRepository } from '../../../../server/src/adapters/mongo/escalation-policy.repository';
import { MongoNotificationPreferenceRepository } from '../../../../server/src/adapters/mongo/notification-preference.repository';
import { MongoTaskRepository } from '../../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../../server/src/adapters/mongo/task-queue-index';
import { MongoUserRepository } from '../../../../server/src/adapters/mongo/user.repository';
import { type EscalationDeps, type EscalationSettings, escalationSettings } from '../../../../server/src/application/escalation/escalation-deps';
import { createWorkingCalendar } from '../../../../server/src/domain/calendar';
import type { User } from '../../../../server/src/domain/users/user';
import type { NewQueueTask } from '../../../../server/src/ports/task-repository.port';
import { openTestDb } from '../../../support/test-db';

export const PUBLIC_URL = 'https://yjs.example.gov.uk';

export interface Harness {
  conn: Connection;
  dbName: string;
  deps: EscalationDeps;
  taskRepo: MongoTaskRepository;
  outbox: MongoOutboxRepository;
  users: Record<string, User>;
  inbox: ParsedMessage[];
  smtp: { url: string; down(): Promise<void>; up(): Promise<void> };
  setNow(iso: string): void;
  advance(ms: number): void;
  addTask(id: string, over?: Partial<NewQueueTask>): Promise<unknown>;
  close(): Promise<void>;
}

export async function startHarness(prefix: string, settings: Partial<EscalationSettings> = {}): Promise<Harness> {
  const db = await openTestDb(prefix);
  let now = new Date('2026-11-02T09:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const inbox: ParsedMessage[] = [];
  let catcher: SmtpCatcher | undefined = await startSmtpCatcher({ onMessage: (m) => void inbox.push(m) });
  const port = catcher.port;

  const taskRepo = new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() }); // as the sole server
  const userRepo = new MongoUserRepository(db.conn);
  // As the sole server runs it: live entries kept in memory (the plain repository is covered by open-notice-index.test.ts).
  const outbox = new MongoOutboxRepository(db.conn, { indexOpen: true });
  await Promise.all([taskRepo.init(), userRepo.init(), outbox.init()]);
  const mailer = new NodemailerMailer({ url: catcher.url, from: 'YJS <no-reply@yjs.example.gov.uk>', timeoutMs: 2000 });

  // Managers first, so reports can name them.
  const users: Record<string, User> = {};
  const add = async (key: string, roles: User['roles'], teams: string[], manager?: string) => {
    users[key] = await userRepo.create({
      username: key, displayName: `${key[0].toUpperCase()}${key.slice(1)} Example`, email: `${key}@example.org`, roles, teams,
      managerId: manager ? users[manager].id : undefined,
    });
  };
  await add('head', ['team-managers'], []);
  await add('tess', ['team-managers'], ['north'], 'head');
  await add('ann', ['case-managers'], ['north'], 'tess');
  await add('bob', ['case-managers'], ['north'], 'tess');
  await add('cat', ['case-managers'], ['south']);

  const deps: EscalationDeps = {
    tasks: new MongoEscalationTaskReader(db.conn),
    people: new MongoEscalationPeopleReader(db.conn),
    outbox,
    policies: new MongoEscalationPolicyRepository(db.conn, clock.now),
    preferences: new MongoNotificationPreferenceRepository(db.conn),
    mailer,
    calendar: createWorkingCalendar(),
    clock,
    settings: escalationSettings(PUBLIC_URL, settings),
  };

  return {
    conn: db.conn, dbName: db.dbName, deps, taskRepo, outbox, users, inbox,
    smtp: {
      url: catcher.url,
      async down() {
        await catcher?.close();
        catcher = undefined;
      },
      async up() {
        catcher = await startSmtpCatcher({ port, onMessage: (m) => void inbox.push(m) });
      },
    },
    setNow: (iso) => { now = new Date(iso); },
    advance: (ms) => { now = new Date(now.getTime() + ms); },
    addTask: (id, over = {}) => taskRepo.recordCreated({
      id, instanceKey: `i-${id}`, processId: 'assetplus-assessment', processVersion: 1, elementId: 'infoGathering',
      name: 'Gather information (AssetPlus)', candidateGroups: ['case-managers'], candidateUsers: [], priority: 50,
      caseId: `YJS-${id}`, team: 'north', createdAt: '2026-11-02T09:00:00.000Z', ...over,
    }),
    async close() {
      mailer.close();
      await catcher?.close();
      await db.drop();
    },
  };
}

/** The messages a given address received. */
export const to = (inbox: ParsedMessage[], who: string) => inbox.filter((m) => m.to.includes(`${who}@example.org`));
