// What the retention use cases share: the schedule, the holds, the case reader, the audit and the clock.
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { LegalHoldRepository, RetentionCaseReader, RetentionScheduleRepository } from '../../ports/retention-repository.port';

export interface RetentionDeps {
  schedule: RetentionScheduleRepository;
  holds: LegalHoldRepository;
  cases: RetentionCaseReader;
  audit: AuditLog;
  clock: Clock;
}

export interface Actor {
  id: string;
  username?: string;
  roles: readonly string[];
}

/** Today as a civil date. The council works in UK time; a review at 00:30 BST still counts as that day. */
export const todayOf = (clock: Clock): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
