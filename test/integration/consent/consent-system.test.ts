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
});
