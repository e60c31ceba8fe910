// Benchmark (not a test): 100,000 open tasks across 50 teams, then p50/p99 of the My tasks and Team
// queue queries exactly as the API runs them (listQueue: page of 25 + total). Prints figures.
//   npx tsx test/bench/task-queues.bench.ts            (TASKS=… USERS_PER_TEAM=… SAMPLES=… to vary)
import { MongoCaseRepository } from '../../server/src/adapters/mongo/case.repository';
import { MongoTaskRepository } from '../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../server/src/adapters/mongo/task-queue-index';
import { MongoUserRepository } from '../../server/src/adapters/mongo/user.repository';
import { UserCache } from '../../server/src/adapters/mongo/user-cache';
import { tableAccessPolicy } from '../../server/src/application/cases/table-access-policy';
import type { Actor } from '../../server/src/application/cases/case-access';
import { listQueue } from '../../server/src/application/tasks/list-queue';
import type { QueueName } from '../../server/src/application/tasks/task-queues';
import { ROLES } from '../../server/src/domain/users/user';
import { benchDatabase } from './support/bench-database';

const TASKS = Number(process.env.TASKS ?? 100_000);
const TEAMS = 50;
const USERS_PER_TEAM = Number(process.env.USERS_PER_TEAM ?? 10);
const SAMPLES = Number(process.env.SAMPLES ?? 300);
const now = new Date('2026-11-24T10:00:00Z');

const userId = (team: number, n: number) => `u-${team}-${n}`;
// Most work is for case managers; the other roles share the rest.
const groupOf = (i: number) => (i % 10 < 6 ? 'case-managers' : ROLES[1 + (i % 7)]);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const db = await benchDatabase('queues');
  const conn = db.conn;
  try {
    const tasks = new MongoTaskRepository(conn, { queues: new TaskQueueIndex() });
    await tasks.init();
    const started = Date.now();
    const batch = 5_000;
    for (let from = 0; from < TASKS; from += batch) {
      const docs = Array.from({ length: Math.min(batch, TASKS - from) }, (_, k) => {
        const i = from + k;
        const team = i % TEAMS;
        const assigned = i % 5 < 3; // 60% claimed
        return {
          _id: `t${i}`, instanceKey: `i${i}`, processId: ['referral-intake', 'referral-order', 'plan-review'][i % 3], processVersion: 1,
          elementId: 'task', name: `Task ${i}`, candidateGroups: [groupOf(i)], candidateUsers: [],
          assignee: assigned ? userId(team, Math.floor(i / TEAMS) % USERS_PER_TEAM) : null, claimedAt: assigned ? now : null,
          dueDate: new Date(now.getTime() + ((i * 7919) % (60 * 86_400)) * 1000 - 10 * 86_400_000), followUpDate: null,
          revision: 0, priority: (i * 31) % 100, caseId: `C${i % 20_000}`, team: `team-${team}`, state: 'open', createdAt: now,
        };
      });
      await tasks.model.collection.insertMany(docs as never[], { ordered: false });
    }
    // The cases and people the rows name (a case's tasks belong to its team).
    const caseCount = Math.min(TASKS, 20_000);
    for (let from = 0; from < caseCount; from += 5_000) {
      await conn.collection('cases').insertMany(Array.from({ length: Math.min(5_000, caseCount - from) }, (_, k) => ({
        _id: `C${from + k}`, team: `team-${(from + k) % TEAMS}`, status: 'open', sections: {},
        identity: { displayName: `Child ${from + k}`, nameKey: `child|${from + k}`, dateOfBirth: '2010-01-01' },
      })) as never[], { ordered: false });
    }
    await conn.collection('users').insertMany(Array.from({ length: TEAMS * USERS_PER_TEAM }, (_, k) => {
      const id = userId(Math.floor(k / USERS_PER_TEAM), k % USERS_PER_TEAM);
      return { _id: id, username: id, displayName: `Person ${id}`, email: `${id}@example.org`, roles: ['case-managers'], teams: [`team-${Math.floor(k / USERS_PER_TEAM)}`], active: true, failedAttempts: 0, createdAt: now };
    }) as never[], { ordered: false });
    const seeded = Date.now();
    await tasks.rebuildQueues(); // seeding wrote the tasks directly: load the queue index as a start would
    console.log(`queue index loaded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    console.log(`database: ${db.kind}; seeded ${TASKS} open tasks across ${TEAMS} teams in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // As the route does: names of the children (cases the reader may open) and of colleagues on every row.
    const cases = new MongoCaseRepository(conn, { cacheLabels: true });
    const users = new MongoUserRepository(conn, { cache: new UserCache() });
    const deps = { tasks, clock: { now: () => now }, cases, users, policy: tableAccessPolicy };
    const measure = async (when: string) => {
      for (const queue of ['mine', 'team'] as QueueName[]) {
        const timings: number[] = [];
        let rows = 0;
        for (let s = 0; s < SAMPLES + 20; s++) {
          const team = s % TEAMS;
          const actor: Actor = { id: userId(team, s % USERS_PER_TEAM), roles: ['case-managers'], teams: [`team-${team}`] };
          const t0 = process.hrtime.bigint();
          const page = await listQueue(deps, actor, { queue, filters: {}, offset: 0, limit: 25 });
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (s >= 20) timings.push(ms); // the first few warm connections
          rows += page.total;
        }
        timings.sort((a, b) => a - b);
        console.log(`${queue === 'mine' ? 'My tasks  ' : 'Team queue'} ${when}: p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms `
          + `(${SAMPLES} queries, page 25 + total; avg total ${(rows / (SAMPLES + 20)).toFixed(0)} tasks)`);
      }
    };
    // A referral's duplicate check (name + date of birth), answered by the database and then from the kept keys.
    const duplicateCheck = async (when: string, samples: number) => {
      const timings: number[] = [];
      for (let s = 0; s < samples; s++) {
        const t0 = process.hrtime.bigint();
        await cases.findByIdentity({ nameKey: `child|${(s * 7919) % caseCount}`, dateOfBirth: '2010-01-01' }, 20);
        timings.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      timings.sort((a, b) => a - b);
      console.log(`duplicate check ${when}: p50 ${percentile(timings, 50).toFixed(1)} ms, p99 ${percentile(timings, 99).toFixed(1)} ms (${samples} checks, ${caseCount} cases)`);
    };
    await duplicateCheck('before the warm-up (database)', 5);
    // Right after a start, before the background warm-up has kept the children's names a page shows...
    await measure('cold names');
    // ...and once it has, as the server does from its start (tasks.module.ts).
    const warmStart = Date.now();
    const read = await cases.warmUp();
    console.log(`start-up warm-up: ${read} cases read (names and duplicate-check keys kept) in ${((Date.now() - warmStart) / 1000).toFixed(1)} s`);
    await measure('warm names');
    await duplicateCheck('after the warm-up (kept keys)', 200);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
