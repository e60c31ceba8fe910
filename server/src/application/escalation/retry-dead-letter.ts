// An admin sends a dead letter again (after fixing the SMTP settings or the address): it goes back to
// pending with a fresh allowance of attempts. Attempt numbers keep counting up, so leases never clash.
import type { OutboxEntry } from '../../domain/escalation';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Clock } from '../../ports/clock.port';
import type { OutboxRepository } from '../../ports/escalation-outbox.port';
import { type OutboxActor, assertOutboxAdmin } from './list-outbox';

export interface RetryDeps {
  outbox: OutboxRepository;
  clock: Clock;
  retry: { maxAttempts: number };
}

export async function retryDeadLetter(deps: RetryDeps, actor: OutboxActor, id: string): Promise<OutboxEntry> {
  assertOutboxAdmin(actor);
  const entry = await deps.outbox.findById(id);
  if (!entry) throw new NotFoundError(`No outbox entry ${id}`, 'OUTBOX_ENTRY_NOT_FOUND');
  if (entry.state !== 'dead') throw new ConflictError(`Only dead letters can be retried; this one is ${entry.state}`, 'OUTBOX_NOT_DEAD');
  const at = deps.clock.now().toISOString();
  await deps.outbox.patch(id, { state: 'pending', maxAttempts: entry.attempts + deps.retry.maxAttempts, nextAttemptAt: at, updatedAt: at });
  return (await deps.outbox.findById(id))!;
}
