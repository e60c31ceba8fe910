// Drafts keep partial answers without validating them (a practitioner stops halfway through a visit).
// Only the owner sees or changes a draft; the form version is pinned so a resumed draft meets the same form.
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../domain/errors';
import type { FormActor, FormDraft } from '../domain/forms/form-version';
import type { Clock } from '../ports/clock.port';
import type { DraftRepository, FormRepository } from '../ports/form-repository.port';
import { getForm } from './get-form';
import { getDraft } from './get-draft';
import { scopeFormWork, type FormWorkScopeDeps } from './form-work-scope';
import type { CaseGuard } from './consent/case-guard';

export interface SaveDraftDeps extends FormWorkScopeDeps {
  forms: FormRepository;
  drafts: DraftRepository;
  clock: Clock;
  /** Refuses drafts on a case whose processing is restricted (application/consent/case-guard.ts). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
}

export interface SaveDraftInput {
  /** Given → update that draft; absent → a new draft. */
  draftId?: string;
  formId?: string;
  version?: number;
  data: unknown;
  taskId?: string;
  caseId?: string;
}

export async function saveDraft(deps: SaveDraftDeps, actor: FormActor, input: SaveDraftInput): Promise<FormDraft> {
  if (!input.data || typeof input.data !== 'object' || Array.isArray(input.data)) {
    throw new ValidationError('A draft holds the form data as an object', { data: 'Send the answers as an object' }, 'DRAFT_INVALID');
  }
  const data = input.data as Record<string, unknown>;
  const now = deps.clock.now().toISOString();
  if (input.draftId) {
    const existing = await getDraft(deps, actor, input.draftId);
    const existingCase = await scopeFormWork(deps, actor, existing); // still work the owner may do (teams change)
    await deps.caseGuard?.assertMayChange(actor, existingCase, 'save a draft on this case');
    const updated: FormDraft = { ...existing, data, updatedAt: now };
    await deps.drafts.save(updated);
    return updated;
  }
  if (!input.formId) throw new ValidationError('Say which form the draft is for', { formId: 'Required' }, 'DRAFT_INVALID');
  const caseId = await scopeFormWork(deps, actor, input); // never against another team's case or task
  await deps.caseGuard?.assertMayChange(actor, caseId, 'save a draft on this case');
  const form = await getForm(deps, input.formId, input.version);
  const draft: FormDraft = {
    id: randomUUID(),
    formId: form.formId,
    version: form.version,
    ownerId: actor.id,
    data,
    createdAt: now,
    updatedAt: now,
    ...(input.taskId ? { taskId: input.taskId } : {}),
    ...(caseId ? { caseId } : {}),
  };
  await deps.drafts.save(draft);
  return draft;
}

