// Compensation as Camunda 8.8 draws it: a compensation boundary event on an activity, joined by an association
// (not a sequence flow) to its handler, an activity marked "for compensation" with no flows in or out; a
// compensation intermediate throw or end event runs the handlers of what completed (runtime/compensation.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ElementDef, ProcessModel } from '../model/process-model';
import type { ProblemList } from './deploy-problems';

/** Association source → target ids, in the process and every sub-process (artifacts, not flow elements). */
function associations(container: any, out = new Map<string, string>()): Map<string, string> {
  for (const a of container.artifacts ?? []) {
    if (a.$type === 'bpmn:Association' && a.sourceRef?.id && a.targetRef?.id) out.set(a.sourceRef.id, a.targetRef.id);
  }
  for (const el of container.flowElements ?? []) if (el.$type === 'bpmn:SubProcess') associations(el, out);
  return out;
}

const CANNOT_HANDLE = new Set(['subProcess', 'callActivity']);

export function wireCompensation(process: any, model: ProcessModel, problems: ProblemList): void {
  const linked = associations(process);
  const elements = Object.values(model.elements);
  const handled = new Set<string>();
  for (const boundary of elements.filter((e) => e.kind === 'boundaryEvent' && e.event?.type === 'compensation')) {
    const handler = model.elements[linked.get(boundary.id) ?? ''];
    const host = model.elements[boundary.attachedTo ?? ''];
    if (boundary.outgoing.length) problems.add(`compensation boundary event '${boundary.id}' cannot have outgoing sequence flows: draw an association to its compensation handler instead`, boundary.id);
    if (!handler) {
      problems.add(`compensation boundary event '${boundary.id}' needs an association to its compensation handler (an activity marked for compensation)`, boundary.id);
      continue;
    }
    if (!handler.forCompensation) problems.add(`'${handler.id}', the handler of compensation boundary event '${boundary.id}', must be marked for compensation (isForCompensation)`, handler.id);
    handled.add(handler.id);
    if (!host) continue; // reported with the boundary wiring
    if (host.loop) problems.add(`compensation of multi-instance activity '${host.id}' is not supported here: put the activity in a sub-process and compensate from inside it`, boundary.id);
    if (host.compensatedBy) problems.add(`activity '${host.id}' has more than one compensation boundary event`, boundary.id);
    host.compensatedBy = handler.id;
  }
  for (const el of elements) checkHandlerAndThrow(el, model, handled, problems);
}

function checkHandlerAndThrow(el: ElementDef, model: ProcessModel, handled: Set<string>, problems: ProblemList): void {
  if (el.forCompensation) {
    if (el.incoming.length || el.outgoing.length) problems.add(`compensation handler '${el.id}' cannot have sequence flows in or out: it runs only when its activity is compensated`, el.id);
    if (CANNOT_HANDLE.has(el.kind)) problems.add(`compensation handler '${el.id}' is a ${el.kind === 'subProcess' ? 'sub-process' : 'call activity'}, which is not supported here: use a task`, el.id);
    if (el.loop) problems.add(`multi-instance compensation handler '${el.id}' is not supported here`, el.id);
    if (!handled.has(el.id)) problems.add(`compensation handler '${el.id}' is not associated with any compensation boundary event, so it would never run`, el.id);
  }
  const ref = el.event?.type === 'compensation' && el.kind !== 'boundaryEvent' ? el.event.activityRef : undefined;
  if (ref && !model.elements[ref]?.compensatedBy) {
    problems.add(`compensation event '${el.id}' names activity '${ref}', which has no compensation boundary event to compensate it`, el.id);
  }
}
