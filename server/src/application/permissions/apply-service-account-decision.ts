// Puts a second administrator's decision on a new service account that reads case data into effect (the
// service accounts page's half of apply-permission-decision.ts; same process, same callers). Approval lets its
// tokens work; rejection revokes the account with the reason, so its tokens never work. Both audited naming
// both administrators. Setting the account's approval is idempotent, so the route and the process's job may
// both arrive: the first to record the decision audits it.
import type { PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { AuditLog } from '../../ports/audit-log.port';
import type { PermissionRequestRepository } from '../../ports/permission-request-repository.port';
import type { ServiceAccountRepository } from '../../ports/service-account-repository.port';
import type { DeciderCheck } from './apply-account-decision';

export interface ServiceAccountDecisionDeps {
  requests: PermissionRequestRepository;
  audit: Pick<AuditLog, 'record'>;
  now(): Date;
  serviceAccounts?: Pick<ServiceAccountRepository, 'findAccount' | 'setApproval' | 'revokeAccount'>;
}

export async function applyServiceAccountDecision(
  deps: ServiceAccountDecisionDeps, request: PermissionChangeRequest, input: { decision: 'approve' | 'reject'; reason: string; decidedBy: string },
  { decider, refusal: deciderRefusal }: DeciderCheck,
): Promise<PermissionChangeRequest> {
  const accountId = request.account!.userId;
  const at = deps.now().toISOString();
  const account = await deps.serviceAccounts?.findAccount(accountId);
  let refusal = deciderRefusal ?? (account ? undefined : 'the service account is gone');
  if (!refusal && account?.revokedAt) refusal = 'the service account was revoked meanwhile';
  const approve = input.decision === 'approve' && !refusal;
  if (approve) await deps.serviceAccounts!.setApproval(accountId, { state: 'approved', requestId: request.id, decidedBy: input.decidedBy, decidedAt: at });
  else if (account) await deps.serviceAccounts!.revokeAccount(accountId, input.decidedBy, at, `Not approved: ${input.reason}`);
  const decisionReason = refusal ? `${refusal}. ${input.reason}` : input.reason;
  if (await deps.requests.decide(request.id, { state: approve ? 'approved' : 'rejected', decidedBy: input.decidedBy, decidedAt: at, decisionReason })) {
    await deps.audit.record({
      actor: { id: input.decidedBy, roles: [...(decider?.roles ?? [])] }, action: approve ? 'service-account.approved' : 'service-account.rejected',
      recordType: 'service-account', recordId: accountId,
      after: { ...request.account!.after, gained: request.account!.gained, requestedBy: request.requestedBy, decidedBy: input.decidedBy, requestId: request.id, decisionReason },
    });
  }
  return (await deps.requests.get(request.id)) ?? request;
}
