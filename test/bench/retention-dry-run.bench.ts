// Benchmark (not a test): the retention review's dry run over 20,000 cases — one projected pass over the
// cases collection (no per-case query, no $lookup: FerretDB 1.24's subset), then the pure classification
// and due-date arithmetic. Cases are realistic in size (several sections, orders, offences) so the
// projection has something to leave behind. Prints seeding time, read time, total and the counts.
//   npx tsx test/bench/retention-dry-run.bench.ts        (CASES=… RUNS=… HOLDS=… to vary)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRetentionSchedule } from '../../server/src/adapters/files/retention-schedule.loader';
import { MongoLegalHoldRepository } from '../../server/src/adapters/mongo/legal-hold.repository';
import { MongoRetentionCaseReader } from '../../server/src/adapters/mongo/retention-case.reader';
import { MongoRetentionScheduleRepository } from '../../server/src/adapters/mongo/retention-schedule.repository';
import { runRetentionDryRun } from '../../server/src/application/retention/run-retention-dry-run';
import { benchDatabase } from './support/bench-database';

const CASES = Number(process.env.CASES ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 3);
const HOLDS = Number(process.env.HOLDS ?? 50);
const clock = { now: () => new Date('2026-12-02T10:00:00Z') };
const ORDER_TYPES = ['referral-order', 'yro', 'dto', undefined, undefined];
const PATHWAYS = ['court-order', 'out-of-court', 'prevention', 'bail-remand', undefined];
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6);

function caseDoc(i: number) {
  const closedYear = 2012 + (i % 14);
  const closed = i % 3 !== 0;
  const day = `${closedYear}-${String((i % 12) + 1).padStart(2, '0')}-15`;
  const section = (values: Record<string, unknown>) => ({ values, revision: 3, updatedAt: `${day}T10:00:00Z`, updatedBy: 'u', sources: {} });
  const order = ORDER_TYPES[i % ORDER_TYPES.length];
  return {
    _id: `C${String(i).padStart(6, '0')}`, team: `team-${i % 20}`, status: closed ? 'closed' : 'open', pathway: PATHWAYS[i % PATHWAYS.length],
    createdAt: `${closedYear - 1}-01-10T09:00:00Z`, createdBy: 'u',
    identity: { nameKey: `child${i}|family${i % 997}`, dateOfBirth: `${1995 + (i % 15)}-06-0${(i % 9) + 1}`, displayName: `Child ${i}` },
    sections: {
      personal: section({ givenName: `Child${i}`, familyName: `Family${i % 997}`, notes: filler }),
      education: section({ school: 'A school', notes: filler }),
      assessments: section({ summary: filler, score: i % 40 }),
      offending: { ...section({ notes: filler }), collections: {
        orders: order ? [{ id: `o${i}`, values: { type: order, madeOn: `${closedYear - 1}-03-01`, lengthMonths: 12 }, sources: {} }] : [],
        offences: [{ id: `f${i}`, values: { offence: 'Theft', gravityScore: '2', details: filler }, sources: {} }],
      } },
      plans: section({ closureDate: closed ? day : undefined, closureReason: closed ? 'orderCompleted' : undefined, plan: filler }),
    },
  };
}

async function main() {
  const db = await benchDatabase('retention');
  try {
    const rules = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../processes/retention-schedule.json'), 'utf8'));
    let t = performance.now();
    for (let from = 0; from < CASES; from += 2_000) {
      await db.conn.collection('cases').insertMany(Array.from({ length: Math.min(2_000, CASES - from) }, (_, k) => caseDoc(from + k)) as never[]);
    }
    const holds = new MongoLegalHoldRepository(db.conn);
    for (let h = 0; h < HOLDS; h++) {
      await holds.insert({ id: `h${h}`, scope: h % 2 ? 'case' : 'person', caseId: `C${String(h * 97).padStart(6, '0')}`, person: { nameKey: `child${h * 31}|family${(h * 31) % 997}`, dateOfBirth: `${1995 + ((h * 31) % 15)}-06-0${((h * 31) % 9) + 1}` }, reason: 'bench', placedBy: 'u', since: clock.now().toISOString() });
    }
    console.log(`database ${db.kind}: seeded ${CASES} cases and ${HOLDS} holds in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const deps = {
      schedule: new MongoRetentionScheduleRepository(db.conn, { defaults: rules, now: clock.now }), holds, cases: new MongoRetentionCaseReader(db.conn), clock,
    };
    for (let run = 1; run <= RUNS; run++) {
      const heapBefore = process.memoryUsage().heapUsed;
      t = performance.now();
      const r = await runRetentionDryRun(deps);
      const ms = performance.now() - t;
      console.log(`run ${run}: ${r.checked} cases in ${(ms / 1000).toFixed(2)} s (${Math.round(r.checked / (ms / 1000))} cases/s), ${r.due.length} due, ${r.held.length} held, ${r.unruled.length} without a rule; heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB`);
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
