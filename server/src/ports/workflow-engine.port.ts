// The one contract every workflow engine adapter (the embedded Zeebe-dialect interpreter, Zeebe) implements.
// No engine library types cross this boundary: everything here is plain data.
import { ConflictError, ValidationError } from '../domain/errors';

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

export interface DeployOptions {
  by?: string;
  comment?: string;
  onlyChanged?: boolean;
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

/** One version of a deployed DMN file (a decision requirements graph) and the decisions it holds. */
export interface DecisionDeploymentView {
  decisionRequirementsId: string;
  version: number;
  decisionIds: string[];
  resourceName: string;
  /** SHA-256 (hex) of the deployed file's content. */
  checksum: string;
  deployedAt: string;
  by?: string;
  comment?: string;
}

/** One stored version of a process (what the modeller's versions list shows). */
export interface ProcessDeploymentView {
  processId: string;
  version: number;
  name?: string;
  resourceName: string;
  /** SHA-256 (hex) of the deployed resource's content. */
  checksum: string;
  deployedAt: string;
  by?: string;
  comment?: string;
  /** Instances of this version still running (they stay on it when a new version is deployed). */
  activeInstances: number;
}

/** A task listener denied an assign/update: nothing changed. `reason` is the listener's deniedReason. */
export class TaskChangeDeniedError extends ConflictError {
  constructor(readonly reason: string, what: string) {
    super(`${what} the task was refused by the process${reason ? `: ${reason}` : ''}`, 'TASK_CHANGE_DENIED');
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
  /** Jobs the instance waits on (a service task's, a task listener's): a missing worker shows here. */
  waitingJobs?: WaitingJob[];
}

export interface WaitingJob {
  elementId: string;
  /** The job type a worker must handle (absent when the engine cannot tell). */
  jobType?: string;
  /** For a task listener's job: its event type ('creating', 'completing'…). */
  listener?: string;
  /** For an execution listener's job: whether it runs before ('start') or after ('end') the element. */
  executionListener?: 'start' | 'end';
}

/** One instance in a monitor list (no variables: they are read one instance at a time, with permissions). */
export interface InstanceSummary {
  key: string;
  processId: string;
  version: number;
  businessKey?: string;
  /** The instance's `caseId` variable (the case it works on), when it has one. */
  caseId?: string;
  /** Set for instances started by a call activity. */
  parentKey?: string;
  state: InstanceView['state'];
  activeElementIds: string[];
  startedAt: string;
  endedAt?: string;
}

/** Running instances of one version waiting at an element, and how many of those are stuck on an incident. */
export interface ElementCount { elementId: string; active: number; incidents: number }

/** Per-element counts of one version, and its running instances in all (one read of the version's instances). */
export interface ElementCounts { elements: ElementCount[]; running: number; incidents: number }

/** What an instance has done so far, for highlighting on its diagram. */
export interface InstancePath { completedElementIds: string[]; takenFlowIds: string[]; activeElementIds: string[] }

export interface MigrationRequest {
  toVersion: number;
  /** Source element id → target element id; ids present in both versions map implicitly. */
  mapping?: Record<string, string>;
  dryRun?: boolean;
}

export interface MigrationResult {
  instanceKey: string;
  processId?: string;
  fromVersion?: number;
  toVersion: number;
  dryRun: boolean;
  migrated: boolean;
  /** Why it cannot move, per element where one is concerned; empty when it can (or did). */
  problems: { elementId?: string; message: string }[];
  /** The element mapping applied to this instance's live elements and what they wait on. */
  applied: Record<string, string>;
}

/** Task attributes an update may change (Camunda 8.8): null clears a date. */
export interface UserTaskChanges {
  candidateGroups?: string[];
  candidateUsers?: string[];
  dueDate?: string | null;
  followUpDate?: string | null;
  priority?: number;
}

/** What a task listener job may correct before the transition takes effect (Camunda 8.8 corrections). */
export type UserTaskCorrections = UserTaskChanges & { assignee?: string | null };

/** The result of an assign/update: applied, or still waiting on listener jobs (running elsewhere, or an incident). */
export interface UserTaskChangeResult {
  status: 'applied' | 'pending';
  task?: UserTaskView;
}

export type JobOutcome =
  /** `result` is for task listener jobs: deny the transition (assigning, updating, completing) or correct the task. */
  | { kind: 'complete'; variables?: Variables; result?: { denied?: boolean; deniedReason?: string; corrections?: UserTaskCorrections } }
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
  | { type: 'user-task.assigned' | 'user-task.updated'; task: UserTaskView; changedAttributes: string[]; by?: string }
  | { type: 'instance.completed' | 'instance.cancelled'; instanceKey: string; processId: string }
  /** An open task's instance moved to another version: same key, new element / version / name. */
  | { type: 'user-task.migrated'; task: UserTaskView; fromVersion: number }
  | { type: 'incident.raised' | 'incident.resolved'; incident: IncidentView };

export interface WorkflowEngine {
  /**
   * What this engine cannot show on the monitor and the versions list, in words a manager reads there (Zeebe:
   * docs/zeebe.md); absent when it shows everything. Said on the page rather than left as empty fields.
   */
  readonly notShown?: readonly string[];
  /**
   * Checks, then deploys the resources as one unit (nothing is stored when a check fails). `onlyChanged` (the
   * shipped files at start): a resource whose content, as this engine stores or sends it, is already deployed
   * as some version is left out, so a restart deploys nothing and never brings a shipped file back over a
   * version a manager deployed since; only what was deployed is returned.
   */
  deploy(resources: DeployResource[], opts?: DeployOptions): Promise<DeployedProcess[]>;
  startInstance(
    processId: string,
    variables: Variables,
    opts?: { businessKey?: string; version?: number },
  ): Promise<{ instanceKey: string; processId: string; version: number }>;
  completeUserTask(taskKey: string, variables: Variables, opts: { by: string }): Promise<void>;
  /**
   * Assigns (or, with null, unassigns) an open user task. `assigning` task listeners run first, in order; one
   * may correct the change or deny it (ConflictError TASK_CHANGE_DENIED: nothing changed). Then
   * `user-task.assigned` is emitted. ConflictError TASK_BUSY while another transition of the task is running.
   */
  assignUserTask(taskKey: string, assignee: string | null, opts: { by: string; action?: string }): Promise<UserTaskChangeResult>;
  /** Changes candidates, dates or priority; `updating` listeners as for assign; emits `user-task.updated`. */
  updateUserTask(taskKey: string, changes: UserTaskChanges, opts: { by: string; action?: string }): Promise<UserTaskChangeResult>;
  publishMessage(
    name: string,
    correlationKey: string,
    variables?: Variables,
    opts?: { ttlMs?: number; messageId?: string },
  ): Promise<{ correlated: boolean; duplicate?: boolean; buffered?: boolean }>;
  /**
   * Whom a message published now would reach: the instances with an open subscription for this name and
   * correlation key, and the processes its message start events would start (Camunda 8.8: message
   * subscription search; the deployed start events). Nothing is published.
   */
  messageRecipients(name: string, correlationKey: string): Promise<{ instanceKeys: string[]; startsProcessIds: string[] }>;
  cancelInstance(instanceKey: string, opts?: { by?: string; reason?: string }): Promise<void>;
  setVariables(instanceKey: string, variables: Variables): Promise<void>;
  resolveIncident(incidentId: string): Promise<void>;

  getInstance(instanceKey: string): Promise<InstanceView | undefined>;
  getUserTask(taskKey: string): Promise<UserTaskView | undefined>;
  listUserTasks(filter?: { instanceKey?: string; state?: UserTaskView['state'] }): Promise<UserTaskView[]>;
  listIncidents(filter?: { instanceKey?: string; state?: IncidentView['state'] }): Promise<IncidentView[]>;

  /** Every stored version (of one process, or of all), newest version first per process. */
  listDeployments(processId?: string): Promise<ProcessDeploymentView[]>;
  /** The BPMN XML a version was deployed from, or undefined when there is no such version. */
  getDeploymentResource(processId: string, version: number): Promise<string | undefined>;
  /** The deploy checks without storing anything: the problems deploy would refuse with (empty when it would pass). */
  checkDeployment(resources: DeployResource[]): Promise<DeployProblem[]>;
  /** Every version of every deployed DMN file; absent on an engine that does not keep them here (Zeebe). */
  listDecisionDeployments?(): Promise<DecisionDeploymentView[]>;

  /** Instances of a process (optionally one version / state), newest first. */
  listInstances(filter: { processId: string; version?: number; state?: InstanceView['state']; offset?: number; limit?: number }): Promise<{ items: InstanceSummary[]; total: number }>;
  /** Per element of one version: running instances waiting there, and those with an incident there. */
  countActiveElements(processId: string, version: number): Promise<ElementCounts>;
  getInstancePath(instanceKey: string): Promise<InstancePath | undefined>;
  /** Moves a running instance to a later version of its process; refusals come back as problems. */
  migrateInstance(instanceKey: string, request: MigrationRequest): Promise<MigrationResult>;

  /**
   * Case erasure: cancels the case's running instances (those whose `caseId` variable or business key is
   * the case, and the instances they called), then deletes them with their variables, timelines, tasks,
   * jobs, timers, subscriptions, incidents, and messages published for the case. Idempotent; returns how
   * many instances were erased.
   */
  eraseInstancesOfCase(caseId: string): Promise<number>;
  registerJobHandler(type: string, handler: JobHandler): void;
  onEvent(listener: (event: EngineEvent) => void | Promise<void>): void;

  start(): Promise<void>;
  stop(): Promise<void>;
}
