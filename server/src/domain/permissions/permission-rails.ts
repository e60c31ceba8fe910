// The safety rails every proposed version passes before it is previewed or saved. Each problem is a field
// error keyed by where it is in the request ("rows.health-workers.write"), worded for the admin who made it.
import { ACTIONS, CASE_SECTIONS } from '../policies/permission-table';
import { EMPTY_CONFIG, type PermissionConfig, type PermissionRows } from '../policies/table-in-force';
import { ROLE_NAME } from './permission-version';
import { ACTION_WORDS, sectionWord } from './permission-words';

export type RailProblems = Record<string, string>;

/** Actions that open a child's record to whoever holds them, besides reading or writing its sections. */
const CHILD_DATA_ACTIONS: readonly string[] = ['view-cases', 'break-glass', 'export-sar'];

const unknown = (given: readonly string[], known: readonly string[]) => given.filter((g) => !known.includes(g));

/** Problems of the sections and role names a version configures (keys as the rails name them: "sections.0.key"). */
function configProblems(rows: PermissionRows, config: PermissionConfig): RailProblems {
  const problems: RailProblems = {};
  const seen = new Set<string>(CASE_SECTIONS);
  config.sections.forEach((s, i) => {
    if (!ROLE_NAME.test(s.key) || s.key.length > 40) problems[`sections.${i}.key`] = `"${s.key.slice(0, 40)}" is not a section key: use lower-case words joined by hyphens, such as speech-language`;
    else if (seen.has(s.key)) problems[`sections.${i}.key`] = `There is already a section called ${s.key}: choose another key`;
    seen.add(s.key);
    if (!s.label.trim()) problems[`sections.${i}.label`] = 'Give the tab a name people will read, such as Speech and language';
    if (!s.description.trim()) problems[`sections.${i}.description`] = 'Say what belongs in this section, so admins know who should read it';
  });
  for (const [role, label] of Object.entries(config.roleLabels)) {
    if (!Object.hasOwn(rows, role)) problems[`roleLabels.${role}`] = `There is no role ${role} to name: add its row or remove the name`;
    else if (!label.trim()) problems[`roleLabels.${role}`] = `Give ${role} a name people will read, such as Speech and language workers`;
  }
  return problems;
}

/** Problems of the table on its own: names, unknown actions and sections, write without read, no administrator. */
export function tableProblems(rows: PermissionRows, config: PermissionConfig = EMPTY_CONFIG): RailProblems {
  const problems: RailProblems = configProblems(rows, config);
  const sections: string[] = [...CASE_SECTIONS, ...config.sections.map((s) => s.key)];
  const words = (keys: readonly string[]) => keys.map((k) => sectionWord(k, config)).join(', ');
  const roles = Object.keys(rows);
  if (roles.length === 0) problems.rows = 'Give at least one role';
  for (const role of roles) {
    const row = rows[role]!;
    const at = `rows.${role}`;
    if (!ROLE_NAME.test(role) || role.length > 60) {
      problems[at] = `"${role.slice(0, 60)}" is not a role name: use lower-case words joined by hyphens, such as speech-language-workers`;
      continue;
    }
    const badActions = unknown(row.actions, ACTIONS);
    if (badActions.length) problems[`${at}.actions`] = `Unknown action${badActions.length > 1 ? 's' : ''}: ${badActions.join(', ')}`;
    for (const kind of ['read', 'write'] as const) {
      const bad = unknown(row[kind], sections);
      if (bad.length) problems[`${at}.${kind}`] = `Unknown case section${bad.length > 1 ? 's' : ''}: ${bad.join(', ')}`;
    }
    const unreadable = row.write.filter((s) => sections.includes(s) && !row.read.includes(s));
    if (unreadable.length && !problems[`${at}.write`]) {
      problems[`${at}.write`] = `${role} cannot write ${words(unreadable)} without being able to read it: add read access or remove write access`;
    }
  }
  if (roles.length && !roles.some((r) => rows[r]!.actions.includes('administer-users'))) {
    problems.rows = 'No role could administer users: at least one role must keep "administer users", or nobody could put a mistake right';
  }
  return problems;
}

function describeReach(key: string, config?: PermissionConfig): string {
  const [kind, name] = key.split(':') as [string, string];
  return kind === 'action' ? (ACTION_WORDS[name] ?? name) : `${kind} ${sectionWord(name, config)}`;
}

/** What the roles together may reach of children's data: sections read or written, and the actions that open a record. */
function childDataReach(rows: PermissionRows, roles: readonly string[]): Set<string> {
  const reach = new Set<string>();
  for (const role of roles) {
    const row = Object.hasOwn(rows, role) ? rows[role]! : undefined;
    if (!row) continue;
    for (const s of row.read) reach.add(`read:${s}`);
    for (const s of row.write) reach.add(`write:${s}`);
    for (const a of row.actions) if (CHILD_DATA_ACTIONS.includes(a)) reach.add(`action:${a}`);
  }
  return reach;
}

/** Do these roles reach children's data at all (a section, or an action that opens a record)? */
export const reachesChildData = (rows: PermissionRows, roles: readonly string[]): boolean => childDataReach(rows, roles).size > 0;

/**
 * An admin may not widen their own roles' reach into children's data alone: such a version waits for a
 * second admin's approval (application/permissions/request-permission-approval.ts) instead of taking effect.
 */
export function selfGrantProblems(current: PermissionRows, proposed: PermissionRows, actorRoles: readonly string[], config?: PermissionConfig): RailProblems {
  const before = childDataReach(current, actorRoles);
  const gained = [...childDataReach(proposed, actorRoles)].filter((g) => !before.has(g));
  const problems: RailProblems = {};
  for (const role of actorRoles) {
    const mine = [...childDataReach(proposed, [role])].filter((g) => gained.includes(g));
    if (!mine.length) continue;
    // A section the version adds is named as the version names it.
    const said = mine.map((g) => describeReach(g, config));
    problems[`rows.${role}`] = `This gives your own role ${role} access to children's data (${said.join(', ')}): another administrator must approve it before it is in force`;
  }
  return problems;
}

/**
 * What giving someone `after` instead of `before` roles would add to their reach into children's data, in
 * words ("read Health"): the users page refuses an administrator giving it to themselves, for the same reason.
 */
export function reachGained(rows: PermissionRows, before: readonly string[], after: readonly string[]): string[] {
  const had = childDataReach(rows, before);
  return [...childDataReach(rows, after)].filter((g) => !had.has(g)).map((g) => describeReach(g));
}

/**
 * reachGained for roles and teams together: joining a team opens its children's cases to roles that reach
 * children's data at all, so a new team counts then ("the cases of North team").
 */
export function accountReachGained(
  rows: PermissionRows, before: { roles: readonly string[]; teams: readonly string[] }, after: { roles: readonly string[]; teams: readonly string[] }, teamWord: (key: string) => string,
  /** Teams the account reaches besides its memberships of today: teams it manages or heads, memberships from a later day. */
  otherTeams: readonly string[] = [],
): string[] {
  // Roles that reached nothing before open every team the account reaches: those count as gained too, so the
  // approver sees whose cases they open (a team joined or led while it opened nothing).
  const opened = !reachesChildData(rows, before.roles) && reachesChildData(rows, after.roles);
  const teams = !reachesChildData(rows, after.roles) ? []
    : opened ? [...new Set([...after.teams, ...otherTeams])] : after.teams.filter((t) => !before.teams.includes(t));
  return [...reachGained(rows, before.roles, after.roles), ...teams.map((t) => `the cases of ${teamWord(t)}`)];
}
