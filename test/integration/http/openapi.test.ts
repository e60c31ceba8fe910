// The OpenAPI document against the running product: it names exactly the routes the express app serves
// (read from the router stack, so a route added without its operation fails here), it and the reference
// page are for signed-in people only, and a signed-in walk through the most used reads answers within the
// response schemas the document publishes.
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { documentFile, type ApiOperation } from '../../../server/src/http/openapi/api-operation';
import { API_RESOURCES } from '../../../server/src/http/openapi/api-resources';
import { fullPath } from '../../../server/src/http/openapi/build-openapi';
import { startTestSystem } from '../../support/system';
import { appOf, listRoutes } from './support/route-list';

const trim = (p: string) => (p.length > 1 ? p.replace(/\/$/, '') : p);

describe('the OpenAPI document and the running app', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  type Session = { cookie: string; csrf: string };
  let session: Session; // a team manager of both teams
  let caseManager: Session; // of team north: intake tasks are offered to case managers

  async function signIn(username: string): Promise<Session> {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  beforeAll(async () => {
    system = await startTestSystem();
    session = await signIn('hana.head');
    caseManager = await signIn('cara.case');
  }, 120_000);
  afterAll(() => system?.close());

  const call = async (method: string, path: string, body?: unknown, who: Session = session) => {
    const res = await fetch(`${system.url}${path}`, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('documents every route the app serves, and no route it does not', async () => {
    const served = new Set(listRoutes(appOf(system.server)).map((r) => `${r.method} ${trim(r.path)}`));
    const res = await call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const documented = new Set(Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)));
    expect({ missingFromDocument: [...served].filter((r) => !documented.has(r)) }).toEqual({ missingFromDocument: [] });
    expect({ notServed: [...documented].filter((r) => !served.has(r)) }).toEqual({ notServed: [] });
  });

  it('serves the document and the reference page to signed-in people only', async () => {
    expect((await fetch(`${system.url}/api/openapi.json`)).status).toBe(401);
    const anonymous = await fetch(`${system.url}/api/reference`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Sign in to read the API reference');
    const page = await fetch(`${system.url}/api/reference`, { headers: { cookie: session.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<code>/api/tasks/:id/complete</code>');
  });

  /** The documented response of a route: its status and schema; the answer must match both. */
  function expectDocumented(method: string, route: string, answer: { status: number; body: unknown }) {
    const found = API_RESOURCES.flatMap((r) => r.operations.map((op) => ({ path: fullPath(r, op), op })))
      .find((x) => x.op.method === method.toLowerCase() && x.path === route)?.op as ApiOperation;
    expect([found.status ?? 200, ...(found.also ?? []).map((a) => a.status)]).toContain(answer.status);
    if (typeof found.response !== 'object' || !('schema' in found.response)) throw new Error(`${method} ${route} has no response schema`);
    const parsed = found.response.schema.safeParse(answer.body);
    expect({ route, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ route, issues: [] });
  }

  it('answers a signed-in walk through tasks, cases, forms, processes and the monitor within the response schemas', async () => {
    expectDocumented('GET', '/api/auth/me', await call('GET', '/api/auth/me'));
    const created = await call('POST', '/api/cases', {
      givenName: 'Openapi', familyName: 'Walker', dateOfBirth: '2010-03-14', team: 'north', confirmedNotDuplicate: true,
    });
    expectDocumented('POST', '/api/cases', created);
    const caseId = encodeURIComponent(created.body.id as string);
    expectDocumented('GET', '/api/cases/:id', await call('GET', `/api/cases/${caseId}`));
    expectDocumented('GET', '/api/cases', await call('GET', '/api/cases?q=Walker'));
    const started = await call('POST', `/api/cases/${caseId}/processes`, {
      processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() },
    });
    expectDocumented('POST', '/api/cases/:id/processes', started);
    const instance = encodeURIComponent(started.body.instanceKey as string);
    expectDocumented('GET', '/api/instances/processes', await call('GET', '/api/instances/processes'));
    expectDocumented('GET', '/api/instances/overview', await call('GET', '/api/instances/overview?processId=referral-intake&version=1'));
    expectDocumented('GET', '/api/instances', await call('GET', '/api/instances?processId=referral-intake'));
    expectDocumented('GET', '/api/instances/:key', await call('GET', `/api/instances/${instance}`));
    expectDocumented('POST', '/api/migrations', await call('POST', '/api/migrations', { instanceKeys: [started.body.instanceKey], toVersion: 1, dryRun: true }));
    expectDocumented('GET', '/api/cases/:caseId/contacts', await call('GET', `/api/cases/${caseId}/contacts`));
    expectDocumented('GET', '/api/cases/:caseId/startable-processes', await call('GET', `/api/cases/${caseId}/startable-processes`));
    expectDocumented('GET', '/api/cases/:caseId/allocation', await call('GET', `/api/cases/${caseId}/allocation`));
    expectDocumented('POST', '/api/cases/:caseId/consents', await call('POST', `/api/cases/${caseId}/consents`, {
      purpose: 'prevention-work', givenBy: 'parent-carer', givenOn: '2026-01-05', evidence: 'Signed consent form', privacyNoticeVersion: 'v3',
    }));
    expectDocumented('GET', '/api/cases/:caseId/consents', await call('GET', `/api/cases/${caseId}/consents`));
    const withConsent = await call('GET', `/api/cases/${caseId}`);
    expect(withConsent.body.consent).toMatchObject({ standings: [expect.objectContaining({ purpose: 'prevention-work', status: 'given' })] });
    expect(withConsent.body.words).toMatchObject({ header: { name: 'Openapi Walker' } });
    expectDocumented('GET', '/api/cases/:id', withConsent);
    const upload = await fetch(`${system.url}/api/cases/${caseId}/documents?section=personal&name=walk.txt&category=other`, {
      method: 'POST', body: 'A note filed on the walk', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
    });
    const uploaded = (await upload.json()) as { id: string };
    expectDocumented('POST', '/api/cases/:caseId/documents', { status: upload.status, body: uploaded });
    const file = await fetch(`${system.url}/api/cases/${caseId}/documents/${uploaded.id}/content`, { headers: { cookie: session.cookie } });
    expect(documentFile.file).toContain(file.headers.get('content-type')?.split(';')[0]);
    expectDocumented('GET', '/api/cases/:caseId/documents', await call('GET', `/api/cases/${caseId}/documents`));
    expectDocumented('GET', '/api/cases/:id/chronology', await call('GET', `/api/cases/${caseId}/chronology`));
    const school = await call('POST', '/api/school-imports', {
      school: 'Walk Academy', fileName: 'walk.csv', csv: 'Forename,Surname,Date of birth,Attendance %\nOpenapi,Walker,14/03/2010,91',
    });
    expectDocumented('POST', '/api/school-imports', school);
    const proposals = await call('GET', '/api/school-imports/proposals?status=pending');
    expectDocumented('GET', '/api/school-imports/proposals', proposals);
    const [proposal] = proposals.body.proposals as { id: string }[];
    expectDocumented('POST', '/api/school-imports/proposals/:id/accept', await call('POST', `/api/school-imports/proposals/${proposal.id}/accept`, {}));
    // The queue is a projection fed by the engine's events: wait (bounded) for the intake's first task.
    const intake = `/api/tasks?queue=team&caseId=${caseId}`;
    let queue = await call('GET', intake, undefined, caseManager);
    for (let i = 0; i < 100 && !(queue.body.items as unknown[]).length; i++) {
      await new Promise((r) => setTimeout(r, 100));
      queue = await call('GET', intake, undefined, caseManager);
    }
    expectDocumented('GET', '/api/tasks', queue);
    const [task] = queue.body.items as { id: string }[];
    expectDocumented('GET', '/api/tasks/:id', await call('GET', `/api/tasks/${encodeURIComponent(task.id)}`, undefined, caseManager));
    expectDocumented('POST', '/api/tasks/:id/claim', await call('POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`, undefined, caseManager));
    expectDocumented('POST', '/api/tasks/:id/unclaim', await call('POST', `/api/tasks/${encodeURIComponent(task.id)}/unclaim`, undefined, caseManager));
    expectDocumented('PUT', '/api/tasks/filters/:name', await call('PUT', '/api/tasks/filters/mine-overdue', { queue: 'mine', filters: { minPriority: 10 } }));
    expectDocumented('GET', '/api/tasks/filters', await call('GET', '/api/tasks/filters'));
    const history = await call('GET', `/api/cases/${caseId}/amendments`);
    expect((history.body.words as unknown[]).length).toBeGreaterThan(0);
    expectDocumented('GET', '/api/cases/:id/amendments', history);
    expectDocumented('GET', '/api/cases/duplicates', await call('GET', '/api/cases/duplicates?givenName=Openapi&familyName=Walker&dateOfBirth=2010-03-14'));
    const forms = await call('GET', '/api/forms');
    expectDocumented('GET', '/api/forms', forms);
    const formId = (forms.body.items as { formId: string }[])[0].formId;
    expectDocumented('GET', '/api/forms/:formId', await call('GET', `/api/forms/${formId}`));
    expectDocumented('GET', '/api/forms/:formId/versions', await call('GET', `/api/forms/${formId}/versions`));
    expectDocumented('GET', '/api/processes', await call('GET', '/api/processes'));
  });

  it('answers the admin, forms, timescales, escalation, sharing, SAR, retention, audit and modeller reads and writes within their schemas', async () => {
    const [admin, dpo, data] = await Promise.all(['ada.admin', 'dee.dpo', 'dan.data'].map(signIn));
    const check = async (method: string, route: string, path: string, body?: unknown, who: Session = session) => {
      const answer = await call(method, path, body, who);
      expectDocumented(method, route, answer);
      return answer.body;
    };
    const draft = await check('POST', '/api/drafts', '/api/drafts', { formId: 'case-contact', data: { contact: { notes: 'half typed' } } });
    await check('GET', '/api/drafts', '/api/drafts?formId=case-contact');
    await check('PUT', '/api/drafts/:id', `/api/drafts/${draft.id as string}`, { data: {} });
    await check('GET', '/api/drafts/:id', `/api/drafts/${draft.id as string}`);
    await check('GET', '/api/submissions', '/api/submissions');
    await check('POST', '/api/forms/check', '/api/forms/check', { id: 'x', type: 'default', components: [{ type: 'textfield', key: '1bad' }] });
    for (const path of ['', '/history', '/versions/1']) await check('GET', `/api/timescales${path.replace('/1', '/:version')}`, `/api/timescales${path}`);
    for (const path of ['/policy', '/policy/history', '/preferences/me']) await check('GET', `/api/escalation${path}`, `/api/escalation${path}`);
    await check('PUT', '/api/escalation/preferences/me', '/api/escalation/preferences/me', { mode: 'digest' });
    await check('GET', '/api/escalation/outbox', '/api/escalation/outbox', undefined, admin);
    await check('GET', '/api/escalation/caught-mail', '/api/escalation/caught-mail', undefined, admin);
    const permissions = await check('GET', '/api/admin/permissions', '/api/admin/permissions', undefined, admin);
    for (const path of ['/history', '/versions/1', '/requests']) {
      await check('GET', `/api/admin/permissions${path.replace('/1', '/:version')}`, `/api/admin/permissions${path}`, undefined, admin);
    }
    const rows = (permissions.inForce as { rows: unknown }).rows;
    await check('POST', '/api/admin/permissions/preview', '/api/admin/permissions/preview', { rows }, admin);
    await check('GET', '/api/admin/teams', '/api/admin/teams', undefined, admin);
    for (const path of ['', '/roles', '/access-given']) await check('GET', `/api/users${path}`, `/api/users${path}`, undefined, admin);
    const user = await check('POST', '/api/users', '/api/users', {
      username: 'olive.openapi', displayName: 'Olive Openapi', email: 'olive@example.org', roles: ['case-managers'], teams: ['north'], password: 'Walk the contract 2026 slowly',
    }, admin);
    await check('GET', '/api/users/:id', `/api/users/${user.id as string}`, undefined, admin);
    await check('PATCH', '/api/users/:id', `/api/users/${user.id as string}`, { displayName: 'Olive O. Openapi' }, admin);
    const account = await check('POST', '/api/admin/service-accounts', '/api/admin/service-accounts', {
      name: 'Court portal (walk)', roles: ['case-managers'], teams: ['north'], scopes: ['referrals:create'],
    }, admin);
    const accountId = (account.account as { id: string }).id;
    const rotated = await check('POST', '/api/admin/service-accounts/:id/rotate', `/api/admin/service-accounts/${accountId}/rotate`, { overlapHours: 0 }, admin);
    const refer = async (key: string, givenName: string, familyName: string, dateOfBirth: string) => {
      const res = await fetch(`${system.url}/api/integration/referrals`, {
        method: 'POST', body: JSON.stringify({ givenName, familyName, dateOfBirth, team: 'north', portalReference: key }),
        headers: { authorization: `Bearer ${rotated.token as string}`, 'idempotency-key': key, 'content-type': 'application/json' },
      });
      expectDocumented('POST', '/api/integration/referrals', { status: res.status, body: await res.json() });
      return res.status;
    };
    expect(await refer('walk-referral-1', 'Portia', 'Portal', '2011-05-06')).toBe(201);
    expect(await refer('walk-referral-2', 'Openapi', 'Walker', '2010-03-14')).toBe(202);
    await check('GET', '/api/admin/service-accounts', '/api/admin/service-accounts', undefined, admin);
    await check('POST', '/api/admin/service-accounts/:id/revoke', `/api/admin/service-accounts/${accountId}/revoke`, { reason: 'The walk is over' }, admin);
    await check('GET', '/api/webhooks/subscriptions', '/api/webhooks/subscriptions', undefined, admin);
    await check('GET', '/api/webhooks/deliveries', '/api/webhooks/deliveries', undefined, admin);
    const agreement = await check('POST', '/api/sharing/agreements', '/api/sharing/agreements', {
      partner: 'Children’s social care', recipientKind: 'social-care', purpose: 'Safeguarding referrals', sections: ['personal'],
      lawfulBasis: 'public-task', startDate: '2026-01-01', endDate: '2027-12-31',
    }, dpo);
    await check('GET', '/api/sharing/agreements', '/api/sharing/agreements', undefined, dpo);
    await check('GET', '/api/sharing/agreements/:id', `/api/sharing/agreements/${agreement.id as string}`, undefined, dpo);
    await check('POST', '/api/sar', '/api/sar', {
      subject: { givenName: 'Openapi', familyName: 'Walker', dateOfBirth: '2010-03-14' }, requesterName: 'Openapi Walker', requesterRelationship: 'self', receivedOn: '2026-11-30',
    }, dpo);
    await check('GET', '/api/sar', '/api/sar', undefined, dpo);
    await check('GET', '/api/audit/events', '/api/audit/events?limit=20', undefined, dpo);
    await check('POST', '/api/audit/verify', '/api/audit/verify', undefined, dpo);
    for (const path of ['/schedule', '/schedule/history', '/schedule/versions/1', '/dry-run', '/holds']) {
      await check('GET', `/api/retention${path.replace('/1', '/:version')}`, `/api/retention${path}`, undefined, data);
    }
    const quarter = await check('POST', '/api/returns', '/api/returns', { quarter: '2026-Q1' }, data);
    await check('GET', '/api/returns', '/api/returns?quarter=2026-Q1', undefined, data);
    const returnId = (quarter.versions as { id: string }[])[0].id;
    const rule = ((await call('GET', '/api/retention/schedule', undefined, data)).body.rules as Record<string, unknown>[]).find((r) => (r.years as number) < 100)!;
    await check('PUT', '/api/retention/schedule/rules/:id', `/api/retention/schedule/rules/${rule.id as string}`, {
      basis: rule.basis, years: (rule.years as number) + 1, basicRecordAfterYears: rule.basicRecordAfterYears ?? null, roundToFinancialYearEnd: rule.roundToFinancialYearEnd, reason: 'The walk keeps it a year longer',
    }, data);
    const hold = await check('POST', '/api/retention/holds', '/api/retention/holds', { scope: 'all', reason: 'The walk holds everything' }, data);
    await check('POST', '/api/retention/holds/:id/lift', `/api/retention/holds/${hold.id as string}/lift`, { reason: 'The walk is over' }, data);
    const [timescale] = (await call('GET', '/api/timescales')).body.timescales as { id: string; value: number; unit: string }[];
    await check('PUT', '/api/timescales/:id', `/api/timescales/${timescale.id}`, { value: timescale.value + 1, unit: timescale.unit, reason: 'The walk changes one' });
    await check('POST', '/api/reports/rebuild', '/api/reports/rebuild', {}, data);
    await check('POST', '/api/reports/kpis/rebuild', '/api/reports/kpis/rebuild', {}, data);
    for (const path of ['/healthz', '/readyz']) await check('GET', path, path);
    await check('POST', '/api/returns/:id/submit', `/api/returns/${returnId}/submit`, {}, data);
    await check('GET', '/api/processes/:processId/versions', '/api/processes/referral-intake/versions');
    await check('GET', '/api/processes/decisions', '/api/processes/decisions');
    // A second version (the same model, its file one comment longer) to compare with the first.
    const xml = await (await fetch(`${system.url}/api/processes/referral-intake/versions/1/xml`, { headers: { cookie: session.cookie } })).text();
    await check('POST', '/api/processes/lint', '/api/processes/lint', { xml });
    const deployed = await check('POST', '/api/processes', '/api/processes', { xml: `${xml}\n<!-- openapi walk -->`, comment: 'A second version to compare' });
    const { version } = (deployed.items as { version: number }[])[0];
    await check('GET', '/api/processes/:processId/diff', `/api/processes/referral-intake/diff?from=1&to=${version}`);
  });

  it('answers bad input and unknown records with a status the document lists, in the shared error shape', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const listed = (method: string, path: string) => Object.keys(doc.paths[path][method].responses);
    const bad = await call('POST', '/api/cases', { givenName: '', surname: 'x' });
    expect(bad.status).toBe(422);
    expect(listed('post', '/api/cases')).toContain('422');
    expect(bad.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) }, errors: { givenName: expect.any(String), surname: expect.any(String) } });
    const unknown = await call('GET', '/api/cases/no-such-case');
    expect(listed('get', '/api/cases/{id}')).toContain(String(unknown.status));
    expect(unknown.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    const query = await call('GET', '/api/tasks?queue=nonsense');
    expect(query.status).toBe(400);
    expect(listed('get', '/api/tasks')).toContain('400');
  });
});
