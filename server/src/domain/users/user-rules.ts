// Validation of user details as data (field → message), shared by create and update so an
// administrator sees every problem at once and nothing is stored until all are fixed.
import type { FieldErrors } from '../errors';
import { isRoleInForce } from '../policies/table-in-force';
import { directoryInForce, teamWords } from '../teams/teams-in-force';
import { isRole, type Role } from './user';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const TEAM = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const normaliseUsername = (v: string): string => v.trim().toLowerCase();

export function checkUsername(v: unknown, errors: FieldErrors): string | undefined {
  if (typeof v !== 'string' || !USERNAME.test(normaliseUsername(v))) {
    errors.username = '3–40 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit';
    return undefined;
  }
  return normaliseUsername(v);
}

export function checkDisplayName(v: unknown, errors: FieldErrors): string | undefined {
  if (typeof v !== 'string' || !v.trim() || v.trim().length > 100) {
    errors.displayName = 'Enter the person’s name (up to 100 characters)';
    return undefined;
  }
  return v.trim();
}

export function checkEmail(v: unknown, errors: FieldErrors): string | undefined {
  if (typeof v !== 'string' || !EMAIL.test(v.trim())) {
    errors.email = 'Enter an email address such as name@council.gov.uk';
    return undefined;
  }
  return v.trim().toLowerCase();
}

export function checkRoles(v: unknown, errors: FieldErrors): Role[] | undefined {
  // The shipped roles, or one an administrator added to the permission table in force (docs/permissions.md).
  const known = (r: unknown) => typeof r === 'string' && (isRole(r) || isRoleInForce(r));
  if (!Array.isArray(v) || v.length === 0 || !v.every(known)) {
    const bad = Array.isArray(v) ? v.filter((r) => !known(r)).map(String) : [];
    errors.roles = bad.length ? `Unknown role(s): ${bad.join(', ')}` : 'Choose at least one role';
    return undefined;
  }
  return [...new Set(v as Role[])];
}

/**
 * Teams are data (domain/teams): once any is stored, only an active team of the directory is accepted —
 * except a team the account already has (`held`), so an account from before a change still saves.
 */
export function checkTeams(v: unknown, errors: FieldErrors, held: readonly string[] = []): string[] | undefined {
  if (!Array.isArray(v) || v.length > 20 || !v.every((t) => typeof t === 'string' && TEAM.test(t))) {
    errors.teams = 'Choose teams from the teams directory (up to 20)';
    return undefined;
  }
  const { teams } = directoryInForce();
  const active = teams.filter((t) => t.active);
  const unknown = active.length ? (v as string[]).filter((k) => !held.includes(k) && !active.some((t) => t.key === k)) : [];
  if (unknown.length) {
    const why = (k: string) => {
      const former = teams.find((t) => t.key === k && t.mergedInto);
      return former ? `${former.name} was merged into ${teamWords(former.mergedInto!)}` : `there is no team “${k}”`;
    };
    const problems = unknown.map(why).join('; ');
    errors.teams = `${problems.charAt(0).toUpperCase()}${problems.slice(1)}. Choose from ${active.map((t) => t.name).join(', ')}, or add the team on the Teams page first`;
    return undefined;
  }
  return [...new Set(v as string[])];
}
