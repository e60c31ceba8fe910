// The team directory the case-access rule answers from, like the permission table in force
// (policies/table-in-force.ts): the teams module's cache puts what it loaded here, so the rule stays
// synchronous for its many call sites. Before the module loads, the directory is empty and the rule falls
// back to the stored team list of the person alone.
import { EMPTY_DIRECTORY, teamName, teamReach, type TeamDirectory } from './team-directory';

let inForce: TeamDirectory = EMPTY_DIRECTORY;

export const directoryInForce = (): TeamDirectory => inForce;

/** Called by the teams cache only. */
export function putDirectoryInForce(directory: TeamDirectory): void {
  inForce = directory;
}

/** The teams whose cases this person reaches, by the directory in force. */
export const reachInForce = (user: { id: string; teams: readonly string[] }): string[] => teamReach(inForce, user);

/** A team in words ("North team"), for messages and pages: people read names, not keys. */
export const teamWords = (key: string): string => teamName(inForce, key);

/** Every team's name by key, former teams included (older records still carry their keys). */
export const teamNamesInForce = (): Record<string, string> => Object.fromEntries(inForce.teams.map((t) => [t.key, t.name]));
