// Compensation as Zeebe 8.8 runs it. An activity with a compensation boundary event is remembered when it
// completes, in the scope it completed in; a completed sub-process hands what completed inside it to its own
// scope, a cancelled one forgets it. A compensation throw (intermediate or end) starts the handler of each
// remembered activity of its scope — only the one its activityRef names, if it names one — once per completion,
// latest first, and waits until every handler has completed (Zeebe always waits); with nothing to compensate it
// goes straight on. An activity is compensated once: a second throw finds nothing more to undo.
import type { ElementDef } from '../model/process-model';
import type { Token } from './instance-state';
import type { TokenMachine } from './token-machine';

/** An element finished: remember it if it can be compensated; a sub-process passes on what it remembered. */
export function noteCompleted(m: TokenMachine, token: Token, el: ElementDef): void {
  const list = m.state.compensable;
  if (el.kind === 'subProcess' && list) for (const entry of list) if (entry.scope === token.id) entry.scope = token.scope;
  if (el.compensatedBy) (m.state.compensable ??= []).push({ elementId: el.id, scope: token.scope });
}

/** A scope cancelled: what completed inside it can no longer be compensated. */
export function forgetScope(m: TokenMachine, token: Token): void {
  const list = m.state.compensable;
  if (!list?.some((e) => e.scope === token.id)) return;
  m.state.compensable = list.filter((e) => e.scope !== token.id);
}

export function throwCompensation(m: TokenMachine, token: Token, el: ElementDef): void {
  const ref = el.event?.activityRef;
  const all = m.state.compensable ?? [];
  const chosen = all.filter((e) => e.scope === token.scope && (!ref || e.elementId === ref));
  if (!chosen.length) return m.leave(token);
  m.state.compensable = all.filter((e) => !chosen.includes(e));
  // An instance migrated to a version without that boundary has nothing left to run for it.
  const handlers = chosen.reverse().flatMap((e) => m.el(e.elementId)?.compensatedBy ?? []).map((id) => m.spawn(id, token.scope).id);
  if (!handlers.length) return m.leave(token);
  token.state = 'waiting';
  token.wait = { kind: 'compensation', handlers };
}

/** A handler completed: the throw that started it goes on once its last handler is done. */
export function handlerDone(m: TokenMachine, handler: Token): void {
  const thrower = m.state.tokens.find((t) => t.wait?.kind === 'compensation' && t.wait.handlers.includes(handler.id));
  if (!thrower || thrower.wait?.kind !== 'compensation') return m.scopeMaybeDone(handler.scope);
  thrower.wait.handlers = thrower.wait.handlers.filter((id) => id !== handler.id);
  if (thrower.wait.handlers.length) return;
  delete thrower.wait;
  m.guarded(thrower, { step: 'leave', vars: {} }, () => m.leave(thrower));
}
