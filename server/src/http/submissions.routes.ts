// Stored submissions (mounted at /api/submissions): read-only; they are created through a form.
import { Router } from 'express';
import { getSubmission, listSubmissions } from '../application/get-submissions';
import type { SubmissionRepository } from '../ports/form-repository.port';
import { type FormsHttpDeps, queryString, requireUser } from './forms-request';

export type SubmissionsRouterDeps = FormsHttpDeps & { submissions: SubmissionRepository };

export function createSubmissionsRouter(deps: SubmissionsRouterDeps): Router {
  const router = Router();

  // GET /?formId=&caseId=&taskId=&limit= → newest first
  router.get('/', async (req, res) => {
    requireUser(deps, req);
    const limit = Number(queryString(req, 'limit') ?? 100);
    const items = await listSubmissions(deps, {
      formId: queryString(req, 'formId'), caseId: queryString(req, 'caseId'), taskId: queryString(req, 'taskId'),
    }, Number.isFinite(limit) ? limit : 100);
    res.json({ items });
  });

  // GET /:id → one submission (form id + version, data, who, when, task/case)
  router.get('/:id', async (req, res) => {
    requireUser(deps, req);
    res.json(await getSubmission(deps, req.params.id));
  });

  return router;
}
