// Takes the next delivery attempt of an entry, or learns that another worker is on it. The attempt
// lease is a unique insert, so two workers can never both own attempt n. A lease older than leaseMs
// with the entry still unfinished means its worker died (perhaps after the SMTP server accepted the
// message): the next attempt number is taken and the email is sent again with the same Message-ID.
import type { OutboxEntry } from '../../domain/escalation';

/** The attempt leases of an outbox: the mail outbox's, and the webhook deliveries' (application/webhooks). */
export interface AttemptLeases<E> {
  takeAttempt(entry: E, attempt: number, at: string): Promise<boolean>;
  attemptTakenAt(entry: E, attempt: number): Promise<string | undefined>;
}

export interface ClaimDeps<E extends { attempts: number } = OutboxEntry> {
  outbox: AttemptLeases<E>;
}

/** The attempt number now owned by the caller, or undefined when someone else holds a live lease. */
export async function claimAttempt<E extends { attempts: number }>(deps: ClaimDeps<E>, entry: E, now: Date, leaseMs: number): Promise<number | undefined> {
  // A handful of stale leases in a row means repeated crashes; stop and let the next round look again.
  for (let n = entry.attempts + 1; n <= entry.attempts + 5; n += 1) {
    if (await deps.outbox.takeAttempt(entry, n, now.toISOString())) return n;
    const takenAt = await deps.outbox.attemptTakenAt(entry, n);
    if (takenAt && Date.parse(takenAt) > now.getTime() - leaseMs) return undefined;
  }
  return undefined;
}
