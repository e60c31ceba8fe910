// Reads the zeebe:* extension elements the embedded engine honours. Any other extension element (ad-hoc…)
// is named in a deploy problem instead of being skipped.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ElementDef } from '../model/process-model';
import type { ProblemList } from './deploy-problems';
import { readExecutionListeners } from './execution-listener-checks';

const ALLOWED: Record<string, string[]> = {
  userTask: ['zeebe:UserTask', 'zeebe:TaskDefinition', 'zeebe:AssignmentDefinition', 'zeebe:TaskSchedule', 'zeebe:FormDefinition', 'zeebe:PriorityDefinition', 'zeebe:TaskHeaders', 'zeebe:TaskListeners', 'zeebe:IoMapping', 'zeebe:Properties'],
  serviceTask: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:Properties'],
  sendTask: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:Properties'],
  scriptTask: ['zeebe:Script', 'zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:Properties'],
  receiveTask: ['zeebe:IoMapping', 'zeebe:Properties'],
  manualTask: ['zeebe:IoMapping', 'zeebe:Properties'],
  task: ['zeebe:IoMapping', 'zeebe:Properties'],
  businessRuleTask: ['zeebe:CalledDecision', 'zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:Properties'],
  callActivity: ['zeebe:CalledElement', 'zeebe:IoMapping', 'zeebe:Properties'],
  subProcess: ['zeebe:IoMapping', 'zeebe:Properties'],
  intermediateCatchEvent: ['zeebe:IoMapping', 'zeebe:Properties'],
  intermediateThrowEvent: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:Properties'],
  boundaryEvent: ['zeebe:IoMapping', 'zeebe:Properties'],
  endEvent: ['zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:Properties'],
  startEvent: ['zeebe:IoMapping', 'zeebe:Properties', 'zeebe:FormDefinition'],
};
const TASK_LISTENER_EVENTS = ['creating', 'assigning', 'updating', 'completing', 'canceling'];

export function readExtensions(el: any, def: ElementDef, problems: ProblemList): void {
  const values: any[] = el.extensionElements?.values ?? [];
  const allowed = ALLOWED[def.kind] ?? ['zeebe:Properties'];
  for (const v of values) {
    if (v.$type === 'zeebe:ExecutionListeners') {
      def.listeners = readExecutionListeners(v, def.id, problems); // where they may not run: validate-model.ts
      continue;
    }
    if (!allowed.includes(v.$type)) {
      problems.add(`unsupported extension element ${v.$type} on ${def.kind} '${def.id}'`, def.id);
      continue;
    }
    switch (v.$type) {
      case 'zeebe:TaskDefinition':
        // Zeebe 8.8 ignores a task definition on a user task (its UserTaskTransformer gives a job-worker user
        // task the fixed type io.camunda.zeebe:userTask): the task is still a person's, so it is read as one.
        if (def.kind !== 'userTask') def.job = { type: v.type, retries: v.retries ?? '3' };
        break;
      case 'zeebe:TaskHeaders':
        for (const h of v.values ?? []) {
          // Headers are stored as document keys: the embedded database refuses a dot or a leading $ in one.
          if (/[.]|^\$/.test(h.key ?? '')) problems.add(`header key '${h.key}' on '${def.id}' cannot contain a dot or start with $ here`, def.id);
          else def.headers[h.key] = h.value ?? '';
        }
        break;
      case 'zeebe:IoMapping':
        def.inputs = (v.inputParameters ?? []).map((p: any) => ({ source: p.source ?? '', target: p.target }));
        def.outputs = (v.outputParameters ?? []).map((p: any) => ({ source: p.source ?? '', target: p.target }));
        break;
      case 'zeebe:UserTask':
        def.userTask = def.userTask ?? { listeners: [] };
        break;
      case 'zeebe:AssignmentDefinition':
      case 'zeebe:TaskSchedule':
      case 'zeebe:PriorityDefinition':
      case 'zeebe:FormDefinition': {
        def.userTask = def.userTask ?? { listeners: [] };
        const { assignee, candidateGroups, candidateUsers, dueDate, followUpDate, priority, formId, formKey, externalReference } = v;
        if (externalReference) problems.add(`zeebe:formDefinition externalReference is not supported on '${def.id}'`, def.id);
        Object.assign(def.userTask, clean({ assignee, candidateGroups, candidateUsers, dueDate, followUpDate, priority, formId, formKey }));
        break;
      }
      case 'zeebe:TaskListeners':
        def.userTask = def.userTask ?? { listeners: [] };
        for (const l of v.listeners ?? []) {
          if (!TASK_LISTENER_EVENTS.includes(l.eventType)) problems.add(`unsupported task listener event '${l.eventType}' on '${def.id}'`, def.id);
          else def.userTask.listeners.push({ eventType: l.eventType, type: l.type, retries: l.retries ?? '3' });
        }
        break;
      case 'zeebe:Script':
        if (!v.resultVariable) problems.add(`script task '${def.id}' needs a zeebe:script resultVariable`, def.id);
        def.script = { expression: v.expression ?? '', resultVariable: v.resultVariable ?? '' };
        break;
      case 'zeebe:CalledDecision':
        if (!v.decisionId) problems.add(`business rule task '${def.id}' has no zeebe:calledDecision decisionId`, def.id);
        if (!v.resultVariable) problems.add(`business rule task '${def.id}' needs a zeebe:calledDecision resultVariable (where the decision's result goes)`, def.id);
        if (v.bindingType && v.bindingType !== 'latest') problems.add(`decision binding '${v.bindingType}' is not supported on '${def.id}': the latest deployed version is called`, def.id);
        def.decision = { decisionId: v.decisionId ?? '', resultVariable: v.resultVariable ?? '' };
        break;
      case 'zeebe:CalledElement':
        if (!v.processId) problems.add(`call activity '${def.id}' has no zeebe:calledElement processId`, def.id);
        if (v.bindingType && v.bindingType !== 'latest') problems.add(`call activity binding '${v.bindingType}' is not supported on '${def.id}'`, def.id);
        def.call = {
          processId: v.processId ?? '',
          propagateAllChildVariables: v.propagateAllChildVariables !== false,
          propagateAllParentVariables: v.propagateAllParentVariables !== false,
        };
        break;
    }
  }
  const loop = el.loopCharacteristics;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
    const z = (loop.extensionElements?.values ?? []).find((x: any) => x.$type === 'zeebe:LoopCharacteristics');
    if (!z?.inputCollection) problems.add(`multi-instance '${def.id}' needs zeebe:loopCharacteristics inputCollection`, def.id);
    if (loop.loopCardinality) problems.add(`loopCardinality is not supported on '${def.id}' (use inputCollection)`, def.id);
    def.loop = {
      sequential: !!loop.isSequential,
      inputCollection: z?.inputCollection ?? '',
      ...clean({ inputElement: z?.inputElement, outputCollection: z?.outputCollection, outputElement: z?.outputElement }),
      ...(loop.completionCondition?.body ? { completionCondition: String(loop.completionCondition.body).trim() } : {}),
    };
  }
  if ((def.kind === 'serviceTask' || def.kind === 'sendTask') && !def.job?.type) {
    problems.add(`${def.kind} '${def.id}' has no zeebe:taskDefinition type`, def.id);
  }
  if (def.kind === 'scriptTask' && !!def.script === !!def.job) {
    problems.add(`script task '${def.id}' needs either a zeebe:script (a FEEL expression) or a zeebe:taskDefinition (a job), not ${def.script ? 'both' : 'neither'}`, def.id);
  }
  if (def.kind === 'businessRuleTask' && !!def.decision === !!def.job) {
    problems.add(`business rule task '${def.id}' needs either a zeebe:calledDecision (a DMN decision) or a zeebe:taskDefinition (a job), not ${def.job ? 'both' : 'neither'}`, def.id);
  }
  if (def.kind === 'endEvent' || def.kind === 'intermediateThrowEvent') {
    // As in Camunda 8: a message throw or end event is implemented as a job, whose worker sends the message.
    const message = def.event?.type === 'message';
    if (message && !def.job?.type) problems.add(`message ${def.kind === 'endEvent' ? 'end' : 'throw'} event '${def.id}' needs a zeebe:taskDefinition type (a job worker sends the message)`, def.id);
    if (!message && def.job) problems.add(`zeebe:taskDefinition on '${def.id}' is only allowed on a message throw or end event`, def.id);
  }
  if (def.kind === 'userTask' && !values.some((v) => v.$type === 'zeebe:UserTask')) {
    // A job-worker user task (Camunda's implementation before 8.6, still run by 8.8): worked here as a user
    // task with its assignment, schedule and form (its io.camunda.zeebe:* job headers are not added: the
    // embedded database cannot store keys with dots, and the task's own fields carry the same values).
    def.userTask = { ...(def.userTask ?? { listeners: [] }), jobWorker: true };
    if (def.userTask.listeners.length) problems.add(`task listeners on '${def.id}' need a Camunda user task (add zeebe:userTask)`, def.id);
  }
  if (def.kind === 'callActivity' && !def.call) problems.add(`call activity '${def.id}' has no zeebe:calledElement`, def.id);
}

function clean<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<T>;
}
