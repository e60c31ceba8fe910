// zeebe:taskListeners (Camunda 8.8): each listener of an event type runs as a job of its type, one after the
// other, before the task transition takes effect — `creating` before the task appears, `completing` before
// it completes. While a listener job runs, the token waits on that job (so retries and incidents apply).
import type { UserTaskView, Variables } from '../../../ports/workflow-engine.port';
import { resolveValue } from '../model/feel-expressions';
import type { Token } from './instance-state';
import type { TokenMachine } from './token-machine';

export type ListenerPhase = 'creating' | 'completing';

export interface ListenerWait { phase: ListenerPhase; index: number; task: UserTaskView; vars?: Variables; by?: string }

const listenersOf = (m: TokenMachine, token: Token, phase: ListenerPhase) =>
  (m.el(token.elementId).userTask?.listeners ?? []).filter((l) => l.eventType === phase);

/** Starts the listener chain of a phase; returns false when the phase has no listeners. */
export function startListeners(m: TokenMachine, token: Token, wait: Omit<ListenerWait, 'index'>): boolean {
  if (!listenersOf(m, token, wait.phase).length) return false;
  runListener(m, token, { ...wait, index: 0 });
  return true;
}

function runListener(m: TokenMachine, token: Token, wait: ListenerWait): void {
  const def = listenersOf(m, token, wait.phase)[wait.index];
  const ctx = m.context(token, wait.vars);
  const key = `${m.ctx.instanceKey}.l${token.id}.${wait.phase}.${wait.index}`;
  const retries = Number(resolveValue(def.retries, ctx));
  const type = String(resolveValue(def.type, ctx));
  token.state = 'waiting';
  token.wait = { kind: 'job', jobKey: key, listener: wait };
  m.emit({
    type: 'job.create',
    job: { key, type, retries: Number.isFinite(retries) ? retries : 3, elementId: token.elementId, tokenId: token.id, headers: { ...m.el(token.elementId).headers, listenerEventType: wait.phase }, variables: { ...ctx, userTask: wait.task } },
  });
}

/** A listener job completed: run the next one, or let the transition happen. */
export function listenerDone(m: TokenMachine, token: Token, wait: ListenerWait): void {
  if (wait.index + 1 < listenersOf(m, token, wait.phase).length) return runListener(m, token, { ...wait, index: wait.index + 1 });
  if (wait.phase === 'creating') {
    token.wait = { kind: 'userTask', taskKey: wait.task.key };
    m.emit({ type: 'task.create', task: wait.task });
    return;
  }
  token.wait = { kind: 'userTask', taskKey: wait.task.key };
  m.emit({ type: 'task.close', taskKey: wait.task.key, state: 'completed', by: wait.by, variables: wait.vars });
  m.leave(token, wait.vars ?? {});
}
