// Puts a second administrator's decision on an awaiting permission change into effect: approval appends the
// requested version (createdBy the requester, approvedBy the approver) and puts it in force as a save would;
// rejection leaves the version in force as it is. Both are audited with both administrators. Called by the
// decision route and by the approval process's job (jobs/permission-approval.job.ts) — whichever comes
// second finds the decision made (the version carries the request's id) and changes nothing, so a crash
// between the task's completion and this step is finished by the job. An approval that can no longer be
// applied (another version in force, the rails now refuse it) is recorded as rejected, with why.
import { ConflictError, NotFoundError } from '../../domain/errors';
import { tableProblems } from '../../domain/permissions/permission-rails';
import { SELF_APPROVAL_REFUSED, sharedCredentialsProblem, type PermissionChangeRequest, type PermissionDecision } from '../../domain/permissions/permission-request';
import { can } from '../../domain/policies';
import { configOf, type PermissionVersion } from '../../domain/permissions/permission-version';
import type { AuditLog } from '../../ports/audit-log.port';
import type { PermissionRequestRepository } from '../../ports/permission-request-repository.port';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { User } from '../../domain/users/user';
import type { TeamMembershipRecorder } from '../users/user-admin-deps';
import { applyAccountDecision } from './apply-account-decision';
import { applyServiceAccountDecision, type ServiceAccountDecisionDeps } from './apply-service-account-decision';

export interface ApplyDecisionDeps {
  permissions: PermissionVersionRepository;
  requests: PermissionRequestRepository;
  users: Pick<UserRepository, 'findById' | 'update'>;
  audit: Pick<AuditLog, 'record'>;
  now(): Date;
  /** The cache of the version in force on this server. */
  adopt(version: PermissionVersion): void;
  /** An approved change to an administrator's own teams becomes dated memberships here (the teams module). */
  memberships?: TeamMembershipRecorder;
  /** Where a decision on a new service account that reads case data takes effect. */
  serviceAccounts?: ServiceAccountDecisionDeps['serviceAccounts'];
}

export interface DecisionInput {
  requestId: string;
  decision: 'approve' | 'reject';
  reason: string;
  decidedBy: string;
}

export async function applyPermissionDecision(deps: ApplyDecisionDeps, input: DecisionInput): Promise<PermissionChangeRequest> {
  const request = await deps.requests.get(input.requestId);
  if (!request) throw new NotFoundError('There is no such permission change awaiting approval', 'PERMISSION_REQUEST_NOT_FOUND');
  if (request.state !== 'awaiting') return request;
  const decider = await deps.users.findById(input.decidedBy);
  let refusal = await deciderRefusal(deps, request, input.decidedBy, decider);
  if (request.kind === 'account') return applyAccountDecision(deps, request, input, { decider, refusal });
  if (request.kind === 'service-account') return applyServiceAccountDecision(deps, request, input, { decider, refusal });
  const decided = { decidedBy: input.decidedBy, decidedAt: deps.now().toISOString() };
  if (input.decision === 'approve' && !refusal) {
    const applied = await putInForce(deps, request, input.decidedBy, decided.decidedAt);
    if (typeof applied !== 'string') {
      return record(deps, request, decider, { ...decided, state: 'approved', decisionReason: input.reason, version: applied.version }, applied);
    }
    refusal = `Approved, but not put in force: ${applied}`;
  }
  return record(deps, request, decider, { ...decided, state: 'rejected', decisionReason: refusal ? `${refusal}. ${input.reason}` : input.reason });
}

/**
 * Why this decider's approval is no approval: the route and the task listener refuse the requester before this,
 * and the process's job takes the decider from the engine's record of who completed the task — which, in a
 * process version deployed with its task offered to another group, need not be an administrator at all.
 */
async function deciderRefusal(deps: ApplyDecisionDeps, request: PermissionChangeRequest, decidedBy: string, decider: User | undefined): Promise<string | undefined> {
  if (decidedBy === request.requestedBy) return SELF_APPROVAL_REFUSED;
  if (!decider || !can(decider, 'administer-users')) return 'It was decided by someone who is not an administrator, so it is no approval';
  return sharedCredentialsProblem(decider, await deps.users.findById(request.requestedBy));
}

/** The requested version in force, or why it cannot be. */
async function putInForce(deps: ApplyDecisionDeps, request: PermissionChangeRequest, approvedBy: string, at: string): Promise<PermissionVersion | string> {
  const ours = async () => {
    const v = await deps.permissions.getVersion(request.basedOn + 1);
    return v?.requestId === request.id ? v : undefined;
  };
  const done = await ours();
  if (done) return done;
  const current = await deps.permissions.current();
  if (current.version !== request.basedOn) return `version ${current.version} was put in force after this change was asked for`;
  const problems = tableProblems(request.rows, configOf(request));
  if (Object.keys(problems).length) return Object.values(problems).join('; ');
  const next: PermissionVersion = {
    version: request.basedOn + 1, rows: request.rows, sections: request.sections, roleLabels: request.roleLabels,
    createdAt: at, createdBy: request.requestedBy, reason: request.reason, approvedBy, requestId: request.id,
  };
  try {
    await deps.permissions.append(next);
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    return (await ours()) ?? 'another version was put in force at the same moment';
  }
  return next;
}

async function record(
  deps: ApplyDecisionDeps, request: PermissionChangeRequest, decider: User | undefined, decision: PermissionDecision, version?: PermissionVersion,
): Promise<PermissionChangeRequest> {
  if (version) deps.adopt(version);
  if (await deps.requests.decide(request.id, decision)) {
    const roles = decider?.roles ?? [];
    const who = { requestedBy: request.requestedBy, decidedBy: decision.decidedBy, requestId: request.id, requestReason: request.reason, decisionReason: decision.decisionReason };
    if (version) {
      const before = await deps.permissions.getVersion(request.basedOn);
      await deps.audit.record({
        actor: { id: decision.decidedBy, roles: [...roles] }, action: 'permissions.changed', recordType: 'permissions', recordId: String(version.version),
        before: { version: request.basedOn, rows: before?.rows, sections: before?.sections ?? [], roleLabels: before?.roleLabels ?? {} },
        after: { version: version.version, rows: version.rows, sections: version.sections, roleLabels: version.roleLabels, reason: request.reason, changes: request.changes, ...who },
      });
    } else {
      await deps.audit.record({
        actor: { id: decision.decidedBy, roles: [...roles] }, action: 'permissions.change-rejected', recordType: 'permissions', recordId: request.id,
        after: { basedOn: request.basedOn, changes: request.changes, ...who },
      });
    }
  }
  return (await deps.requests.get(request.id)) ?? request;
}
