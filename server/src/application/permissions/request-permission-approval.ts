// A version that widens its author's own reach into children's data is not put in force: it is kept as a
// request awaiting a second administrator, and the approval process (processes/permission-change-approval.bpmn)
// offers it to the admins group. Audited as asked for; the version in force does not change. Only one change
// waits at a time (the repository's lock): saving another while one waits is refused, not superseded, so
// nobody approves a change other than the one whose effect they were shown.
import { randomUUID } from 'node:crypto';
import { requestText, type PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { PermissionVersion } from '../../domain/permissions/permission-version';
import type { PermissionConfig, PermissionRows } from '../../domain/policies';
import type { AuditLog } from '../../ports/audit-log.port';
import type { PermissionRequestRepository } from '../../ports/permission-request-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { auditActor, type Actor } from '../cases/case-access';
import type { ProposalOutcome } from './check-permission-proposal';

export const PERMISSION_APPROVAL_PROCESS_ID = 'permission-change-approval';

export interface RequestApprovalDeps {
  requests: PermissionRequestRepository;
  engine: Pick<WorkflowEngine, 'startInstance'>;
  users: Pick<UserRepository, 'findById'>;
  audit: Pick<AuditLog, 'record'>;
  now(): Date;
}

export interface ApprovalInput {
  current: PermissionVersion;
  rows: PermissionRows;
  config: PermissionConfig;
  reason: string;
  outcome: Pick<ProposalOutcome, 'effect' | 'changes' | 'needsApproval'>;
}

export async function requestPermissionApproval(deps: RequestApprovalDeps, actor: Actor, input: ApprovalInput): Promise<PermissionChangeRequest> {
  const request: PermissionChangeRequest = {
    id: randomUUID(), basedOn: input.current.version, rows: input.rows, sections: input.config.sections, roleLabels: input.config.roleLabels,
    reason: input.reason, requestedBy: actor.id, requestedAt: deps.now().toISOString(), needsApproval: input.outcome.needsApproval,
    effect: input.outcome.effect, changes: input.outcome.changes, state: 'awaiting',
  };
  const name = (await deps.users.findById(actor.id))?.displayName ?? actor.id;
  const instanceKey = await startApproval(deps, actor, request, requestText(request, name));
  await deps.audit.record({
    actor: auditActor(actor), action: 'permissions.approval-requested', recordType: 'permissions', recordId: request.id,
    before: { version: input.current.version },
    after: { rows: request.rows, sections: request.sections, roleLabels: request.roleLabels, reason: request.reason, changes: request.changes, needsApproval: request.needsApproval },
  });
  return { ...request, instanceKey };
}

/**
 * Stores the request (its lock refuses a second one waiting) and starts its approval process: the same process
 * for a permission version and for an administrator's own account (request-account-approval.ts).
 */
export async function startApproval(deps: Omit<RequestApprovalDeps, 'users' | 'audit'>, actor: Actor, request: PermissionChangeRequest, text: string): Promise<string> {
  await deps.requests.create(request);
  let instanceKey: string;
  try {
    ({ instanceKey } = await deps.engine.startInstance(PERMISSION_APPROVAL_PROCESS_ID, {
      permissionRequestId: request.id, requestedBy: actor.id, permissionChangeText: text,
    }));
  } catch (e) {
    // Without its process nobody could decide it: it must not hold the lock.
    await deps.requests.decide(request.id, { state: 'rejected', decidedBy: 'system', decidedAt: deps.now().toISOString(), decisionReason: 'The approval process could not be started' });
    throw e;
  }
  await deps.requests.setInstance(request.id, instanceKey);
  return instanceKey;
}
