// form-js's filepicker and documentPreview in a task form, through the whole product (real sessions, CSRF,
// FerretDB, the embedded engine): a file goes up through the documents route, filed on the field's section; the
// task completes with a reference to it; the submission, the process variable and the case hold the store's
// own reference (Camunda 8.8's shape, metadata from the store, not the client); hostile answers are refused
// with a message and store nothing; a documentPreview lists only the case's documents the reader may open.
import { createHash } from 'node:crypto';
import { demoSessions, until } from '../../support/demo-sessions';
import { oneTaskProcess } from '../../support/file-task-process';
import { startTestSystem } from '../../support/system';

const FORM = {
  id: 'test-file-evidence', type: 'default', schemaVersion: 18, components: [
    { id: 'P1', type: 'documentPreview', title: 'Letters already on file', dataSource: '=earlierLetters' },
    { id: 'F1', type: 'filepicker', key: 'signedPlan', label: 'Signed plan', accept: '.pdf,.txt', validate: { required: true }, properties: { section: 'offending' } },
  ],
};

describe('a task form with a filepicker and a documentPreview', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn, sessions } = demoSessions(() => system.url);
  const enc = encodeURIComponent;
  let caseId: string;
  let taskId: string;
  const ids: Record<string, string> = {};
  const plan = Buffer.from('%PDF-1.7\nSigned intervention plan\n');

  async function upload(who: string, onCase: string, section: string, name: string, body: Buffer): Promise<string> {
    const s = sessions.get(who)!;
    const res = await fetch(`${system.url}/api/cases/${enc(onCase)}/documents?${new URLSearchParams({ section, name, category: 'other' })}`, {
      method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' }, body: new Uint8Array(body),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const complete = (data: unknown) => call('cara.case', 'POST', `/tasks/${enc(taskId)}/complete`, { data });
  const submissions = () => system.conn.db!.collection('form_submissions').countDocuments({});

  beforeAll(async () => {
    system = await startTestSystem({ DOCUMENT_MAX_MB: '1' });
    for (const u of ['cara.case', 'sol.case', 'helen.health', 'tom.manager']) await signIn(u);
    const newCase = async (who: string, team: string, givenName: string) =>
      (await call(who, 'POST', '/cases', { givenName, familyName: 'Files', dateOfBirth: '2010-06-01', team, confirmedNotDuplicate: true })).body.id as string;
    caseId = await newCase('cara.case', 'north', 'Fay');
    const otherCase = await newCase('sol.case', 'south', 'Sid');
    ids.plan = await upload('cara.case', caseId, 'offending', 'signed-plan.pdf', plan);
    ids.second = await upload('cara.case', caseId, 'offending', 'second.txt', Buffer.from('A second file\n'));
    ids.photo = await upload('cara.case', caseId, 'offending', 'photo.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    ids.personal = await upload('cara.case', caseId, 'personal', 'passport.txt', Buffer.from('Passport scan notes\n'));
    ids.health = await upload('helen.health', caseId, 'health', 'camhs.txt', Buffer.from('CAMHS letter\n'));
    ids.otherCase = await upload('sol.case', otherCase, 'offending', 'sid-plan.txt', Buffer.from('Another child\n'));

    expect((await call('tom.manager', 'POST', '/forms', { schema: FORM, comment: 'Filepicker test' })).status).toBe(201);
    expect((await call('tom.manager', 'POST', '/processes', { xml: oneTaskProcess('test-file-evidence', 'File the signed plan', FORM.id), comment: 'Filepicker test' })).status).toBe(201);
    // The letters an earlier step named: one readable by a case manager, a Health one, and one that is no document.
    const earlierLetters = [ids.second, ids.health, 'invented-id'].map((documentId) => ({ documentId, storeId: 'case-documents' }));
    const started = await system.modules.workflow.engine.startInstance('test-file-evidence', { caseId, earlierLetters });
    taskId = await until('the task', async () => (await system.conn.db!.collection('tasks').findOne({ instanceKey: started.instanceKey }))?._id as string | undefined);
  }, 120_000);
  afterAll(() => system?.close());

  it('the task page lists the documents the preview names that the reader may open, never the references', async () => {
    const page = await call('cara.case', 'GET', `/tasks/${enc(taskId)}`);
    expect(page.status).toBe(200);
    expect(page.body.documentPreviews).toEqual({
      '=earlierLetters': [{ documentId: ids.second, name: 'second.txt', fileType: 'TXT', size: 14, sizeLabel: '14 bytes', href: `/api/cases/${enc(caseId)}/documents/${ids.second}/content` }],
    });
    expect(page.body.formVariables?.earlierLetters).toBeUndefined();
    const manager = await call('tom.manager', 'GET', `/tasks/${enc(taskId)}`);
    expect(manager.body.documentPreviews['=earlierLetters'].map((l: { name: string }) => l.name).sort()).toEqual(['camhs.txt', 'second.txt']);
  });

  it('hostile answers are refused with a message naming the problem, and nothing is stored', async () => {
    const before = await submissions();
    const cases: Array<[unknown, number, RegExp]> = [
      [[{ documentId: ids.otherCase }], 422, /not a document of this case/],
      [[{ documentId: 'forged-0000' }], 422, /not a document of this case/],
      [[{ documentId: ids.health }], 422, /not a document of this case/], // a Health letter a case manager may not open
      [[{ documentId: ids.personal }], 422, /“passport.txt” is filed on the Personal section, and this question files on Offending/],
      [[{ documentId: ids.plan }, { documentId: ids.second }], 422, /takes one file/],
      [[{ documentId: ids.photo }], 422, /Signed plan accepts only .pdf,.txt: “photo.png” is not one/],
      ['signed-plan.pdf', 422, /must be a list of files/],
      [[{ documentId: { $gt: '' } }], 422, /not database operators/],
      [{ $gt: '' }, 422, /not database operators/],
      [[], 422, /Select a file for Signed plan/],
    ];
    for (const [signedPlan, status, message] of cases) {
      const res = await complete({ signedPlan });
      expect([JSON.stringify(signedPlan), res.status]).toEqual([JSON.stringify(signedPlan), status]);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    expect(await submissions()).toBe(before);
    expect((await call('cara.case', 'GET', `/tasks/${enc(taskId)}`)).body.task.state).toBe('open');
  });

  it('completes with the uploaded file: the store\'s own Camunda-shaped reference is stored, the file filed on the field\'s section', async () => {
    // As Camunda's Tasklist sends it, with metadata a client could have made up: the store's facts replace it.
    const res = await complete({ signedPlan: [{ 'camunda.document.type': 'camunda', documentId: ids.plan, metadata: { fileName: 'made-up.exe', contentType: 'application/x-msdownload', size: 1 } }] });
    expect(res.status).toBe(200);
    const reference = {
      documentId: ids.plan, storeId: 'case-documents', contentHash: createHash('sha256').update(plan).digest('hex'),
      endpoint: `/api/cases/${enc(caseId)}/documents/${ids.plan}/content`,
      metadata: { contentType: 'application/pdf', fileName: 'signed-plan.pdf', size: plan.length },
    };
    expect(res.body.submission.data).toEqual({ signedPlan: [reference] });
    const task = await system.conn.db!.collection('tasks').findOne({ _id: taskId as never });
    const instance = await system.modules.workflow.engine.getInstance(String(task!.instanceKey));
    expect(instance!.variables.signedPlan).toEqual([reference]);
    const record = await call('cara.case', 'GET', `/cases/${enc(caseId)}`);
    expect(JSON.stringify(record.body)).toContain(ids.plan);
    const listed = await call('cara.case', 'GET', `/cases/${enc(caseId)}/documents?section=offending`);
    expect(listed.body.documents.map((d: { name: string }) => d.name)).toContain('signed-plan.pdf');
    const audit = await system.conn.db!.collection('audit_events').find({ recordId: caseId, action: 'document.upload' }).toArray();
    expect(audit.map((e) => e.sections)).toContainEqual(['offending']);
    // The answer reads in words on the completed task: the file by its name.
    expect((await call('cara.case', 'GET', `/tasks/${enc(taskId)}`)).body.submission.data.signedPlan[0].metadata.fileName).toBe('signed-plan.pdf');
  });
});
