// "Referred by" is filed where the intake's form asks it (Offending). A case opened by the referral page
// now files it there; cases stored before, with it under Personal, have it moved at start — once, with the
// move in the history by the system and its reason, the value keeping who recorded it at referral (here a
// user no longer on record) — and an
// Offending answer the intake form already gave is kept rather than overwritten. The case page still says
// "Referred by: Police".
import { demoSessions } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';
import { openTestDb } from '../../support/test-db';

const AT = '2026-01-05T09:00:00.000Z';
const LATER = '2026-01-06T10:00:00.000Z';
const section = (values: Record<string, unknown>, at: string, by: string) => ({
  values, revision: 1, updatedAt: at, updatedBy: by, sources: Object.fromEntries(Object.keys(values).map((k) => [k, { at, by, amendmentSeq: 1 }])),
});
const person = (given: string) => ({ givenName: given, familyName: 'Older', dateOfBirth: '2010-03-14' });
/** As the referral page stored a case before: "Referred by" beside the identity, in the personal section's first amendment. */
function olderCase(id: string, given: string, by: string, offending?: Record<string, unknown>) {
  const personal = { ...person(given), referralSource: 'police' };
  return {
    doc: {
      _id: id, team: 'north', status: 'open', createdAt: AT, createdBy: by,
      identity: { nameKey: `${given.toLowerCase()}|older`, dateOfBirth: '2010-03-14', displayName: `${given} Older` },
      sections: { personal: section(personal, AT, by), ...(offending ? { offending: section(offending, LATER, by) } : {}) },
    },
    amendments: [
      { _id: `${id}|personal|1`, caseId: id, section: 'personal', seq: 1, at: AT, by, source: { kind: 'referral' }, changes: Object.entries(personal).map(([field, value]) => ({ field, value })), after: personal, state: section(personal, AT, by) },
      ...(offending ? [{ _id: `${id}|offending|1`, caseId: id, section: 'offending', seq: 1, at: LATER, by, source: { kind: 'manual', reason: 'intake' }, changes: [], after: offending, state: section(offending, LATER, by) }] : []),
    ],
  };
}

describe('"Referred by" filed where the intake form asks it', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const api = demoSessions(() => system.url);
  const fields = async (id: string, s: string) => ((await api.call('cara.case', 'GET', `/cases/${id}`)).body.words.sections[s]?.fields ?? []) as Array<{ key: string; label: string; value: { text: string }; source?: { text: string } }>;

  beforeAll(async () => {
    const db = await openTestDb('refile');
    const plain = olderCase('YJ-OLD1', 'Ana', 'u-retired');
    const answered = olderCase('YJ-OLD2', 'Bea', 'u-retired', { referralSource: 'court' });
    await db.conn.collection('cases').insertMany([plain.doc, answered.doc] as never[]);
    await db.conn.collection('case_amendments').insertMany([...plain.amendments, ...answered.amendments] as never[]);
    await db.conn.close();
    system = await startTestSystem({ DB_NAME: db.dbName });
    await api.signIn('cara.case');
  }, 120_000);
  afterAll(() => system?.close());

  it('a new referral files it under Offending, said as the form says it', async () => {
    const created = await api.call('cara.case', 'POST', '/cases', { ...person('New'), familyName: 'Referral', team: 'north', referralSource: 'police', confirmedNotDuplicate: true });
    expect(created.status).toBe(201);
    const stored = await system.modules.tasks.cases.findById(created.body.id);
    expect(stored?.sections.personal?.values).toEqual({ givenName: 'New', familyName: 'Referral', dateOfBirth: '2010-03-14' });
    expect(stored?.sections.offending?.values).toEqual({ referralSource: 'police' });
    const referredBy = (await fields(created.body.id, 'offending')).find((f) => f.key === 'referralSource');
    expect(referredBy).toMatchObject({ label: 'Referred by', value: { text: 'Police' }, source: { text: 'Recorded at referral by Cara Case' } });
  });

  it('moves an older case\'s value from Personal to Offending at start, keeping who recorded it at referral', async () => {
    const stored = await system.modules.tasks.cases.findById('YJ-OLD1');
    expect(stored?.sections.personal?.values).toEqual(person('Ana'));
    expect(stored?.sections.personal?.sources).not.toHaveProperty('referralSource');
    expect(stored?.sections.offending?.values).toEqual({ referralSource: 'police' });
    expect(stored?.sections.offending?.sources.referralSource).toMatchObject({ at: AT, by: 'u-retired', amendmentSeq: 1 });
    expect((await fields('YJ-OLD1', 'offending')).map((f) => [f.label, f.value.text, f.source?.text])).toEqual([['Referred by', 'Police', 'Recorded at referral by A former member of staff']]);
    expect((await fields('YJ-OLD1', 'personal')).map((f) => f.key)).not.toContain('referralSource');
    const history = await api.call('cara.case', 'GET', '/cases/YJ-OLD1/amendments?limit=50');
    const moves = (history.body.words as Array<{ section: string; by: string; how: { kind: string; reason?: string }; changes: Array<{ label: string; value?: { text: string }; previous?: { text: string } }> }>)
      .filter((a) => a.how.kind === 'manual');
    expect(moves.map((a) => [a.section, a.by, a.changes[0].label, a.changes[0].value?.text ?? null, a.changes[0].previous?.text ?? null])).toEqual(expect.arrayContaining([
      ['offending', 'The system', 'Referred by', 'Police', null],
      ['personal', 'The system', 'Referred by', null, 'Police'],
    ]));
    expect(moves[0].how.reason).toMatch(/^Filed under Offending, where the intake form records who referred the child/);
  });

  it('keeps the answer the intake form already gave under Offending and only clears Personal', async () => {
    const stored = await system.modules.tasks.cases.findById('YJ-OLD2');
    expect(stored?.sections.offending?.values).toEqual({ referralSource: 'court' });
    expect(stored?.sections.offending?.revision).toBe(1);
    expect(stored?.sections.personal?.values).toEqual(person('Bea'));
    expect(stored?.sections.personal?.revision).toBe(2);
  });

  it('records that it is done, so later starts do not scan again', async () => {
    const version = await system.conn.collection('schema_versions').findOne({ _id: 'referred-by-section' as never });
    expect(version?.version).toBe(2);
  });
});
