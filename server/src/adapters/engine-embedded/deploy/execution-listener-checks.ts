// zeebe:executionListeners read at deploy, with the elements Camunda 8.8 refuses them on (its own validation
// messages say the same), each named with the reason.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ElementDef, ExecutionListenerDef } from '../model/process-model';
import type { ProblemList } from './deploy-problems';

export function readExecutionListeners(v: any, ownerId: string, problems: ProblemList): ExecutionListenerDef[] {
  const out: ExecutionListenerDef[] = [];
  for (const l of v.listeners ?? []) {
    if (l.eventType !== 'start' && l.eventType !== 'end') {
      problems.add(`execution listener event '${l.eventType}' on '${ownerId}' is not supported (Camunda 8.8 runs 'start' and 'end')`, ownerId);
    } else if (!l.type) {
      problems.add(`an execution listener on '${ownerId}' has no job type`, ownerId);
    } else out.push({ eventType: l.eventType, type: l.type, retries: l.retries ?? '3' });
  }
  return out;
}

/** Where an element's listeners cannot run (Camunda 8.8's rules). */
export function checkExecutionListeners(el: ElementDef, problems: ProblemList): void {
  const has = (phase: 'start' | 'end') => (el.listeners ?? []).some((l) => l.eventType === phase);
  if (!el.listeners?.length) return;
  const at = (message: string) => problems.add(`execution listeners on '${el.id}': ${message}`, el.id);
  if (has('start') && el.kind === 'startEvent') at("a start event cannot have 'start' listeners (as in Camunda 8.8): put them on the process or sub-process");
  if (has('start') && el.kind === 'boundaryEvent') at("a boundary event cannot have 'start' listeners (as in Camunda 8.8): put them on the activity it is attached to");
  if (has('end') && el.kind.endsWith('Gateway')) at("a gateway cannot have 'end' listeners (as in Camunda 8.8): put 'start' listeners on the element after it");
  if (has('end') && el.kind === 'endEvent' && el.event?.type === 'error') at("an error end event cannot have 'end' listeners (as in Camunda 8.8): put them on the catching event");
}
