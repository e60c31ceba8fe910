// Teams as data (issue 23): a team has a key (what cases, tasks and users carry), a name people read,
// managers, and a head of service who answers for several teams. Membership is effective dated and its
// history kept: a person joins a team from a day and leaves it on a later day (`to`, the first day they are
// no longer in it), so "who was in North in March" has an answer after a restructure.
import type { CivilDate } from '../calendar/civil-date';
import type { FieldErrors } from '../errors';

export interface Team {
  key: string;
  name: string;
  managerIds: string[];
  headOfServiceId?: string;
  /** False once the team was merged into another; its key stays known so history still reads in words. */
  active: boolean;
  mergedInto?: string;
  createdAt: string;
}

export interface Membership {
  id: string;
  userId: string;
  team: string;
  from: CivilDate;
  /** The first day the person is no longer in the team; absent while they are. */
  to?: CivilDate;
  /** Why (a restructure's move names its id). */
  reason: string;
}

export const TEAM_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** "North team" for the key north: a team's first name, and its words wherever the directory does not know it. */
export const nameFromKey = (key: string): string => `${key.charAt(0).toUpperCase()}${key.slice(1).replace(/[-_]+/g, ' ')} team`;

export const inEffect = (m: Pick<Membership, 'from' | 'to'>, day: CivilDate): boolean => m.from <= day && (!m.to || day < m.to);

export function checkTeamKey(v: unknown, errors: FieldErrors): string | undefined {
  if (typeof v !== 'string' || !TEAM_KEY.test(v.trim())) {
    errors.key = 'Enter a short key: lower-case letters, digits and dashes, up to 40 (for example north or yjs-east)';
    return undefined;
  }
  return v.trim();
}

export function checkTeamName(v: unknown, errors: FieldErrors): string | undefined {
  if (typeof v !== 'string' || !v.trim() || v.trim().length > 80) {
    errors.name = 'Enter the team’s name as people say it (up to 80 characters), for example North team';
    return undefined;
  }
  return v.trim();
}

export function checkPeople(field: string, v: unknown, known: (id: string) => boolean, errors: FieldErrors): string[] | undefined {
  if (!Array.isArray(v) || v.length > 20 || !v.every((id) => typeof id === 'string' && known(id))) {
    errors[field] = 'Choose people from the list';
    return undefined;
  }
  return [...new Set(v as string[])];
}

export const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDay(field: string, v: unknown, errors: FieldErrors): CivilDate | undefined {
  if (typeof v !== 'string' || !CIVIL_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    errors[field] = 'Enter a real date, for example 2027-04-01';
    return undefined;
  }
  return v;
}
