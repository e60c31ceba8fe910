// Every version of the permission table, newest first: who saved it (by name — people read names, not
// ids), who approved it when it needed a second administrator, when and why.
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { Actor } from '../cases/case-access';
import { requireAdministrator } from './check-permission-proposal';

export interface PermissionHistoryDeps {
  permissions: Pick<PermissionVersionRepository, 'history'>;
  users: Pick<UserRepository, 'findById'>;
}

export async function getPermissionHistory(deps: PermissionHistoryDeps, actor: Actor) {
  requireAdministrator(actor);
  const items = await deps.permissions.history();
  const names = new Map<string, string>([['system', 'Shipped with the product']]);
  for (const id of new Set(items.flatMap((i) => [i.createdBy, ...(i.approvedBy ? [i.approvedBy] : [])]))) {
    if (!names.has(id)) names.set(id, (await deps.users.findById(id))?.displayName ?? 'A user no longer on the system');
  }
  return { items: items.map((i) => ({ ...i, createdByName: names.get(i.createdBy)!, ...(i.approvedBy ? { approvedByName: names.get(i.approvedBy)! } : {}) })) };
}
