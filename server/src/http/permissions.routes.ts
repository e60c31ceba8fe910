// /api/admin/permissions — the permission table as versioned data (docs/permissions.md):
//   GET  /                 → the version in force, with the words for actions and sections
//   GET  /history          → every version, newest first (who, when, why)
//   GET  /versions/:version → a past version in full
//   POST /preview {rows, sections?, roleLabels?} → who would gain or lose what, without saving (422 with field errors when refused)
//   POST /  {basedOn, rows, sections?, roleLabels?, reason} → the new version in force (201), or — when it widens
//            the admin's own access to children's data — the change awaiting a second admin's approval (202)
//   GET  /requests         → admins' own account changes (the users page) awaiting a second admin
//   POST /requests/:id/decision {decision, reason} → another admin approves or rejects an awaiting change (either kind)
// `sections` are the case sections (tabs) the version adds; `roleLabels` name roles for people.
// Thin: bodies are checked here (unknown fields refused), the rails and the effect are application/permissions/*.
import { Router } from 'express';
import { z } from 'zod';
import { getPermissionHistory } from '../application/permissions/get-permission-history';
import { getPermissions, getPermissionVersion } from '../application/permissions/get-permissions';
import { requireAdministrator } from '../application/permissions/check-permission-proposal';
import { awaitingAccountChanges, decidePermissionChange, latestPermissionChange, presentChange, type DecidePermissionDeps } from '../application/permissions/decide-permission-change';
import { previewPermissionChange } from '../application/permissions/preview-permission-change';
import { savePermissionVersion, type SavePermissionDeps } from '../application/permissions/save-permission-version';
import type { PermissionConfig, PermissionRows } from '../domain/policies';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

const key = z.string().min(1).max(60).regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens');
const row = z.strictObject({ actions: z.array(key).max(60), read: z.array(key).max(40), write: z.array(key).max(40) });
// Role names are checked by the rails (with a message naming the role); here only their size and count.
const rows = z.record(z.string().min(1).max(60), row).refine((r) => Object.keys(r).length <= 60, 'Give at most 60 roles');

const sectionDefinition = z.strictObject({ key, label: z.string().trim().max(60), description: z.string().trim().max(300) });
const config = {
  sections: z.array(sectionDefinition).max(20, 'Add at most 20 case sections').optional(),
  roleLabels: z.record(z.string().min(1).max(60), z.string().trim().max(60)).optional(),
};
const proposal = (body: { rows: unknown; sections?: PermissionConfig['sections']; roleLabels?: PermissionConfig['roleLabels'] }) => ({
  rows: body.rows as PermissionRows, config: { sections: body.sections ?? [], roleLabels: body.roleLabels ?? {} },
});

export const previewPermissionsSchema = z.strictObject({ rows, ...config });
export const savePermissionsSchema = z.strictObject({
  basedOn: z.number().int().positive(),
  rows,
  ...config,
  reason: z.string().trim().min(1, 'Say why the permissions are changing').max(500),
});

export const decidePermissionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject'], 'Choose whether you approve or reject the change'),
  reason: z.string().trim().min(1, 'Say why you approve or reject the change').max(500),
});

export type PermissionsRouterDeps = ActorDeps & SavePermissionDeps & DecidePermissionDeps;

export function createPermissionsRouter(deps: PermissionsRouterDeps): Router {
  const router = Router();
  // Administrators only, checked before the body: anyone else gets 403 whatever they send.
  router.use((req, _res, next) => {
    requireAdministrator(requireActor(deps, req));
    next();
  });
  const noQuery = z.strictObject({});
  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json({ ...(await getPermissions(deps, actor)), latestChangeRequest: await latestPermissionChange(deps, actor) });
  });
  router.get('/history', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json(await getPermissionHistory(deps, actor));
  });
  router.get('/versions/:version', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json(await getPermissionVersion(deps, actor, /^\d{1,9}$/.test(req.params.version) ? Number(req.params.version) : 0));
  });
  router.post('/preview', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(previewPermissionsSchema, req.body);
    res.json(await previewPermissionChange(deps, actor, proposal(body)));
  });
  router.post('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(savePermissionsSchema, req.body);
    const outcome = await savePermissionVersion(deps, actor, { basedOn: body.basedOn, reason: body.reason, ...proposal(body) });
    if ('awaiting' in outcome) res.status(202).json({ awaitingApproval: await latestPermissionChange(deps, actor) });
    else res.status(201).json(await getPermissionVersion(deps, actor, outcome.saved.version));
  });
  router.get('/requests', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json({ items: await awaitingAccountChanges(deps, actor) });
  });
  router.post('/requests/:id/decision', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(decidePermissionSchema, req.body);
    res.json({ request: await presentChange(deps, await decidePermissionChange(deps, actor, req.params.id.slice(0, 100), body)) });
  });
  return router;
}
