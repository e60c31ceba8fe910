// Puts a second administrator's decision on an administrator's own account change into effect (the users
// page's half of apply-permission-decision.ts, same process and same callers: the decision route and the
// process's job). Approval gives the account the roles and teams asked for — only if it still has the ones
// it had when asked (else it is recorded as rejected, with why) — and is audited as `user.updated` naming
// both administrators; rejection changes nothing (`user.change-rejected`). The account is changed before the
// decision is recorded, so a retry after a crash in between finds it changed and only records the approval.
import { checkRoles } from '../../domain/users/user-rules';
import type { FieldErrors } from '../../domain/errors';
import { type AccountChange, type PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { AuditLog } from '../../ports/audit-log.port';
import type { PermissionRequestRepository } from '../../ports/permission-request-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { User } from '../../domain/users/user';
import type { TeamMembershipRecorder } from '../users/user-admin-deps';
import { unshownGains } from './account-gains';

export interface AccountDecisionDeps {
  requests: PermissionRequestRepository;
  users: Pick<UserRepository, 'findById' | 'update'>;
  audit: Pick<AuditLog, 'record'>;
  now(): Date;
  /** Where team changes become dated memberships (the teams module), as on the users page. */
  memberships?: TeamMembershipRecorder;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** 'apply', 'applied' (a retry after the account was changed), or why it cannot apply now. */
async function applicable(deps: AccountDecisionDeps, change: AccountChange): Promise<string> {
  const user = await deps.users.findById(change.userId);
  if (!user || !user.active) return 'the account is deactivated or gone';
  const holds = (a: AccountChange['before']) => same(user.roles, a.roles) && same(user.teams, a.teams);
  if (holds(change.after)) return 'applied';
  if (!holds(change.before)) return 'the account’s roles or teams were changed after this was asked for';
  const errors: FieldErrors = {};
  checkRoles(change.after.roles, errors);
  if (errors.roles) return `${errors.roles} (the permissions changed after this was asked for)`;
  const unshown = unshownGains(change.userId, change.gained, change.before, change.after, deps.now());
  return unshown.length ? `it would now also give ${unshown.join(', ')}, which the request did not show (the permissions or teams changed after it was asked for): ask again` : 'apply';
}

/**
 * Who decided, as apply-permission-decision.ts read them once, and why their approval is no approval (the
 * requester, or not an administrator): recorded as rejected.
 */
export interface DeciderCheck { decider: User | undefined; refusal: string | undefined }

export async function applyAccountDecision(
  deps: AccountDecisionDeps, request: PermissionChangeRequest, input: { decision: 'approve' | 'reject'; reason: string; decidedBy: string },
  { decider, refusal: deciderRefusal }: DeciderCheck,
): Promise<PermissionChangeRequest> {
  const change = request.account!;
  const decided = { decidedBy: input.decidedBy, decidedAt: deps.now().toISOString() };
  const actor = { id: input.decidedBy, roles: [...(decider?.roles ?? [])] };
  const who = { requestedBy: request.requestedBy, decidedBy: input.decidedBy, requestId: request.id };
  let refusal = deciderRefusal;
  if (input.decision === 'approve' && !refusal) {
    const state = await applicable(deps, change);
    if (state === 'apply' || state === 'applied') {
      if (state === 'apply') {
        await deps.users.update(change.userId, { roles: change.after.roles, teams: change.after.teams });
        await deps.memberships?.recordAccountTeams(change.userId, change.after.teams, `Approved on the users page by ${decider?.displayName ?? input.decidedBy}`);
      }
      if (await deps.requests.decide(request.id, { ...decided, state: 'approved', decisionReason: input.reason })) {
        await deps.audit.record({
          actor, action: 'user.updated', recordType: 'user', recordId: change.userId,
          before: { ...change.before }, after: { ...change.after, gained: change.gained, ...who, approvedBy: input.decidedBy, decisionReason: input.reason },
        });
      }
      return (await deps.requests.get(request.id)) ?? request;
    }
    refusal = `Approved, but not applied: ${state}`;
  }
  const decisionReason = refusal ? `${refusal}. ${input.reason}` : input.reason;
  if (await deps.requests.decide(request.id, { ...decided, state: 'rejected', decisionReason })) {
    await deps.audit.record({
      actor, action: 'user.change-rejected', recordType: 'user', recordId: change.userId,
      before: { ...change.before }, after: { ...change.after, ...who, decisionReason },
    });
  }
  return (await deps.requests.get(request.id)) ?? request;
}
