// Drafts (mounted at /api/drafts): the signed-in user's own partial answers. Saving never validates;
// submitting validates fully and, once stored, removes the draft.
import { Router } from 'express';
import { discardDraft } from '../application/discard-draft';
import { getDraft, listDrafts } from '../application/get-draft';
import { saveDraft, type SaveDraftDeps } from '../application/save-draft';
import { submitDraft } from '../application/submit-draft';
import type { SubmitFormDeps } from '../application/submit-form';
import type { DraftRepository } from '../ports/form-repository.port';
import { type FormsHttpDeps, jsonBody, optionalString, optionalVersion, queryString, requireUser } from './forms-request';

export type DraftsRouterDeps = FormsHttpDeps & SaveDraftDeps & SubmitFormDeps & { drafts: DraftRepository };

export function createDraftsRouter(deps: DraftsRouterDeps): Router {
  const router = Router();

  // GET /?formId=&caseId=&taskId= → my drafts, most recent first
  router.get('/', async (req, res) => {
    const actor = requireUser(deps, req);
    const items = await listDrafts(deps, actor, { formId: queryString(req, 'formId'), caseId: queryString(req, 'caseId'), taskId: queryString(req, 'taskId') });
    res.json({ items });
  });

  // POST / {formId, version?, data, taskId?, caseId?} → 201 draft (pinned to the form version)
  router.post('/', async (req, res) => {
    const actor = requireUser(deps, req);
    const body = jsonBody(req);
    const draft = await saveDraft(deps, actor, {
      formId: optionalString(body.formId, 'formId'),
      version: optionalVersion(body.version),
      data: body.data,
      taskId: optionalString(body.taskId, 'taskId'),
      caseId: optionalString(body.caseId, 'caseId'),
    });
    res.status(201).json(draft);
  });

  // GET /:id → resume
  router.get('/:id', async (req, res) => {
    res.json(await getDraft(deps, requireUser(deps, req), req.params.id));
  });

  // PUT /:id {data} → saved again
  router.put('/:id', async (req, res) => {
    const actor = requireUser(deps, req);
    res.json(await saveDraft(deps, actor, { draftId: req.params.id, data: jsonBody(req).data }));
  });

  // DELETE /:id → 204 discarded
  router.delete('/:id', async (req, res) => {
    await discardDraft(deps, requireUser(deps, req), req.params.id);
    res.status(204).end();
  });

  // POST /:id/submit {data?} → 201 submission (draft removed) | 422 {errors} (draft kept)
  router.post('/:id/submit', async (req, res) => {
    const actor = requireUser(deps, req);
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
    res.status(201).json(await submitDraft(deps, actor, req.params.id, body.data));
  });

  return router;
}
