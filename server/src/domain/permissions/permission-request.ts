// A permission change that waits for a second administrator (issue 23's last safety rail): an admin's version
// that widens their own roles' reach into children's data is not put in force when saved. It is kept here,
// with who asked, when, why and the effect the preview showed, while the approval process
// (processes/permission-change-approval.bpmn) offers it to the other administrators. One change waits at a time.
import type { PermissionRows, SectionDefinition } from '../policies/table-in-force';
import type { EffectLine } from './permission-effect';

export type PermissionRequestState = 'awaiting' | 'approved' | 'rejected';

export interface PermissionChangeRequest {
  id: string;
  /** The version in force when it was asked for: the approved version is the next one. */
  basedOn: number;
  rows: PermissionRows;
  sections: readonly SectionDefinition[];
  roleLabels: Readonly<Record<string, string>>;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  /** Why it waits, in words, by field ("rows.admins": "This gives your own role admins … read Health …"). */
  needsApproval: Readonly<Record<string, string>>;
  effect: readonly EffectLine[];
  changes: readonly { role: string; change: string }[];
  /** The approval process's instance, once started. */
  instanceKey?: string;
  state: PermissionRequestState;
  decidedBy?: string;
  decidedAt?: string;
  decisionReason?: string;
  /** The version the approval put in force. */
  version?: number;
  /**
   * 'account': an administrator's own roles or teams from the users page; 'service-account': a new service
   * account whose scopes read case data (`account.userId` is its id, `before` empty). Rows, sections, effect unused.
   */
  kind?: 'account' | 'service-account';
  account?: AccountChange;
}

export interface AccountAccess { roles: string[]; teams: string[] }

/** An administrator giving themselves roles or teams that reach further into children's data (the users page). */
export interface AccountChange {
  userId: string;
  /** The account's roles and teams when asked: an approval applies only if they are still these. */
  before: AccountAccess;
  after: AccountAccess;
  /** What it adds to their reach, in words ("read Health", "the cases of North team"). */
  gained: string[];
  /** What would change, in words ("Roles: Administrators → Administrators, Case managers"). */
  words: string[];
}

export interface PermissionDecision {
  state: Exclude<PermissionRequestState, 'awaiting'>;
  decidedBy: string;
  decidedAt: string;
  decisionReason: string;
  version?: number;
}

/** The text the approval task shows (a Camunda Tasklist shows it too): who asked, why, and who gains what. */
export function requestText(request: PermissionChangeRequest, requesterName: string): string {
  const lines = request.effect.map((l) => `- ${l.summary}: ${l.users.map((u) => u.displayName).join(', ')}`);
  return [
    `${requesterName} asked for this change: "${request.reason}"`,
    ...Object.values(request.needsApproval),
    lines.length ? `Effect:\n${lines.join('\n')}` : 'No active user would gain or lose anything.',
  ].join('\n\n');
}

/** The approval task's text for a change to an administrator's own account. */
export function accountRequestText(change: AccountChange, requesterName: string, own = true): string {
  return [
    `${requesterName} asked to change ${own ? 'their own account' : 'another account'}:`, ...change.words.map((w) => `- ${w}`),
    `${own ? 'They would gain access to children\'s data' : 'The account would gain'}: ${change.gained.join(', ')}.`,
  ].join('\n');
}

/** The approval task's text for a new service account that would read case data. */
export function serviceAccountRequestText(change: AccountChange, requesterName: string): string {
  return [
    `${requesterName} made a service account for another system:`, ...change.words.map((w) => `- ${w}`),
    `Its tokens would reach children's data: ${change.gained.join(', ')}. They do not work until another administrator approves.`,
  ].join('\n');
}

/**
 * Why this decider may not decide this requester's change although they are two accounts: one set the other's
 * password on the users page, so could have signed in as them (User.passwordSetBy); undefined when they may.
 */
export function sharedCredentialsProblem(decider: { id: string; passwordSetBy?: string }, requester: { id: string; passwordSetBy?: string } | undefined): string | undefined {
  if (decider.passwordSetBy === requester?.id || requester?.passwordSetBy === decider.id) {
    return 'One of you set the other’s password, so could have signed in as them: a third administrator must decide this change';
  }
  return undefined;
}

/** Why the requester may not decide their own change (the decision route and the process's task listener say it). */
export const SELF_APPROVAL_REFUSED = 'You asked for this change, so another administrator must approve or reject it';
