// The version in force with the words for its keys, and the history of versions (who, when, why).
import { NotFoundError } from '../../domain/errors';
import { ACTION_WORDS, SECTION_WORDS } from '../../domain/permissions/permission-words';
import { orderedRoles, type PermissionVersion } from '../../domain/permissions/permission-version';
import { ACTIONS, CASE_SECTIONS } from '../../domain/policies';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { Actor } from '../cases/case-access';
import { requireAdministrator } from './check-permission-proposal';

const present = (v: PermissionVersion) => ({ ...v, roles: orderedRoles(v.rows) });

export async function getPermissions(deps: { permissions: PermissionVersionRepository }, actor: Actor) {
  requireAdministrator(actor);
  return {
    inForce: present(await deps.permissions.current()),
    actions: ACTIONS.map((key) => ({ key, label: ACTION_WORDS[key] })),
    sections: CASE_SECTIONS.map((key) => ({ key, label: SECTION_WORDS[key] })),
  };
}

/** Newest first, each with the name of who saved it (people read names, not ids). */
export async function getPermissionHistory(deps: { permissions: PermissionVersionRepository; users: Pick<UserRepository, 'findById'> }, actor: Actor) {
  requireAdministrator(actor);
  const items = await deps.permissions.history();
  const names = new Map<string, string>([['system', 'Shipped with the product']]);
  for (const id of new Set(items.map((i) => i.createdBy))) {
    if (!names.has(id)) names.set(id, (await deps.users.findById(id))?.displayName ?? 'A user no longer on the system');
  }
  return { items: items.map((i) => ({ ...i, createdByName: names.get(i.createdBy)! })) };
}

export async function getPermissionVersion(deps: { permissions: PermissionVersionRepository }, actor: Actor, version: number) {
  requireAdministrator(actor);
  const v = Number.isInteger(version) && version > 0 ? await deps.permissions.getVersion(version) : undefined;
  if (!v) throw new NotFoundError(`There is no permissions version ${version}: choose one from the history`, 'PERMISSION_VERSION_NOT_FOUND');
  return present(v);
}
