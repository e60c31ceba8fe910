// deployForm with an in-memory repository that behaves like the Mongo one (unique formId+version).
import { deployForm } from '../../../server/src/application/deploy-form';
import { ConflictError, ForbiddenError, ValidationError } from '../../../server/src/domain/errors';
import type { FormVersion } from '../../../server/src/domain/forms/form-version';
import type { FormRepository } from '../../../server/src/ports/form-repository.port';

class MemoryForms implements FormRepository {
  readonly rows: FormVersion[] = [];
  /** Lets a test slip another deploy in between reading latest and appending. */
  beforeAppend?: () => Promise<void>;
  async latest(formId: string) {
    return this.rows.filter((r) => r.formId === formId).sort((a, b) => b.version - a.version)[0];
  }
  async getVersion(formId: string, version: number) {
    return this.rows.find((r) => r.formId === formId && r.version === version);
  }
  async versions(formId: string) {
    return this.rows.filter((r) => r.formId === formId).reverse();
  }
  async listLatest() {
    return [];
  }
  async append(v: FormVersion) {
    const hook = this.beforeAppend;
    this.beforeAppend = undefined;
    await hook?.();
    if (this.rows.some((r) => r.formId === v.formId && r.version === v.version)) throw new ConflictError('taken');
    this.rows.push(v);
  }
}

const clock = { now: () => new Date('2026-02-02T10:00:00Z') };
const manager = { actor: { id: 'm', roles: ['team-managers'] }, comment: 'Unit test deploy' };
const schema = (label: string) => ({ id: 'f', components: [{ id: 'a', type: 'textfield', key: 'a', label }] });

describe('deployForm', () => {
  it('accepts a form-js file with its $schema pointer, storing the form without it (same version as without)', async () => {
    const forms = new MemoryForms();
    const published = { $schema: '../../resources/schema.json', ...schema('A'), schemaVersion: 18 };
    const { form } = await deployForm({ forms, clock }, manager, published);
    expect(form.version).toBe(1);
    expect(Object.keys(form.schema)).not.toContain('$schema');
    expect(await deployForm({ forms, clock }, manager, { ...schema('A'), schemaVersion: 18 })).toMatchObject({ created: false });
  });

  it("gives a form without an id its file's name, keeps a form's own id, and refuses one with neither", async () => {
    const forms = new MemoryForms();
    const { id: _none, ...noId } = schema('A');
    const { form } = await deployForm({ forms, clock }, manager, noId, 'dir/other.json/text-template.form');
    expect([form.formId, form.schema.id]).toEqual(['text-template', 'text-template']);
    expect((await deployForm({ forms, clock }, manager, schema('A'), 'ignored.form')).form.formId).toBe('f');
    for (const name of [undefined, 'two words.form']) {
      await expect(deployForm({ forms, clock }, manager, noId, name)).rejects.toThrow(/The form needs an id: .*send the file's name as fileName/);
    }
  });

  it('numbers versions, keeps them all and reuses the latest for identical content', async () => {
    const forms = new MemoryForms();
    expect((await deployForm({ forms, clock }, manager, schema('A'))).form.version).toBe(1);
    expect(await deployForm({ forms, clock }, manager, schema('A'))).toMatchObject({ created: false, form: { version: 1 } });
    expect((await deployForm({ forms, clock }, manager, schema('B'))).form.version).toBe(2);
    // Going back to earlier content is a change from the latest: a new version (as Zeebe does).
    expect((await deployForm({ forms, clock }, manager, schema('A'))).form.version).toBe(3);
    expect(forms.rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('retries when another deploy takes the version number first', async () => {
    const forms = new MemoryForms();
    forms.beforeAppend = async () => {
      await deployForm({ forms, clock }, { system: true }, schema('other'));
    };
    const mine = await deployForm({ forms, clock }, manager, schema('mine'));
    expect(mine.form.version).toBe(2);
    expect(forms.rows.map((r) => [r.version, r.schema.components[0].label])).toEqual([[1, 'other'], [2, 'mine']]);
  });

  it('returns the racing version when it has the same content', async () => {
    const forms = new MemoryForms();
    forms.beforeAppend = async () => {
      await deployForm({ forms, clock }, { system: true }, schema('same'));
    };
    expect(await deployForm({ forms, clock }, manager, schema('same'))).toMatchObject({ created: false, form: { version: 1 } });
  });

  it('refuses non-managers and invalid definitions', async () => {
    const forms = new MemoryForms();
    await expect(deployForm({ forms, clock }, { actor: { id: 'w', roles: ['case-managers'] } }, schema('A'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deployForm({ forms, clock }, manager, { id: 'f', components: [{ type: 'nope' }] })).rejects.toBeInstanceOf(ValidationError);
    expect(forms.rows).toEqual([]);
  });

  it('asks a person for a comment (the shipped files need none) and keeps it with the version', async () => {
    const forms = new MemoryForms();
    for (const comment of [undefined, '', '  ']) {
      await expect(deployForm({ forms, clock }, { ...manager, comment }, schema('A'))).rejects.toMatchObject({ code: 'FORM_COMMENT_REQUIRED', errors: { comment: expect.stringMatching(/^Enter a comment/) } });
    }
    await expect(deployForm({ forms, clock }, { ...manager, comment: 'x'.repeat(1001) }, schema('A'))).rejects.toMatchObject({ code: 'FORM_COMMENT_TOO_LONG' });
    expect(forms.rows).toEqual([]);
    expect((await deployForm({ forms, clock }, { ...manager, comment: '  New label  ' }, schema('A'))).form.comment).toBe('New label');
    expect((await deployForm({ forms, clock }, { system: true }, schema('B'))).form.comment).toBeUndefined();
  });
});
