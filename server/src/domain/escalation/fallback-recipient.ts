// Who hears about a late task when the recipient rules find nobody: a task owned by managers whose top
// has no manager, a candidate group with no active member, people without an email address. Such a
// notice goes to the configured fallback (ESCALATION_FALLBACK: a user, e.g. the head of service, or a
// service mailbox) with the reason in the email and on the Outbox page — never silently to no one.
// Reminders do not fall back: the overdue notice that follows does.
import type { User } from '../users/user';
import type { NoticeLevel } from './escalation-policy';
import { ownersOf, type PeopleIndex, type RecipientTask, recipientsFor } from './notice-recipients';
import { teamWords } from '../teams/teams-in-force';

export type FallbackTarget = { kind: 'user'; username: string } | { kind: 'mailbox'; email: string };

/** The demo's head of service (seed-demo-users.ts); production sets its own user or mailbox. */
export const DEFAULT_ESCALATION_FALLBACK = 'hana.head';

/** An address (has an @) is a service mailbox; anything else names a user. */
export function parseFallbackTarget(value: string): FallbackTarget {
  const v = value.trim();
  return v.includes('@') ? { kind: 'mailbox', email: v } : { kind: 'user', username: v.toLowerCase() };
}

export const describeFallback = (t: FallbackTarget): string => (t.kind === 'user' ? `user ${t.username}` : `mailbox ${t.email}`);

/** A service mailbox as a recipient: no account behind it, so no roles, teams or preferences. */
export function mailboxRecipient(email: string): User {
  return { id: `mailbox:${email}`, username: email, displayName: 'Escalation mailbox', email, roles: [], teams: [], active: true, createdAt: new Date(0).toISOString() };
}

export interface NoticeRecipient {
  user: User;
  /** Set when the rules found nobody and the fallback receives the notice instead: why. */
  fallbackReason?: string;
}

/** The levels that fall back when the rules find nobody: all but the reminder. */
export const fallsBack = (level: NoticeLevel): boolean => level !== 'reminder';

/**
 * The rules' recipients with an address; when there are none at a level that falls back, the fallback
 * (if given) with the reason. Empty means nobody — the caller reports it.
 */
export function noticeRecipients(task: RecipientTask, level: NoticeLevel, people: PeopleIndex, fallback?: User): NoticeRecipient[] {
  const reachable = recipientsFor(task, level, people).filter((u) => !!u.email);
  if (reachable.length || !fallsBack(level)) return reachable.map((user) => ({ user }));
  return fallback?.email ? [{ user: fallback, fallbackReason: nobodyReason(task, level, people) }] : [];
}

const names = (users: User[]): string => {
  const shown = users.slice(0, 3).map((u) => u.displayName);
  return users.length > 3 ? `${shown.join(', ')} and ${users.length - 3} more` : shown.join(', ');
};

/** Why the rules found nobody, in words for the email and the Outbox page. */
export function nobodyReason(task: RecipientTask, level: NoticeLevel, people: PeopleIndex): string {
  const noAddress = recipientsFor(task, level, people).filter((u) => !u.email);
  if (noAddress.length) return `${names(noAddress)} ${noAddress.length === 1 ? 'has' : 'have'} no email address`;
  const owners = ownersOf(task, people);
  if (!owners.length) return 'nobody can work on this task: no active assignee or candidate';
  const team = task.team ? `${teamWords(task.team)} has no other team manager` : 'the task has no team';
  if (level !== 'escalation-2') return `no manager is on record above ${names(owners)}, and ${team}`;
  const first = recipientsFor(task, 'escalation-1', people);
  return first.length ? `no manager is on record above ${names(first)}` : `no manager is on record above ${names(owners)}, and ${team}`;
}
