// A team manager changes a case's allocated worker from the case page: the new worker must be an active
// case manager of the case's team (422 beside the field otherwise, nothing changed); the case record
// names them and its open case-manager work moves to them (allocate-case.ts), audited with the reason.
// GET offers the choice to those who may make it: the current worker and the team's case managers, by name.
import type { FormOption } from '../../forms-core';
import type { CaseGuard } from '../consent/case-guard';
import { allocateCase, type AllocateCaseDeps } from './allocate-case';
import { auditActor, loadVisibleCase, requireAction, type AccessPolicy, type Actor } from './case-access';
import { assertAllocatable, teamCaseManagers, type TeamUsers } from './team-case-managers';

export interface ReallocateCaseDeps extends AllocateCaseDeps {
  policy: AccessPolicy;
  people: TeamUsers;
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
}

export interface AllocationView {
  caseId: string;
  team: string;
  current?: { id: string; name: string };
  /** The team's active case managers, by name. */
  options: FormOption[];
  /** May this person change it (team managers of the case's team). */
  mayChange: boolean;
}

/** For those who allocate (team managers): the case page already shows everyone the worker's name. */
export async function getAllocation(deps: ReallocateCaseDeps, actor: Actor, caseId: string): Promise<AllocationView> {
  requireAction(deps.policy, actor, 'allocate', 'change the allocated worker');
  const record = await loadVisibleCase(deps, actor, caseId);
  const worker = record.caseManagerId ? await deps.people.findById(record.caseManagerId) : undefined;
  const mayChange = deps.policy.can(actor, 'allocate');
  return {
    caseId: record.id, team: record.team, mayChange,
    ...(worker ? { current: { id: worker.id, name: worker.displayName } } : {}),
    options: mayChange ? await teamCaseManagers(deps.people, record.team) : [],
  };
}

export async function reallocateCase(
  deps: ReallocateCaseDeps, actor: Actor, input: { caseId: string; caseManagerId: string; reason?: string },
): Promise<AllocationView & { reassignedTasks: number }> {
  requireAction(deps.policy, actor, 'allocate', 'change the allocated worker');
  const record = await loadVisibleCase(deps, actor, input.caseId);
  await assertAllocatable(deps.people, record.team, 'caseManagerId', 'Allocated worker', input.caseManagerId);
  await deps.caseGuard?.assertMayChange(actor, record.id, 'change the allocated worker');
  const moved = await allocateCase(deps, auditActor(actor), {
    caseId: record.id, toUserId: input.caseManagerId, via: 'case-page', ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
  });
  return { ...(await getAllocation(deps, actor, record.id)), reassignedTasks: moved.length };
}
