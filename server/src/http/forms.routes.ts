// Forms API (mounted at /api/forms). Thin: parse, call one use case, present. Domain errors reach the
// error middleware (Express 5 forwards rejected promises): invalid definitions and answers → 422 with
// {errors: {path: message}}.
import { Router } from 'express';
import { z } from 'zod';
import { namesOf, type NameDeps } from '../application/cases/people-names';
import { deployForm, type DeployFormDeps } from '../application/deploy-form';
import { getForm, listFormVersions } from '../application/get-form';
import { submitForm, type SubmitFormDeps } from '../application/submit-form';
import { ValidationError } from '../domain/errors';
import { FORM_COMMENT_MAX } from '../domain/forms/form-version';
import { policySections } from '../domain/policies';
import { checkFormDefinition } from '../forms-core';
import { type FormsHttpDeps, jsonBody, optionalString, optionalVersion, requireUser } from './forms-request';

export type FormsRouterDeps = FormsHttpDeps & DeployFormDeps & SubmitFormDeps & { users?: NameDeps['users'] };

// A deploy is the form-js definition and why it is deployed, and the name of the file it came from when it came
// from one (a form without an id takes it, as in forms/). The definition is checked by the forms core
// (checkFormDefinition); unknown fields beside these are refused.
export const deployBody = z.object({
  schema: z.record(z.string(), z.unknown()),
  comment: z.string().max(FORM_COMMENT_MAX).optional(),
  fileName: z.string().min(1).max(200).optional().describe('The file the form came from, e.g. "referral-intake.form": a form without an id takes its name'),
}).strict();

function parseDeploy(body: Record<string, unknown>): z.infer<typeof deployBody> {
  const parsed = deployBody.safeParse(body);
  if (parsed.success) return parsed.data;
  if (Array.isArray(body.components) || typeof body.id === 'string') {
    // A bare definition, as before comments were asked for: say what is missing.
    const message = 'Enter a comment saying why you are deploying this version of the form (send { schema, comment })';
    throw new ValidationError(message, { comment: message }, 'FORM_COMMENT_REQUIRED');
  }
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'body');
  const message = field === 'comment' ? `The comment must be ${FORM_COMMENT_MAX} characters or fewer`
    : field === 'fileName' ? 'The file name must be 1 to 200 characters'
      : `Send the form as { schema, comment }: ${issue?.message ?? 'not understood'}`;
  throw new ValidationError(message, { [field]: message });
}

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
    res.json({ problems: checkFormDefinition(req.body, { sections: policySections() }) });
  });

  // POST / {schema: form-js definition, comment} → 201 new version | 200 unchanged content (same version) |
  // 422 problems, or no comment
  router.post('/', async (req, res) => {
    const actor = requireUser(deps, req);
    const { schema, comment, fileName } = parseDeploy(jsonBody(req));
    const { form, created } = await deployForm(deps, { actor, comment }, schema, fileName);
    res.status(created ? 201 : 200).json({ ...form, created });
  });

  // GET /:formId → latest version with its schema; ?version=N for a given one
  router.get('/:formId', async (req, res) => {
    requireUser(deps, req);
    res.json(await getForm(deps, req.params.formId, optionalVersion(req.query.version)));
  });

  // GET /:formId/versions → every version, newest first, with who deployed it by name and why
  router.get('/:formId/versions', async (req, res) => {
    requireUser(deps, req);
    const versions = await listFormVersions(deps, req.params.formId);
    const names = deps.users ? await namesOf({ users: deps.users }, versions.map((v) => v.deployedBy)) : new Map<string, string>();
    const nameOf = (id: string) => names.get(id) ?? (id === 'system' ? 'The system' : 'A member of staff');
    res.json({ items: versions.map((v) => ({ ...v, deployedByName: nameOf(v.deployedBy) })) });
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
