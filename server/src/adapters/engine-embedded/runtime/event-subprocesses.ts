// Event sub-processes (Camunda 8.8): while a scope (the process, or an embedded sub-process) is active, the
// timer, message and signal starts of the event sub-processes inside it are armed on the scope; error and
// escalation starts catch synchronously, like boundary events, but from inside the scope. An interrupting one
// ends everything else in its scope (other event sub-processes included) and can start only once; a
// non-interrupting one runs beside the scope's work, as often as it is triggered. The scope completes when the
// triggered instances have completed too.
import type { Variables } from '../../../ports/workflow-engine.port';
import type { ElementDef, EventDef } from '../model/process-model';
import type { Token } from './instance-state';
import type { TokenMachine } from './token-machine';
import { armEvent, disarmAll, rearm, rootHolder, type ArmHolder } from './triggers';
import { hasExecListeners, prepareStartListeners } from './execution-listeners';

const ARMED_STARTS: EventDef['type'][] = ['timer', 'message', 'signal'];

/** Arms the starts of a scope's event sub-processes: evaluated now, recorded by the returned thunk. */
export function armEventSubs(m: TokenMachine, holder: ArmHolder, subIds: string[] | undefined, ctx: Variables): () => void {
  const arms = (subIds ?? [])
    .map((id) => m.el(m.el(id).startId!))
    .filter((start) => ARMED_STARTS.includes(start.event!.type))
    .map((start) => armEvent(m, holder, start, start.id, 'eventSub', ctx));
  return () => arms.forEach((a) => a());
}

/** An armed event sub-process start fired (timer, message or signal). */
export function triggerEventSub(m: TokenMachine, holder: ArmHolder, key: string, vars: Variables): boolean {
  const armed = holder.armed!.find((a) => a.key === key)!;
  const start = m.el(armed.elementId);
  if (start.cancelActivity) interrupt(m, holder);
  else rearm(m, holder, armed);
  spawnEventSub(m, holder.id, start, vars);
  return true;
}

/** Ends everything else in the scope and disarms its event sub-processes (an interrupting one starts once). */
function interrupt(m: TokenMachine, holder: ArmHolder): void {
  for (const t of m.state.tokens.filter((t) => t.scope === holder.id)) m.terminate(t);
  const armed = holder.armed ?? [];
  disarmAll(m, { id: holder.id, armed: armed.filter((a) => a.role === 'eventSub') });
  holder.armed = armed.filter((a) => a.role !== 'eventSub');
}

/** Starts an instance of the event sub-process of `start` in the scope `scopeId`; `vars` are the trigger's. */
function spawnEventSub(m: TokenMachine, scopeId: string, start: ElementDef, vars: Variables): void {
  const sub = m.el(start.parentId);
  const token = m.spawn(sub.id, scopeId);
  // A failing input mapping leaves the event sub-process with an incident; resolving it activates it afresh,
  // with the trigger's variables (kept in the retry).
  m.guarded(token, { step: 'activate', trigger: vars }, () => activateEventSub(m, token, vars));
}

/** Input mappings, then its start listeners (if any), then its start event goes on with the trigger's `vars`. */
export function activateEventSub(m: TokenMachine, token: Token, vars: Variables): void {
  const sub = m.el(token.elementId);
  const locals = sub.inputs.length ? m.mapVariables(sub.inputs, m.context(token)) : undefined;
  // Its start listeners run first (after the input mappings); the trigger's variables wait with them.
  if (hasExecListeners(m, token, 'start')) return prepareStartListeners(m, token, locals, vars)();
  if (locals) token.vars = locals;
  enterEventSub(m, token, vars);
}

/** The event sub-process is active (its start listeners done): it arms its own and its start event goes on. */
export function enterEventSub(m: TokenMachine, token: Token, vars: Variables): void {
  const sub = m.el(token.elementId);
  const arm = armEventSubs(m, token, sub.eventSubIds, m.context(token));
  m.record(sub.id, 'activated');
  token.state = 'waiting';
  token.wait = { kind: 'scope' };
  arm();
  const first = m.spawn(sub.startId!, token.id);
  m.record(sub.startId!, 'activated');
  m.guarded(first, { step: 'leave', vars }, () => m.leave(first, vars));
}

export type Caught =
  | { kind: 'boundary'; candidate: Token; catcher: ElementDef }
  | { kind: 'eventSub'; start: ElementDef; spawn(vars: Variables): void };

/**
 * The nearest catch of a thrown error or escalation: from the thrower outwards, at each sub-process first
 * its event sub-processes, then the boundary events of the activity; last the process's event sub-processes.
 * A scope's event sub-processes do not catch what is thrown inside one of them (it goes further out).
 */
export function catchInScopes(m: TokenMachine, from: Token, skipSelf: boolean, matches: (ev: EventDef | undefined) => boolean): Caught | undefined {
  const chain = m.chain(from);
  let inside: ElementDef | undefined;
  for (const [i, candidate] of chain.entries()) {
    const el = m.el(candidate.elementId);
    const skip = skipSelf && i === 0;
    if (!skip && i > 0 && el.kind === 'subProcess' && !candidate.mi && !(inside?.eventSub && inside.parentId === el.id)) {
      const start = startMatching(m, el.eventSubIds, matches);
      if (start) return eventSubCatch(m, candidate, start);
    }
    inside = el;
    if (skip || candidate.inner) continue; // boundary events belong to the multi-instance body
    const catcher = el.boundaryIds.map((id) => m.el(id)).find((b) => matches(b.event));
    if (catcher) return { kind: 'boundary', candidate, catcher };
  }
  if (inside?.eventSub && inside.parentId === m.model.processId) return undefined;
  const start = startMatching(m, m.model.eventSubIds, matches);
  return start ? eventSubCatch(m, rootHolder(m), start) : undefined;
}

/** A start with the exact code wins over one that catches every code (as Zeebe picks). */
function startMatching(m: TokenMachine, subIds: string[] | undefined, matches: (ev: EventDef | undefined) => boolean): ElementDef | undefined {
  const starts = (subIds ?? []).map((id) => m.el(m.el(id).startId!)).filter((s) => matches(s.event));
  return starts.find((s) => s.event!.errorCode || s.event!.escalationCode) ?? starts[0];
}

function eventSubCatch(m: TokenMachine, holder: ArmHolder, start: ElementDef): Caught {
  return {
    kind: 'eventSub', start,
    spawn(vars) {
      if (start.cancelActivity) interrupt(m, holder);
      spawnEventSub(m, holder.id, start, vars);
    },
  };
}
