// Turns one parsed bpmn:Process (moddle tree) into a ProcessModel. Everything the embedded engine cannot run
// is reported by name rather than ignored, so a file that deploys here behaves the same on Zeebe.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ElementDef, ElementKind, EventDef, FlowDef, ProcessModel } from '../model/process-model';
import { readExtensions } from './zeebe-extensions';
import { wireCompensation } from './compensation-checks';
import { readExecutionListeners } from './execution-listener-checks';
import type { ProblemList } from './deploy-problems';

const KINDS: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent', 'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent', 'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent', 'bpmn:UserTask': 'userTask', 'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask', 'bpmn:ScriptTask': 'scriptTask', 'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ReceiveTask': 'receiveTask', 'bpmn:ManualTask': 'manualTask', 'bpmn:Task': 'task',
  'bpmn:ExclusiveGateway': 'exclusiveGateway', 'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway', 'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess', 'bpmn:CallActivity': 'callActivity',
};
// Non-executable decoration a modeller adds; accepted and ignored.
const IGNORED = new Set(['bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:DataObject']);

/** Which event definitions each event kind may carry (none = no definition). */
const ALLOWED_EVENTS: Record<string, EventDef['type'][]> = {
  startEvent: ['none', 'timer', 'message', 'signal'],
  endEvent: ['none', 'error', 'terminate', 'message', 'signal', 'escalation', 'compensation'],
  intermediateCatchEvent: ['timer', 'message', 'link', 'signal'],
  intermediateThrowEvent: ['none', 'message', 'link', 'signal', 'escalation', 'compensation'],
  boundaryEvent: ['timer', 'message', 'error', 'signal', 'escalation', 'compensation'],
};
/** The start event of an event sub-process (triggeredByEvent) as Camunda 8.8 allows it. */
const EVENT_SUB_STARTS: EventDef['type'][] = ['timer', 'message', 'error', 'signal', 'escalation'];

/** Event definitions the engine does not run, with what to draw instead. */
const REFUSED_EVENTS: Record<string, string> = {
  // Camunda 8.8 has no conditional events: Zeebe refuses them and Camunda Modeler's 8.8 check says "not allowed".
  'bpmn:ConditionalEventDefinition': 'conditional events are not supported: Camunda 8.8 does not run them (its Modeler reports them as not allowed); use a gateway condition, a message or a signal instead',
};

function eventOf(el: any, problems: ProblemList): EventDef | undefined {
  const defs: any[] = el.eventDefinitions ?? [];
  if (defs.length > 1) problems.add(`${el.$type} '${el.id}' has several event definitions; only one is supported`, el.id);
  const def = defs[0];
  if (!def) return { type: 'none' };
  switch (def.$type) {
    case 'bpmn:TimerEventDefinition': {
      const pick = (['timeDuration', 'timeDate', 'timeCycle'] as const).find((k) => def[k]);
      if (!pick) { problems.add(`timer event '${el.id}' has no time value`, el.id); return undefined; }
      const kind = pick === 'timeDuration' ? 'duration' : pick === 'timeDate' ? 'date' : 'cycle';
      return { type: 'timer', timer: { kind, value: String(def[pick].body ?? '').trim() } };
    }
    case 'bpmn:MessageEventDefinition': {
      const msg = def.messageRef;
      // A message throw or end event is a job (zeebe-extensions.ts): its worker sends, it needs no message.
      if (el.$type === 'bpmn:EndEvent' || el.$type === 'bpmn:IntermediateThrowEvent') return { type: 'message', message: { name: msg?.name ?? '' } };
      if (!msg?.name) { problems.add(`message event '${el.id}' references no message with a name`, el.id); return undefined; }
      const sub = (msg.extensionElements?.values ?? []).find((v: any) => v.$type === 'zeebe:Subscription');
      return { type: 'message', message: { name: msg.name, correlationKey: sub?.correlationKey } };
    }
    case 'bpmn:ErrorEventDefinition':
      return { type: 'error', errorCode: def.errorRef?.errorCode };
    case 'bpmn:SignalEventDefinition':
      if (!def.signalRef?.name) { problems.add(`signal event '${el.id}' references no signal with a name`, el.id); return undefined; }
      return { type: 'signal', signal: String(def.signalRef.name).trim() };
    case 'bpmn:EscalationEventDefinition': {
      const code = def.escalationRef?.escalationCode;
      // A throw needs a code; a catch without one catches every escalation (as in Zeebe).
      const throws = el.$type === 'bpmn:EndEvent' || el.$type === 'bpmn:IntermediateThrowEvent';
      if (throws && !code) { problems.add(`escalation event '${el.id}' references no escalation with a code`, el.id); return undefined; }
      return { type: 'escalation', ...(code ? { escalationCode: String(code) } : {}) };
    }
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    case 'bpmn:CompensateEventDefinition':
      return { type: 'compensation', ...(def.activityRef?.id ? { activityRef: def.activityRef.id } : {}) };
    case 'bpmn:LinkEventDefinition':
      if (!def.name) { problems.add(`link event '${el.id}' has no link name`, el.id); return undefined; }
      return { type: 'link', link: def.name };
    default:
      problems.add(`${REFUSED_EVENTS[def.$type] ?? `unsupported event definition ${def.$type}`} ('${el.id}')`, el.id);
      return undefined;
  }
}

// Camunda 7 attributes that a Camunda 8 model carries beside their Zeebe replacement (models migrated by
// hand keep both): Zeebe ignores them and runs the replacement, so they are no reason to refuse. Without
// the replacement they are still refused, as the element would not do what was drawn.
const SUPERSEDED_C7_ATTRIBUTES: Record<string, string> = {
  'camunda:class': 'zeebe:TaskDefinition', 'camunda:delegateExpression': 'zeebe:TaskDefinition',
  'camunda:expression': 'zeebe:TaskDefinition', 'camunda:type': 'zeebe:TaskDefinition', 'camunda:topic': 'zeebe:TaskDefinition',
  'camunda:assignee': 'zeebe:AssignmentDefinition', 'camunda:candidateUsers': 'zeebe:AssignmentDefinition',
  'camunda:candidateGroups': 'zeebe:AssignmentDefinition',
};

function checkAttributes(el: any, problems: ProblemList): void {
  const extensions = new Set<string>((el.extensionElements?.values ?? []).map((v: any) => v.$type));
  for (const attr of Object.keys(el.$attrs ?? {})) {
    if (attr.startsWith('xmlns')) continue;
    if (extensions.has(SUPERSEDED_C7_ATTRIBUTES[attr])) continue;
    problems.add(`unsupported attribute '${attr}' on ${el.$type} '${el.id}'`, el.id);
  }
  if (el.loopCharacteristics && el.loopCharacteristics.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.add(`unsupported ${el.loopCharacteristics.$type} on '${el.id}'`, el.id);
  }
}

function compileScope(container: any, parentId: string, model: ProcessModel, problems: ProblemList): string[] {
  const eventSubIds: string[] = [];
  for (const el of container.flowElements ?? []) {
    if (el.$type === 'bpmn:SequenceFlow') {
      const flow: FlowDef = { id: el.id, source: el.sourceRef?.id, target: el.targetRef?.id };
      if (el.conditionExpression) flow.condition = String(el.conditionExpression.body ?? '').trim();
      checkAttributes(el, problems);
      model.flows[el.id] = flow;
      continue;
    }
    if (IGNORED.has(el.$type)) continue;
    const kind = KINDS[el.$type];
    if (!kind) { problems.add(`unsupported element ${el.$type} '${el.id}'`, el.id); continue; }
    checkAttributes(el, problems);
    const def: ElementDef = {
      id: el.id, kind, name: el.name, parentId, incoming: (el.incoming ?? []).map((f: any) => f.id),
      outgoing: (el.outgoing ?? []).map((f: any) => f.id), boundaryIds: [], headers: {}, inputs: [], outputs: [],
    };
    if (el.default) def.defaultFlow = el.default.id;
    if (el.isForCompensation) def.forCompensation = true;
    if (ALLOWED_EVENTS[kind]) {
      const ev = eventOf(el, problems);
      const allowed = kind === 'startEvent' && container.triggeredByEvent ? EVENT_SUB_STARTS : ALLOWED_EVENTS[kind];
      if (ev && !allowed.includes(ev.type)) problems.add(`unsupported ${ev.type} ${kind} '${el.id}'${kind === 'startEvent' && container.triggeredByEvent ? ' (an event sub-process starts with a timer, message, error, signal or escalation)' : ''}`, el.id);
      def.event = ev;
    }
    if (kind === 'startEvent' && container.triggeredByEvent) {
      def.cancelActivity = el.isInterrupting !== false;
      if (def.event?.type === 'error' && !def.cancelActivity) problems.add(`error start event '${el.id}' of an event sub-process must be interrupting`, el.id);
    }
    if (kind === 'receiveTask') def.event = receiveMessage(el, problems);
    if (kind === 'boundaryEvent') {
      def.attachedTo = el.attachedToRef?.id;
      def.cancelActivity = el.cancelActivity !== false;
    }
    readExtensions(el, def, problems);
    model.elements[el.id] = def;
    if (kind === 'subProcess') {
      const inner = compileScope(el, el.id, model, problems);
      if (inner.length) def.eventSubIds = inner;
      const starts = (el.flowElements ?? []).filter((c: any) => c.$type === 'bpmn:StartEvent');
      if (el.triggeredByEvent) {
        def.eventSub = true;
        eventSubIds.push(el.id);
        if (starts.length !== 1 || !(starts[0].eventDefinitions ?? []).length) problems.add(`event sub-process '${el.id}' needs exactly one start event with a timer, message, error, signal or escalation`, el.id);
        else def.startId = starts[0].id;
        if (def.incoming.length || def.outgoing.length) problems.add(`event sub-process '${el.id}' cannot have sequence flows in or out`, el.id);
      } else if (starts.length !== 1 || (starts[0].eventDefinitions ?? []).length) problems.add(`sub-process '${el.id}' needs exactly one none start event`, el.id);
      else def.startId = starts[0].id;
    }
  }
  return eventSubIds;
}

/** A receive task waits for its message as an intermediate message catch event does (and may carry boundaries). */
function receiveMessage(el: any, problems: ProblemList): EventDef | undefined {
  const msg = el.messageRef;
  if (!msg?.name) { problems.add(`receive task '${el.id}' references no message with a name`, el.id); return undefined; }
  const sub = (msg.extensionElements?.values ?? []).find((v: any) => v.$type === 'zeebe:Subscription');
  return { type: 'message', message: { name: msg.name, correlationKey: sub?.correlationKey } };
}

/** A link throw event goes on at the link catch event of the same name in its scope: wired as a flow between them. */
function wireLinks(model: ProcessModel, problems: ProblemList): void {
  const links = Object.values(model.elements).filter((e) => e.event?.type === 'link');
  for (const thrower of links.filter((e) => e.kind === 'intermediateThrowEvent')) {
    const catchers = links.filter((e) => e.kind === 'intermediateCatchEvent' && e.parentId === thrower.parentId && e.event!.link === thrower.event!.link);
    if (catchers.length !== 1) {
      problems.add(`link throw event '${thrower.id}' needs exactly one link catch event named '${thrower.event!.link}' in the same scope (found ${catchers.length})`, thrower.id);
      continue;
    }
    const id = `${thrower.id}~link~${catchers[0].id}`;
    model.flows[id] = { id, source: thrower.id, target: catchers[0].id };
    thrower.outgoing.push(id);
    catchers[0].incoming.push(id);
  }
}

const PROCESS_EXTENSIONS = ['zeebe:UserTaskForm', 'zeebe:Properties', 'zeebe:VersionTag'];

export function compileProcess(process: any, problems: ProblemList): ProcessModel {
  const model: ProcessModel = { processId: process.id, name: process.name, elements: {}, flows: {}, messageStarts: [], timerStarts: [], signalStarts: [] };
  for (const v of process.extensionElements?.values ?? []) {
    if (v.$type === 'zeebe:ExecutionListeners') model.listeners = readExecutionListeners(v, process.id, problems);
    else if (!PROCESS_EXTENSIONS.includes(v.$type)) problems.add(`unsupported extension element ${v.$type} on process '${process.id}'`, process.id);
  }
  const eventSubIds = compileScope(process, process.id, model, problems);
  if (eventSubIds.length) model.eventSubIds = eventSubIds;
  // Derive flow wiring from the sequence flows themselves; <incoming>/<outgoing> children are optional.
  for (const el of Object.values(model.elements)) { el.incoming = []; el.outgoing = []; }
  for (const flow of Object.values(model.flows)) {
    const source = model.elements[flow.source];
    const target = model.elements[flow.target];
    if (!source || !target) {
      // An end that is an element refused above is already listed: the flow's line would only bury it.
      const ends = [flow.source, flow.target].filter((id) => !model.elements[id]);
      if (problems.names(flow.id) || ends.every((id) => id && problems.names(id))) continue;
      const missing = ends.find((id) => id && !problems.names(id));
      problems.add(ends.some((id) => !id) ? `sequence flow '${flow.id}' has no source or target` : `sequence flow '${flow.id}' connects '${missing}', which is not an element of this process`, flow.id);
      continue;
    }
    if (source.parentId !== target.parentId) problems.add(`sequence flow '${flow.id}' crosses a sub-process boundary`, flow.id);
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
  }
  wireLinks(model, problems);
  wireCompensation(process, model, problems);
  for (const el of Object.values(model.elements)) {
    if (el.kind === 'boundaryEvent') {
      const host = el.attachedTo && model.elements[el.attachedTo];
      if (!host) problems.add(`boundary event '${el.id}' is not attached to an activity`, el.id);
      else host.boundaryIds.push(el.id);
    }
    if (el.kind === 'startEvent' && el.parentId === process.id) {
      if (el.event?.type === 'none') model.noneStartId = el.id;
      if (el.event?.type === 'message') model.messageStarts.push({ elementId: el.id, messageName: el.event.message!.name });
      if (el.event?.type === 'timer') model.timerStarts.push({ elementId: el.id, timer: el.event.timer! });
      if (el.event?.type === 'signal') model.signalStarts!.push({ elementId: el.id, signalName: el.event.signal! });
    }
  }
  return model;
}
