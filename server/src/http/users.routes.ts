// User administration (admins only): list, read, create, update (roles, teams, manager, password,
// unlock, deactivate). The use cases check the permission too; the router's check answers early.
import { labelledRoles } from '../domain/users/role-labels';
import { Router } from 'express';
import { listAccessGiven } from '../application/users/access-given';
import { createUser } from '../application/users/create-user';
import { listUsers } from '../application/users/list-users';
import { updateUser, type UpdateOutcome } from '../application/users/update-user';
import type { UserAdminDeps } from '../application/users/user-admin-deps';
import { NotFoundError, ValidationError } from '../domain/errors';
import { orderedRoles } from '../domain/permissions/permission-version';
import { tableInForce } from '../domain/policies/table-in-force';
import type { User } from '../domain/users/user';
import { presentUser } from './auth.routes';
import { requireAction, userOf } from './session-user';

function jsonObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('Send a JSON object as the request body');
  return body as Record<string, unknown>;
}

/** An account as administrators see it: the session's view of the person plus its state (the `AdminUser` schema). */
export const presentAdminUser = (u: User) => ({ ...presentUser(u), active: u.active, lockedUntil: u.lockedUntil ?? null, lastSignInAt: u.lastSignInAt ?? null });

/** The account as saved, and the part of the change awaiting a second administrator. */
export const presentOutcome = ({ user, awaitingApproval }: UpdateOutcome) => ({
  ...presentAdminUser(user),
  ...(awaitingApproval ? { awaitingApproval: { id: awaitingApproval.id, gained: awaitingApproval.account!.gained, words: awaitingApproval.account!.words } } : {}),
});

export function createUsersRouter(deps: UserAdminDeps): Router {
  const router = Router();
  router.use(requireAction('administer-users'));

  // GET /?search=&role=&team=&active=&offset=&limit= → {items, total, offset, limit}
  router.get('/', async (req, res) => {
    const page = await listUsers(deps, userOf(req), req.query as Record<string, unknown>);
    res.json({ ...page, items: page.items.map(presentAdminUser) });
  });

  // GET /roles → the role keys an administrator can assign (those of the permission table in force), and their names
  router.get('/roles', (_req, res) => {
    const items = orderedRoles(tableInForce());
    res.json({ items, labels: labelledRoles(items) });
  });

  // GET /access-given → {days, items}: access to children's data administrators gave accounts lately, newest first
  router.get('/access-given', async (req, res) => {
    res.json(await listAccessGiven(deps, userOf(req)));
  });

  router.get('/:id', async (req, res) => {
    const user = await deps.users.findById(req.params.id);
    if (!user) throw new NotFoundError(`No user with id ${req.params.id}`, 'USER_NOT_FOUND');
    res.json(presentAdminUser(user));
  });

  // POST / {username, displayName, email, roles, teams, managerId?, password} → 201
  // → 202 with awaitingApproval when it makes an administrator: made without those roles, which wait.
  router.post('/', async (req, res) => {
    const outcome = await createUser(deps, userOf(req), jsonObject(req.body), req.ip);
    res.status(outcome.awaitingApproval ? 202 : 201).json(presentOutcome(outcome));
  });

  // PATCH /:id {displayName?, email?, roles?, teams?, managerId?, active?, unlock?, password?}
  // → 202 with awaitingApproval when an admin gave themselves more access, or made someone else an
  // administrator: those roles and teams wait.
  router.patch('/:id', async (req, res) => {
    const outcome = await updateUser(deps, userOf(req), req.params.id, jsonObject(req.body), req.ip);
    res.status(outcome.awaitingApproval ? 202 : 200).json(presentOutcome(outcome));
  });

  return router;
}
