// An administrator giving themselves roles or teams that reach further into children's data on the users page
// does not get them: the change waits for a second administrator in the same approval process as a permission
// version (processes/permission-change-approval.bpmn, request-permission-approval.ts), locked per account (one
// waiting change per account). Audited as asked for; the account keeps its roles and teams meanwhile. A new
// service account whose scopes read case data waits the same way (kind 'service-account'): its tokens are
// refused until then, so no administrator reaches children's data alone through a token they were shown. An
// administrator making someone else an administrator waits the same way (users/hold-admin-grant.ts).
import { randomUUID } from 'node:crypto';
import { accountRequestText, serviceAccountRequestText, type AccountChange, type PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import { auditActor, type Actor } from '../cases/case-access';
import { startApproval, type RequestApprovalDeps } from './request-permission-approval';

export interface RequestAccountApprovalDeps extends RequestApprovalDeps {
  permissions: Pick<PermissionVersionRepository, 'current'>;
}

export type AccountKind = NonNullable<PermissionChangeRequest['kind']>;

const WHY: Record<AccountKind, (gained: string) => string> = {
  account: (g) => `This gives you access to children's data (${g}): another administrator must approve it`,
  'service-account': (g) => `This service account's tokens would reach children's data (${g}): another administrator must approve it`,
};

export async function requestAccountApproval(deps: RequestAccountApprovalDeps, actor: Actor, change: AccountChange, kind: AccountKind = 'account'): Promise<PermissionChangeRequest> {
  const name = (await deps.users.findById(actor.id))?.displayName ?? actor.id;
  const request: PermissionChangeRequest = {
    id: randomUUID(), kind, account: change, basedOn: (await deps.permissions.current()).version, rows: {}, sections: [], roleLabels: {},
    reason: change.words.join('; '), requestedBy: actor.id, requestedAt: deps.now().toISOString(),
    needsApproval: { roles: kind === 'account' && change.userId !== actor.id ? `This makes another account an administrator (${change.gained.join(', ')}): another administrator must approve it` : WHY[kind](change.gained.join(', ')) },
    effect: [], changes: [], state: 'awaiting',
  };
  const text = kind === 'account' ? accountRequestText(change, name, change.userId === actor.id) : serviceAccountRequestText(change, name);
  const instanceKey = await startApproval(deps, actor, request, text);
  const [action, recordType] = kind === 'account' ? ['user.change-requested', 'user'] : ['service-account.approval-requested', 'service-account'];
  await deps.audit.record({
    actor: auditActor(actor), action, recordType, recordId: change.userId,
    before: { ...change.before }, after: { ...change.after, gained: change.gained, requestId: request.id },
  });
  return { ...request, instanceKey };
}
