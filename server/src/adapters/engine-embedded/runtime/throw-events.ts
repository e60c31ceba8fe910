// Signal and escalation throw events (intermediate and end), as Camunda 8.8 runs them.
// A signal is broadcast: every signal catch of that name in every instance, and every signal start event,
// receives it — the broadcast leaves through the outbox (other instances are other documents). An escalation
// is caught by the nearest escalation boundary or event sub-process up the scopes; unlike an error, an
// uncaught escalation is no incident: the thrower simply goes on.
import type { Variables } from '../../../ports/workflow-engine.port';
import { resolveString } from '../model/feel-expressions';
import type { ElementDef } from '../model/process-model';
import type { Token } from './instance-state';
import { catchInScopes } from './event-subprocesses';
import { StepFailure, type TokenMachine } from './token-machine';

/** Zeebe: the signal's variables are the throw event's input mappings (none: an empty signal). */
export function throwSignal(m: TokenMachine, el: ElementDef, ctx: Variables, locals: Variables | undefined): void {
  const name = resolveString(el.event!.signal, ctx);
  if (!name) throw new StepFailure(`signal name of '${el.id}' evaluated to nothing`);
  m.emit({ type: 'signal.broadcast', id: `${m.ctx.instanceKey}.${m.nextId('s')}`, name, variables: { ...(locals ?? {}) }, at: m.ctx.now.toISOString() });
}

/** Throws the escalation of `el` from `from`; returns whether the thrower goes on (it is gone if interrupted). */
export function throwEscalation(m: TokenMachine, from: Token, el: ElementDef): boolean {
  offerEscalation(m, from, true, el.event!.escalationCode ?? '');
  return m.token(from.id) !== undefined;
}

/** An escalation from a called instance reached its call activity's token here. */
export function catchChildEscalation(m: TokenMachine, callToken: Token, code: string): void {
  offerEscalation(m, callToken, false, code);
}

/** The nearest escalation catch up the scopes from `from` (its own boundaries unless `skipSelf`) takes it; with
 * none, Zeebe offers it to the calling instance's call activity, and the thrower goes on either way. */
function offerEscalation(m: TokenMachine, from: Token, skipSelf: boolean, code: string): void {
  const caught = catchInScopes(m, from, skipSelf, (ev) => ev?.type === 'escalation' && (!ev.escalationCode || ev.escalationCode === code));
  if (!caught) {
    if (m.ctx.parentKey) offerToParent(m, code);
    return;
  }
  if (caught.kind === 'eventSub') caught.spawn({});
  else catchAtBoundary(m, caught.candidate, caught.catcher);
}

/** Zeebe offers an uncaught escalation to the calling instance's call activity, once (the id makes a repeat a no-op there). */
function offerToParent(m: TokenMachine, code: string): void {
  m.emit({ type: 'parent.escalation', id: `${m.ctx.instanceKey}.${m.nextId('e')}`, parentKey: m.ctx.parentKey!, childKey: m.ctx.instanceKey, code });
}

function catchAtBoundary(m: TokenMachine, host: Token, catcher: ElementDef): void {
  if (catcher.cancelActivity) m.terminate(host);
  const boundary = m.spawn(catcher.id, host.scope);
  m.record(catcher.id, 'activated');
  m.guarded(boundary, { step: 'leave', vars: {} }, () => m.leave(boundary));
}
