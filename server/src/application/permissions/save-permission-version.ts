// An admin saves a new version of the permission table. It passes the same rails as the preview, must be
// based on the version in force (someone else's save in between is a conflict, not an overwrite), takes
// effect on this server at once (and on the others at their next version check), and is audited with the
// table before and after. A version that widens the admin's own reach waits for a second administrator
// instead (request-permission-approval.ts); while one waits, no other version is saved.
import { ConflictError } from '../../domain/errors';
import type { PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { PermissionVersion } from '../../domain/permissions/permission-version';
import { EMPTY_CONFIG, type PermissionConfig, type PermissionRows } from '../../domain/policies';
import type { AuditLog } from '../../ports/audit-log.port';
import { auditActor, type Actor } from '../cases/case-access';
import { checkPermissionProposal, type PermissionDeps } from './check-permission-proposal';
import { requestPermissionApproval, type RequestApprovalDeps } from './request-permission-approval';

export interface SavePermissionDeps extends PermissionDeps, Omit<RequestApprovalDeps, 'users'> {
  audit: Pick<AuditLog, 'record'>;
  now(): Date;
  /** The cache of the version in force on this server. */
  adopt(version: PermissionVersion): void;
}

export interface SavePermissionInput {
  basedOn: number;
  rows: PermissionRows;
  config?: PermissionConfig;
  reason: string;
}

/** The version now in force, or the request that awaits a second administrator's approval. */
export type SaveOutcome = { saved: PermissionVersion } | { awaiting: PermissionChangeRequest };

export async function savePermissionVersion(deps: SavePermissionDeps, actor: Actor, input: SavePermissionInput): Promise<SaveOutcome> {
  const config = input.config ?? EMPTY_CONFIG;
  const outcome = await checkPermissionProposal(deps, actor, { rows: input.rows, config });
  const { current, changes } = outcome;
  if (input.basedOn !== current.version) {
    throw new ConflictError(`The permissions changed since you opened them (version ${current.version} is now in force): reload the page and make your change again`, 'PERMISSION_VERSION_STALE');
  }
  if (!changes.length) throw new ConflictError('Nothing would change: tick or untick a box before saving', 'PERMISSIONS_UNCHANGED');
  // Any save waits while a change awaits approval: that change was previewed against the version in force.
  const waiting = await deps.requests.awaiting();
  if (waiting) throw await awaitingConflict(deps, waiting);
  if (Object.keys(outcome.needsApproval).length) {
    return { awaiting: await requestPermissionApproval(deps, actor, { current, rows: input.rows, config, reason: input.reason, outcome }) };
  }
  const next: PermissionVersion = {
    version: current.version + 1, rows: input.rows, sections: config.sections, roleLabels: config.roleLabels,
    createdAt: deps.now().toISOString(), createdBy: actor.id, reason: input.reason,
  };
  await deps.permissions.append(next);
  deps.adopt(next);
  await deps.audit.record({
    actor: auditActor(actor), action: 'permissions.changed', recordType: 'permissions', recordId: String(next.version),
    before: { version: current.version, rows: current.rows, sections: current.sections ?? [], roleLabels: current.roleLabels ?? {} },
    after: { version: next.version, rows: next.rows, sections: next.sections, roleLabels: next.roleLabels, reason: input.reason, changes },
  });
  return { saved: next };
}

async function awaitingConflict(deps: Pick<SavePermissionDeps, 'users'>, waiting: PermissionChangeRequest): Promise<ConflictError> {
  const name = (await deps.users.findById(waiting.requestedBy))?.displayName ?? 'another administrator';
  return new ConflictError(
    `A change asked for by ${name} ("${waiting.reason}") is awaiting a second administrator's approval: it must be approved or rejected before another change is saved`,
    'PERMISSION_CHANGE_AWAITING',
  );
}
