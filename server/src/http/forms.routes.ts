// Forms API (mounted at /api/forms). Thin: parse, call one use case, present. Domain errors reach the
// error middleware (Express 5 forwards rejected promises): invalid definitions and answers → 422 with
// {errors: {path: message}}.
import { Router } from 'express';
import { deployForm, type DeployFormDeps } from '../application/deploy-form';
import { getForm, listFormVersions } from '../application/get-form';
import { submitForm, type SubmitFormDeps } from '../application/submit-form';
import { CASE_SECTIONS } from '../domain/policies';
import { checkFormDefinition } from '../forms-core';
import { type FormsHttpDeps, jsonBody, optionalString, optionalVersion, requireUser } from './forms-request';

export type FormsRouterDeps = FormsHttpDeps & DeployFormDeps & SubmitFormDeps;

export function createFormsRouter(deps: FormsRouterDeps): Router {
  const router = Router();

  // GET / → the latest version of every form (summaries)
  router.get('/', async (req, res) => {
    requireUser(deps, req);
    res.json({ items: await deps.forms.listLatest() });
  });

  // POST /check {form-js schema} → {problems: [...]} without deploying (the designer's live check)
  router.post('/check', (req, res) => {
    requireUser(deps, req);
    res.json({ problems: checkFormDefinition(req.body, { sections: CASE_SECTIONS }) });
  });

  // POST / {form-js schema} → 201 new version | 200 unchanged content (same version) | 422 problems
  router.post('/', async (req, res) => {
    const actor = requireUser(deps, req);
    const { form, created } = await deployForm(deps, { actor }, jsonBody(req));
    res.status(created ? 201 : 200).json({ ...form, created });
  });

  // GET /:formId → latest version with its schema; ?version=N for a given one
  router.get('/:formId', async (req, res) => {
    requireUser(deps, req);
    res.json(await getForm(deps, req.params.formId, optionalVersion(req.query.version)));
  });

  // GET /:formId/versions → every version, newest first
  router.get('/:formId/versions', async (req, res) => {
    requireUser(deps, req);
    res.json({ items: await listFormVersions(deps, req.params.formId) });
  });

  // GET /:formId/versions/:version → that version with its schema
  router.get('/:formId/versions/:version', async (req, res) => {
    requireUser(deps, req);
    res.json(await getForm(deps, req.params.formId, optionalVersion(req.params.version)));
  });

  // POST /:formId/submissions {data, version?, taskId?, caseId?} → 201 stored submission | 422 {errors}
  router.post('/:formId/submissions', async (req, res) => {
    const actor = requireUser(deps, req);
    const body = jsonBody(req);
    const submission = await submitForm(deps, actor, {
      formId: req.params.formId,
      version: optionalVersion(body.version),
      data: body.data,
      taskId: optionalString(body.taskId, 'taskId'),
      caseId: optionalString(body.caseId, 'caseId'),
    });
    res.status(201).json(submission);
  });

  return router;
}
