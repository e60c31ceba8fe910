// Stored submissions (mounted at /api/submissions): read-only; they are created through a form. Answers
// from sections the reader may not read are omitted and listed in withheldSections.
import { Router } from 'express';
import { getSubmission, listSubmissions, type ReadSubmissionsDeps } from '../application/get-submissions';
import { type FormsHttpDeps, queryString, requireUser } from './forms-request';

export type SubmissionsRouterDeps = FormsHttpDeps & ReadSubmissionsDeps;

export function createSubmissionsRouter(deps: SubmissionsRouterDeps): Router {
  const router = Router();

  // GET /?formId=&caseId=&taskId=&limit= → newest first
  router.get('/', async (req, res) => {
    const actor = requireUser(deps, req);
    const limit = Number(queryString(req, 'limit') ?? 100);
    const items = await listSubmissions(deps, actor, {
      formId: queryString(req, 'formId'), caseId: queryString(req, 'caseId'), taskId: queryString(req, 'taskId'),
    }, Number.isFinite(limit) ? limit : 100);
    res.json({ items });
  });

  // GET /:id → one submission (form id + version, data, who, when, task/case)
  router.get('/:id', async (req, res) => {
    res.json(await getSubmission(deps, requireUser(deps, req), req.params.id));
  });

  return router;
}
