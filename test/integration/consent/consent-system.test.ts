// The whole product (composition root, real sessions and CSRF, demo users): the consent module is wired into
// every use case that changes a case. The DPO (no team) restricts a north case; its case manager can then
// neither amend it, nor save a draft on it, nor file answers against it, while reading it shows the
// restriction; once lifted, work goes on.
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { startTestSystem } from '../../support/system';

interface Session { cookie: string; csrf: string }

describe('consent and restriction in the whole product', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let cara: Session;
  let dee: Session;
  const call = async (who: Session, method: string, url: string, body?: unknown) => {
    const res = await fetch(`${system.url}/api${url}`, {
      method, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const signIn = async (username: string): Promise<Session> => {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    system = await startTestSystem({ SEED_DEMO_USERS: 'true' });
    [cara, dee] = [await signIn('cara.case'), await signIn('dee.dpo')];
  }, 120_000); // the whole product starts: slow on a busy machine
  afterAll(() => system.close());

  it('a restricted case refuses amendments, drafts and answers by its case manager, and accepts them once lifted', async () => {
    const caseId = (await call(cara, 'POST', '/cases', { givenName: 'Eli', familyName: 'Moss', dateOfBirth: '2011-07-08', team: 'north' })).body.id;
    const amend = () => call(cara, 'PATCH', `/cases/${caseId}/sections/personal`, { changes: { familyName: 'Mosse' }, reason: 'Spelling' });
    const draft = () => call(cara, 'POST', '/drafts', { formId: 'prevention-consent', caseId, data: { preventionConsent: 'given' } });
    const answers = () => call(cara, 'POST', '/forms/referral-privacy-notice/submissions', { caseId, data: {} });

    expect((await call(dee, 'PUT', `/cases/${caseId}/restriction`, { reason: 'Child contests the recorded address' })).status).toBe(200);
    for (const r of [await amend(), await draft(), await answers()]) expect([r.status, r.body.error.code]).toEqual([409, 'CASE_RESTRICTED']);
    const read = await call(cara, 'GET', `/cases/${caseId}`);
    expect([read.status, read.body.consent.restriction.reason]).toEqual([200, 'Child contests the recorded address']);

    expect((await call(dee, 'POST', `/cases/${caseId}/restriction/lift`, { reason: 'Address confirmed with the child' })).status).toBe(200);
    expect((await amend()).status).toBe(200);
    expect((await draft()).status).toBe(201);
    const audit = JSON.stringify((await call(dee, 'GET', `/audit/events?recordId=${caseId}`)).body);
    expect(audit).toMatch(/"case\.restricted"/);
    expect(audit).toMatch(/"case\.restriction-lifted"/);
  });

  it('the DPO, in no team, reads and corrects a restricted case of any team (audited, flagged), and no other case', async () => {
    const create = async (familyName: string) => (await call(cara, 'POST', '/cases', { givenName: 'Rhys', familyName, dateOfBirth: '2010-09-10', team: 'north' })).body.id as string;
    const [caseId, other] = [await create('Price'), await create('Parry')];
    const read = (id: string) => call(dee, 'GET', `/cases/${id}`);
    const correct = (id: string, section = 'personal') =>
      call(dee, 'PATCH', `/cases/${id}/sections/${section}`, { changes: section === 'personal' ? { familyName: 'Pryce' } : { carer: 'aunt' }, reason: 'Birth certificate seen' });
    for (const r of [await read(caseId), await correct(caseId)]) expect(r.status).toBe(404); // not restricted: not the DPO's to change

    expect((await call(dee, 'PUT', `/cases/${caseId}/restriction`, { reason: 'Child says the surname is spelt Pryce' })).status).toBe(200);
    const seen = await read(caseId);
    expect([seen.status, seen.body.sections.personal.values.familyName]).toEqual([200, 'Price']);
    const fixed = await correct(caseId);
    expect([fixed.status, fixed.body.sections.personal.values.familyName]).toEqual([200, 'Pryce']);
    expect((await correct(caseId, 'family')).body.error.code).toBe('SECTION_NOT_WRITABLE'); // only what the DPO may write
    for (const r of [await read(other), await correct(other)]) expect(r.status).toBe(404); // another, unrestricted case
    expect((await call(cara, 'PATCH', `/cases/${caseId}/sections/personal`, { changes: { familyName: 'Price' }, reason: 'Undo' })).status).toBe(409);

    const events = (await call(dee, 'GET', `/audit/events?recordId=${caseId}&flagged=true`)).body.items as { action: string; reason?: string; flagged?: boolean }[];
    expect(events.map((e) => e.action).sort()).toEqual(['case.read', 'case.read', 'case.write']);
    expect(events.find((e) => e.action === 'case.write')!.reason)
      .toMatch(/^Birth certificate seen — Correction while processing is restricted \(since \d{4}-\d{2}-\d{2}: Child says the surname is spelt Pryce\)$/);

    expect((await call(dee, 'POST', `/cases/${caseId}/restriction/lift`, { reason: 'Surname corrected from the birth certificate' })).status).toBe(200);
    for (const r of [await read(caseId), await correct(caseId)]) expect(r.status).toBe(404); // lifted: the team's case again
  });
});
