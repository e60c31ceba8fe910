// Who may be allocated a case: the active case managers of its team, by name. The allocation forms offer
// exactly these (the task page's supplied variable teamCaseManagers) and a completion or a re-allocation
// naming anyone else is refused beside the field, in words — nothing is stored.
import { ValidationError } from '../../domain/errors';
import {
  allocationFields, allocationProblem, caseManagerOptions, CASE_MANAGER_ROLE, readsTeamCaseManagers, TEAM_CASE_MANAGERS,
} from '../../domain/cases/allocation';
import type { FormDefinition, FormOption } from '../../forms-core';
import type { UserRepository } from '../../ports/user-repository.port';

export type TeamUsers = Pick<UserRepository, 'list' | 'findById'>;

/** A team has a handful of case managers; 500 is far beyond any team and bounds the read. */
const MAX_TEAM = 500;

export async function teamCaseManagers(users: Pick<UserRepository, 'list'>, team: string): Promise<FormOption[]> {
  const page = await users.list({ role: CASE_MANAGER_ROLE, team, active: true }, { offset: 0, limit: MAX_TEAM });
  return caseManagerOptions(page.items);
}

/**
 * The variables the server supplies to a task's form on top of the instance's (never sent to the engine):
 * the team's case managers when the form offers them. `alsoIds` adds people an answer names who are no
 * longer offered (a completed allocation to someone who has since left), so answers still read by name.
 */
export async function suppliedVariables(
  users: TeamUsers, form: Pick<FormDefinition, 'components'> | undefined, team: string | undefined, alsoIds: string[] = [],
): Promise<Record<string, unknown>> {
  if (!team || !readsTeamCaseManagers(form)) return {};
  const options = await teamCaseManagers(users, team);
  for (const id of alsoIds) {
    if (options.some((o) => o.value === id)) continue;
    const user = await users.findById(id);
    if (user) options.push({ label: user.displayName, value: user.id });
  }
  return { [TEAM_CASE_MANAGERS]: options };
}

/** Field errors for allocation answers that name no active case manager of the team. */
export async function allocationErrors(
  users: TeamUsers, form: Pick<FormDefinition, 'components'> | undefined, team: string | undefined, data: unknown,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (!team || !data || typeof data !== 'object') return errors;
  for (const field of allocationFields(form)) {
    const value = (data as Record<string, unknown>)[field.key];
    const user = typeof value === 'string' && value ? await users.findById(value).catch(() => undefined) : undefined;
    const problem = allocationProblem(field.label, value, user, team);
    if (problem) errors[field.key] = problem;
  }
  return errors;
}

/** The same check for one person named outside a form (re-allocation from the case page). */
export async function assertAllocatable(users: TeamUsers, team: string, field: string, label: string, userId: string): Promise<void> {
  const errors = await allocationErrors(users, { components: [{ type: 'select', key: field, label, properties: { allocation: 'case-manager' } }] }, team, { [field]: userId });
  if (errors[field]) throw new ValidationError(errors[field], errors, 'NOT_A_TEAM_CASE_MANAGER');
}
