// CI gate for forms/: every *.form file parses, is named after its id and passes the checker; the whole
// directory deploys through the start-up path, and deploying it again creates no new versions. Every
// formId a shipped BPMN user task references must have its file here.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoFormRepository } from '../../../server/src/adapters/mongo/form.repository';
import { readFormFiles } from '../../../server/src/adapters/files/form-files.loader';
import { deployFormFiles, fileProblem } from '../../../server/src/application/deploy-form-files';
import { CASE_SECTIONS } from '../../../server/src/domain/policies';
import { checkFormDefinition } from '../../../server/src/forms-core';
import { openTestDb } from '../../support/test-db';

const root = path.resolve(__dirname, '../../..');
const formsDir = path.join(root, 'forms');
const processesDir = path.join(root, 'processes');
const files = readdirSync(formsDir).filter((n) => n.endsWith('.form')).sort();
const clock = { now: () => new Date('2026-01-05T09:00:00Z') };

describe('forms/ directory', () => {
  it('holds only .form files (a misnamed file would be silently ignored at start-up)', () => {
    const others = readdirSync(formsDir).filter((n) => !n.endsWith('.form') && !n.startsWith('.') && n !== 'README.md');
    expect(others).toEqual([]);
  });

  it.each(files.length ? files : ['(no form files yet)'])('%s parses, is named after its id and checks clean', (name) => {
    if (!files.length) return expect(files).toEqual([]);
    const text = readFileSync(path.join(formsDir, name), 'utf8');
    expect(fileProblem({ name, text })).toBeUndefined();
    expect(checkFormDefinition(JSON.parse(text), { sections: CASE_SECTIONS }).map((p) => p.message)).toEqual([]);
  });

  it("gives a file without an id its name as the id in the text (what Zeebe is sent too), and leaves any other byte for byte", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'forms-'));
    try {
      const withId = '{ "id": "with-id", "components": [] }';
      writeFileSync(path.join(dir, 'with-id.form'), withId);
      writeFileSync(path.join(dir, 'no-id.form'), '{ "components": [] }');
      writeFileSync(path.join(dir, 'broken.form'), '{ "components": ');
      const loaded = Object.fromEntries((await readFormFiles(dir)).map((f) => [f.name, f.text]));
      expect(JSON.parse(loaded['no-id.form'])).toEqual({ components: [], id: 'no-id' });
      expect([loaded['with-id.form'], loaded['broken.form']]).toEqual([withId, '{ "components": ']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every formId referenced by processes/*.bpmn has a file in forms/', () => {
    const bpmn = readdirSync(processesDir).filter((n) => n.endsWith('.bpmn'));
    const referenced = new Set<string>();
    let definitions = 0;
    let matched = 0;
    for (const n of bpmn) {
      const xml = readFileSync(path.join(processesDir, n), 'utf8');
      definitions += (xml.match(/<zeebe:formDefinition\b/g) ?? []).length;
      for (const m of xml.matchAll(/<zeebe:formDefinition\b[^>]*\sformId="([^"]+)"/g)) {
        matched++;
        referenced.add(m[1]);
      }
    }
    // Every form definition is linked by formId (not formKey / externalReference), so none escapes this check.
    expect(matched).toBe(definitions);
    const missing = [...referenced].filter((id) => !files.includes(`${id}.form`));
    expect(missing).toEqual([]);
  });

  describe('deployed through the start-up path', () => {
    let db: Awaited<ReturnType<typeof openTestDb>>;
    beforeAll(async () => {
      db = await openTestDb('formfiles');
    });
    afterAll(() => db.drop());

    it('deploys every file once; a restart deploys nothing new', async () => {
      const deps = { forms: new MongoFormRepository(db.conn), clock };
      const loaded = await readFormFiles(formsDir);
      expect(loaded.map((f) => f.name)).toEqual(files);
      const first = await deployFormFiles(deps, loaded);
      expect(first.map((r) => [r.form.formId, r.form.version, r.created])).toEqual(files.map((f) => [f.replace(/\.form$/, ''), 1, true]));
      const second = await deployFormFiles(deps, await readFormFiles(formsDir));
      expect(second.every((r) => !r.created && r.form.version === 1)).toBe(true);
      expect((await deps.forms.listLatest()).length).toBe(files.length);
    });

    it('refuses a broken file with a message naming the file and the component', async () => {
      const deps = { forms: new MongoFormRepository(db.conn), clock };
      await expect(deployFormFiles(deps, [
        { name: 'bad-json.form', text: '{"id": "bad-json",' },
        { name: 'wrong-name.form', text: JSON.stringify({ id: 'other', components: [] }) },
        { name: 'bad-type.form', text: JSON.stringify({ id: 'bad-type', components: [{ id: 'F1', type: 'signature', key: 's' }] }) },
      ])).rejects.toMatchObject({
        code: 'INVALID_FORM_FILES',
        errors: {
          'bad-json.form': expect.stringMatching(/^not valid JSON/),
          'wrong-name.form': 'the form id "other" must match the file name "wrong-name.form"',
          'bad-type.form': expect.stringMatching(/signature "F1" at components\[0\]: unknown component type "signature"/),
        },
      });
    });
  });
});
