// zeebe:taskListeners (Camunda 8.8): each listener of an event type runs as a job of its type, one after the
// other, before the task transition takes effect — `creating` before the task appears, `assigning` / `updating`
// before the change is written, `completing` before it completes. While a listener job runs, the token waits on
// that job (so retries and incidents apply). A listener may correct the task's attributes, and may deny an
// assign, update or completion: the task then stays as it was.
import type { UserTaskCorrections, UserTaskView, Variables } from '../../../ports/workflow-engine.port';
import { resolveValue } from '../model/feel-expressions';
import type { JobSpec, Token } from './instance-state';
import { correctChange, correctionsProblem, withChange, type TaskChange } from './task-changes';
import type { TokenMachine } from './token-machine';

export type ListenerPhase = 'creating' | 'assigning' | 'updating' | 'completing';

export interface ListenerWait {
  phase: ListenerPhase;
  index: number;
  /** The task as the listener sees it (with the pending change applied). */
  task: UserTaskView;
  vars?: Variables;
  by?: string;
  change?: TaskChange;
}

export interface ListenerResult { denied?: boolean; deniedReason?: string; corrections?: UserTaskCorrections }

const DENIABLE: ListenerPhase[] = ['assigning', 'updating', 'completing'];

const listenersOf = (m: TokenMachine, token: Token, phase: ListenerPhase | 'canceling') =>
  (m.el(token.elementId).userTask?.listeners ?? []).filter((l) => l.eventType === phase);

export const hasListeners = (m: TokenMachine, token: Token, phase: ListenerPhase) => listenersOf(m, token, phase).length > 0;

/** Starts the listener chain of a phase; returns false when the phase has no listeners. */
export function startListeners(m: TokenMachine, token: Token, wait: Omit<ListenerWait, 'index'>): boolean {
  if (!listenersOf(m, token, wait.phase).length) return false;
  runListener(m, token, { ...wait, index: 0 });
  return true;
}

/** The job variables of a listener: the instance's variables plus `userTask` (Camunda's user task properties). */
export function listenerVariables(m: TokenMachine, token: Token, wait: ListenerWait): Variables {
  const ctx = m.context(token, wait.vars);
  const action = wait.change?.action ?? (wait.phase === 'creating' ? 'create' : 'complete');
  return { ...ctx, userTask: { ...wait.task, userTaskKey: wait.task.key, action, changedAttributes: wait.change?.changed ?? [] } };
}

/** (Re-)creates the job of the listener the token waits on; its key is stable, so a replay finds the same row. */
export function runListener(m: TokenMachine, token: Token, wait: ListenerWait): void {
  const job = listenerJob(m, token, wait.phase, wait.index, m.context(token, wait.vars), listenerVariables(m, token, wait));
  token.state = 'waiting';
  token.wait = { kind: 'job', jobKey: job.key, listener: wait };
  m.emit({ type: 'job.create', job });
}

/**
 * `canceling` listeners (Camunda 8.8: the instance is cancelled, or an event interrupts the task) run as jobs
 * of their types once the task is cancelled. They cannot deny or correct. Unlike Zeebe, which holds the
 * termination until they complete, the embedded engine lets the flow go on at once: the token they would
 * block is already gone. Their completion is accepted whatever the instance's state (instance-commands.ts).
 */
export function runCancelingListeners(m: TokenMachine, token: Token, taskKey: string): void {
  const ctx = m.context(token);
  const userTask = { userTaskKey: taskKey, elementId: token.elementId, action: 'cancel', changedAttributes: [] };
  listenersOf(m, token, 'canceling').forEach((_, index) => {
    m.emit({ type: 'job.create', job: listenerJob(m, token, 'canceling', index, ctx, { ...ctx, userTask }) });
  });
}

/** The job of the index-th listener of a phase on the token's element (type and retries may be FEEL). */
function listenerJob(m: TokenMachine, token: Token, phase: ListenerPhase | 'canceling', index: number, ctx: Variables, variables: Variables): JobSpec {
  const def = listenersOf(m, token, phase)[index];
  const retries = Number(resolveValue(def.retries, ctx));
  return {
    key: `${m.ctx.instanceKey}.l${token.id}.${phase}.${index}`, type: String(resolveValue(def.type, ctx)),
    retries: Number.isFinite(retries) ? retries : 3, elementId: token.elementId, tokenId: token.id,
    headers: { ...m.el(token.elementId).headers, listenerEventType: phase }, variables,
  };
}

/** Jobs of canceling listeners: no token waits on them. */
export const isCancelingListenerJob = (jobKey: string) => /\.l[^.]+\.canceling\.\d+$/.test(jobKey);

/** Why a listener's result cannot be used (it then becomes an incident on the listener job). */
export function listenerResultProblem(wait: ListenerWait, result: ListenerResult | undefined): string | undefined {
  if (result?.denied && !DENIABLE.includes(wait.phase)) return `a ${wait.phase} task listener cannot deny the transition`;
  if (result?.denied) return undefined;
  return correctionsProblem(result?.corrections);
}

/** A listener job completed: the transition is denied, or the next listener runs, or the transition happens. */
export function listenerDone(m: TokenMachine, token: Token, wait: ListenerWait, result?: ListenerResult): void {
  const taskKey = wait.task.key;
  if (result?.denied) {
    token.wait = { kind: 'userTask', taskKey };
    m.emit({ type: 'task.denied', taskKey, phase: wait.phase, reason: result.deniedReason ?? '', ...(wait.change?.requestId ? { requestId: wait.change.requestId } : {}) });
    return;
  }
  if (result?.corrections && Object.keys(result.corrections).length) {
    const change = correctChange(wait.change ?? { set: {}, changed: [], action: wait.phase }, result.corrections);
    wait = { ...wait, change, task: withChange(wait.task, change.set) };
  }
  if (wait.index + 1 < listenersOf(m, token, wait.phase).length) return runListener(m, token, { ...wait, index: wait.index + 1 });
  token.wait = { kind: 'userTask', taskKey };
  switch (wait.phase) {
    case 'creating':
      m.emit({ type: 'task.create', task: wait.task });
      return;
    case 'assigning':
    case 'updating':
      return applyTaskChange(m, taskKey, wait.phase, wait.change!, wait.by);
    case 'completing':
      if (wait.change) applyTaskChange(m, taskKey, undefined, wait.change, wait.by);
      m.emit({ type: 'task.close', taskKey, state: 'completed', by: wait.by, variables: wait.vars });
      m.leave(token, wait.vars ?? {});
  }
}

/** Writes a change to the task row; `phase` decides the event (none for corrections made while completing). */
export function applyTaskChange(m: TokenMachine, taskKey: string, phase: 'assigning' | 'updating' | undefined, change: TaskChange, by?: string): void {
  m.emit({
    type: 'task.update', taskKey, set: change.set, changedAttributes: change.changed,
    ...(phase ? { event: phase === 'assigning' ? 'assigned' as const : 'updated' as const } : {}),
    ...(by ? { by } : {}), ...(change.requestId ? { requestId: change.requestId } : {}),
  });
}
