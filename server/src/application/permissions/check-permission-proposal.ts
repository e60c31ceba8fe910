// One check for preview and save: the rails on the table alone, the effect on the active users — including
// that someone active could still administer users afterwards — and whether the admin's own reach grows
// (then the version waits for a second administrator's approval rather than being refused).
import { ForbiddenError, ValidationError } from '../../domain/errors';
import { configChanges, permissionEffect, rowChanges, type EffectLine, type EffectSubject } from '../../domain/permissions/permission-effect';
import { selfGrantProblems, tableProblems } from '../../domain/permissions/permission-rails';
import type { PermissionVersion } from '../../domain/permissions/permission-version';
import { can, EMPTY_CONFIG, type PermissionConfig, type PermissionRows } from '../../domain/policies';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { Actor } from '../cases/case-access';

export interface PermissionDeps {
  permissions: PermissionVersionRepository;
  users: Pick<UserRepository, 'list' | 'findById'>;
}

export interface ProposalOutcome {
  current: PermissionVersion;
  effect: EffectLine[];
  changes: { role: string; change: string }[];
  /** Why the version would wait for a second administrator (it widens the actor's own reach), by field; empty when it would not. */
  needsApproval: Record<string, string>;
}

export function requireAdministrator(actor: Actor): void {
  if (!can(actor, 'administer-users')) throw new ForbiddenError('Only administrators may see or change permissions', 'PERMISSIONS_FORBIDDEN');
}

async function activeUsers(users: PermissionDeps['users']): Promise<EffectSubject[]> {
  const out: EffectSubject[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await users.list({ active: true }, { offset, limit: 500 });
    out.push(...page.items.map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles })));
    if (page.items.length < 500) return out;
  }
}

function refuse(problems: Record<string, string>): never {
  throw new ValidationError(`The permissions cannot be saved: ${Object.values(problems).join('; ')}.`, problems, 'PERMISSIONS_REFUSED');
}

/** A proposed version: the table, and the sections and role names it configures. */
export interface PermissionProposal {
  rows: PermissionRows;
  config?: PermissionConfig;
}

export async function checkPermissionProposal(deps: PermissionDeps, actor: Actor, proposal: PermissionProposal): Promise<ProposalOutcome> {
  requireAdministrator(actor);
  const { rows, config = EMPTY_CONFIG } = proposal;
  const current = await deps.permissions.current();
  const problems = tableProblems(rows, config);
  if (Object.keys(problems).length) refuse(problems);
  const users = await activeUsers(deps.users);
  const admins = users.filter((u) => u.roles.some((r) => Object.hasOwn(rows, r) && rows[r]!.actions.includes('administer-users')));
  if (!admins.length) refuse({ rows: 'No active user would be able to administer users: keep "administer users" on a role someone active holds' });
  return {
    current, effect: permissionEffect(current.rows, rows, users, config), changes: [...configChanges(current, config), ...rowChanges(current.rows, rows)],
    needsApproval: selfGrantProblems(current.rows, rows, actor.roles, config),
  };
}
