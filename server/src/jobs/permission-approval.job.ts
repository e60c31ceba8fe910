// Job types of processes/permission-change-approval.bpmn:
//   permission-approval-guard   the approval task's `assigning` listener: the administrator who asked for the
//                               change may not take its approval task (denied with the reason), whichever
//                               route — the permissions page, the task queue, a manager's reassignment — asks
//   permission-change-decide    puts the decision into effect (apply-permission-decision.ts) →
//                               permissionChangeInForce; the decider is the task's completer as the engine
//                               recorded it, not a value anyone could type
import { applyPermissionDecision, type ApplyDecisionDeps } from '../application/permissions/apply-permission-decision';
import { APPROVAL_TASK_ELEMENT } from '../application/permissions/decide-permission-change';
import { SELF_APPROVAL_REFUSED } from '../domain/permissions/permission-request';
import type { JobHandler, WorkflowEngine } from '../ports/workflow-engine.port';

export const PERMISSION_APPROVAL_GUARD_JOB_TYPE = 'permission-approval-guard';
export const PERMISSION_CHANGE_DECIDE_JOB_TYPE = 'permission-change-decide';

export const permissionApprovalGuardJob: JobHandler = async (job) => {
  const assignee = (job.variables.userTask as { assignee?: unknown } | undefined)?.assignee;
  if (typeof assignee === 'string' && assignee === job.variables.requestedBy) {
    return { kind: 'complete', result: { denied: true, deniedReason: SELF_APPROVAL_REFUSED } };
  }
  return { kind: 'complete' };
};

export function createPermissionDecideJob(deps: ApplyDecisionDeps & { engine: Pick<WorkflowEngine, 'listUserTasks'> }): JobHandler {
  return async (job) => {
    const tasks = await deps.engine.listUserTasks({ instanceKey: job.instanceKey, state: 'completed' });
    const decidedBy = tasks.filter((t) => t.elementId === APPROVAL_TASK_ELEMENT).map((t) => t.completedBy).pop();
    if (!decidedBy) return { kind: 'fail', message: 'No completed approval task records who decided', retries: 0 };
    const { approvalDecision, approvalReason, permissionRequestId } = job.variables;
    const request = await applyPermissionDecision(deps, {
      requestId: String(permissionRequestId), decision: approvalDecision === 'approve' ? 'approve' : 'reject',
      reason: typeof approvalReason === 'string' ? approvalReason : '', decidedBy,
    });
    return { kind: 'complete', variables: { permissionChangeInForce: request.state === 'approved' } };
  };
}
