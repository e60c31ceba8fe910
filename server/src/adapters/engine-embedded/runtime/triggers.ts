// Timers and message subscriptions armed on tokens (catch events, event-based gateways, boundary events) and
// BPMN errors. Arming evaluates first and returns a thunk that records the effects, so a FEEL failure
// raises an incident before anything was written.
import type { Variables } from '../../../ports/workflow-engine.port';
import { resolveString, resolveValue } from '../model/feel-expressions';
import type { ElementDef } from '../model/process-model';
import { nextCycle, planTimer, TIMER_FUNCTIONS } from '../model/timer-definitions';
import { markSeen, type Armed, type Token } from './instance-state';
import { StepFailure, type TokenMachine } from './token-machine';
import { catchInScopes, triggerEventSub } from './event-subprocesses';

/** What an armed trigger hangs on: a token, or the process scope itself (its event sub-processes). */
export interface ArmHolder { id: string; armed?: Armed[] }

/** Subscription name of a signal: a control character no BPMN message name or published message carries. */
export const signalSubscription = (name: string) => `\u0001signal:${name}`;

/** Whether a subscription or message name is in the signals' reserved space (see signalSubscription). */
export const isSignalSubscription = (name: string) => name.startsWith('\u0001');

export function armEvent(m: TokenMachine, token: ArmHolder, el: ElementDef, elementId: string, role: Armed['role'], ctx: Variables): () => void {
  const ev = el.event;
  if (ev?.type === 'timer') {
    const raw = resolveValue(ev.timer!.value, { ...TIMER_FUNCTIONS, ...ctx });
    let plan;
    try {
      plan = planTimer(ev.timer!.kind, String(raw), m.ctx.now);
    } catch (e) {
      throw new StepFailure(`timer of '${el.id}': ${(e as Error).message}`);
    }
    const key = `${m.ctx.instanceKey}.${token.id}.${elementId}.0`;
    const armed: Armed = { key, kind: 'timer', elementId, role, cycle: { remaining: plan.remaining, interval: plan.interval, dueAt: plan.dueAt.toISOString(), n: 0 } };
    return () => addTimer(m, token, armed);
  }
  if (ev?.type === 'message') {
    const correlationKey = resolveString(ev.message!.correlationKey, ctx);
    if (correlationKey === undefined) throw new StepFailure(`correlation key of '${el.id}' evaluated to null`);
    const key = `${m.ctx.instanceKey}.${token.id}.${elementId}`;
    return () => {
      (token.armed ??= []).push({ key, kind: 'message', elementId, role });
      m.emit({ type: 'subscription.open', key, messageName: ev.message!.name, correlationKey, elementId, tokenId: token.id });
    };
  }
  if (ev?.type === 'signal') {
    // A name written as an expression is evaluated when the catch opens, as the throw evaluates its own.
    const name = resolveString(ev.signal, ctx);
    if (!name) throw new StepFailure(`signal name of '${el.id}' evaluated to nothing`);
    const key = `${m.ctx.instanceKey}.${token.id}.${elementId}`;
    return () => {
      (token.armed ??= []).push({ key, kind: 'message', elementId, role });
      m.emit({ type: 'subscription.open', key, messageName: signalSubscription(name), correlationKey: '', elementId, tokenId: token.id });
    };
  }
  // Caught synchronously by throwError / throwEscalation.
  if (ev?.type === 'error' || ev?.type === 'escalation') return () => undefined;
  throw new StepFailure(`'${el.id}' cannot be a catch event here`);
}

export function addTimer(m: TokenMachine, token: ArmHolder, armed: Armed): void {
  (token.armed ??= []).push(armed);
  m.emit({ type: 'timer.create', key: armed.key, dueAt: armed.cycle!.dueAt, elementId: armed.elementId, tokenId: token.id });
}

export function armBoundaries(m: TokenMachine, token: Token, el: ElementDef, ctx: Variables): () => void {
  // A compensation boundary waits on nothing: it only joins its activity to a handler (compensation.ts).
  const arms = el.boundaryIds.filter((id) => m.el(id).event?.type !== 'compensation').map((id) => armEvent(m, token, m.el(id), id, 'boundary', ctx));
  return () => arms.forEach((a) => a());
}

export function disarmAll(m: TokenMachine, token: ArmHolder): void {
  for (const a of token.armed ?? []) {
    m.emit(a.kind === 'timer' ? { type: 'timer.cancel', key: a.key } : { type: 'subscription.close', key: a.key });
  }
  // The process scope's holder is an accessor over the instance state (rootHolder): cleared, not deleted.
  if (token.id === 'root') token.armed = undefined;
  else delete token.armed;
}

/** A timer fired or a message correlated. Returns false when nothing waits on that key any more, or when the
 * catch has had this delivery already (`deliveryId`: a signal broadcast repeated after a failure or restart). */
export function trigger(m: TokenMachine, key: string, vars: Variables, deliveryId?: string): boolean {
  if (deliveryId) {
    const armed = [...(m.state.armed ?? []), ...m.state.tokens.flatMap((t) => t.armed ?? [])].find((a) => a.key === key);
    if (armed && !markSeen(armed, deliveryId)) return false;
  }
  if (m.state.armed?.some((a) => a.key === key)) return triggerEventSub(m, rootHolder(m), key, vars);
  const token = m.state.tokens.find((t) => t.armed?.some((a) => a.key === key));
  if (!token || token.state === 'incident') return false;
  const armed = token.armed!.find((a) => a.key === key)!;
  if (armed.role === 'eventSub') return triggerEventSub(m, token, key, vars);
  const target = m.el(armed.elementId);
  if (armed.role === 'self') {
    token.armed = token.armed!.filter((a) => a !== armed);
    m.guarded(token, { step: 'leave', vars }, () => m.leave(token, vars));
    return true;
  }
  if (armed.role === 'gateway') {
    token.armed = token.armed!.filter((a) => a !== armed);
    disarmAll(m, token);
    m.record(token.elementId, 'completed');
    m.remove(token);
    const next = m.spawn(target.id, token.scope);
    m.record(target.id, 'activated');
    m.guarded(next, { step: 'leave', vars }, () => m.leave(next, vars));
    return true;
  }
  // boundary event
  if (target.cancelActivity) {
    m.terminate(token);
  } else {
    rearm(m, token, armed);
  }
  const scope = token.scope;
  const boundary = m.spawn(target.id, scope);
  m.record(target.id, 'activated');
  m.guarded(boundary, { step: 'leave', vars }, () => m.leave(boundary, vars));
  return true;
}

/** A non-interrupting trigger fired: a timer cycle arms its next timer; a message or signal stays open. */
export function rearm(m: TokenMachine, holder: ArmHolder, armed: Armed): void {
  holder.armed = (holder.armed ?? []).filter((a) => a !== armed);
  const next = armed.cycle && nextCycle(armed.cycle, new Date(armed.cycle.dueAt));
  if (armed.kind === 'timer' && next) {
    const n = armed.cycle!.n + 1;
    addTimer(m, holder, { ...armed, key: armed.key.replace(/\.\d+$/, `.${n}`), cycle: { remaining: next.remaining, interval: next.interval, dueAt: next.dueAt.toISOString(), n } });
  } else if (armed.kind === 'message') {
    holder.armed.push(armed); // non-interrupting message and signal catches stay open while their host runs
  }
}

/** The process scope as an ArmHolder: its armed triggers live on the instance state. */
export function rootHolder(m: TokenMachine): ArmHolder {
  return {
    id: 'root',
    get armed() { return m.state.armed; },
    set armed(v) { if (v) m.state.armed = v; else delete m.state.armed; },
  };
}

/** Throws a BPMN error from a token; the nearest matching error boundary up the scope chain catches it. */
export function throwError(m: TokenMachine, from: Token, code: string, vars: Variables, fromEndEvent: boolean): void {
  if (catchError(m, from, code, vars, fromEndEvent)) return;
  if (!m.ctx.parentKey) throw new StepFailure(unhandledMessage(code, from.elementId), 'unhandled-error');
  // Zeebe looks for a catch up the call chain too. The callers are other documents, so the question goes out
  // through the outbox and the thrower waits here: a catch up there cancels this instance, none raises the
  // incident here (see errorUnhandled).
  if (from.wait?.kind === 'job') m.emit({ type: 'job.close', jobKey: from.wait.jobKey, state: 'cancelled' });
  disarmAll(m, from);
  from.state = 'waiting';
  from.wait = { kind: 'thrownError', code };
  m.emit({
    type: 'parent.error', parentKey: m.ctx.parentKey, childKey: m.ctx.instanceKey, code, variables: vars,
    origin: { instanceKey: m.ctx.instanceKey, tokenId: from.id, elementId: from.elementId },
  });
}

/** Catches an error at the nearest matching error boundary of the token or its scopes; false when none matches. */
export function catchError(m: TokenMachine, from: Token, code: string, vars: Variables, skipSelf: boolean): boolean {
  const matches = (ev: ElementDef['event']) => ev?.type === 'error' && (!ev.errorCode || ev.errorCode === code);
  const caught = catchInScopes(m, from, skipSelf, matches);
  if (!caught) return false;
  if (caught.kind === 'eventSub') {
    caught.spawn(vars);
    return true;
  }
  const { candidate, catcher } = caught;
  m.terminate(candidate);
  const boundary = m.spawn(catcher.id, candidate.scope);
  m.record(catcher.id, 'activated');
  // Zeebe: the error's variables are local to the catch event; its output mappings see them, else they propagate.
  m.leave(boundary, vars);
  return true;
}

export const unhandledMessage = (code: string, elementId: string, viaCallers = false) =>
  `unhandled BPMN error '${code}' thrown by '${elementId}'${viaCallers ? ': no error boundary in this instance or the instances that called it catches it' : ''}`;
