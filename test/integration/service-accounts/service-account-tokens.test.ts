// Service accounts against the whole product (issue 22): an admin creates one and sees its token once; the
// token is kept only as a SHA-256 hash; a system reads the Personal section of its team's case with it and
// nothing else; a missing, unknown, tampered, expired or revoked token is refused with 401 and a reason; a
// scope the account lacks is 403; rotation keeps the old token for the overlap only; every call is in the
// audit log under the account. An account that reads case data works once a second administrator (Abe) approved it.
import { createHash } from 'node:crypto';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { demoSessions } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

describe('service accounts: tokens, scopes, expiry, rotation, revocation, audit', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let now = new Date('2026-12-02T09:00:00.000Z').getTime();
  const clock = { now: () => new Date(now) };
  const { call, signIn } = demoSessions(() => system.url);
  let caseId = '';

  async function bearer(token: string | undefined, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${system.url}/api/integration${url}`, {
      method,
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  }
  // An account that reads case data works once a second administrator approved it (docs/permissions.md): Abe does.
  const approved = async (made: Awaited<ReturnType<typeof call>>) => {
    if (made.body?.awaitingApproval) {
      const decided = await call('abe.admin', 'POST', `/admin/permissions/requests/${made.body.awaitingApproval.id}/decision`, { decision: 'approve', reason: 'The system needs it' });
      expect(decided.body.request.state).toBe('approved');
    }
    return made;
  };
  const account = async (name: string, scopes: string[], extra: Record<string, unknown> = {}) =>
    approved(await call('ada.admin', 'POST', '/admin/service-accounts', { name, roles: ['court-officers'], teams: ['north'], scopes, tokenDays: 30, ...extra }));
  const auditOf = async (actorId: string) =>
    (await system.modules.security.audit.search({ actorId }, { offset: 0, limit: 100 })).items.map((e) => ({ action: e.action, sections: e.sections, username: e.actor.username }));

  beforeAll(async () => {
    system = await startTestSystem({ SESSION_IDLE_MINUTES: '1440' }, { clock });
    await system.conn.collection('users').insertOne({
      username: 'abe.admin', displayName: 'Abe Admin', email: 'abe.admin@example.org', roles: ['admins'], teams: [], active: true, failedAttempts: 0,
      createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
    for (const u of ['ada.admin', 'abe.admin', 'tom.manager']) await signIn(u);
    const created = await call('tom.manager', 'POST', '/cases', { givenName: 'Kit', familyName: 'Reader', dateOfBirth: '2011-04-05', team: 'north', referralSource: 'court' });
    caseId = created.body.id;
  }, 120_000);
  afterAll(() => system?.close());

  it('shows the token once, keeps only its hash, and lets the system read Personal and nothing more', async () => {
    const made = await account('Court portal', ['cases:read:personal']);
    expect(made.status).toBe(201);
    const { token } = made.body as { token: string };
    expect(token).toMatch(/^yjs\.[0-9a-f]{24}\.[A-Za-z0-9_-]{43}$/);
    const [, id, secret] = token.split('.');
    const stored = await system.conn.collection('service_account_tokens').findOne({ _id: id as never });
    expect(stored?.hash).toBe(createHash('sha256').update(secret!).digest('hex'));
    for (const coll of ['service_accounts', 'service_account_tokens', 'audit_events']) {
      expect(JSON.stringify(await system.conn.collection(coll).find({}).toArray())).not.toContain(secret);
    }
    const list = await call('ada.admin', 'GET', '/admin/service-accounts');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(stored?.hash);
    expect(list.body.items[0]).toMatchObject({ name: 'Court portal', tokens: [{ id, state: 'valid' }] });
    expect((await call('tom.manager', 'GET', '/admin/service-accounts')).status).toBe(403);

    const read = await bearer(token, 'GET', `/cases/${caseId}`);
    expect(read.status).toBe(200);
    // Court officers may read Offending too (who referred the child is filed there); the scope reaches Personal only.
    expect(read.body).toEqual({ id: caseId, team: 'north', status: 'open', sections: { personal: { givenName: 'Kit', familyName: 'Reader', dateOfBirth: '2011-04-05' } } });
    const accountId = made.body.account.id as string;
    expect(await auditOf(accountId)).toEqual(expect.arrayContaining([
      { action: 'integration.call', sections: undefined, username: 'Court portal' },
      { action: 'case.read', sections: ['personal'], username: undefined },
    ]));
    // A case of another team is not found, and a system never breaks glass.
    const south = await account('South reader', ['cases:read:personal'], { teams: ['south'] });
    expect((await bearer(south.body.token, 'GET', `/cases/${caseId}`)).body.error.code).toBe('CASE_NOT_FOUND');
  });

  it('refuses a missing, malformed, unknown or tampered token with 401 and says why; a scope not held is 403', async () => {
    const { token } = (await account('Referrals only', ['referrals:create'])).body as { token: string };
    expect((await bearer(undefined, 'GET', `/cases/${caseId}`)).body.error.code).toBe('TOKEN_MISSING');
    expect((await bearer('not-a-token', 'GET', `/cases/${caseId}`)).body.error.code).toBe('TOKEN_MALFORMED');
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const refused = await bearer(tampered, 'GET', `/cases/${caseId}`);
    expect([refused.status, refused.body.error.code]).toEqual([401, 'TOKEN_INVALID']);
    const unknown = await bearer(`yjs.${'0'.repeat(24)}.${'A'.repeat(43)}`, 'GET', `/cases/${caseId}`);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'TOKEN_INVALID']);
    const scope = await bearer(token, 'GET', `/cases/${caseId}`);
    expect([scope.status, scope.body.error.code]).toEqual([403, 'SCOPE_NOT_GRANTED']);
    expect(scope.body.error.message).toContain('"cases:read:personal"');
    // A person's session is not a way in: the integration routes answer to tokens only.
    expect((await call('tom.manager', 'GET', `/integration/cases/${caseId}`)).status).toBe(401);
  });

  it('refuses an administering role, unknown scopes and teams with field errors, and creates nothing', async () => {
    const before = await system.conn.collection('service_accounts').countDocuments();
    const bad = await call('ada.admin', 'POST', '/admin/service-accounts', { name: 'Everything', roles: ['admins'], teams: [], scopes: ['cases:write:everything'], tokenDays: 30 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['roles', 'scopes', 'teams']);
    expect((await call('ada.admin', 'POST', '/admin/service-accounts', { name: ' ', roles: ['court-officers'], teams: ['north'], scopes: ['referrals:create'] })).body.errors)
      .toEqual({ name: expect.any(String) });
    const hostile = await call('ada.admin', 'POST', '/admin/service-accounts', { name: { $gt: '' }, roles: ['court-officers'], teams: ['north'], scopes: ['referrals:create'] });
    expect(hostile.status).toBeGreaterThanOrEqual(400);
    expect(hostile.status).toBeLessThan(500);
    expect(await system.conn.collection('service_accounts').countDocuments()).toBe(before);
  });

  it('rotation keeps the old token for the overlap only; expiry and revocation are 401 with the reason, audited', async () => {
    const made = await account('Police portal', ['cases:read:personal']);
    const first = made.body.token as string;
    const accountId = made.body.account.id as string;
    const rotated = await call('ada.admin', 'POST', `/admin/service-accounts/${accountId}/rotate`, { overlapHours: 1 });
    expect(rotated.status).toBe(201);
    const second = rotated.body.token as string;
    expect(second).not.toBe(first);
    expect((await bearer(first, 'GET', `/cases/${caseId}`)).status).toBe(200);
    now += 2 * 3_600_000; // past the overlap
    const old = await bearer(first, 'GET', `/cases/${caseId}`);
    expect([old.status, old.body.error.code]).toEqual([401, 'TOKEN_EXPIRED']);
    expect((await bearer(second, 'GET', `/cases/${caseId}`)).status).toBe(200);

    now += 31 * 86_400_000; // past the new token's 30 days
    expect((await bearer(second, 'GET', `/cases/${caseId}`)).body.error.code).toBe('TOKEN_EXPIRED');
    await signIn('ada.admin'); // her session ended with the month
    const third = (await call('ada.admin', 'POST', `/admin/service-accounts/${accountId}/rotate`, { overlapHours: 0 })).body.token as string;
    expect((await bearer(third, 'GET', `/cases/${caseId}`)).status).toBe(200);
    const revoked = await call('ada.admin', 'POST', `/admin/service-accounts/${accountId}/revoke`, { reason: 'The portal was replaced' });
    expect(revoked.body).toMatchObject({ revokedBy: expect.any(String), revokeReason: 'The portal was replaced' });
    const refused = await bearer(third, 'GET', `/cases/${caseId}`);
    expect([refused.status, refused.body.error.code]).toEqual([401, 'TOKEN_REVOKED']);
    expect((await call('ada.admin', 'POST', `/admin/service-accounts/${accountId}/rotate`, {})).status).toBe(422);
    const actions = (await auditOf(accountId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'integration.refused')).toHaveLength(3);
    expect((await system.modules.security.audit.search({ recordId: accountId }, { offset: 0, limit: 50 })).items.map((e) => e.action))
      .toEqual(expect.arrayContaining(['service-account.created', 'service-account.token-rotated', 'service-account.revoked']));
  });
});
