// Name keys stored by the first normalisation rule (a–z only) are rewritten at start, so a child whose name
// has letters outside a–z is found again by the duplicate check, by a person-scoped legal hold and by the
// SAR search. The old keys below are written literally, as version 1 stored them.
import { identityKeys } from '../../../server/src/domain/cases/person-identity';
import { holdCovers } from '../../../server/src/domain/retention/legal-hold';
import { startTestSystem } from '../../support/system';
import { openTestDb } from '../../support/test-db';

const AT = '2026-01-05T09:00:00.000Z';
const personal = (givenName: string, familyName: string, dateOfBirth: string) => ({
  personal: { values: { givenName, familyName, dateOfBirth }, revision: 1, updatedAt: AT, updatedBy: 'cara.case', sources: {} },
});
const v1Case = (id: string, nameKey: string, given: string, family: string, dob: string) => ({
  _id: id, team: 'north', status: 'open', createdAt: AT, createdBy: 'cara.case',
  identity: { nameKey, dateOfBirth: dob, displayName: `${given} ${family}` },
  sections: personal(given, family, dob),
});

describe('person name keys made by an older rule', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;

  beforeAll(async () => {
    const db = await openTestDb('rekey');
    await db.conn.collection('cases').insertMany([
      v1Case('polish', 'ukasz|woloszyn', 'Łukasz', 'Wołoszyn', '2010-05-06'),
      v1Case('cyrillic', '|', 'Дмитрий', 'Иванов', '2011-07-08'),
      v1Case('plain', 'ada|jones', 'Ada', 'Jones', '2010-02-03'),
    ] as never[]);
    await db.conn.collection('legal_holds').insertOne({
      _id: 'hold-1', scope: 'person', person: { nameKey: 'ukasz|woloszyn', dateOfBirth: '2010-05-06' }, personCaseId: 'polish',
      reason: 'Inquiry', placedBy: 'dan.data', since: AT,
    } as never);
    await db.conn.close();
    system = await startTestSystem({ DB_NAME: db.dbName });
  }, 120_000);
  afterAll(() => system?.close());

  const stored = async (id: string) => (await system.conn.collection('cases').findOne({ _id: id as never }))?.identity?.nameKey;

  it('rewrites the keys that lost letters and leaves a–z names as they were', async () => {
    expect(await stored('polish')).toBe('lukasz|woloszyn');
    expect(await stored('cyrillic')).toBe('дмитрии|иванов');
    expect(await stored('plain')).toBe('ada|jones');
    const version = await system.conn.collection('schema_versions').findOne({ _id: 'person-name-key' as never });
    expect(version?.version).toBe(2);
  });

  it('lets the duplicate check find the child by the name as a referral spells it', async () => {
    const cases = system.modules.tasks.cases;
    const polish = await cases.findByIdentity(identityKeys({ givenName: 'LUKASZ', familyName: 'Woloszyn', dateOfBirth: '2010-05-06' }), 5);
    expect(polish.map((c) => c.id)).toEqual(['polish']);
    const cyrillic = await cases.findByIdentity(identityKeys({ givenName: 'дмитрий', familyName: 'ИВАНОВ', dateOfBirth: '2011-07-08' }), 5);
    expect(cyrillic.map((c) => c.id)).toEqual(['cyrillic']);
    // A different Cyrillic name on the same date no longer shares the empty v1 key.
    const other = await cases.findByIdentity(identityKeys({ givenName: 'Ольга', familyName: 'Петрова', dateOfBirth: '2011-07-08' }), 5);
    expect(other).toEqual([]);
  });

  it('moves a person hold to the new key, so it still covers the child', async () => {
    const hold = await system.conn.collection('legal_holds').findOne({ _id: 'hold-1' as never });
    expect(hold?.person?.nameKey).toBe('lukasz|woloszyn');
    const keys = identityKeys({ givenName: 'Łukasz', familyName: 'Wołoszyn', dateOfBirth: '2010-05-06' });
    expect(holdCovers({ id: 'hold-1', scope: 'person', person: hold!.person, reason: 'x', placedBy: 'x', since: AT }, { caseId: 'other-case', ...keys })).toBe(true);
  });
});
