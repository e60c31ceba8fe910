// Benchmark (not a test): the cases list and search over 20,000 cases on the embedded database. Prints the
// first search (the index's one scan of every case), warm searches by name, date of birth, reference and
// filters, a search after some cases were written (their rows re-read by _id), and — for comparison — what
// one search costs when the index is not kept (several servers on one MongoDB: every search scans).
//   npx tsx test/bench/case-search.bench.ts        (CASES=… RUNS=… WRITES=… to vary)
import { MongoCaseRepository } from '../../server/src/adapters/mongo/case.repository';
import { MongoCaseSearchIndex } from '../../server/src/adapters/mongo/case-search.index';
import { searchCases, type SearchCasesInput } from '../../server/src/application/cases/search-cases';
import { tableAccessPolicy } from '../../server/src/application/cases/table-access-policy';
import { benchDatabase } from './support/bench-database';
import { timedRuns } from './support/timed-runs';

const CASES = Number(process.env.CASES ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 5);
const WRITES = Number(process.env.WRITES ?? 50);
const TEAMS = 20;
const RATINGS = ['low', 'medium', 'high', 'very-high'];
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6);
const GIVEN = ['Jordan', 'Siân', 'Łukasz', 'Amara', 'Kai', 'Riley', 'Noor', 'Callum', 'Maya', 'Tyler'];
const FAMILY = ['Baker', "O'Neil-Smith", 'Nguyễn', 'Okafor', 'Khan', 'Jones', 'Evans', 'Murphy', 'Patel', 'Wright'];

function caseDoc(i: number) {
  const given = `${GIVEN[i % GIVEN.length]}`;
  const family = `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}${i}`;
  const dob = `${2006 + (i % 10)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const section = (values: Record<string, unknown>, collections?: unknown) => ({ values, revision: 2, updatedAt: '2026-01-01T10:00:00Z', updatedBy: 'u', sources: {}, ...(collections ? { collections } : {}) });
  return {
    _id: `YJ-B${String(i).padStart(7, '0')}`, team: `team-${i % TEAMS}`, status: i % 4 ? 'open' : 'closed', pathway: ['prevention', 'court-order', 'out-of-court'][i % 3],
    caseManagerId: i % 5 ? `worker-${i % 200}` : undefined, createdAt: `2025-${String((i % 12) + 1).padStart(2, '0')}-10T09:00:00Z`, createdBy: 'u',
    identity: { nameKey: `${given.toLowerCase()}|${family.toLowerCase()}`, dateOfBirth: dob, displayName: `${given} ${family}` },
    sections: {
      personal: section({ givenName: given, familyName: family, dateOfBirth: dob, notes: filler, ...(i % 7 ? {} : { preferredName: `Alias${i}` }) }),
      education: section({ school: 'A school', notes: filler }),
      assessments: section({ summary: filler }, { assessments: [{ id: `a${i}`, values: { roshRating: RATINGS[i % 4], safetyWellbeingRating: RATINGS[(i + 1) % 4], explanations: filler }, sources: {} }] }),
      plans: section({ plan: filler }),
    },
  };
}

const actor = { id: 'worker-3', roles: ['case-managers'], teams: ['team-3'] };
const deps = (caseSearch: MongoCaseSearchIndex) => ({
  caseSearch, policy: tableAccessPolicy, audit: { record: async () => ({}) as never },
  users: { findById: async (id: string) => ({ displayName: `Worker ${id}` }) as never }, pathwayOptions: async () => [],
});
const query = (over: Partial<SearchCasesInput>): SearchCasesInput => ({ team: 'mine', sort: 'name', page: 1, ...over });

const time = (label: string, run: () => Promise<unknown>, runs = RUNS) => timedRuns(label, run, runs, 46);

async function main() {
  const db = await benchDatabase('case-search');
  try {
    let t = performance.now();
    for (let from = 0; from < CASES; from += 2_000) {
      await db.conn.collection('cases').insertMany(Array.from({ length: Math.min(2_000, CASES - from) }, (_, k) => caseDoc(from + k)) as never[]);
    }
    console.log(`database ${db.kind}: seeded ${CASES} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const repo = new MongoCaseRepository(db.conn, { cacheLabels: true });
    await repo.init(); // the indexes exist before timing, as on a running server (building them would slow the scan)
    const kept = new MongoCaseSearchIndex(repo.cases as never, repo, { keep: true });
    t = performance.now();
    const first = await searchCases(deps(kept), actor, query({ q: 'amara' })); // the team's children are all Amara (i % 20 === 3)
    console.log(`first search (one scan of every case)             ${(performance.now() - t).toFixed(0)} ms, ${first.total} found`);
    await time('my teams, by name (warm)', () => searchCases(deps(kept), actor, query({ q: 'amara baker' })));
    await time('all teams, by date of birth (warm)', () => searchCases(deps(kept), actor, query({ team: 'all', q: '14 March 2010' })));
    await time('by reference (warm)', () => searchCases(deps(kept), actor, query({ q: 'YJ-B0000123' })));
    await time('caseload filters, risk sort (warm)', () => searchCases(deps(kept), actor, query({ worker: 'me', status: 'open', rosh: 'high', sort: 'risk' })));
    for (let w = 0; w < WRITES; w++) await repo.setOwnership(`YJ-B${String(w * 3).padStart(7, '0')}`, { caseManagerId: 'worker-3' });
    await time(`after ${WRITES} cases were written (re-read by _id)`, () => searchCases(deps(kept), actor, query({ worker: 'me' })), 1);
    const scanning = new MongoCaseSearchIndex(repo.cases as never, repo, { keep: false });
    await time('index not kept (several servers): every search scans', () => searchCases(deps(scanning), actor, query({ q: 'amara' })), Math.min(RUNS, 3));
    console.log(`memory after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
