// Documents in a subject access request (real FerretDB, the whole product over HTTP): the gather lists each
// document on the person's own case in words (name, type, section, date, who added it) and proposes it for
// review; the export's ZIP holds the files the DPO disclosed, byte for byte, under documents/, and not
// those withheld. The access list says what was done with documents in words.
import { randomBytes } from 'node:crypto';
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';
import { readZip } from '../sar/support/read-zip';

describe('documents in a subject access request', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const api = demoSessions(() => system.url);
  const engine = () => system.modules.workflow.engine;
  const enc = encodeURIComponent;

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['dee.dpo', 'cara.case']) await api.signIn(u);
  }, 120_000);
  afterAll(() => system?.close());

  async function upload(caseId: string, name: string, section: string, body: Buffer) {
    const s = api.sessions.get('cara.case')!;
    const res = await fetch(`${system.url}/api/cases/${enc(caseId)}/documents?${new URLSearchParams({ section, name, category: 'letter' })}`, {
      method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' }, body: new Uint8Array(body),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  async function complete(key: string, elementId: string, variables: Record<string, unknown>) {
    const task = await until(elementId, async () => (await engine().listUserTasks({ instanceKey: key, state: 'open' })).find((t) => t.elementId === elementId));
    await engine().completeUserTask(task.key, variables, { by: 'dee.dpo' });
  }

  it('lists the documents for review and exports the disclosed files in the ZIP', async () => {
    const created = await api.call('cara.case', 'POST', '/cases', { givenName: 'Sasha', familyName: 'Filed', dateOfBirth: '2010-03-04', team: 'north', confirmedNotDuplicate: true });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const own = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(600 * 1024)]); // three chunks
    const other = Buffer.from('Notes naming Pat Neighbour, a witness.');
    const ownId = await upload(caseId, 'Sasha plan.pdf', 'plans', own);
    const otherId = await upload(caseId, 'witness notes.txt', 'offending', other);
    const fetched = await fetch(`${system.url}/api/cases/${enc(caseId)}/documents/${ownId}/content`, { headers: { cookie: api.sessions.get('cara.case')!.cookie } });
    await fetched.arrayBuffer();

    const key = (await api.call('dee.dpo', 'POST', '/sar', {
      receivedOn: '2026-11-20', requesterName: 'Sasha Filed', requesterRelationship: 'self', subject: { givenName: 'Sasha', familyName: 'Filed', otherNames: [], dateOfBirth: '2010-03-04' },
    })).body.key as string;
    await complete(key, 'verifyIdentity', { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport' });
    const view = await until('gathered', async () => {
      const body = (await api.call('dee.dpo', 'GET', `/sar/${key}`)).body;
      return body.gathered ? body : undefined;
    });
    type Item = { id: string; kind: string; label: string; value: Record<string, unknown>; source: string; decision: string; section?: string };
    const documents = (view.items as Item[]).filter((i) => i.kind === 'document');
    expect(documents.map((d) => [d.id, d.section, d.source, d.decision])).toEqual([
      [`${caseId}/document/${ownId}`, 'plans', 'Documents on their case', 'withhold'], // for review: withheld until decided
      [`${caseId}/document/${otherId}`, 'offending', 'Documents on their case', 'withhold'],
    ]);
    expect(documents[0].label).toMatch(/^Document "Sasha plan.pdf" added to Plans and reviews on \d{4}-\d{2}-\d{2} by Cara Case/);
    expect(documents[0].value).toMatchObject({ Name: 'Sasha plan.pdf', 'Type of document': 'Letter or email', 'File type': 'PDF', Size: '600 KB', Section: 'Plans and reviews', 'File in this response': `documents/${ownId.slice(0, 8)} Sasha plan.pdf` });
    const access = (view.items as Item[]).filter((i) => i.kind === 'access').map((i) => i.value.What);
    expect(access).toEqual(expect.arrayContaining(['Added a document', 'Downloaded a document']));

    // The DPO opens a gathered document to decide (the request is the reach: the DPO is in no team); audited on the case.
    const open = (who: string, docId: string) => fetch(`${system.url}/api/sar/${key}/documents/${enc(caseId)}/${enc(docId)}`, { headers: { cookie: api.sessions.get(who)!.cookie } });
    const opened = await open('dee.dpo', otherId);
    expect([opened.status, opened.headers.get('content-type'), Buffer.from(await opened.arrayBuffer()).equals(other)]).toEqual([200, 'text/plain; charset=utf-8', true]);
    expect((await open('dee.dpo', 'not-gathered')).status).toBe(404);
    expect((await open('cara.case', otherId)).status).toBe(403);
    expect(await system.conn.db!.collection('audit_events').countDocuments({ recordId: caseId, action: 'document.download', 'actor.roles': 'dpo' })).toBe(1);

    const decided = await api.call('dee.dpo', 'PUT', `/sar/${key}/redactions`, { decisions: [
      { itemId: `${caseId}/document/${ownId}`, decision: 'disclose', reason: 'Their own plan' },
      { itemId: `${caseId}/document/${otherId}`, decision: 'withhold', reason: 'Names a witness who has not agreed' },
    ] });
    expect(decided.status).toBe(200);
    await complete(key, 'gatherRecords', { recordsGatheredOn: '2026-11-21', sarExtend: false });
    await complete(key, 'reviewRedactions', { redactionsReviewed: true });
    await complete(key, 'approveDisclosure', { sarApproved: true });
    await until('approved', async () => ((await api.call('dee.dpo', 'GET', `/sar/${key}`)).body.request.approved ? true : undefined));

    const exported = await fetch(`${system.url}/api/sar/${key}/export`, { headers: { cookie: api.sessions.get('dee.dpo')!.cookie } });
    expect(exported.status).toBe(200);
    const zip = readZip(Buffer.from(await exported.arrayBuffer()));
    expect([...zip.keys()]).toEqual([
      'subject-access-response.json', 'subject-access-response.html', 'subject-access-response.pdf', `documents/${ownId.slice(0, 8)} Sasha plan.pdf`,
    ]);
    expect(zip.get(`documents/${ownId.slice(0, 8)} Sasha plan.pdf`)!.equals(own)).toBe(true);
    expect(zip.get('subject-access-response.html')!.toString('utf8')).toContain('Sasha plan.pdf');
  }, 180_000);
});
