// Zeebe's REST records → the port's plain views. Zeebe 8.8 names states in capitals and has more of them
// than the port: a task between transitions (ASSIGNING, UPDATING, COMPLETING) is still open.
import type { IncidentView, InstanceSummary, UserTaskView } from '../../ports/workflow-engine.port';

/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
export function taskState(state: string | undefined): UserTaskView['state'] {
  if (state === 'COMPLETED') return 'completed';
  if (state === 'CANCELED' || state === 'CANCELING' || state === 'FAILED') return 'cancelled';
  return 'open';
}

export function toTaskView(t: any, extra: { formId?: string; headers?: Record<string, string> } = {}): UserTaskView {
  return {
    key: String(t.userTaskKey),
    instanceKey: String(t.processInstanceKey ?? ''),
    processId: String(t.processDefinitionId ?? ''),
    processVersion: Number(t.processDefinitionVersion ?? 0),
    elementId: String(t.elementId ?? ''),
    name: t.name || t.elementId || '',
    candidateGroups: t.candidateGroups ?? [],
    candidateUsers: t.candidateUsers ?? [],
    ...(t.assignee ? { assignee: t.assignee } : {}),
    ...(t.dueDate ? { dueDate: t.dueDate } : {}),
    ...(t.followUpDate ? { followUpDate: t.followUpDate } : {}),
    ...(extra.formId ? { formId: extra.formId } : {}),
    priority: typeof t.priority === 'number' ? t.priority : 50,
    headers: extra.headers ?? t.customHeaders ?? {},
    createdAt: t.creationDate ?? new Date(0).toISOString(),
    state: taskState(t.state),
    ...(t.completionDate && t.state === 'COMPLETED' ? { completedAt: t.completionDate } : {}),
  };
}

export const TASK_STATE_FILTER: Record<UserTaskView['state'], string> = { open: 'CREATED', completed: 'COMPLETED', cancelled: 'CANCELED' };

export function instanceState(p: any): InstanceSummary['state'] {
  if (p.state === 'COMPLETED') return 'completed';
  if (p.state === 'TERMINATED') return 'cancelled';
  return p.hasIncident ? 'incident' : 'active';
}

export const INSTANCE_STATE_FILTER: Record<InstanceSummary['state'], Record<string, unknown>> = {
  active: { state: 'ACTIVE', hasIncident: false },
  incident: { state: 'ACTIVE', hasIncident: true },
  completed: { state: 'COMPLETED' },
  cancelled: { state: 'TERMINATED' },
};

const INCIDENT_TYPES: Record<string, IncidentView['type']> = {
  JOB_NO_RETRIES: 'job-failed', TASK_LISTENER_NO_RETRIES: 'job-failed', EXECUTION_LISTENER_NO_RETRIES: 'job-failed',
  IO_MAPPING_ERROR: 'io-mapping-error', UNHANDLED_ERROR_EVENT: 'unhandled-error',
};

export function toIncidentView(i: any): IncidentView {
  return {
    id: String(i.incidentKey),
    instanceKey: String(i.processInstanceKey ?? ''),
    elementId: String(i.elementId ?? ''),
    type: INCIDENT_TYPES[i.errorType] ?? 'expression-error',
    message: i.errorMessage ?? '',
    createdAt: i.creationTime ?? new Date(0).toISOString(),
    state: i.state === 'RESOLVED' ? 'resolved' : 'open',
  };
}

/** A variable's value as the search API returns it: a JSON text (possibly truncated, then left as text). */
export function variableValue(v: any): unknown {
  try { return JSON.parse(v.value); } catch { return v.value; }
}
