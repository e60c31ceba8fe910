// Timers and message subscriptions armed on tokens (catch events, event-based gateways, boundary events) and
// BPMN errors. Arming evaluates first and returns a thunk that records the effects, so a FEEL failure
// raises an incident before anything was written.
import type { Variables } from '../../../ports/workflow-engine.port';
import { resolveString, resolveValue } from '../model/feel-expressions';
import type { ElementDef } from '../model/process-model';
import { nextCycle, planTimer, TIMER_FUNCTIONS } from '../model/timer-definitions';
import type { Armed, Token } from './instance-state';
import { StepFailure, type TokenMachine } from './token-machine';

export function armEvent(m: TokenMachine, token: Token, el: ElementDef, elementId: string, role: Armed['role'], ctx: Variables): () => void {
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
  if (ev?.type === 'error') return () => undefined; // caught synchronously by throwError
  throw new StepFailure(`'${el.id}' cannot be a catch event here`);
}

function addTimer(m: TokenMachine, token: Token, armed: Armed): void {
  (token.armed ??= []).push(armed);
  m.emit({ type: 'timer.create', key: armed.key, dueAt: armed.cycle!.dueAt, elementId: armed.elementId, tokenId: token.id });
}

export function armBoundaries(m: TokenMachine, token: Token, el: ElementDef, ctx: Variables): () => void {
  const arms = el.boundaryIds.map((id) => armEvent(m, token, m.el(id), id, 'boundary', ctx));
  return () => arms.forEach((a) => a());
}

export function disarmAll(m: TokenMachine, token: Token): void {
  for (const a of token.armed ?? []) {
    m.emit(a.kind === 'timer' ? { type: 'timer.cancel', key: a.key } : { type: 'subscription.close', key: a.key });
  }
  delete token.armed;
}

/** A timer fired or a message correlated. Returns false when nothing waits on that key any more. */
export function trigger(m: TokenMachine, key: string, vars: Variables): boolean {
  const token = m.state.tokens.find((t) => t.armed?.some((a) => a.key === key));
  if (!token || token.state === 'incident') return false;
  const armed = token.armed!.find((a) => a.key === key)!;
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
    token.armed = token.armed!.filter((a) => a !== armed);
    const next = armed.cycle && nextCycle(armed.cycle, new Date(armed.cycle.dueAt));
    if (armed.kind === 'timer' && next) {
      const n = armed.cycle!.n + 1;
      addTimer(m, token, { ...armed, key: key.replace(/\.\d+$/, `.${n}`), cycle: { remaining: next.remaining, interval: next.interval, dueAt: next.dueAt.toISOString(), n } });
    } else if (armed.kind === 'message') {
      token.armed.push(armed); // non-interrupting message boundaries stay open while the activity runs
    }
  }
  const scope = token.scope;
  const boundary = m.spawn(target.id, scope);
  m.record(target.id, 'activated');
  m.guarded(boundary, { step: 'leave', vars }, () => m.leave(boundary, vars));
  return true;
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
  const chain = m.chain(from);
  for (const candidate of skipSelf ? chain.slice(1) : chain) {
    if (candidate.inner) continue; // boundary events belong to the multi-instance body
    const el = m.el(candidate.elementId);
    const catcher = el.boundaryIds.map((id) => m.el(id)).find((b) => b.event?.type === 'error' && (!b.event.errorCode || b.event.errorCode === code));
    if (!catcher) continue;
    m.terminate(candidate);
    const boundary = m.spawn(catcher.id, candidate.scope);
    m.record(catcher.id, 'activated');
    // Zeebe: the error's variables are local to the catch event; its output mappings see them, else they propagate.
    m.leave(boundary, vars);
    return true;
  }
  return false;
}

export const unhandledMessage = (code: string, elementId: string, viaCallers = false) =>
  `unhandled BPMN error '${code}' thrown by '${elementId}'${viaCallers ? ': no error boundary in this instance or the instances that called it catches it' : ''}`;
