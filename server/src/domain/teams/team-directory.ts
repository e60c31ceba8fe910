// The teams and memberships the case-access rule reads: who is in which team on a day, and which teams a
// person may reach — their own, the teams they manage, and every team they are head of service over.
import type { CivilDate } from '../calendar/civil-date';
import { inEffect, nameFromKey, type Membership, type Team } from './team';

export interface TeamDirectory {
  teams: readonly Team[];
  memberships: readonly Membership[];
  /** The teams of each merge or split still running: whoever reaches one of them reaches all until it ends. */
  moving?: readonly (readonly string[])[];
}

export const EMPTY_DIRECTORY: TeamDirectory = { teams: [], memberships: [] };

/** The teams a person is a member of on the day. */
export function teamsOn(directory: TeamDirectory, userId: string, day: CivilDate): string[] {
  return [...new Set(directory.memberships.filter((m) => m.userId === userId && inEffect(m, day)).map((m) => m.team))].sort();
}

/** Teams a person manages, and those they are head of service over. */
export function teamsLedBy(directory: TeamDirectory, userId: string): { managed: string[]; headOf: string[] } {
  const active = directory.teams.filter((t) => t.active);
  return {
    managed: active.filter((t) => t.managerIds.includes(userId)).map((t) => t.key),
    headOf: active.filter((t) => t.headOfServiceId === userId).map((t) => t.key),
  };
}

/**
 * The teams a person reaches besides their memberships of the day: those they lead, and those they join on a
 * later day (a dated change made now that opens a team's cases then).
 */
export function teamsBeyondToday(directory: TeamDirectory, userId: string, day: CivilDate): string[] {
  const { managed, headOf } = teamsLedBy(directory, userId);
  const later = directory.memberships.filter((m) => m.userId === userId && m.from > day).map((m) => m.team);
  return [...new Set([...managed, ...headOf, ...later])].sort();
}

/**
 * Whose cases a person reaches by team (case-access.ts's "team" reach): the teams of their membership
 * (the stored list on the account, kept equal to the memberships in effect), the teams they manage and the
 * teams they are head of service over. A merged-away team is reached through the team it became (its
 * history: reporting facts keep the team of their day).
 */
export function teamReach(directory: TeamDirectory, user: { id: string; teams: readonly string[] }): string[] {
  const { managed, headOf } = teamsLedBy(directory, user.id);
  const own = new Set([...user.teams, ...managed, ...headOf]);
  for (const t of directory.teams) if (t.mergedInto && own.has(t.mergedInto)) own.add(t.key);
  // A move is all or nothing in effect: while its cases go over one by one, nobody on either side loses one.
  for (const teams of directory.moving ?? []) if (teams.some((t) => own.has(t))) teams.forEach((t) => own.add(t));
  return [...own].sort();
}

/** Words for a team key (people read names, not keys); a key the directory does not know is made readable. */
export const teamName = (directory: TeamDirectory, key: string): string => directory.teams.find((t) => t.key === key)?.name ?? nameFromKey(key);
