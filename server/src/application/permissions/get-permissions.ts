// The version in force with the words for its keys, and one version in full (the history: get-permission-history.ts).
import { NotFoundError } from '../../domain/errors';
import { ACTION_WORDS, SECTION_WORDS } from '../../domain/permissions/permission-words';
import { orderedRoles, type PermissionVersion } from '../../domain/permissions/permission-version';
import { ACTIONS, CASE_SECTIONS } from '../../domain/policies';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
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

export async function getPermissionVersion(deps: { permissions: PermissionVersionRepository }, actor: Actor, version: number) {
  requireAdministrator(actor);
  const v = Number.isInteger(version) && version > 0 ? await deps.permissions.getVersion(version) : undefined;
  if (!v) throw new NotFoundError(`There is no permissions version ${version}: choose one from the history`, 'PERMISSION_VERSION_NOT_FOUND');
  return present(v);
}
