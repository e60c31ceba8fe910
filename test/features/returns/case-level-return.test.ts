// Feature: the quarterly case-level return, on the whole product (real database, sessions, CSRF, audit).
// Known cases for 2026/27 quarter 1 (April to June 2026) are stored; the data officer generates the return,
// downloads the file and compares it with fixtures/case-level-2026-Q1.xml, written by hand from the cases
// below and the layout processes/returns/case-level-2026.json, not by the code:
//   01 Amy  north  youth caution 14 Apr (age 15), referral order 30 Jun 23:30 London (age 16, 6 months);
//               a charge (not a disposal) and an order of 1 July (next quarter) are not in the file
//               her latest case closure form (of two) says the order was completed → ORDER_COMPLETED
//   02 Ben  south  YRO 5 May (age 17, 12 months, ends 4 May 2027); postcode M13AA → district M1
//   03 Cal  north  no gender, ethnicity "purple" (no code), a YCC of 20 May, a fine with no date → left out
//   04 Dee  south  referral order of 10 May whose length is "twelve" → the order, and so the child, left out
//   05 Eve  north  opened in May with nothing recorded yet → not in the return, no problem
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MongoSubmissionRepository } from '../../../server/src/adapters/mongo/form-submission.repository';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import type { CaseRecord, SectionState } from '../../../server/src/domain/cases/case-record';
import { identityKeys } from '../../../server/src/domain/cases/person-identity';
import { startTestSystem } from '../../support/system';

type Who = { cookie: string; csrf: string };
// A demo user of every role (README, demo users): only data officers hold submit-returns.
const ONE_OF_EACH_ROLE: Record<string, string> = {
  'case-managers': 'cara.case', 'team-managers': 'tom.manager', 'court-officers': 'colin.court', 'victim-workers': 'vicky.victim',
  'panel-coordinators': 'pat.panel', 'health-workers': 'helen.health', 'data-officers': 'dan.data', dpo: 'dee.dpo', admins: 'ada.admin',
};
const expected = readFileSync(path.join(__dirname, 'fixtures', 'case-level-2026-Q1.xml'), 'utf8');

const state = (values: Record<string, unknown>, collections?: SectionState['collections']): SectionState => ({
  values, revision: 0, updatedAt: '2026-04-01T09:00:00.000Z', updatedBy: 'cara.case', sources: {}, ...(collections ? { collections } : {}),
});
const item = (id: string, values: Record<string, unknown>) => ({ id, values, sources: {} });
function child(n: string, team: string, given: string, personal: Record<string, unknown>, offending?: SectionState['collections'], createdAt = '2026-03-02T10:00:00.000Z'): CaseRecord {
  return {
    id: `YJ-RETURN${n}`, team, status: 'open', createdAt, createdBy: 'cara.case',
    identity: { ...identityKeys({ givenName: given, familyName: 'Tester', dateOfBirth: String(personal.dateOfBirth) }), displayName: `${given} Tester` },
    sections: { personal: state({ givenName: given, familyName: 'Tester', ...personal }), ...(offending ? { offending: state({}, offending) } : {}) },
  };
}

describe('Feature: the quarterly case-level return', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const as: Record<string, Who> = {};

  async function signIn(username: string): Promise<Who> {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  const call = async (who: string, method: string, p: string, body?: unknown) => {
    const res = await fetch(`${system.url}/api/returns${p}`, {
      method, headers: { cookie: as[who].cookie, 'x-csrf-token': as[who].csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, type: res.headers.get('content-type') ?? '', body: text.startsWith('{') ? JSON.parse(text) : undefined };
  };
  const audited = async (action: string) => (await system.modules.security.audit.search({ action }, { offset: 0, limit: 20 })).items;

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of Object.values(ONE_OF_EACH_ROLE)) as[u] = await signIn(u);
    const cases = system.modules.tasks.cases;
    await cases.create(child('01', 'north', 'Amy', { dateOfBirth: '2010-05-20', gender: 'Female', ethnicity: 'white-british', addresses: [{ line1: '1 Old Road', town: 'York', postcode: 'YO1 7HH', from: '2015-01-01', to: '2024-02-01' }, { line1: '2 Park Row', town: 'Leeds', postcode: 'ls1 4ab', from: '2024-02-01' }] }, {
      outcomes: [item('caution-1', { type: 'youth-caution', decidedOn: '2026-04-14' }), item('charge-1', { type: 'charge', decidedOn: '2026-05-01' })],
      orders: [item('order-1', { type: 'referral-order', madeOn: '2026-06-30T22:30:00.000Z', lengthMonths: 6 }), item('order-2', { type: 'referral-order', madeOn: '2026-07-01' })],
    }), []);
    // Amy's two case-closure submissions, linked from the values they wrote on her record: the later one counts.
    const amy = (await cases.findById('YJ-RETURN01'))!;
    const src = (submissionId: string, at: string) => ({ at, by: 'cara.case', submissionId, formId: 'case-closure-end-data', formVersion: 1, amendmentSeq: 1 });
    await system.conn.collection('cases').updateOne({ _id: amy.id as never }, { $set: { 'sections.plans': { ...state({ closureDate: '2026-03-01', closureReason: 'orderCompleted' }), sources: { closureDate: src('sub-old', '2026-03-01T10:00:00.000Z'), closureReason: src('sub-new', '2026-05-01T10:00:00.000Z') } } } });
    for (const [id, reason, at] of [['sub-old', 'other', '2026-03-01T10:00:00.000Z'], ['sub-new', 'orderCompleted', '2026-05-01T10:00:00.000Z']]) {
      await new MongoSubmissionRepository(system.conn).create({ id, formId: 'case-closure-end-data', version: 1, data: { closureReason: reason }, submittedBy: 'cara.case', submittedAt: at, caseId: amy.id });
    }
    await cases.create(child('02', 'south', 'Ben', { dateOfBirth: '2009-01-31', gender: 'male', ethnicity: 'black-african', addresses: [{ line1: '3 Mill Lane', town: 'Manchester', postcode: 'M13AA', from: '2020-01-01' }] }, {
      orders: [item('yro-1', { type: 'yro', madeOn: '2026-05-05', lengthMonths: 12, end: '2027-05-04' })],
    }), []);
    await cases.create(child('03', 'north', 'Cal', { dateOfBirth: '2011-03-03', ethnicity: 'purple' }, {
      outcomes: [item('ycc-1', { type: 'youth-conditional-caution', givenOn: '2026-05-20' }), item('fine-1', { type: 'fine' })],
    }), []);
    await cases.create(child('04', 'south', 'Dee', { dateOfBirth: '2010-10-10', gender: 'female', ethnicity: 'asian-indian' }, {
      orders: [item('ro-1', { type: 'referral-order', madeOn: '2026-05-10', lengthMonths: 'twelve' })],
    }), []);
    await cases.create(child('05', 'north', 'Eve', { dateOfBirth: '2012-12-12' }, undefined, '2026-05-02T10:00:00.000Z'), []);
  }, 120_000);
  afterAll(() => system?.close());

  it('generates the quarter\'s file, which matches the file written by hand, and audits its download as a disclosure', async () => {
    const made = await call('dan.data', 'POST', '', { quarter: '2026-Q1' });
    expect(made.status).toBe(201);
    const v1 = made.body.versions[0];
    expect(v1).toMatchObject({ id: '2026-Q1-v1', status: 'draft', generatedBy: 'Dan Data', layoutVersion: '2026.1', counts: { children: 2, records: 5, leftOut: 4 } });
    const file = await call('dan.data', 'GET', '/2026-Q1-v1/file');
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/application\/xml/);
    expect(file.text).toBe(expected);
    const [disclosed] = await audited('return.disclosed');
    expect(disclosed).toMatchObject({ recordId: '2026-Q1-v1', actor: expect.objectContaining({ id: expect.any(String) }) });
    expect(disclosed.after).toMatchObject({ recipient: 'Youth Justice Board', caseIds: ['YJ-RETURN01', 'YJ-RETURN02'] });
  });

  it('lists the records that cannot be completed, by child and field, in words', async () => {
    const { body } = await call('dan.data', 'GET', '?quarter=2026-Q1');
    const said = body.versions[0].problems.map((p: { child: string; record: string; reason: string; value?: string }) => [p.child, p.record, p.reason, p.value]);
    expect(said).toEqual([
      ['Cal Tester', 'Outcome 2', 'Outcome or order has no date, so it is in no quarter\'s return', undefined],
      ['Cal Tester', 'Child', 'Gender is not recorded (Personal tab)', undefined],
      ['Cal Tester', 'Child', 'Ethnicity has no code in the return\'s layout for the value recorded', 'purple'],
      ['Dee Tester', 'Order 1', 'Length of the order in months is not a whole number', 'twelve'],
      ['Dee Tester', 'Child', 'Child is left out: none of their records in the quarter could be completed', undefined],
    ]);
    expect((await audited('return.read'))[0].after).toMatchObject({ casesNamed: ['YJ-RETURN03', 'YJ-RETURN04'] });
  });

  it('marks a version submitted once, with who and when; a regeneration is a new draft and the submitted file stays as it was', async () => {
    const sub = await call('dan.data', 'POST', '/2026-Q1-v1/submit', {});
    expect(sub.status).toBe(200);
    expect(sub.body.versions[0]).toMatchObject({ status: 'submitted', submittedBy: 'Dan Data', submittedAt: expect.any(String) });
    expect((await audited('return.submitted'))[0]).toMatchObject({ recordId: '2026-Q1-v1', after: expect.objectContaining({ status: 'submitted' }) });
    expect(await call('dan.data', 'POST', '/2026-Q1-v1/submit', {})).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/already marked submitted on \d{1,2} \w+ 2\d{3}, \d\d:\d\d/) } } });

    // Ben's YRO is corrected after submission: the next version holds the change, the submitted one does not.
    const ben = (await system.modules.tasks.cases.findById('YJ-RETURN02'))!;
    await system.conn.collection('cases').updateOne({ _id: 'YJ-RETURN02' as never }, { $set: { 'sections.offending.collections.orders': [{ ...ben.sections.offending!.collections!.orders[0], values: { ...ben.sections.offending!.collections!.orders[0].values, lengthMonths: 18 } }] } });
    const again = await call('dan.data', 'POST', '', { quarter: '2026-Q1' });
    expect(again.body.versions.map((v: { id: string; status: string; latest: boolean }) => [v.id, v.status, v.latest])).toEqual([['2026-Q1-v2', 'draft', true], ['2026-Q1-v1', 'submitted', false]]);
    expect((await call('dan.data', 'GET', '/2026-Q1-v2/file')).text).toContain('<LengthMonths>18</LengthMonths>');
    expect((await call('dan.data', 'GET', '/2026-Q1-v1/file')).text).toBe(expected);
  });

  it('erasing a child empties the drafts that hold them and keeps the submitted file (the record of what was disclosed)', async () => {
    for (const store of system.modules.otherCaseStores) await store.eraseOfCase('YJ-RETURN01');
    expect((await call('dan.data', 'GET', '?quarter=2026-Q1')).body.versions.map((v: { id: string }) => v.id)).toEqual(['2026-Q1-v1']);
    expect((await call('dan.data', 'GET', '/2026-Q1-v2/file')).status).toBe(404);
    expect(JSON.stringify(await system.conn.collection('returns').findOne({ _id: '2026-Q1-v2' as never }))).not.toMatch(/YJ-RETURN01|2010-05-20/);
    // The file is stored apart from its version (return_files): the draft's is gone, the submitted one's kept.
    expect(await system.conn.collection('return_files').findOne({ _id: '2026-Q1-v2' as never })).toBeNull();
    expect(await system.conn.collection('return_files').findOne({ _id: '2026-Q1-v1' as never })).toMatchObject({ xml: expect.stringContaining('YJ-RETURN01') });
    expect((await system.conn.collection('returns').findOne({ _id: '2026-Q1-v1' as never }))?.xml).toBeUndefined();
    // The erased draft's number is not given to the next file: v2 was downloaded (and audited) as another file.
    expect((await call('dan.data', 'POST', '', { quarter: '2026-Q1' })).body.versions[0].id).toBe('2026-Q1-v3');
  });

  it.each(Object.entries(ONE_OF_EACH_ROLE).filter(([role]) => role !== 'data-officers'))('refuses every route to %s', async (_role, user) => {
    expect(await call(user, 'GET', '?quarter=2026-Q1')).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/data officers/) } } });
    expect((await call(user, 'POST', '', { quarter: '2026-Q1' })).status).toBe(403);
    expect((await call(user, 'GET', '/2026-Q1-v1/file')).status).toBe(403);
    expect((await call(user, 'POST', '/2026-Q1-v1/submit', {})).status).toBe(403);
  });

  it('answers bad requests with a 4xx that says what to change', async () => {
    expect(await call('dan.data', 'POST', '', { quarter: '2026-Q5' })).toMatchObject({ status: 422, body: { error: { message: expect.stringMatching(/2026-Q1/) } } });
    expect((await call('dan.data', 'POST', '', { quarter: '2026-Q1', force: true })).status).toBe(422);
    expect((await call('dan.data', 'POST', '', { quarter: { $gt: '' } })).status).toBe(422);
    expect(await call('dan.data', 'GET', '?quarter=2026-Q1&sort=x')).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/Unknown query parameter: sort/) } } });
    expect(await call('dan.data', 'POST', '', { quarter: '2099-Q1' })).toMatchObject({ status: 422, body: { error: { message: expect.stringMatching(/not started/) } } });
    expect((await call('dan.data', 'GET', '/nope/file')).status).toBe(404);
    expect((await call('dan.data', 'POST', '/2026-Q2-v9/submit', {})).status).toBe(404);
    expect((await call('dan.data', 'GET', '?quarter=2026-Q2')).body.versions).toEqual([]);
  });
});
