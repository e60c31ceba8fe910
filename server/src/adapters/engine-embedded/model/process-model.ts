// The compiled, engine-neutral form of one BPMN process: plain JSON stored with the deployment and shared by
// every instance of that version. Expressions are kept as written (`=…` FEEL or static text).
import type { TimerKind } from './timer-definitions';

export type ElementKind =
  | 'startEvent' | 'endEvent' | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent'
  | 'userTask' | 'serviceTask' | 'sendTask' | 'scriptTask' | 'businessRuleTask' | 'receiveTask' | 'manualTask' | 'task'
  | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway'
  | 'subProcess' | 'callActivity';

export interface EventDef {
  type: 'none' | 'timer' | 'message' | 'error' | 'terminate' | 'link' | 'signal' | 'escalation' | 'compensation';
  /** Compensation throw events: the one activity to compensate (absent: every completed one of the scope). */
  activityRef?: string;
  /** Link events: the link's name (a throw goes on at the catch of the same name in the same scope). */
  link?: string;
  timer?: { kind: TimerKind; value: string };
  message?: { name: string; correlationKey?: string };
  errorCode?: string;
  /** Signal events: the signal's name (a broadcast reaches every catch of that name). */
  signal?: string;
  /** Escalation events: the escalation code (absent on a catch: catches every escalation). */
  escalationCode?: string;
}

export interface Mapping { source: string; target: string }

export interface TaskListenerDef { eventType: string; type: string; retries: string }

/** zeebe:executionListener: a job run before (`start`) or after (`end`) the element; type and retries may be FEEL. */
export interface ExecutionListenerDef { eventType: 'start' | 'end'; type: string; retries: string }

export interface UserTaskDef {
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  dueDate?: string;
  followUpDate?: string;
  formId?: string;
  formKey?: string;
  priority?: string;
  listeners: TaskListenerDef[];
  /** No zeebe:userTask: a job-worker user task, worked here as a user task (zeebe-extensions.ts). */
  jobWorker?: boolean;
}

export interface LoopDef {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

export interface ElementDef {
  id: string;
  kind: ElementKind;
  name?: string;
  /** Id of the process or sub-process that directly contains the element. */
  parentId: string;
  incoming: string[];
  outgoing: string[];
  defaultFlow?: string;
  event?: EventDef;
  attachedTo?: string;
  /** Boundary events: cancelActivity; start events of event sub-processes: isInterrupting. */
  cancelActivity?: boolean;
  boundaryIds: string[];
  job?: { type: string; retries: string };
  /** Script task with zeebe:script: a FEEL expression evaluated in the engine, its value under resultVariable. */
  script?: { expression: string; resultVariable: string };
  /** Business rule task with zeebe:calledDecision: the DMN decision evaluated in the engine (dmn/call-decision.ts). */
  decision?: { decisionId: string; resultVariable: string };
  headers: Record<string, string>;
  userTask?: UserTaskDef;
  inputs: Mapping[];
  outputs: Mapping[];
  loop?: LoopDef;
  call?: { processId: string; propagateAllChildVariables: boolean; propagateAllParentVariables: boolean };
  /** Sub-process: its none start event; event sub-process: its (timer, message, error…) start event. */
  startId?: string;
  /** zeebe:executionListeners of the element, in the order drawn (execution-listeners.ts). */
  listeners?: ExecutionListenerDef[];
  /** A compensation handler (isForCompensation): no flows in or out, run only by a compensation throw. */
  forCompensation?: boolean;
  /** An activity with a compensation boundary event: the handler associated with that boundary. */
  compensatedBy?: string;
  /** An event sub-process (triggeredByEvent): no incoming flow, started by its start event's trigger. */
  eventSub?: boolean;
  /** Sub-process: the event sub-processes directly inside it. */
  eventSubIds?: string[];
}

export interface FlowDef { id: string; source: string; target: string; condition?: string }

export interface ProcessModel {
  processId: string;
  name?: string;
  elements: Record<string, ElementDef>;
  flows: Record<string, FlowDef>;
  noneStartId?: string;
  messageStarts: { elementId: string; messageName: string }[];
  timerStarts: { elementId: string; timer: { kind: TimerKind; value: string } }[];
  /** Signal start events of the process (absent in models deployed before signals ran). */
  signalStarts?: { elementId: string; signalName: string }[];
  /** Event sub-processes directly inside the process (absent in models deployed before they ran). */
  eventSubIds?: string[];
  /** zeebe:executionListeners of the process itself. */
  listeners?: ExecutionListenerDef[];
}

export const RESERVED_VARIABLES = ['fields', 'content', 'properties'];

export const isActivity = (el: ElementDef) =>
  el.kind === 'userTask' || el.kind === 'serviceTask' || el.kind === 'sendTask' || el.kind === 'scriptTask' || el.kind === 'businessRuleTask'
  || el.kind === 'receiveTask' || el.kind === 'manualTask' || el.kind === 'task' || el.kind === 'subProcess' || el.kind === 'callActivity';
