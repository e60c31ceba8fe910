// zeebe:executionListeners (Camunda 8.8): jobs that block the element. `start` listeners run after the input
// mappings and before the element's expressions and behaviour; their variables become the element's local
// variables. `end` listeners run after the output mappings, before the flow leaves; their variables go to the
// element's scope as output mappings' do. Several of one kind run one after another, in the order drawn.
// The process's own listeners run before its start event and after its last token ends; their variables
// are the process's. While a listener job runs, the token waits on that job (retries and incidents apply).
import type { Variables } from '../../../ports/workflow-engine.port';
import { resolveString, resolveValue } from '../model/feel-expressions';
import type { ExecutionListenerDef } from '../model/process-model';
import type { JobSpec, Token } from './instance-state';
import { StepFailure, type TokenMachine } from './token-machine';
import { enterEventSub } from './event-subprocesses';
import { disarmAll, rootHolder } from './triggers';

export interface ExecListenerWait {
  phase: 'start' | 'end';
  index: number;
  /** The process's own listeners (the token is the start event's, or the one holding the process's end). */
  process?: boolean;
  /** End listeners of a multi-instance inner token: the result its outputElement is evaluated with. */
  result?: Variables;
  /** Start listeners of an event sub-process: the variables of the trigger that started it. */
  trigger?: Variables;
}

function listenersOf(m: TokenMachine, token: Token, wait: Pick<ExecListenerWait, 'phase' | 'process'>): ExecutionListenerDef[] {
  const all = wait.process ? m.model.listeners : m.el(token.elementId)?.listeners;
  return (all ?? []).filter((l) => l.eventType === wait.phase);
}

export const hasExecListeners = (m: TokenMachine, token: Token, phase: 'start' | 'end', process = false) =>
  listenersOf(m, token, { phase, process }).length > 0;

/** The job of the listener `wait` names, evaluated in `ctx` (throws before anything changes). */
export function execListenerJob(m: TokenMachine, token: Token, wait: ExecListenerWait, ctx: Variables): JobSpec {
  const def = listenersOf(m, token, wait)[wait.index];
  const type = resolveString(def.type, ctx);
  if (!type) throw new StepFailure(`execution listener type on '${wait.process ? m.model.processId : token.elementId}' evaluated to nothing`);
  const retries = Number(resolveValue(def.retries, ctx));
  const headers = wait.process ? {} : m.el(token.elementId).headers;
  return {
    key: `${m.ctx.instanceKey}.x${token.id}.${wait.process ? 'process-' : ''}${wait.phase}.${wait.index}`,
    type, retries: Number.isFinite(retries) ? retries : 3,
    elementId: wait.process ? m.model.processId : token.elementId, tokenId: token.id,
    headers: { ...headers, listenerEventType: wait.phase }, variables: ctx,
  };
}

/** The token waits on a listener job (built by execListenerJob). */
export function waitOnListener(m: TokenMachine, token: Token, wait: ExecListenerWait, job: JobSpec): void {
  token.state = 'waiting';
  token.wait = { kind: 'job', jobKey: job.key, exec: wait };
  m.emit({ type: 'job.create', job });
}

/**
 * An element's start listeners, after its input mappings (`locals`, which they see and which become the
 * element's local variables). Evaluated now (throws before anything changes); the returned thunk makes the
 * token wait on the first. `trigger`: an event sub-process's, the variables its start event goes on with.
 */
export function prepareStartListeners(m: TokenMachine, token: Token, locals: Variables | undefined, trigger?: Variables): () => void {
  const wait: ExecListenerWait = { phase: 'start', index: 0, ...(trigger !== undefined ? { trigger } : {}) };
  const job = execListenerJob(m, token, wait, m.context(token, locals));
  return () => {
    if (locals) token.vars = { ...(token.vars ?? {}), ...locals };
    token.prepared = true;
    waitOnListener(m, token, wait, job);
  };
}

/** (Re-)runs the listener the token waits on: an incident's retry, or the next listener of the chain. */
export function runExecListener(m: TokenMachine, token: Token, wait: ExecListenerWait): void {
  waitOnListener(m, token, wait, execListenerJob(m, token, wait, m.context(token)));
}

/** The process's start listeners hold its start event; false when it has none. */
export function startProcessListeners(m: TokenMachine, start: Token): boolean {
  if (!hasExecListeners(m, start, 'start', true)) return false;
  runExecListener(m, start, { phase: 'start', index: 0, process: true });
  return true;
}

/** The process's end listeners run on a token of their own, which keeps the process from ending meanwhile.
 * Its work is over: its event sub-processes are disarmed first, so none can start a token beside the holder
 * (the holder's end would otherwise end the instance over an open task). */
export function endProcessListeners(m: TokenMachine): boolean {
  const probe = { elementId: m.model.processId } as Token;
  if (!hasExecListeners(m, probe, 'end', true)) return false;
  disarmAll(m, rootHolder(m));
  const holder = m.spawn(m.model.processId, 'root');
  m.guarded(holder, { step: 'listener' }, () => runExecListener(m, holder, { phase: 'end', index: 0, process: true }));
  return true;
}

/** A listener job completed with `vars`: they are stored, then the next listener runs or the element goes on. */
export function execListenerDone(m: TokenMachine, token: Token, wait: ExecListenerWait, vars: Variables): void {
  if (wait.process) Object.assign(m.state.vars, vars);
  else if (wait.phase === 'start') token.vars = { ...(token.vars ?? {}), ...vars };
  else m.propagate(vars, token.scope === 'root' ? undefined : m.token(token.scope));
  if (wait.index + 1 < listenersOf(m, token, wait).length) return runExecListener(m, token, { ...wait, index: wait.index + 1 });
  delete token.wait;
  if (wait.trigger) return enterEventSub(m, token, wait.trigger);
  if (wait.phase === 'start') {
    token.state = 'ready'; // activates now (its start listeners and input mappings are done: `prepared`)
    return;
  }
  if (wait.process) {
    m.remove(token);
    return m.endInstance('completed');
  }
  m.finishLeave(token, wait.result ?? {});
}

/** An incident before the first process listener's job existed (its type failed): the chain starts again. */
export function restartListeners(m: TokenMachine, token: Token): void {
  const phase = token.elementId === m.model.processId ? 'end' : 'start';
  runExecListener(m, token, { phase, index: 0, process: true });
}
