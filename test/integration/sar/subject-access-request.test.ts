// Subject access requests over HTTP against the whole product: the DPO starts a request; once the identity is
// checked the process gathers the person's records into the request's snapshot (their own case, and a case
// where they are named as a victim, flagged), and the DPO sees every item in words with
// third-party data marked for review, records decisions with reasons, and — only after approval — downloads
// a ZIP of JSON, printable HTML and a PDF that opens. A person with no records gets "no data held".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseRecord, SectionState } from '../../../server/src/domain/cases/case-record';
import { normaliseName } from '../../../server/src/domain/cases/person-identity';
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';
import { readZip } from './support/read-zip';

const AT = '2026-11-01T09:00:00.000Z';
const section = (values: Record<string, unknown>, fields: Record<string, string>, collections?: SectionState['collections']): SectionState =>
  ({ values, revision: 0, updatedAt: AT, updatedBy: 'cara.case', sources: {}, labels: { fields }, ...(collections ? { collections } : {}) });
const kase = (id: string, given: string, family: string, dob: string, extra: CaseRecord['sections'] = {}): CaseRecord => ({
  id, team: 'north', status: 'open', createdAt: AT, createdBy: 'cara.case',
  identity: { nameKey: `${normaliseName(given)}|${normaliseName(family)}`, dateOfBirth: dob, displayName: `${given} ${family}` },
  sections: { personal: section({ givenName: given, familyName: family, dateOfBirth: dob }, { givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth' }), ...extra },
});

describe('Subject access requests over HTTP', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let api: ReturnType<typeof demoSessions>;
  const SUBJECT = { givenName: 'Robin', familyName: 'Quarry', otherNames: ['Robbie Quarry'], dateOfBirth: '2010-03-04' };
  const request = (subject: unknown = SUBJECT) => ({ receivedOn: '2026-11-20', requesterName: 'Robin Quarry', requesterRelationship: 'self', subject });

  beforeAll(async () => {
    system = await startTestSystem();
    api = demoSessions(() => system.url);
    await api.signIn('dee.dpo');
    await api.signIn('cara.case');
    const cases = system.modules.tasks.cases;
    await cases.create(kase('sar-own', 'Robin', 'Quarry', '2010-03-04', {
      plans: section({ planNotes: 'Robin met Jane Smith from the school' }, { planNotes: 'Plan notes' }),
      victims: section({}, {}, { victims: [{ id: 'v1', label: 'Victim 1', values: { victimName: 'Pat Other', victimStatement: 'I was scared' }, sources: {} }] }),
    }), []);
    await cases.create(kase('sar-victim-of', 'Sky', 'Other', '2009-01-01', {
      victims: section({}, {}, { victims: [{ id: 'v9', label: 'Victim 1', values: { victimName: 'Robbie Quarry' }, sources: {} }] }),
    }), []);
    await cases.create(kase('sar-unrelated', 'Alex', 'Nobody', '2011-01-01'), []);
    // 500 submissions on the child's case: the export streams them.
    await system.conn.collection('form_submissions').insertMany(Array.from({ length: 500 }, (_, i) => ({
      _id: `sar-sub-${i}` as never, formId: 'plan-review', version: 1, data: { reviewNotes: `Review ${i}` }, submittedBy: 'cara.case', submittedAt: AT, caseId: 'sar-own',
    })));
    expect((await api.call('cara.case', 'GET', '/cases/sar-own')).status).toBe(200); // a read the audit keeps
  }, 120_000);
  afterAll(() => system?.close());

  async function advance(key: string, elementId: string, variables: Record<string, unknown>) {
    const engine = system.modules.workflow.engine;
    const task = await until(elementId, async () => (await engine.listUserTasks({ instanceKey: key, state: 'open' })).find((t) => t.elementId === elementId));
    await engine.completeUserTask(task.key, variables, { by: 'dee.dpo' });
  }
  /** Checks the identity and waits for the process's gather step to keep the snapshot. */
  async function gather(key: string) {
    await advance(key, 'verifyIdentity', { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport' });
    return until('gathered', async () => {
      const body = (await api.call('dee.dpo', 'GET', `/sar/${key}`)).body;
      return body.gathered ? body : undefined;
    });
  }
  async function approve(key: string, verified = false) {
    if (!verified) await gather(key);
    await advance(key, 'gatherRecords', { recordsGatheredOn: '2026-11-21', sarExtend: false });
    await advance(key, 'reviewRedactions', { redactionsReviewed: true });
    await advance(key, 'approveDisclosure', { sarApproved: true });
    await until('approved', async () => ((await api.call('dee.dpo', 'GET', `/sar/${key}`)).body.request.approved ? true : undefined));
  }

  test('only the DPO (export-sar) may use it — every other role is refused; signed out is 401', async () => {
    expect((await api.call('cara.case', 'POST', '/sar', request())).status).toBe(403);
    expect((await api.call('cara.case', 'GET', '/sar')).status).toBe(403);
    expect((await api.call(undefined, 'GET', '/sar')).status).toBe(401);
    for (const other of ['tom.manager', 'colin.court', 'vicky.victim', 'pat.panel', 'helen.health', 'dan.data', 'ada.admin']) {
      await api.signIn(other);
      const replies = [await api.call(other, 'GET', '/sar'), await api.call(other, 'POST', '/sar', request()), await api.call(other, 'GET', '/sar/any/export')];
      expect([other, replies.map((r) => r.status)]).toEqual([other, [403, 403, 403]]);
    }
  }, 60_000);

  test('hostile or incomplete input is refused with field errors, and nothing starts', async () => {
    const before = (await api.call('dee.dpo', 'GET', '/sar')).body.total;
    const operator = await api.call('dee.dpo', 'POST', '/sar', request({ givenName: { $ne: 1 }, familyName: 'Quarry' }));
    expect(operator.status).toBe(422);
    const bad = await api.call('dee.dpo', 'POST', '/sar', { ...request({ givenName: ['Robin'], familyName: 'x'.repeat(500), nhsNumber: '123', dateOfBirth: '2010-02-30', otherNames: 'not a list' }), receivedOn: '2999-01-01' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fieldErrors ?? bad.body.errors ?? {}).sort()).toEqual(
      ['receivedOn', 'subject.dateOfBirth', 'subject.familyName', 'subject.givenName', 'subject.nhsNumber', 'subject.otherNames'],
    );
    expect((await api.call('dee.dpo', 'GET', '/sar')).body.total).toBe(before);
    expect((await api.call('dee.dpo', 'GET', '/sar/%24where')).status).toBe(404);
    expect((await api.call('dee.dpo', 'PUT', '/sar/no-such/redactions', { decisions: [{ itemId: 'x', decision: 'withhold', reason: 'r' }] })).status).toBe(404);
  });

  test('finds the person, gathers in words, marks third parties for review; export only after approval, audited, with a PDF that opens', async () => {
    const started = await api.call('dee.dpo', 'POST', '/sar', request());
    expect(started.status).toBe(201);
    const key = started.body.key as string;

    const review = await gather(key);
    expect(review.noDataHeld).toBe(false);
    expect(review.matches.map((m: { caseId: string; role: string; flaggedForReview: boolean }) => [m.caseId, m.role, m.flaggedForReview])).toEqual([
      ['sar-own', 'subject', false], ['sar-victim-of', 'victim', true],
    ]);
    const byId = new Map(review.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get('sar-own/personal/dateOfBirth')).toMatchObject({ label: 'Personal › Date of birth', value: '2010-03-04', decision: 'disclose' });
    expect(byId.get('sar-own/victims/victims/v1')).toMatchObject({ label: 'Victims › Victim 1', proposal: { decision: 'review' }, decision: 'withhold' });
    expect(byId.get('sar-own/plans/planNotes')).toMatchObject({ proposal: { decision: 'review', reason: 'Free text names another person (Jane Smith)' } });
    expect(byId.get('sar-victim-of/victims/victims/v9')).toMatchObject({ proposal: { decision: 'review' } });
    expect(review.items.filter((i: { kind: string }) => i.kind === 'submission')).toHaveLength(500);
    expect(review.items.find((i: { kind: string; value: { Who?: string } }) => i.kind === 'access' && /cara\.case/.test(i.value.Who ?? ''))).toMatchObject({ value: { What: 'Read the record' } });

    expect((await api.call('dee.dpo', 'GET', `/sar/${key}/export`)).status).toBe(409);
    const refused = await api.call('dee.dpo', 'PUT', `/sar/${key}/redactions`, { decisions: [{ itemId: 'sar-own/plans/planNotes', decision: 'disclose', reason: '' }, { itemId: 'elsewhere/x', decision: 'withhold', reason: 'r' }] });
    expect(refused.status).toBe(422);
    const decided = await api.call('dee.dpo', 'PUT', `/sar/${key}/redactions`, { decisions: [{ itemId: 'sar-own/plans/planNotes', decision: 'disclose', reason: 'Jane Smith is the school liaison acting in a professional role' }] });
    expect(decided.status).toBe(200);

    await approve(key, true);
    const res = await fetch(`${system.url}/api/sar/${key}/export`, { headers: { cookie: api.sessions.get('dee.dpo')!.cookie } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/zip']);
    const zip = readZip(Buffer.from(await res.arrayBuffer()));
    expect([...zip.keys()]).toEqual(['subject-access-response.json', 'subject-access-response.html', 'subject-access-response.pdf']);
    const json = JSON.parse(zip.get('subject-access-response.json')!.toString('utf8'));
    expect(json.items.find((i: { id: string }) => i.id === 'sar-own/plans/planNotes')).toMatchObject({ decision: 'disclose', value: 'Robin met Jane Smith from the school' });
    const victim = json.items.find((i: { id: string }) => i.id === 'sar-own/victims/victims/v1');
    expect([victim.decision, 'value' in victim]).toEqual(['withhold', false]);
    expect(json.items.filter((i: { kind: string }) => i.kind === 'submission')).toHaveLength(500);
    const html = zip.get('subject-access-response.html')!.toString('utf8');
    expect(html).toContain('<h3>Personal › Date of birth</h3>');
    expect(html).not.toContain('I was scared');

    const dir = mkdtempSync(path.join(tmpdir(), 'sar-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), zip.get('subject-access-response.pdf')!);
    const opened = spawnSync(process.execPath, [path.join(__dirname, 'support/open-pdf.mjs'), path.join(dir, 'r.pdf'), path.join(dir, 'p1.png')], { encoding: 'utf8' });
    expect(opened.stderr).toBe('');
    const pdf = JSON.parse(opened.stdout);
    expect(pdf.pages).toBeGreaterThan(10);
    expect(pdf.firstText).toContain('Subject access response for Robin Quarry');
    expect(pdf.lastText).toContain(`Page ${pdf.pages}`);
    expect(readFileSync(path.join(dir, 'p1.png')).subarray(1, 4).toString()).toBe('PNG');

    const audit = await system.modules.security.audit.search({ action: 'sar.disclose', recordId: 'sar-own' }, { offset: 0, limit: 10 });
    expect(audit.items.map((e) => [e.actor.id === undefined, e.reason])).toEqual([[false, `Subject access request ${key}`]]);
    // The disclosure is now part of who saw the record, its reason read back from the sealed audit details
    // (by the next request's gather: this one's snapshot is frozen as it was sent).
    const next = (await api.call('dee.dpo', 'POST', '/sar', request())).body.key as string;
    const again = await gather(next);
    expect(again.items.find((i: { kind: string; value: { What?: string } }) => i.kind === 'access' && i.value.What === 'Disclosed in a subject access response'))
      .toMatchObject({ caseId: 'sar-own', value: { Reason: `Subject access request ${key}` } });
  }, 180_000);

  test('names outside Latin-1 (Polish, Vietnamese, Turkish, Cyrillic, Greek) print as written in the PDF, not as "?"', async () => {
    await system.modules.tasks.cases.create(kase('sar-unicode', 'Łukasz', 'Nguyễn-Żółć', '2011-05-06', {
      personal: section({ givenName: 'Łukasz', familyName: 'Nguyễn-Żółć', dateOfBirth: '2011-05-06', preferredName: 'Λουκάς', otherName: 'Лукаш Нгуен' },
        { givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', preferredName: 'Preferred name', otherName: 'Other name' }),
    }), []);
    const subject = { givenName: 'Łukasz', familyName: 'Nguyễn-Żółć', otherNames: [], dateOfBirth: '2011-05-06' };
    const key = (await api.call('dee.dpo', 'POST', '/sar', { ...request(subject), requesterName: 'Şükrü Nguyễn-Żółć', requesterRelationship: 'parent-for-child' })).body.key as string;
    expect((await gather(key)).matches.map((m: { caseId: string }) => m.caseId)).toEqual(['sar-unicode']);
    await approve(key, true);
    const res = await fetch(`${system.url}/api/sar/${key}/export`, { headers: { cookie: api.sessions.get('dee.dpo')!.cookie } });
    const dir = mkdtempSync(path.join(tmpdir(), 'sar-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), readZip(Buffer.from(await res.arrayBuffer())).get('subject-access-response.pdf')!);
    const opened = spawnSync(process.execPath, [path.join(__dirname, 'support/open-pdf.mjs'), path.join(dir, 'r.pdf'), path.join(dir, 'p1.png')], { encoding: 'utf8' });
    expect(opened.stderr).toBe('');
    const pdf = JSON.parse(opened.stdout);
    const words = (t: string) => t.normalize('NFC').replace(/-\s*\n/g, '-').replace(/\s+/g, ' '); // a line may break after a hyphen
    // The heading (bold face) and the request line (regular face) on the first page; the record's values after.
    expect(words(pdf.firstText)).toContain('Subject access response for Łukasz Nguyễn-Żółć');
    expect(words(pdf.firstText)).toContain('from Şükrü Nguyễn-Żółć');
    expect(words(pdf.allText)).toContain('Preferred name Λουκάς');
    expect(words(pdf.allText)).toContain('Other name Лукаш Нгуен');
    expect(pdf.allText).not.toContain('?');
  }, 120_000);

  test('an extension told after the first month is not applied, and the request says why', async () => {
    const key = (await api.call('dee.dpo', 'POST', '/sar', request({ givenName: 'Late', familyName: 'Telling', otherNames: [] }))).body.key;
    await advance(key, 'verifyIdentity', { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport' });
    await advance(key, 'gatherRecords', { recordsGatheredOn: '2026-12-01', sarExtend: true, extensionReason: 'numerous records', requesterToldOn: '2026-12-21' });
    const { request: r } = await until('at review', async () => {
      const body = (await api.call('dee.dpo', 'GET', `/sar/${key}`)).body;
      return body.request.activeSteps.includes('reviewRedactions') ? body : undefined;
    });
    expect([r.extended, r.due.slice(0, 10), r.extensionProblem]).toEqual([false, '2026-12-20', expect.stringContaining('within the first month (by 2026-12-20)')]);
  }, 60_000);

  test('a person with no records: "no data held", not an error, and the export says so', async () => {
    const key = (await api.call('dee.dpo', 'POST', '/sar', request({ givenName: 'Nobody', familyName: 'Known', otherNames: [] }))).body.key;
    // Its first task is in the DPO's queue (no case: offered by candidate group), and the DPO completes it there.
    const first = await until('identity task in the queue', async () =>
      (await api.call('dee.dpo', 'GET', '/tasks?queue=unassigned')).body.items.find((t: { instanceKey: string }) => t.instanceKey === key));
    expect([first.candidateGroups, first.caseId]).toEqual([['dpo'], undefined]);
    expect((await api.call('cara.case', 'GET', '/tasks?queue=unassigned')).body.items.some((t: { instanceKey: string }) => t.instanceKey === key)).toBe(false);
    expect((await api.call('dee.dpo', 'POST', `/tasks/${first.id}/claim`)).status).toBe(200);
    const done = await api.call('dee.dpo', 'POST', `/tasks/${first.id}/complete`, { data: { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport seen' } });
    expect(done.status).toBe(200);
    const review = await until('gathered', async () => {
      const r = await api.call('dee.dpo', 'GET', `/sar/${key}`);
      return r.body.gathered ? r : undefined;
    });
    expect([review.status, review.body.noDataHeld, review.body.items]).toEqual([200, true, []]);
    await approve(key, true);
    const res = await fetch(`${system.url}/api/sar/${key}/export`, { headers: { cookie: api.sessions.get('dee.dpo')!.cookie } });
    const json = JSON.parse(readZip(Buffer.from(await res.arrayBuffer())).get('subject-access-response.json')!.toString('utf8'));
    expect([json.noDataHeld, json.items, json.statement]).toEqual([true, [], expect.stringContaining('hold no personal data')]);
  }, 120_000);
});
