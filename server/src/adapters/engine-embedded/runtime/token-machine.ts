// A small token interpreter for the Zeebe subset (see process-model.ts). It is pure and synchronous: given the
// saved state and one command it advances tokens to their next wait states and records the effects (tasks,
// jobs, timers, subscriptions…) for the outbox. No timers, no I/O, no engine library state in memory.
import type { Variables } from '../../../ports/workflow-engine.port';
import { ExpressionError, FEEL_CLOCK, resolveValue } from '../model/feel-expressions';
import type { ElementDef, Mapping, ProcessModel } from '../model/process-model';
import type { DecisionLookup } from '../dmn/call-decision';
import { activate } from './activate-element';
import { settleInclusiveJoins } from './gateways';
import { disarmAll, rootHolder } from './triggers';
import { leaveInner } from './multi-instance';
import { endProcessListeners, execListenerJob, hasExecListeners, waitOnListener } from './execution-listeners';
import { runCancelingListeners } from './task-listeners';
import { appendTimeline } from './timeline-codec';
import { forgetScope, handlerDone, noteCompleted } from './compensation';
import { type Effect, type InstanceState, type Retry, type Token } from './instance-state';

export interface MachineContext {
  instanceKey: string;
  processId: string;
  version: number;
  businessKey?: string;
  model: ProcessModel;
  now: Date;
  parentKey?: string;
  /** The deployed decisions this model's business rule tasks call, loaded before the step (dmn/call-decision.ts). */
  decisions?: DecisionLookup;
}

/** A step failure that becomes an incident on the token (Zeebe keeps the element waiting there). */
export class StepFailure extends Error {
  constructor(message: string, readonly incidentType: 'expression-error' | 'io-mapping-error' | 'unhandled-error' = 'expression-error') {
    super(message);
  }
}

export class TokenMachine {
  readonly effects: Effect[] = [];
  constructor(readonly state: InstanceState, readonly ctx: MachineContext) {}


  get model(): ProcessModel { return this.ctx.model; }
  el(id: string): ElementDef { return this.ctx.model.elements[id]; }
  nextId(prefix: string): string { return `${prefix}${++this.state.seq}`; }
  token(id: string): Token | undefined { return this.state.tokens.find((t) => t.id === id); }
  emit(effect: Effect): void { this.effects.push(effect); }

  record(elementId: string, event: 'activated' | 'completed' | 'terminated'): void {
    const entry = { at: this.ctx.now.toISOString(), elementId, elementType: this.el(elementId)?.kind ?? 'process', event };
    this.state.timeline = appendTimeline(this.state.timeline, entry);
  }

  /** Tokens from the given one up through its scopes (nearest first). */
  chain(token: Token): Token[] {
    const out: Token[] = [token];
    let scope = token.scope;
    while (scope !== 'root') {
      const t = this.token(scope);
      if (!t) break;
      out.push(t);
      scope = t.scope;
    }
    return out;
  }

  /** FEEL context of a token: root variables overlaid by each scope's local variables, innermost last. */
  context(token: Token | undefined, extra?: Variables): Variables {
    // FEEL's now()/today() answer with the step's instant from the injected clock (a symbol: never a variable).
    const ctx: Variables = { ...this.state.vars, [FEEL_CLOCK]: this.ctx.now };
    if (token) for (const t of this.chain(token).reverse()) if (t.vars) Object.assign(ctx, t.vars);
    return extra ? Object.assign(ctx, extra) : ctx;
  }

  /** Zeebe propagation: each variable lands in the nearest scope that already has it, else the root. */
  propagate(vars: Variables, from: Token | undefined): void {
    const scopes = from ? this.chain(from) : [];
    for (const [name, value] of Object.entries(vars)) {
      const holder = scopes.find((t) => t.vars && name in t.vars);
      if (holder) holder.vars![name] = value;
      else this.state.vars[name] = value;
    }
  }

  mapVariables(mappings: Mapping[], ctx: Variables): Variables {
    const out: Variables = {};
    for (const m of mappings) {
      let value: unknown;
      try {
        value = m.source === '' ? null : resolveValue(m.source, ctx);
      } catch (e) {
        throw new StepFailure(`io mapping '${m.target}': ${(e as Error).message}`, 'io-mapping-error');
      }
      setPath(out, m.target, value === undefined ? null : value);
    }
    return out;
  }

  spawn(elementId: string, scope: string, via?: string): Token {
    const token: Token = { id: this.nextId('t'), elementId, scope, state: 'ready', ...(via ? { via } : {}) };
    this.state.tokens.push(token);
    return token;
  }

  remove(token: Token): void {
    const i = this.state.tokens.indexOf(token);
    if (i >= 0) this.state.tokens.splice(i, 1);
  }

  /** Runs every ready token until all are waiting (or the instance ends). */
  run(): void {
    for (let guard = 0; guard < 100000; guard++) {
      const token = this.state.tokens.find((t) => t.state === 'ready');
      if (!token) {
        if (settleInclusiveJoins(this)) continue;
        return;
      }
      this.guarded(token, { step: 'activate' }, () => activate(this, token));
    }
    throw new Error('process did not reach a wait state (endless loop?)');
  }

  /** Runs one step; on an expression/mapping failure the step's effects are dropped and an incident opens. */
  guarded(token: Token, retry: Retry, step: () => void): void {
    const mark = this.effects.length;
    try {
      step();
    } catch (e) {
      if (!(e instanceof ExpressionError) && !(e instanceof StepFailure)) throw e;
      this.effects.length = mark;
      const type = e instanceof StepFailure ? e.incidentType : 'expression-error';
      this.raiseIncident(token, type, e.message, retry);
    }
  }

  raiseIncident(token: Token, type: 'job-failed' | 'expression-error' | 'io-mapping-error' | 'unhandled-error', message: string, retry: Retry): void {
    const id = `${this.ctx.instanceKey}.${this.nextId('i')}`;
    token.state = 'incident';
    token.incident = { id, retry };
    this.emit({
      type: 'incident.raise', tokenId: token.id,
      incident: { id, instanceKey: this.ctx.instanceKey, elementId: token.elementId, type, message, createdAt: this.ctx.now.toISOString(), state: 'open' },
    });
  }

  /** Completes an activity/event token: output mappings (or propagation), end listeners, then its outgoing flows. */
  leave(token: Token, result: Variables = {}): void {
    const el = this.el(token.elementId);
    if (el.outputs.length) {
      const out = this.mapVariables(el.outputs, this.context(token, result));
      const parent = token.scope === 'root' ? undefined : this.token(token.scope);
      this.propagate(out, parent);
    } else if (Object.keys(result).length) {
      this.propagate(result, token);
    }
    if (hasExecListeners(this, token, 'end')) {
      // Evaluated before anything changes; the element's boundary events close as it starts completing.
      const wait = { phase: 'end' as const, index: 0, ...(token.inner ? { result } : {}) };
      const job = execListenerJob(this, token, wait, this.context(token));
      disarmAll(this, token);
      return waitOnListener(this, token, wait, job);
    }
    this.finishLeave(token, result);
  }

  /** The element is done (its end listeners too): the flow goes on. */
  finishLeave(token: Token, result: Variables): void {
    const el = this.el(token.elementId);
    disarmAll(this, token);
    this.record(el.id, 'completed');
    if (token.inner) return leaveInner(this, token, result);
    noteCompleted(this, token, el);
    this.remove(token);
    if (el.forCompensation) return handlerDone(this, token);
    this.follow(el, token.scope, el.outgoing);
  }

  follow(el: ElementDef, scope: string, flowIds: string[]): void {
    for (const flowId of flowIds) this.spawn(this.model.flows[flowId].target, scope, flowId);
    if (!flowIds.length) this.scopeMaybeDone(scope);
  }

  /** When the last token of a scope is gone the scope completes: sub-process leaves, root ends the instance. */
  scopeMaybeDone(scope: string): void {
    if (this.state.tokens.some((t) => t.scope === scope)) return;
    if (scope === 'root') {
      if (endProcessListeners(this)) return; // the process ends when its end listeners have run
      return this.endInstance('completed');
    }
    const owner = this.token(scope);
    if (owner && owner.wait?.kind === 'scope') this.guarded(owner, { step: 'leave', vars: {} }, () => this.leave(owner));
  }

  endInstance(state: 'completed' | 'cancelled'): void {
    if (this.state.status !== 'active') return;
    this.state.status = state;
    disarmAll(this, rootHolder(this)); // the process scope's event sub-processes
    this.record(this.model.processId, state === 'completed' ? 'completed' : 'terminated');
    this.emit({ type: 'instance.end', state });
    if (state === 'completed' && this.ctx.parentKey) {
      this.emit({ type: 'parent.notify', parentKey: this.ctx.parentKey, childKey: this.ctx.instanceKey, variables: { ...this.state.vars } });
    }
  }

  /** Removes a token and everything inside it, cancelling what it waits on. */
  terminate(token: Token): void {
    for (const child of this.state.tokens.filter((t) => t.scope === token.id)) this.terminate(child);
    const w = token.wait;
    if (w?.kind === 'job') this.emit({ type: 'job.close', jobKey: w.jobKey, state: 'cancelled' });
    // The task exists unless its creating listeners were still running.
    const openTask = w?.kind === 'userTask' ? w.taskKey : w?.kind === 'job' && w.listener && w.listener.phase !== 'creating' ? w.listener.task.key : undefined;
    if (openTask) {
      this.emit({ type: 'task.close', taskKey: openTask, state: 'cancelled' });
      runCancelingListeners(this, token, openTask);
    }
    if (w?.kind === 'call') this.emit({ type: 'child.cancel', childKey: w.childKey });
    if (token.incident) this.emit({ type: 'incident.resolve', incidentId: token.incident.id });
    disarmAll(this, token);
    forgetScope(this, token);
    if (token.state !== 'ready') this.record(token.elementId, 'terminated');
    this.remove(token);
  }
}

function setPath(target: Variables, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof obj[p] !== 'object' || obj[p] === null) obj[p] = {};
    obj = obj[p] as Variables;
  }
  obj[parts[parts.length - 1]] = value;
}

export const failStep = (message: string) => new StepFailure(message);
