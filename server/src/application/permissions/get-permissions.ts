// The version in force with the words for its keys, and one version in full (the history: get-permission-history.ts).
import { NotFoundError } from '../../domain/errors';
import { ACTION_WORDS, SECTION_WORDS } from '../../domain/permissions/permission-words';
import { orderedRoles, type PermissionVersion } from '../../domain/permissions/permission-version';
import { ACTIONS, CASE_SECTIONS } from '../../domain/policies';
import { roleLabel } from '../../domain/users/role-labels';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import type { Actor } from '../cases/case-access';
import { requireAdministrator } from './check-permission-proposal';

// Roles by name: a role this version names itself keeps that name even when another version is in force.
const present = (v: PermissionVersion) => {
  const roles = orderedRoles(v.rows);
  const roleLabels = Object.fromEntries(roles.map((r) => [r, v.roleLabels?.[r] ?? roleLabel(r)]));
  return { ...v, sections: v.sections ?? [], roleLabels: v.roleLabels ?? {}, roles, roleNames: roleLabels };
};

export async function getPermissions(deps: { permissions: PermissionVersionRepository }, actor: Actor) {
  requireAdministrator(actor);
  const inForce = await deps.permissions.current();
  return {
    inForce: present(inForce),
    actions: ACTIONS.map((key) => ({ key, label: ACTION_WORDS[key] })),
    // The shipped sections, then those the version in force adds (with what belongs there).
    sections: [
      ...CASE_SECTIONS.map((key) => ({ key, label: SECTION_WORDS[key], configured: false })),
      ...(inForce.sections ?? []).map((s) => ({ ...s, configured: true })),
    ],
  };
}

export async function getPermissionVersion(deps: { permissions: PermissionVersionRepository }, actor: Actor, version: number) {
  requireAdministrator(actor);
  const v = Number.isInteger(version) && version > 0 ? await deps.permissions.getVersion(version) : undefined;
  if (!v) throw new NotFoundError(`There is no permissions version ${version}: choose one from the history`, 'PERMISSION_VERSION_NOT_FOUND');
  return present(v);
}
