// Benchmark (not a test): the chronology's flagged-access and emails reads with a large audit log and outbox
// on the embedded database. FerretDB 1.24 decodes every document of a filtered read, so both are read through
// per-case / per-task lists by `_id` (ref-lists.ts); for comparison, the audit search by case and flag (what
// the chronology did before, and what the DPO's audit page still does) and the outbox read by taskId.
//   npx tsx test/bench/chronology-reads.bench.ts        (AUDIT=… OUTBOX=… RUNS=… to vary)
import { MongoAuditRepository } from '../../server/src/adapters/mongo/audit.repository';
import { MongoChronologySourcesReader } from '../../server/src/adapters/mongo/chronology-sources.reader';
import { benchDatabase } from './support/bench-database';
import { timedRuns } from './support/timed-runs';

const AUDIT = Number(process.env.AUDIT ?? 200_000);
const OUTBOX = Number(process.env.OUTBOX ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 3);
const BATCH = 5_000;

const time = (label: string, run: () => Promise<unknown>, runs = RUNS) => timedRuns(label, run, runs, 52);

const auditDoc = (i: number) => ({
  seq: i + 1, at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), actor: { id: `worker-${i % 200}`, roles: ['case-managers'] },
  action: i % 3 ? 'case.read' : 'task.read', recordType: i % 3 ? 'case' : 'task', recordId: i % 3 ? `YJ-${i % 5_000}` : `t-${i}`,
  caseId: `YJ-${i % 5_000}`, sections: ['personal', 'offending'], hash: 'h'.repeat(64), prevHash: 'p'.repeat(64), ...(i % 997 ? {} : { flagged: true, reason: 'Out of hours' }),
});
const outboxDoc = (i: number) => ({
  _id: `n-${i}`, kind: 'notice', taskId: `t-${i % 8_000}`, recipientId: `worker-${i % 200}`, subject: 'A task is overdue', level: 'overdue',
  state: 'sent', createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000), sentAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000 + 5_000),
});

async function fill(col: { insertMany(docs: object[], o: object): Promise<unknown> }, n: number, make: (i: number) => object): Promise<void> {
  for (let i = 0; i < n; i += BATCH) await col.insertMany(Array.from({ length: Math.min(BATCH, n - i) }, (_, j) => make(i + j)), { ordered: false });
}

async function main() {
  const db = await benchDatabase('chronology-reads');
  try {
    const t = performance.now();
    await fill(db.conn.db!.collection('audit_events'), AUDIT, auditDoc);
    await fill(db.conn.db!.collection('escalation_outbox'), OUTBOX, outboxDoc);
    console.log(`database: ${db.kind}; seeded ${AUDIT} audit events and ${OUTBOX} outbox rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const audit = new MongoAuditRepository(db.conn, { clock: { now: () => new Date() } });
    const reads = new MongoChronologySourcesReader(db.conn);
    const actor = { id: 'worker-1', roles: ['case-managers'] };
    for (let i = 0; i < 5; i++) await audit.record({ actor, action: 'case.read', recordType: 'case', recordId: 'YJ-997', reason: 'Out of hours', flagged: true });
    const outbox = db.conn.db!.collection('escalation_outbox');
    const lists = db.conn.db!.collection<{ _id: string; ids: string[] }>('outbox_task_emails');
    for (let t = 0; t < 20; t++) {
      const ids = (await outbox.find({ taskId: `t-${t * 7}` }, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id));
      await lists.insertOne({ _id: `task:t-${t * 7}`, ids });
    }
    const tasks = Array.from({ length: 20 }, (_, i) => `t-${i * 7}`);
    await time('flagged access of one case (its list, by _id)', () => audit.flaggedOfCase('YJ-997', 200));
    await time('emails of 20 tasks (their lists, by _id)', () => reads.emailsOfTasks(tasks, 200));
    await time('for comparison: audit search by case and flag', () => audit.search({ recordType: 'case', recordId: 'YJ-997', flagged: true }, { offset: 0, limit: 200 }), 1);
    await time('for comparison: outbox read by taskId', () => outbox.find({ taskId: { $in: tasks }, kind: 'notice' }).toArray(), 1);
  } finally {
    await db.close();
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
