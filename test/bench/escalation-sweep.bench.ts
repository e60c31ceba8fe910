// Benchmark (not a test): an escalation sweep over 100,000 open tasks of which 1% are due for a notice
// (overdue or inside the reminder window). Prints the time of the first sweep (plans and enqueues every
// notice) and of repeat sweeps (everything already planned: the steady state). Goal: ≤ 5 s per sweep.
//   npx tsx test/bench/escalation-sweep.bench.ts        (TASKS=… DUE_PERCENT=… SWEEPS=… to vary)
// SOURCE=index reads tasks as the embedded server does, from the task repository's in-process queue index
// (and prints the index's load time); SOURCE=db (the default) queries the tasks collection, as with MongoDB.
import os from 'node:os';
import { Types } from 'mongoose';
import { MongoOutboxRepository } from '../../server/src/adapters/mail/outbox.repository';
import { MongoEscalationPeopleReader, MongoEscalationTaskReader } from '../../server/src/adapters/mongo/escalation-readers';
import { IndexedEscalationTaskReader } from '../../server/src/adapters/mongo/indexed-escalation-task.reader';
import { MongoEscalationPolicyRepository } from '../../server/src/adapters/mongo/escalation-policy.repository';
import { MongoNotificationPreferenceRepository } from '../../server/src/adapters/mongo/notification-preference.repository';
import { MongoTaskRepository } from '../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../server/src/adapters/mongo/task-queue-index';
import { escalationSettings } from '../../server/src/application/escalation/escalation-deps';
import { runEscalationSweep } from '../../server/src/application/escalation/run-escalation-sweep';
import { createWorkingCalendar } from '../../server/src/domain/calendar';
import { benchDatabase } from './support/bench-database';

const TASKS = Number(process.env.TASKS ?? 100_000);
const DUE_PERCENT = Number(process.env.DUE_PERCENT ?? 1);
const SWEEPS = Number(process.env.SWEEPS ?? 3);
const SOURCE = process.env.SOURCE === 'index' ? 'index' : 'db';
const TEAMS = 50;
const WORKERS_PER_TEAM = 10;
const DAY = 86_400_000;
const now = new Date('2026-11-24T10:00:00Z'); // a Tuesday

async function seedUsers(conn: import('mongoose').Connection): Promise<string[][]> {
  const head = new Types.ObjectId();
  const rows: Record<string, unknown>[] = [{ _id: head, username: 'head', displayName: 'Head of Service', email: 'head@example.org', roles: ['team-managers'], teams: [], active: true, createdAt: now }];
  const workers: string[][] = [];
  for (let t = 0; t < TEAMS; t++) {
    const manager = new Types.ObjectId();
    rows.push({ _id: manager, username: `tm${t}`, displayName: `Manager ${t}`, email: `tm${t}@example.org`, roles: ['team-managers'], teams: [`team-${t}`], managerId: String(head), active: true, createdAt: now });
    workers.push([]);
    for (let w = 0; w < WORKERS_PER_TEAM; w++) {
      const id = new Types.ObjectId();
      workers[t].push(String(id));
      rows.push({ _id: id, username: `w${t}-${w}`, displayName: `Worker ${t}-${w}`, email: `w${t}-${w}@example.org`, roles: ['case-managers'], teams: [`team-${t}`], managerId: String(manager), active: true, createdAt: now });
    }
  }
  await conn.collection('users').insertMany(rows as never[]);
  return workers;
}

async function seedTasks(tasks: MongoTaskRepository, workers: string[][]): Promise<number> {
  const every = Math.round(100 / DUE_PERCENT);
  let due = 0;
  for (let from = 0; from < TASKS; from += 5_000) {
    const docs = Array.from({ length: Math.min(5_000, TASKS - from) }, (_, k) => {
      const i = from + k;
      const team = i % TEAMS;
      const isDue = i % every === 0;
      if (isDue) due++;
      // Due ones: spread from 10 days overdue to tomorrow (reminders); the rest 3 to 60 weeks ahead.
      const dueDate = isDue ? new Date(now.getTime() + ((i % 11) - 10) * DAY) : new Date(now.getTime() + (21 + (i % 400)) * DAY);
      const assignee = i % 5 < 3 ? workers[team][i % WORKERS_PER_TEAM] : null; // 60% claimed, the rest fan out
      return {
        _id: `t${String(i).padStart(6, '0')}`, instanceKey: `i${i}`, processId: ['referral-intake', 'referral-order', 'plan-review'][i % 3],
        processVersion: 1, elementId: 'task', name: `Task ${i}`, candidateGroups: ['case-managers'], candidateUsers: [], assignee,
        claimedAt: assignee ? now : null, dueDate, followUpDate: null, revision: 0, priority: 50, caseId: `C${i}`, team: `team-${team}`,
        state: 'open', createdAt: new Date(now.getTime() - 60 * DAY),
      };
    });
    await tasks.model.collection.insertMany(docs as never[], { ordered: false });
  }
  return due;
}

async function main() {
  const db = await benchDatabase('escalation');
  const conn = db.conn;
  try {
    const tasks = new MongoTaskRepository(conn, { queues: new TaskQueueIndex() });
    const outbox = new MongoOutboxRepository(conn);
    await Promise.all([tasks.init(), outbox.init()]);
    const t0 = Date.now();
    const due = await seedTasks(tasks, await seedUsers(conn));
    console.log(`database: ${db.kind}; task source: ${SOURCE}; seeded ${TASKS} open tasks (${due} due for a notice) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const clock = { now: () => now };
    const fromDb = new MongoEscalationTaskReader(conn);
    if (SOURCE === 'index') {
      // The seed bypassed the repository, as a restart would: load the index the way start-up does.
      const loadStarted = performance.now();
      await tasks.rebuildQueues();
      console.log(`queue index load (start-up, ${tasks.queues!.due.size} open tasks): ${((performance.now() - loadStarted) / 1000).toFixed(2)} s; heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
    }
    const deps = {
      tasks: SOURCE === 'index' ? new IndexedEscalationTaskReader(tasks.queues!, fromDb) : fromDb, people: new MongoEscalationPeopleReader(conn), outbox,
      policies: new MongoEscalationPolicyRepository(conn, clock.now), preferences: new MongoNotificationPreferenceRepository(conn),
      calendar: createWorkingCalendar(), clock, settings: escalationSettings('https://yjs.example.gov.uk'),
    };
    // How much of a sweep is the database's scan of the task collection alone (FerretDB pushes only `_id`
    // equality down to SQLite, so the due-date filter reads every task; MongoDB uses {state, dueDate}).
    const scanStarted = performance.now();
    const matching = await conn.collection('tasks').countDocuments({ state: 'open', dueDate: { $ne: null, $lt: new Date(now.getTime() + 4 * DAY) } });
    console.log(`bare scan of the task collection (count of ${matching} due): ${((performance.now() - scanStarted) / 1000).toFixed(2)} s`);
    for (let s = 1; s <= SWEEPS; s++) {
      const started = performance.now();
      const report = await runEscalationSweep(deps);
      const ms = performance.now() - started;
      const label = s === 1 ? 'first sweep (plans + enqueues)' : `repeat sweep ${s - 1} (nothing new)`;
      console.log(`${label}: ${(ms / 1000).toFixed(2)} s — scanned ${report.scanned}, tasks with notices ${report.tasksWithNotices}, notices planned ${report.planned}, enqueued ${report.enqueued} ${ms <= 5000 ? '(goal ≤ 5 s: met)' : '(goal ≤ 5 s: MISSED)'}`);
    }
    console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
