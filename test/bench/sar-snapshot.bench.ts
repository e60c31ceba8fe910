// Benchmark (not a test): a subject access request's view and redaction save against the number of cases in
// the database, now that both read the request's gathered snapshot (head by key, chunks by _id) instead of
// finding the person across every case again. For each database size it prints the one gather (what every
// view and every save cost before the snapshot: a pass over every case, then the person's amendments,
// submissions, tasks and audit — each a whole-collection decode on FerretDB), then the median view and
// save, with the reads each made: of the stores the gather reads (cases, amendments, submissions, tasks,
// mail, audit) and of the snapshot (its head by key, its chunks by id). The view and the save should not
// grow with the number of cases.
//   npx tsx test/bench/sar-snapshot.bench.ts        (SIZES=200,2000 RUNS=… SUBMISSIONS=… to vary)
import { MongoSarSnapshotRepository } from '../../server/src/adapters/mongo/sar-snapshot.repository';
import { MongoSarSourcesReader } from '../../server/src/adapters/mongo/sar-sources.reader';
import { gatherSarSnapshot } from '../../server/src/application/sar/gather-sar-snapshot';
import { recordRedactions } from '../../server/src/application/sar/record-redactions';
import { reviewSar } from '../../server/src/application/sar/review-sar';
import type { InstanceView, Variables } from '../../server/src/ports/workflow-engine.port';
import { benchDatabase } from './support/bench-database';

const SIZES = (process.env.SIZES ?? '200,2000').split(',').map(Number).sort((a, b) => a - b);
const RUNS = Number(process.env.RUNS ?? 7);
const SUBMISSIONS = Number(process.env.SUBMISSIONS ?? 100);
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6);
const AT = '2026-11-01T09:00:00.000Z';
const section = (values: Record<string, unknown>, collections?: unknown) => ({ values, revision: 2, updatedAt: AT, updatedBy: 'u', sources: {}, labels: { fields: {} }, ...(collections ? { collections } : {}) });

function caseDoc(i: number, given = `Given${i}`, family = `Family${i}`) {
  const dob = `${2006 + (i % 10)}-0${(i % 9) + 1}-1${i % 9}`;
  return {
    _id: `SAR-B${String(i).padStart(6, '0')}`, team: `team-${i % 20}`, status: 'open', createdAt: AT, createdBy: 'u',
    identity: { nameKey: `${given.toLowerCase()}|${family.toLowerCase()}`, dateOfBirth: dob, displayName: `${given} ${family}` },
    sections: {
      personal: section({ givenName: given, familyName: family, dateOfBirth: dob, notes: filler }),
      education: section({ school: 'A school', notes: filler }),
      victims: section({}, { victims: [{ id: `v${i}`, label: 'Victim 1', values: { victimName: 'Pat Other', statement: filler }, sources: {} }] }),
      plans: section({ plan: filler }),
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main() {
  const db = await benchDatabase('sar');
  // Every call on the gather's sources and on the snapshot store, counted.
  const calls = { sources: 0, snapshot: 0 };
  const counted = <T extends object>(target: T, kind: keyof typeof calls): T => new Proxy(target, {
    get(t, p, r) {
      const v = Reflect.get(t, p, r);
      return typeof v === 'function' ? (...args: unknown[]) => { calls[kind]++; return v.apply(t, args); } : v;
    },
  });
  const key = 'bench-sar';
  let variables: Variables = { receivedOn: '2026-11-20', requesterName: 'Robin Bench', subject: { givenName: 'Robin', familyName: 'Bench', otherNames: [], dateOfBirth: '2010-03-04' }, sarRedactions: [] };
  const engine = {
    getInstance: async (): Promise<InstanceView> => ({ key, processId: 'subject-access-request', version: 1, state: 'active', activeElementIds: ['reviewRedactions'], variables, timeline: [], startedAt: AT }),
    setVariables: async (_k: string, v: Variables) => { variables = { ...variables, ...v }; },
  };
  const deps = {
    engine, sources: counted(new MongoSarSourcesReader(db.conn), 'sources'), snapshots: counted(new MongoSarSnapshotRepository(db.conn), 'snapshot'),
    audit: { record: async () => ({}) as never }, now: () => new Date(),
  };
  const actor = { id: 'dpo', roles: ['dpo'] };
  try {
    const own = { ...caseDoc(0, 'Robin', 'Bench'), identity: { nameKey: 'robin|bench', dateOfBirth: '2010-03-04', displayName: 'Robin Bench' } };
    await db.conn.collection('cases').insertOne(own as never);
    await db.conn.collection('form_submissions').insertMany(Array.from({ length: SUBMISSIONS }, (_, i) => ({
      _id: `bench-sub-${i}` as never, formId: 'plan-review', version: 1, data: { reviewNotes: `Review ${i}. ${filler}` }, submittedBy: 'u', submittedAt: AT, caseId: own._id,
    })));
    let seeded = 1;
    console.log(`SAR snapshot benchmark on ${db.kind}: the subject's case has ${SUBMISSIONS} submissions; ${RUNS} runs each (median)`);
    console.log('cases | gather once (ms) | view (ms) | redaction save (ms) | items');
    for (const size of SIZES) {
      for (; seeded < size; seeded += 500) {
        await db.conn.collection('cases').insertMany(Array.from({ length: Math.min(500, size - seeded) }, (_, i) => caseDoc(seeded + i)) as never[]);
      }
      const gather = await timed(() => gatherSarSnapshot(deps, key, { id: 'dpo', name: 'Bench' }, 'benchmark'));
      const views: number[] = [];
      const saves: number[] = [];
      let items = 0;
      const reads = (): string => { const r = `${calls.sources} source, ${calls.snapshot} snapshot reads`; calls.sources = 0; calls.snapshot = 0; return r; };
      let viewReads = '';
      let saveReads = '';
      for (let r = 0; r < RUNS; r++) {
        reads();
        views.push(await timed(async () => { items = (await reviewSar(deps, actor, key)).items.length; }));
        viewReads = reads();
        saves.push(await timed(() => recordRedactions(deps, actor, key, { decisions: [{ itemId: `${own._id}/victims/victims/v0`, decision: 'withhold', reason: `Run ${r}` }] })));
        saveReads = reads();
      }
      console.log(`${size.toLocaleString('en-GB')} | ${gather.toFixed(0)} | ${median(views).toFixed(1)} (${viewReads}) | ${median(saves).toFixed(1)} (${saveReads}) | ${items}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
