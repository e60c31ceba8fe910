// Multi-instance activities (zeebe:loopCharacteristics). The token at the activity becomes the body: it owns
// boundary events and the output collection; inner tokens carry inputElement and loopCounter as locals and
// run the activity itself (with its io mappings) once per item, in parallel or one after another.
import type { Variables } from '../../../ports/workflow-engine.port';
import { evaluateCondition, resolveValue } from '../model/feel-expressions';
import type { ElementDef } from '../model/process-model';
import { armBoundaries, disarmAll } from './triggers';
import type { Token } from './instance-state';
import { StepFailure, type TokenMachine } from './token-machine';

export function startMultiInstance(m: TokenMachine, body: Token, el: ElementDef): void {
  const ctx = m.context(body);
  const items = resolveValue(el.loop!.inputCollection, ctx);
  if (!Array.isArray(items)) throw new StepFailure(`inputCollection of '${el.id}' is not a list`);
  const boundaries = armBoundaries(m, body, el, ctx);
  m.record(el.id, 'activated');
  body.state = 'waiting';
  body.wait = { kind: 'multiInstance' };
  body.mi = { items, next: 0, active: 0, outputs: items.map(() => null), completed: false };
  boundaries();
  if (!items.length) return completeBody(m, body, el);
  const count = el.loop!.sequential ? 1 : items.length;
  for (let i = 0; i < count; i++) spawnInner(m, body, el);
}

function spawnInner(m: TokenMachine, body: Token, el: ElementDef): void {
  const mi = body.mi!;
  const index = mi.next++;
  const inner = m.spawn(el.id, body.id);
  inner.inner = { index };
  inner.vars = { loopCounter: index + 1, ...(el.loop!.inputElement ? { [el.loop!.inputElement]: mi.items[index] } : {}) };
  mi.active++;
}

/** Called by TokenMachine.leave for an inner token after its own output mappings ran. */
export function leaveInner(m: TokenMachine, inner: Token, result: Variables): void {
  const body = m.token(inner.scope)!;
  const el = m.el(inner.elementId);
  const loop = el.loop!;
  const mi = body.mi!;
  const ctx = m.context(inner, result);
  if (loop.outputElement) mi.outputs[inner.inner!.index] = resolveValue(loop.outputElement, ctx) ?? null;
  m.remove(inner);
  mi.active--;
  const done = mi.items.length - mi.next + mi.active === 0;
  const stopEarly = loop.completionCondition !== undefined &&
    evaluateCondition(loop.completionCondition, { ...ctx, numberOfInstances: mi.items.length, numberOfCompletedInstances: mi.next - mi.active, numberOfActiveInstances: mi.active });
  if (stopEarly) {
    for (const t of m.state.tokens.filter((t) => t.scope === body.id)) m.terminate(t);
    return completeBody(m, body, el);
  }
  if (done) return completeBody(m, body, el);
  if (loop.sequential) spawnInner(m, body, el);
}

function completeBody(m: TokenMachine, body: Token, el: ElementDef): void {
  if (el.loop!.outputCollection) {
    m.propagate({ [el.loop!.outputCollection]: body.mi!.outputs }, body.scope === 'root' ? undefined : m.token(body.scope));
  }
  disarmAll(m, body);
  m.record(el.id, 'completed');
  m.remove(body);
  m.follow(el, body.scope, el.outgoing);
}
