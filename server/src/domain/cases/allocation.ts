// Allocation: a case has one allocated worker (its case manager, `caseManagerId` on the record), chosen by
// a team manager from the case managers of the case's team — never typed ("cara" was once accepted for a
// user who did not exist). The allocation forms say which field allocates with `properties.allocation`
// ("case-manager") and offer its choices through `valuesKey` from a variable the server supplies to the
// task page (TEAM_CASE_MANAGERS), as form-js fills a select from a process variable. Once a case has an
// allocated worker, every case-manager task of its processes goes to that worker.
import type { FormComponent, FormDefinition, FormOption } from '../../forms-core';
import { isInput, labelOf } from '../../forms-core/form-tree';
import { teamWords } from '../teams/teams-in-force';

/** The role whose tasks follow the allocation (the candidate group of case-manager work). */
export const CASE_MANAGER_ROLE = 'case-managers';

/** The variable a form's allocation select reads its options from (`valuesKey`); supplied by the server. */
export const TEAM_CASE_MANAGERS = 'teamCaseManagers';

export interface AllocationField {
  key: string;
  label: string;
}

/** Top-level input fields that allocate the case (`properties.allocation = "case-manager"`). */
export function allocationFields(form: Pick<FormDefinition, 'components'> | undefined): AllocationField[] {
  return (form?.components ?? []).filter((c): c is FormComponent & { key: string } => !!c && isInput(c) && c.properties?.allocation === 'case-manager')
    .map((c) => ({ key: c.key, label: labelOf(c) }));
}

/** Does the form read the team's case managers (so the server must supply them)? */
export function readsTeamCaseManagers(form: Pick<FormDefinition, 'components'> | undefined): boolean {
  const visit = (list: FormComponent[] | undefined): boolean =>
    (list ?? []).some((c) => !!c && (c.valuesKey === TEAM_CASE_MANAGERS || visit(c.components)));
  return visit(form?.components);
}

export interface Allocatable {
  id: string;
  displayName: string;
  active: boolean;
  roles: readonly string[];
  teams: readonly string[];
}

/** An active case manager who is a member of the team. */
export const mayBeAllocated = (user: Allocatable | undefined, team: string): user is Allocatable =>
  !!user && user.active && user.roles.includes(CASE_MANAGER_ROLE) && user.teams.includes(team);

/** Work that follows the allocation: an open task offered to case managers. */
export const isCaseManagerWork = (task: { candidateGroups: readonly string[] }): boolean => task.candidateGroups.includes(CASE_MANAGER_ROLE);

/** The select's options: people by name, sorted as a person scans a list. */
export const caseManagerOptions = (users: readonly Allocatable[]): FormOption[] =>
  users.map((u) => ({ label: u.displayName, value: u.id })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

/** Why a chosen value cannot be the allocated worker, in words (undefined when it can). */
export function allocationProblem(label: string, value: unknown, user: Allocatable | undefined, team: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined; // "required" is the form's own rule
  if (typeof value !== 'string') return `${label}: choose a case manager from the list`;
  if (!user) return `${label}: there is no user "${value.slice(0, 60)}". Choose a case manager of ${teamWords(team)} from the list`;
  if (!user.active) return `${label}: ${user.displayName} no longer has an active account. Choose another case manager of ${teamWords(team)}`;
  if (!user.roles.includes(CASE_MANAGER_ROLE)) return `${label}: ${user.displayName} is not a case manager. Choose a case manager of ${teamWords(team)}`;
  if (!user.teams.includes(team)) return `${label}: ${user.displayName} is not in ${teamWords(team)}, which holds this case. Choose one of its case managers`;
  return undefined;
}
