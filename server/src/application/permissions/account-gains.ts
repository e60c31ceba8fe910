// What an account change would add to its holder's reach into children's data, in words, by the permission
// table and the team directory in force now: asked when an administrator changes their own account (the users
// page), and asked again when a second administrator approves it, so an approval never gives more than the
// approver was shown (the roles' reach widened by a later version, a team led meanwhile).
import { accountReachGained } from '../../domain/permissions/permission-rails';
import type { AccountAccess } from '../../domain/permissions/permission-request';
import { tableInForce } from '../../domain/policies/table-in-force';
import { civilDateOf } from '../../domain/calendar/london-time';
import { teamsBeyondToday } from '../../domain/teams/team-directory';
import { directoryInForce, teamWords } from '../../domain/teams/teams-in-force';

export function accountGains(userId: string, before: AccountAccess, after: AccountAccess, now: Date): string[] {
  const beyond = teamsBeyondToday(directoryInForce(), userId, civilDateOf(now, 'Europe/London'));
  return accountReachGained(tableInForce(), before, after, teamWords, beyond);
}

/** What an approval would give now and the request did not show ("read Health"); empty when it shows all. */
export const unshownGains = (userId: string, shown: readonly string[], before: AccountAccess, after: AccountAccess, now: Date): string[] =>
  accountGains(userId, before, after, now).filter((g) => !shown.includes(g));
