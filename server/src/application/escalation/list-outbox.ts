// Admins see the outbox: what was sent, what waits, what failed for good (dead letters).
import type { OutboxEntry, OutboxState } from '../../domain/escalation';
import { ForbiddenError } from '../../domain/errors';
import type { OutboxFilter, OutboxRepository } from '../../ports/escalation-outbox.port';
import type { Page, PageRequest } from '../../ports/repository.port';

export interface OutboxActor {
  id: string;
  roles: readonly string[];
}

export const OUTBOX_ADMIN_ROLES: readonly string[] = ['admins'];

export function assertOutboxAdmin(actor: OutboxActor): void {
  if (!actor.roles.some((r) => OUTBOX_ADMIN_ROLES.includes(r))) throw new ForbiddenError('Only admins may see the outbox', 'OUTBOX_FORBIDDEN');
}

export async function listOutbox(
  deps: { outbox: OutboxRepository }, actor: OutboxActor, filter: OutboxFilter, page: PageRequest,
): Promise<Page<OutboxEntry> & { counts: Partial<Record<OutboxState, number>> }> {
  assertOutboxAdmin(actor);
  const [result, counts] = await Promise.all([deps.outbox.list(filter, page), deps.outbox.countByState()]);
  return { ...result, counts };
}
