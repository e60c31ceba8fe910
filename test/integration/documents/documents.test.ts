// Documents on a case through the whole product (real sessions, CSRF, FerretDB): a 3 MB file goes up and
// comes back byte for byte; a Health document is seen only by roles that read Health; another team's case
// is not found; oversize, wrong-kind, empty and badly named files are refused with a message and leave
// nothing stored; every upload, list and download is in the audit; erasure takes documents and chunks.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { reduceCase } from '../../../server/src/application/retention/reduce-case';
import { caseReductionDeps } from '../../../server/src/main/modules/case-reduction';
import { demoSessions } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const MB = 1024 * 1024;
const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(bytes - 9)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('documents on a case', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn, sessions } = demoSessions(() => system.url);
  const enc = encodeURIComponent;
  let caseId: string;

  /** Uploads `body` as `who`; `query` names section, name, category (and description). */
  async function upload(who: string, id: string, query: Record<string, string>, body: Buffer | Readable, headers: Record<string, string> = {}) {
    const s = sessions.get(who)!;
    const res = await fetch(`${system.url}/api/cases/${enc(id)}/documents?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream', ...headers },
      body: body instanceof Readable ? (Readable.toWeb(body) as ReadableStream) : body,
      ...(body instanceof Readable ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async function download(who: string, id: string, documentId: string) {
    const res = await fetch(`${system.url}/api/cases/${enc(id)}/documents/${enc(documentId)}/content`, { headers: { cookie: sessions.get(who)!.cookie } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  const stored = async () => ({
    chunks: await system.conn.db!.collection('case_document_chunks').countDocuments({}),
    lists: await system.conn.db!.collection('case_documents').find({}).toArray(),
  });

  beforeAll(async () => {
    system = await startTestSystem({ DOCUMENT_MAX_MB: '4' });
    for (const u of ['cara.case', 'helen.health', 'tom.manager', 'sol.case', 'dan.data', 'colin.court', 'vicky.victim', 'pat.panel', 'dee.dpo', 'ada.admin']) await signIn(u);
    const created = await call('cara.case', 'POST', '/cases', { givenName: 'Dora', familyName: 'Docs', dateOfBirth: '2010-06-01', team: 'north', confirmedNotDuplicate: true });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  }, 120_000);
  afterAll(() => system?.close());

  it('a 3 MB file goes up and comes back byte-identical, listed with who filed it, by name', async () => {
    const file = pdf(3 * MB);
    const up = await upload('cara.case', caseId, { section: 'offending', name: 'Pre-sentence report – Dora.pdf', category: 'report', description: 'For court on Monday' }, file);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: 'Pre-sentence report – Dora.pdf', fileType: 'PDF', section: 'offending', sectionLabel: 'Offending', categoryLabel: 'Report', sizeLabel: '3 MB', uploadedBy: 'Cara Case', description: 'For court on Monday' });

    const list = await call('cara.case', 'GET', `/cases/${enc(caseId)}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.documents.map((d: { id: string }) => d.id)).toEqual([up.body.id]);
    expect(list.body.writableSections).toContain('offending');

    const got = await download('cara.case', caseId, up.body.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toContain("attachment; filename=");
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''Pre-sentence%20report%20%E2%80%93%20Dora.pdf");
    expect([got.bytes.length, sha(got.bytes)]).toEqual([file.length, sha(file)]);
    expect((await stored()).chunks).toBe(Math.ceil(file.length / (255 * 1024)));

    const audit = await system.conn.db!.collection('audit_events').find({ recordId: caseId, action: { $regex: '^document\\.' } }).toArray();
    expect(audit.map((e) => [e.action, e.sections])).toEqual([['document.upload', ['offending']], ['document.list', expect.arrayContaining(['offending', 'personal'])], ['document.download', ['offending']]]);
  });

  it('a Health document is for roles that read Health; filing one needs write on Health', async () => {
    const letter = Buffer.from('Dear colleague,\nReferral to CAMHS for Dora.\n');
    expect((await upload('cara.case', caseId, { section: 'health', name: 'camhs.txt', category: 'letter' }, letter)).status).toBe(403);
    const up = await upload('helen.health', caseId, { section: 'health', name: 'camhs.txt', category: 'letter' }, letter);
    expect(up.status).toBe(201);

    const asCara = await call('cara.case', 'GET', `/cases/${enc(caseId)}/documents`);
    expect(asCara.body.documents.map((d: { section: string }) => d.section)).not.toContain('health');
    expect(asCara.body.withheld).toBe(1);
    expect((await download('cara.case', caseId, up.body.id)).status).toBe(404);
    expect((await call('cara.case', 'GET', `/cases/${enc(caseId)}/documents?section=health`)).status).toBe(403);

    const asManager = await call('tom.manager', 'GET', `/cases/${enc(caseId)}/documents?section=health`);
    expect(asManager.body.documents.map((d: { name: string; uploadedBy: string }) => [d.name, d.uploadedBy])).toEqual([['camhs.txt', 'Helen Health']]);
    const got = await download('tom.manager', caseId, up.body.id);
    expect([got.status, got.headers.get('content-type'), got.bytes.toString()]).toEqual([200, 'text/plain; charset=utf-8', letter.toString()]);
    // A role without the Documents section sees none.
    expect((await call('dan.data', 'GET', `/cases/${enc(caseId)}/documents`)).body.documents).toEqual([]);

    // The chronology says when each was added and by whom, only to readers of its section.
    type Entry = { kind: string; title: string; by?: string; section?: string; link?: string };
    const entries = async (who: string) => ((await call(who, 'GET', `/cases/${enc(caseId)}/chronology?kind=document`)).body.items as Entry[]);
    expect((await entries('tom.manager')).map((e) => [e.title, e.by, e.section])).toEqual(expect.arrayContaining([
      ['Document added: camhs.txt', 'Helen Health', 'health'], ['Document added: Pre-sentence report – Dora.pdf', 'Cara Case', 'offending'],
    ]));
    expect((await entries('cara.case')).map((e) => e.title)).toEqual(['Document added: Pre-sentence report – Dora.pdf']);
  });

  it('every demo role of the team: the sections it may file on, and whether it may open a Health document', async () => {
    // Written from README's demo roles and domain.md (Health and Victims are restricted tabs; data officers
    // keep to reported facts; the DPO belongs to no team; admins see no child's data).
    const health = (await call('tom.manager', 'GET', `/cases/${enc(caseId)}/documents?section=health`)).body.documents[0];
    const expected: Record<string, [number, string[] | undefined, number]> = {
      'cara.case': [200, ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies'], 404],
      'tom.manager': [200, ['personal', 'family', 'education', 'health', 'offending', 'assessments', 'plans', 'victims', 'agencies'], 200],
      'colin.court': [200, ['personal', 'offending'], 404],
      'vicky.victim': [200, ['victims'], 404],
      'pat.panel': [200, ['offending', 'plans'], 404],
      'helen.health': [200, ['health'], 200],
      'dan.data': [200, [], 404],
      'dee.dpo': [404, undefined, 404],
      'ada.admin': [403, undefined, 403],
    };
    const actual: typeof expected = {};
    for (const who of Object.keys(expected)) {
      const list = await call(who, 'GET', `/cases/${enc(caseId)}/documents`);
      actual[who] = [list.status, list.body.writableSections, (await download(who, caseId, health.id)).status];
    }
    expect(actual).toEqual(expected);
  });

  it("another team's case: reading asks a break-glass reason (then flagged, read only), filing never crosses teams", async () => {
    const [doc] = (await call('cara.case', 'GET', `/cases/${enc(caseId)}/documents`)).body.documents;
    const before = await stored();
    expect((await call('sol.case', 'GET', `/cases/${enc(caseId)}/documents`)).status).toBe(403); // break-glass reason asked
    expect((await upload('sol.case', caseId, { section: 'personal', name: 'x.pdf', category: 'other' }, pdf(2000))).status).toBe(404);
    expect((await download('sol.case', caseId, doc.id)).status).toBe(403);
    expect(await stored()).toEqual(before);
    // With a reason (break glass): read only, flagged in the audit.
    const glass = await call('sol.case', 'GET', `/cases/${enc(caseId)}/documents?reason=${enc('Covering the duty desk')}`);
    expect([glass.status, glass.body.writableSections]).toEqual([200, []]);
    const flagged = await system.conn.db!.collection('audit_events').findOne({ recordId: caseId, action: 'document.list', flagged: true });
    expect(flagged).toBeTruthy();
  });

  it('oversize, wrong kind, empty, badly named and malformed uploads are refused and nothing is stored', async () => {
    const before = await stored();
    const q = (name: string, extra: Record<string, string> = {}) => ({ section: 'personal', name, category: 'other', ...extra });
    const refused = async (r: Promise<{ status: number; body: any }>, status: number, message: RegExp) => {
      const reply = await r;
      expect([reply.status, reply.body?.errors?.file ?? reply.body?.error?.message]).toEqual([status, expect.stringMatching(message)]);
    };
    await refused(upload('cara.case', caseId, q('big.pdf'), pdf(5 * MB)), 422, /^The file must be smaller than 4 MB$/);
    // No length declared (streamed): refused once the fifth megabyte arrives, the chunks written so far removed.
    await refused(upload('cara.case', caseId, q('big.pdf'), Readable.from((function* () { for (let i = 0; i < 20; i++) yield i === 0 ? pdf(MB / 4) : randomBytes(MB / 4); })())), 422, /^The file must be smaller than 4 MB$/);
    await refused(upload('cara.case', caseId, q('tool.pdf'), Buffer.concat([Buffer.from('MZ'), randomBytes(5000)])), 422, /^The selected file must be a PDF, JPG, PNG, DOCX, ODT or TXT$/);
    await refused(upload('cara.case', caseId, q('photo.pdf'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 422, /must be a PDF, JPG/);
    await refused(upload('cara.case', caseId, q('page.html'), Buffer.from('<html></html>')), 422, /must be a PDF, JPG/);
    await refused(upload('cara.case', caseId, q('empty.txt'), Buffer.alloc(0)), 422, /^The selected file is empty$/);
    await refused(upload('cara.case', caseId, q('../../etc/passwd.txt'), Buffer.from('x')), 422, /must not contain \/ or \\/);
    await refused(upload('cara.case', caseId, q('a\u202Efdp.txt'), Buffer.from('x')), 422, /control characters/);
    await refused(upload('cara.case', caseId, q('ok.txt', { section: 'nowhere' }), Buffer.from('x')), 422, /section/);
    await refused(upload('cara.case', caseId, q('ok.txt', { category: 'secret' }), Buffer.from('x')), 422, /^Select the type of document$/);
    const extra = await upload('cara.case', caseId, { ...q('ok.txt'), owner: 'me' }, Buffer.from('x'));
    expect([extra.status, extra.body.error.message]).toEqual([400, 'Unknown query parameter: owner. Remove it or check the spelling.']);
    const operator = await fetch(`${system.url}/api/cases/${enc(caseId)}/documents?section[$ne]=x&name=a.txt&category=other`, {
      method: 'POST', headers: { cookie: sessions.get('cara.case')!.cookie, 'x-csrf-token': sessions.get('cara.case')!.csrf, 'content-type': 'application/octet-stream' }, body: 'x',
    });
    expect(operator.status).toBeGreaterThanOrEqual(400);
    expect(operator.status).toBeLessThan(500);
    const json = await upload('cara.case', caseId, q('ok.txt'), Buffer.from('{"a":1}'), { 'content-type': 'application/json' });
    expect([json.status, json.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const noCsrf = await fetch(`${system.url}/api/cases/${enc(caseId)}/documents?${new URLSearchParams(q('ok.txt'))}`, {
      method: 'POST', headers: { cookie: sessions.get('cara.case')!.cookie, 'content-type': 'application/octet-stream' }, body: 'hello',
    });
    expect(noCsrf.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('a case whose processing is restricted refuses new documents until the restriction is lifted', async () => {
    const created = await call('cara.case', 'POST', '/cases', { givenName: 'Rita', familyName: 'Restricted', dateOfBirth: '2010-05-06', team: 'north', confirmedNotDuplicate: true });
    const id = created.body.id as string;
    expect((await call('dee.dpo', 'PUT', `/cases/${enc(id)}/restriction`, { reason: 'Rita contests her school records' })).status).toBe(200);
    const refused = await upload('cara.case', id, { section: 'education', name: 'report.txt', category: 'report' }, Buffer.from('Report'));
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CASE_RESTRICTED']);
    expect(await system.conn.db!.collection('case_documents').findOne({ _id: id as never })).toBeNull();
    expect((await call('dee.dpo', 'POST', `/cases/${enc(id)}/restriction/lift`, { reason: 'Records checked' })).status).toBe(200);
    expect((await upload('cara.case', id, { section: 'education', name: 'report.txt', category: 'report' }, Buffer.from('Report'))).status).toBe(201);
  });

  it('reduction to a basic record removes the documents: letters and reports are not among the facts it keeps', async () => {
    const created = await call('cara.case', 'POST', '/cases', { givenName: 'Basil', familyName: 'Basic', dateOfBirth: '2009-01-02', team: 'north', confirmedNotDuplicate: true });
    const id = created.body.id as string;
    expect((await upload('cara.case', id, { section: 'plans', name: 'plan.txt', category: 'plan' }, Buffer.from('Plan for Basil'))).status).toBe(201);
    const deps = caseReductionDeps({ ...system.modules, clock: { now: () => new Date() } }, { holdsOnCase: async () => [] });
    await reduceCase(deps, { caseId: id, rule: 'court-orders', approvedBy: 'dan.data' });
    expect((await system.modules.tasks.cases.findById(id))?.reduction).toBeDefined(); // the basic record stays
    expect(await system.conn.db!.collection('case_documents').findOne({ _id: id as never })).toBeNull();
    expect((await call('cara.case', 'GET', `/cases/${enc(id)}/documents`)).body.documents).toEqual([]);
  });

  it('erasure of the case removes its documents and every chunk', async () => {
    const ids = (await system.conn.db!.collection('case_documents').findOne({ _id: caseId as never }))!.items.map((d: { id: string }) => d.id) as string[];
    const chunksOf = () => system.conn.db!.collection('case_document_chunks').countDocuments({ _id: { $in: ids.flatMap((id) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `${id}:${n}`)) } as never });
    expect(await chunksOf()).toBe(Math.ceil((3 * MB) / (255 * 1024)) + 1);
    expect(await system.modules.documents.erasure.eraseOfCase(caseId)).toBe(2);
    expect(await system.modules.documents.erasure.eraseOfCase(caseId)).toBe(0); // a rerun finds nothing left
    expect(await chunksOf()).toBe(0);
    expect(await system.conn.db!.collection('case_documents').findOne({ _id: caseId as never })).toBeNull();
    expect((await call('cara.case', 'GET', `/cases/${enc(caseId)}/documents`)).body.documents).toEqual([]);
  });
});
