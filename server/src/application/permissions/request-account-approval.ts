// An administrator giving themselves roles or teams that reach further into children's data on the users page
// does not get them: the change waits for a second administrator in the same approval process as a permission
// version (processes/permission-change-approval.bpmn, request-permission-approval.ts), locked per account (one
// waiting change per account). Audited as asked for; the account keeps its roles and teams meanwhile.
import { randomUUID } from 'node:crypto';
import { accountRequestText, type AccountChange, type PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import { auditActor, type Actor } from '../cases/case-access';
import { startApproval, type RequestApprovalDeps } from './request-permission-approval';

export interface RequestAccountApprovalDeps extends RequestApprovalDeps {
  permissions: Pick<PermissionVersionRepository, 'current'>;
}

export async function requestAccountApproval(deps: RequestAccountApprovalDeps, actor: Actor, change: AccountChange): Promise<PermissionChangeRequest> {
  const name = (await deps.users.findById(actor.id))?.displayName ?? actor.id;
  const request: PermissionChangeRequest = {
    id: randomUUID(), kind: 'account', account: change, basedOn: (await deps.permissions.current()).version, rows: {}, sections: [], roleLabels: {},
    reason: change.words.join('; '), requestedBy: actor.id, requestedAt: deps.now().toISOString(),
    needsApproval: { roles: `This gives you access to children's data (${change.gained.join(', ')}): another administrator must approve it` },
    effect: [], changes: [], state: 'awaiting',
  };
  const instanceKey = await startApproval(deps, actor, request, accountRequestText(change, name));
  await deps.audit.record({
    actor: auditActor(actor), action: 'user.change-requested', recordType: 'user', recordId: change.userId,
    before: { ...change.before }, after: { ...change.after, gained: change.gained, requestId: request.id },
  });
  return { ...request, instanceKey };
}
