// The one contract every workflow engine adapter (the embedded Zeebe-dialect interpreter, Zeebe) implements.
// No engine library types cross this boundary: everything here is plain data.
import { ValidationError } from '../domain/errors';

export type Variables = Record<string, unknown>;

export interface DeployResource {
  name: string; // file name, e.g. referral.bpmn or referral-triage.form
  content: string;
}

export interface DeployedProcess {
  processId: string;
  version: number;
  key: string;
  resourceName: string;
  checksum: string;
  deployedAt: string;
  /** False when identical content was already deployed (same content → same version). */
  isNew: boolean;
}

export interface DeployProblem {
  resource: string;
  elementId?: string;
  line?: number;
  message: string;
}

/** Deploy refused: every problem names the resource, element id and line where known. Nothing was stored. */
export class DeploymentRejectedError extends ValidationError {
  constructor(readonly problems: DeployProblem[]) {
    super(
      `Deployment rejected: ${problems.map((p) => `${p.resource}${p.line ? `:${p.line}` : ''} ${p.message}`).join('; ')}`,
      Object.fromEntries(problems.map((p, i) => [`${p.resource}#${i}`, p.message])),
      'DEPLOYMENT_REJECTED',
    );
  }
}

export interface UserTaskView {
  key: string;
  instanceKey: string;
  processId: string;
  processVersion: number;
  elementId: string;
  name: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee?: string;
  dueDate?: string;
  followUpDate?: string;
  formId?: string;
  priority: number;
  headers: Record<string, string>;
  createdAt: string;
  state: 'open' | 'completed' | 'cancelled';
  completedAt?: string;
  completedBy?: string;
}

export interface IncidentView {
  id: string;
  instanceKey: string;
  elementId: string;
  type: 'job-failed' | 'expression-error' | 'io-mapping-error' | 'unhandled-error';
  message: string;
  createdAt: string;
  state: 'open' | 'resolved';
}

export interface TimelineEntry {
  at: string;
  elementId: string;
  elementType: string;
  event: 'activated' | 'completed' | 'terminated' | 'taken';
}

export interface InstanceView {
  key: string;
  processId: string;
  version: number;
  businessKey?: string;
  /** Set for instances started by a call activity. */
  parentKey?: string;
  state: 'active' | 'completed' | 'cancelled' | 'incident';
  activeElementIds: string[];
  variables: Variables;
  timeline: TimelineEntry[];
  startedAt: string;
  endedAt?: string;
}

export type JobOutcome =
  | { kind: 'complete'; variables?: Variables }
  /** retries = retries left after this failure (default: job.retries - 1); 0 raises an incident. */
  | { kind: 'fail'; message: string; retries?: number; backoffMs?: number }
  | { kind: 'bpmnError'; code: string; message?: string; variables?: Variables };

export interface Job {
  key: string;
  type: string;
  processId: string;
  instanceKey: string;
  elementId: string;
  variables: Variables;
  headers: Record<string, string>;
  retries: number;
}

export type JobHandler = (job: Job) => Promise<JobOutcome>;

export type EngineEvent =
  | { type: 'user-task.created' | 'user-task.completed' | 'user-task.cancelled'; task: UserTaskView }
  | { type: 'instance.completed' | 'instance.cancelled'; instanceKey: string; processId: string }
  | { type: 'incident.raised' | 'incident.resolved'; incident: IncidentView };

export interface WorkflowEngine {
  deploy(resources: DeployResource[], opts?: { by?: string; comment?: string }): Promise<DeployedProcess[]>;
  startInstance(
    processId: string,
    variables: Variables,
    opts?: { businessKey?: string; version?: number },
  ): Promise<{ instanceKey: string; processId: string; version: number }>;
  completeUserTask(taskKey: string, variables: Variables, opts: { by: string }): Promise<void>;
  publishMessage(
    name: string,
    correlationKey: string,
    variables?: Variables,
    opts?: { ttlMs?: number; messageId?: string },
  ): Promise<{ correlated: boolean; duplicate?: boolean; buffered?: boolean }>;
  cancelInstance(instanceKey: string, opts?: { by?: string; reason?: string }): Promise<void>;
  setVariables(instanceKey: string, variables: Variables): Promise<void>;
  resolveIncident(incidentId: string): Promise<void>;

  getInstance(instanceKey: string): Promise<InstanceView | undefined>;
  getUserTask(taskKey: string): Promise<UserTaskView | undefined>;
  listUserTasks(filter?: { instanceKey?: string; state?: UserTaskView['state'] }): Promise<UserTaskView[]>;
  listIncidents(filter?: { instanceKey?: string; state?: IncidentView['state'] }): Promise<IncidentView[]>;

  registerJobHandler(type: string, handler: JobHandler): void;
  onEvent(listener: (event: EngineEvent) => void | Promise<void>): void;

  start(): Promise<void>;
  stop(): Promise<void>;
}
