// Deploys a form definition as a new version. Same content as the latest version → that version is
// returned unchanged (as Zeebe does), so loading forms/ at every start-up creates nothing new.
import { createHash } from 'node:crypto';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors';
import { canDesignForms, canonicalFormJson, FORM_COMMENT_MAX, type FormActor, type FormVersion } from '../domain/forms/form-version';
import { policySections } from '../domain/policies';
import { checkFormDefinition, type FormComponent, type FormDefinition } from '../forms-core';
import { withIdFromFileName } from '../forms-core/form-file-id';
import { collectionsOfForm } from '../forms-core/form-collections';
import { flatKeys } from '../forms-core/form-collections-check';
import type { AuditLog } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import type { FormRepository } from '../ports/form-repository.port';
import { clashMessage, collectionClashes } from './form-collection-clashes';

export interface DeployFormDeps {
  forms: FormRepository;
  clock: Clock;
  audit?: Pick<AuditLog, 'record'>;
}

export interface DeployFormResult {
  form: FormVersion;
  created: boolean;
}

/** The system deploys the shipped files at start; people deploy through the designer, saying why. */
export type Deployer = { system: true } | { system?: false; actor: FormActor; comment?: string };

/** `fileName`: the name of the file the form came from, when it came from one (forms/, or a client deploying files). */
export async function deployForm(deps: DeployFormDeps, by: Deployer, schema: unknown, fileName?: string): Promise<DeployFormResult> {
  if (!by.system && !canDesignForms(by.actor)) {
    throw new ForbiddenError('Only team managers and admins may deploy forms', 'FORM_DEPLOY_FORBIDDEN');
  }
  const comment = by.system ? undefined : requireComment(by.comment);
  schema = withIdFromFileName(withoutSchemaPointer(schema), fileName);
  const problems = checkFormDefinition(schema, { sections: policySections() });
  if (problems.length) {
    // every problem of a component, not the last one found at its path
    const errors: Record<string, string> = {};
    for (const p of problems) errors[p.path || 'form'] = errors[p.path || 'form'] ? `${errors[p.path || 'form']}; ${p.message}` : p.message;
    throw new ValidationError(`The form cannot be deployed: ${problems.map((p) => p.message).join('; ')}`, errors, 'INVALID_FORM');
  }
  const form = schema as FormDefinition;
  if (!by.system) await refuseCollectionClashes(deps, form); // the shipped files are checked as a set at start
  const contentHash = createHash('sha256').update(canonicalFormJson(form)).digest('hex');
  // Two deploys at once both aim at latest+1; the unique (formId, version) index lets one win and the
  // other re-reads once: it either finds its own content there or takes the next number.
  for (let attempt = 0; ; attempt++) {
    const latest = await deps.forms.latest(form.id);
    if (latest?.contentHash === contentHash) return { form: latest, created: false };
    const next: FormVersion = {
      formId: form.id,
      version: (latest?.version ?? 0) + 1,
      contentHash,
      schema: form,
      deployedAt: deps.clock.now().toISOString(),
      deployedBy: by.system ? 'system' : by.actor.id,
      source: by.system ? 'file' : 'api',
      ...(comment ? { comment } : {}),
    };
    try {
      await deps.forms.append(next);
      await deps.audit?.record({
        actor: by.system ? { id: 'system', roles: [] } : { id: by.actor.id, roles: [...by.actor.roles] },
        action: 'form.deploy', recordType: 'form', recordId: `${next.formId}@${next.version}`, ...(comment ? { reason: comment } : {}), after: { source: next.source, contentHash: contentHash.slice(0, 16) },
      });
      return { form: next, created: true };
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= 2) throw e;
    }
  }
}

/**
 * form-js files start with `$schema`, the JSON schema editors check them against. It means nothing at run time
 * and a "$" key cannot be stored in the database, so it is dropped (the content hash ignores it too).
 */
function withoutSchemaPointer(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || !('$schema' in schema)) return schema;
  const { $schema: _pointer, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/** A person's deploy says why, as a process deploy does: the version list and the audit show it. */
function requireComment(comment: string | undefined): string {
  const text = comment?.trim() ?? '';
  if (!text) {
    const message = 'Enter a comment saying why you are deploying this version of the form';
    throw new ValidationError(message, { comment: message }, 'FORM_COMMENT_REQUIRED');
  }
  if (text.length > FORM_COMMENT_MAX) {
    const message = `The comment must be ${FORM_COMMENT_MAX} characters or fewer`;
    throw new ValidationError(message, { comment: message }, 'FORM_COMMENT_TOO_LONG');
  }
  return text;
}

/** A form deployed by a person must not make a flat field of a name another form keeps as a collection, or the reverse. */
async function refuseCollectionClashes(deps: DeployFormDeps, form: FormDefinition): Promise<void> {
  // A form that files nothing in a section can clash with none: skip reading every other form's latest version.
  const components = form.components as FormComponent[];
  if (flatKeys(components, undefined).size === 0 && !collectionsOfForm(components).some((c) => c.section)) return;
  const others = await Promise.all((await deps.forms.listLatest()).filter((f) => f.formId !== form.id).map((f) => deps.forms.latest(f.formId)));
  const forms = [{ name: `this form (${form.id})`, components: form.components }, ...others.flatMap((v) => (v ? [{ name: v.formId, components: v.schema.components }] : []))];
  const mine = collectionClashes(forms).filter((c) => c.flatIn === forms[0].name || c.listIn === forms[0].name);
  if (mine.length) {
    throw new ValidationError(`The form cannot be deployed: ${mine.map(clashMessage).join('; ')}`, { form: clashMessage(mine[0]) }, 'INVALID_FORM');
  }
}
