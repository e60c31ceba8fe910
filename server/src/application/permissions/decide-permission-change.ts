// A second administrator approves or rejects an awaiting permission change, with a reason, through its
// approval task: the task is taken (the process's assigning listener refuses the requester — the engine's own
// guard, whatever route reaches the task) and completed with the decision, which is then put into effect
// (apply-permission-decision.ts). The requester is refused here first, in words.
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { SELF_APPROVAL_REFUSED, sharedCredentialsProblem, type PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { Actor } from '../cases/case-access';
import { assignInEngine } from '../tasks/claim-task';
import { waitForOpenTask } from '../tasks/wait-for-open-task';
import { applyPermissionDecision, type ApplyDecisionDeps, type DecisionInput } from './apply-permission-decision';
import { requireAdministrator } from './check-permission-proposal';

/** The approval task's element in processes/permission-change-approval.bpmn. */
export const APPROVAL_TASK_ELEMENT = 'approveChange';

export interface DecidePermissionDeps extends ApplyDecisionDeps {
  engine: Pick<WorkflowEngine, 'listUserTasks' | 'assignUserTask' | 'completeUserTask' | 'getInstance'>;
}

export async function decidePermissionChange(
  deps: DecidePermissionDeps, actor: Actor, requestId: string, input: Pick<DecisionInput, 'decision' | 'reason'>,
): Promise<PermissionChangeRequest> {
  requireAdministrator(actor);
  const request = await deps.requests.get(requestId);
  if (!request) throw new NotFoundError('There is no such change awaiting approval: reload the page', 'PERMISSION_REQUEST_NOT_FOUND');
  if (request.state !== 'awaiting') throw new ConflictError(`This change was ${request.state} already: reload the page`, 'PERMISSION_REQUEST_DECIDED');
  if (request.requestedBy === actor.id) throw new ForbiddenError(SELF_APPROVAL_REFUSED, 'SELF_APPROVAL_REFUSED');
  const shared = sharedCredentialsProblem((await deps.users.findById(actor.id)) ?? actor, await deps.users.findById(request.requestedBy));
  if (shared) throw new ForbiddenError(shared, 'SHARED_CREDENTIALS');
  // The task opens once the process's due-date job has run: a second administrator quick off the mark waits
  // for it rather than being told to try again.
  const task = request.instanceKey
    ? await waitForOpenTask(deps.engine, request.instanceKey, { waitMs: 5_000, elementId: APPROVAL_TASK_ELEMENT, whileActive: deps.engine })
    : undefined;
  if (!task) return withoutTask(deps, actor, request, input);
  if (task.assignee !== actor.id) {
    await assignInEngine(deps.engine, task.key, actor.id, { by: actor.id, action: 'claim', verb: 'Taking the approval task' }, async () => undefined);
  }
  await deps.engine.completeUserTask(task.key, { approvalDecision: input.decision, approvalReason: input.reason }, { by: actor.id });
  return applyPermissionDecision(deps, { requestId, decision: input.decision, reason: input.reason, decidedBy: actor.id });
}

/** The change asked for last, for the permissions page: people by name. */
export async function latestPermissionChange(deps: Pick<ApplyDecisionDeps, 'requests' | 'users'>, actor: Actor) {
  requireAdministrator(actor);
  const request = await deps.requests.latest();
  return request ? presentChange(deps, request) : null;
}

/** Administrators' own account changes awaiting a second administrator, for the users and permissions pages. */
export async function awaitingAccountChanges(deps: Pick<ApplyDecisionDeps, 'requests' | 'users'>, actor: Actor) {
  requireAdministrator(actor);
  return Promise.all((await deps.requests.awaitingAccountChanges()).map((r) => presentChange(deps, r)));
}

/** A change request as the pages show it: who asked and who decided, by name. */
export async function presentChange(deps: Pick<ApplyDecisionDeps, 'users'>, request: PermissionChangeRequest) {
  const name = async (id?: string) => (id ? (await deps.users.findById(id))?.displayName ?? (id === 'system' ? 'The system' : 'A user no longer on the system') : undefined);
  const { rows: _rows, ...shown } = request;
  return { ...shown, requestedByName: await name(request.requestedBy), decidedByName: await name(request.decidedBy) };
}

/**
 * No open task: the process is still on its way to it (try again), or an operator cancelled it on the monitor.
 * A cancelled approval must not hold every later change back, so it can still be rejected — never approved.
 */
async function withoutTask(deps: DecidePermissionDeps, actor: Actor, request: PermissionChangeRequest, input: Pick<DecisionInput, 'decision' | 'reason'>) {
  const instance = request.instanceKey ? await deps.engine.getInstance(request.instanceKey) : undefined;
  if (instance?.state === 'active' || instance?.state === 'incident') {
    throw new ConflictError('The approval task of this change is not open yet: try again in a moment, or ask a technical administrator to look at the process monitor', 'APPROVAL_TASK_NOT_OPEN');
  }
  if (input.decision !== 'reject') {
    throw new ConflictError('The approval process of this change was stopped, so it can only be rejected: reject it, then ask for the change again', 'APPROVAL_PROCESS_STOPPED');
  }
  return applyPermissionDecision(deps, { requestId: request.id, decision: 'reject', reason: input.reason, decidedBy: actor.id });
}
