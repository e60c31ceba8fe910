// Gateways. Conditions are FEEL and must be boolean (else incident). Parallel joins count one token per
// incoming flow; inclusive joins wait while any other token of the scope can still reach them.
import { evaluateCondition } from '../model/feel-expressions';
import type { ElementDef, ProcessModel } from '../model/process-model';
import { armEvent } from './triggers';
import { hasExecListeners, prepareStartListeners } from './execution-listeners';
import type { Token } from './instance-state';
import { StepFailure, type TokenMachine } from './token-machine';

export function activateGateway(m: TokenMachine, token: Token, el: ElementDef): void {
  switch (el.kind) {
    case 'exclusiveGateway': {
      const flow = chooseFlows(m, token, el, true);
      return pass(m, token, el, flow);
    }
    // `prepared`: the join was complete and its start listeners have run: it goes on now.
    case 'inclusiveGateway':
      if (el.incoming.length > 1 && !token.prepared) return wait(m, token);
      return pass(m, token, el, chooseFlows(m, token, el, false));
    case 'parallelGateway':
      if (el.incoming.length > 1 && !token.prepared) {
        wait(m, token);
        return joinParallel(m, el, token.scope);
      }
      return pass(m, token, el, el.outgoing);
    case 'eventBasedGateway': {
      const ctx = m.context(token);
      const arms = el.outgoing.map((f) => {
        const target = m.el(m.model.flows[f].target);
        return armEvent(m, token, target, target.id, 'gateway', ctx);
      });
      m.record(el.id, 'activated');
      token.state = 'waiting';
      token.wait = { kind: 'event' };
      arms.forEach((arm) => arm());
      return;
    }
  }
}

function wait(m: TokenMachine, token: Token): void {
  token.state = 'waiting';
  token.wait = { kind: 'join' };
}

function pass(m: TokenMachine, token: Token, el: ElementDef, flows: string[]): void {
  m.record(el.id, 'activated');
  m.record(el.id, 'completed');
  m.remove(token);
  m.follow(el, token.scope, flows);
}

/** Exclusive: first true condition (or default). Inclusive: every true condition (or default). */
function chooseFlows(m: TokenMachine, token: Token, el: ElementDef, firstOnly: boolean): string[] {
  const ctx = m.context(token);
  const chosen: string[] = [];
  for (const flowId of el.outgoing) {
    if (flowId === el.defaultFlow) continue;
    const cond = m.model.flows[flowId].condition;
    if (cond === undefined || evaluateCondition(cond, ctx)) {
      chosen.push(flowId);
      if (firstOnly) break;
    }
  }
  if (!chosen.length && el.defaultFlow) chosen.push(el.defaultFlow);
  if (!chosen.length) throw new StepFailure(`no outgoing sequence flow of '${el.id}' has a true condition and there is no default flow`);
  return chosen;
}

function joinParallel(m: TokenMachine, el: ElementDef, scope: string): void {
  const waiting = m.state.tokens.filter((t) => t.elementId === el.id && t.scope === scope && t.wait?.kind === 'join');
  const picked = el.incoming.map((f) => waiting.find((t) => t.via === f));
  if (picked.some((t) => !t)) return;
  if (startJoinListeners(m, picked as Token[])) return;
  for (const t of picked) m.remove(t!);
  pass(m, picked[0]!, el, el.outgoing);
}

/** A complete join runs its start listeners once, on the first of the tokens it joined (Zeebe activates it once). */
function startJoinListeners(m: TokenMachine, joined: Token[]): boolean {
  const [first] = joined;
  if (!hasExecListeners(m, first, 'start')) return false;
  const wait = prepareStartListeners(m, first, undefined); // a gateway has no input mappings
  joined.slice(1).forEach((t) => m.remove(t));
  wait();
  return true;
}

/** Fires inclusive joins that no other token can still reach; returns true when one fired. */
export function settleInclusiveJoins(m: TokenMachine): boolean {
  for (const token of m.state.tokens) {
    if (token.wait?.kind !== 'join') continue;
    const el = m.el(token.elementId);
    if (el.kind !== 'inclusiveGateway') continue;
    const others = m.state.tokens.filter((t) => t.scope === token.scope && !(t.elementId === el.id && t.wait?.kind === 'join'));
    if (others.some((t) => canReach(m.model, t.elementId, el.id))) continue;
    const arrived = m.state.tokens.filter((t) => t.scope === token.scope && t.elementId === el.id && t.wait?.kind === 'join');
    const first = arrived[0];
    let listening = false;
    m.guarded(first, { step: 'activate' }, () => { listening = startJoinListeners(m, arrived); });
    if (listening || first.state === 'incident') return true;
    arrived.slice(1).forEach((t) => m.remove(t));
    first.state = 'ready';
    m.guarded(first, { step: 'activate' }, () => pass(m, first, el, chooseFlows(m, first, el, false)));
    return true;
  }
  return false;
}

const reachCache = new WeakMap<ProcessModel, Map<string, Set<string>>>();

/** Elements reachable from `from` along sequence flows and boundary events (same scope). */
function canReach(model: ProcessModel, from: string, to: string): boolean {
  let cache = reachCache.get(model);
  if (!cache) reachCache.set(model, (cache = new Map()));
  let reach = cache.get(from);
  if (!reach) {
    reach = new Set();
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      const el = model.elements[id];
      if (!el) continue;
      const next = [...el.outgoing.map((f) => model.flows[f].target), ...el.boundaryIds];
      for (const n of next) if (!reach.has(n)) { reach.add(n); stack.push(n); }
    }
    cache.set(from, reach);
  }
  return reach.has(to);
}
