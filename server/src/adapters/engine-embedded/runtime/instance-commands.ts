// Commands that move one instance forward. Each returns false when it no longer applies (the task was already
// completed, the timer already fired…), which is what makes redelivery after a crash harmless.
import type { UserTaskView, Variables } from '../../../ports/workflow-engine.port';
import { applyTaskChange, hasListeners, isCancelingListenerJob, listenerDone, listenerResultProblem, listenerVariables, runListener, startListeners, type ListenerResult } from './task-listeners';
import { withChange, type TaskAttributes } from './task-changes';
import { markSeen, type ErrorOrigin, type Token } from './instance-state';
import type { TokenMachine } from './token-machine';
import { catchError, throwError, trigger, unhandledMessage } from './triggers';
import { migrateTokens, type MigrateCommand } from './migrate-instance';
import { catchChildEscalation } from './throw-events';
import { activateEventSub } from './event-subprocesses';
import { execListenerDone, restartListeners, runExecListener, startProcessListeners } from './execution-listeners';

export type Command =
  | { kind: 'start'; startElementId: string; vars?: Variables }
  | { kind: 'completeTask'; taskKey: string; vars: Variables; by?: string; task?: UserTaskView }
  | { kind: 'changeTask'; taskKey: string; phase: 'assigning' | 'updating'; task: UserTaskView; set: TaskAttributes; action: string; by?: string; requestId?: string }
  | { kind: 'completeJob'; jobKey: string; vars: Variables; result?: ListenerResult }
  | { kind: 'jobError'; jobKey: string; code: string; vars: Variables }
  | { kind: 'jobIncident'; jobKey: string; message: string }
  /** deliveryId: a signal broadcast's, so a repeated delivery is a no-op (triggers.ts). */
  | { kind: 'trigger'; key: string; vars: Variables; deliveryId?: string }
  | { kind: 'childCompleted'; childKey: string; vars: Variables }
  | { kind: 'childError'; childKey: string; code: string; vars: Variables; origin: ErrorOrigin }
  | { kind: 'errorUnhandled'; origin: ErrorOrigin; code: string }
  | { kind: 'childEscalation'; childKey: string; code: string; id?: string }
  | { kind: 'cancel' }
  | { kind: 'setVariables'; vars: Variables }
  | MigrateCommand
  | { kind: 'resolveIncident'; incidentId: string };

const waitingOn = (m: TokenMachine, pred: (t: Token) => boolean) => m.state.tokens.find((t) => t.state === 'waiting' && pred(t));

export function applyCommand(m: TokenMachine, cmd: Command): boolean {
  // A canceling listener's job outlives its token, and often its instance: its result only closes it.
  if (cmd.kind === 'completeJob' && isCancelingListenerJob(cmd.jobKey)) {
    m.emit({ type: 'job.close', jobKey: cmd.jobKey, state: 'completed' });
    return true;
  }
  if (m.state.status !== 'active') return false;
  const ok = dispatch(m, cmd);
  if (ok) m.run();
  return ok;
}

function dispatch(m: TokenMachine, cmd: Command): boolean {
  switch (cmd.kind) {
    case 'start': {
      m.record(m.model.processId, 'activated');
      const start = m.spawn(cmd.startElementId, 'root');
      m.guarded(start, { step: 'listener' }, () => startProcessListeners(m, start));
      return true;
    }
    case 'completeTask': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'userTask' && t.wait.taskKey === cmd.taskKey);
      if (!t) return false;
      // Completing listeners see the task as stored: without it the caller reads it and asks again.
      if (!cmd.task && hasListeners(m, t, 'completing')) return false;
      const task = cmd.task ?? ({ key: cmd.taskKey } as UserTaskView);
      if (startListeners(m, t, { phase: 'completing', task, vars: cmd.vars, by: cmd.by })) return true;
      m.emit({ type: 'task.close', taskKey: cmd.taskKey, state: 'completed', by: cmd.by, variables: cmd.vars });
      m.guarded(t, { step: 'leave', vars: cmd.vars }, () => m.leave(t, cmd.vars));
      return true;
    }
    case 'changeTask': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'userTask' && t.wait.taskKey === cmd.taskKey);
      if (!t) return false;
      const change = { set: cmd.set, changed: Object.keys(cmd.set), action: cmd.action, ...(cmd.requestId ? { requestId: cmd.requestId } : {}) };
      if (startListeners(m, t, { phase: cmd.phase, task: withChange(cmd.task, cmd.set), by: cmd.by, change })) return true;
      applyTaskChange(m, cmd.taskKey, cmd.phase, change, cmd.by);
      return true;
    }
    case 'completeJob': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'job' && t.wait.jobKey === cmd.jobKey);
      if (!t) return false;
      m.emit({ type: 'job.close', jobKey: cmd.jobKey, state: 'completed' });
      const listener = t.wait?.kind === 'job' ? t.wait.listener : undefined;
      const exec = t.wait?.kind === 'job' ? t.wait.exec : undefined;
      if (exec) m.guarded(t, { step: 'listener' }, () => execListenerDone(m, t, exec, cmd.vars));
      else if (listener) {
        const problem = listenerResultProblem(listener, cmd.result);
        if (problem) {
          m.raiseIncident(t, 'job-failed', problem, { step: 'listener' });
          return true;
        }
        const retry = listener.phase === 'creating' ? { step: 'activate' as const }
          : listener.phase === 'completing' ? { step: 'leave' as const, vars: listener.vars ?? {} } : { step: 'listener' as const };
        m.guarded(t, retry, () => listenerDone(m, t, listener, cmd.result));
      }
      else m.guarded(t, { step: 'leave', vars: cmd.vars }, () => m.leave(t, cmd.vars));
      return true;
    }
    case 'jobError': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'job' && t.wait.jobKey === cmd.jobKey);
      if (!t) return false;
      if (t.wait?.kind === 'job' && t.wait.exec) {
        // As in Zeebe: an execution listener cannot throw a BPMN error; it becomes an incident on the listener.
        m.raiseIncident(t, 'job-failed', `an execution listener cannot throw a BPMN error (code '${cmd.code}')`, { step: 'job', jobKey: cmd.jobKey });
        return true;
      }
      m.guarded(t, { step: 'job', jobKey: cmd.jobKey }, () => throwError(m, t, cmd.code, cmd.vars, false));
      return true;
    }
    case 'jobIncident': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'job' && t.wait.jobKey === cmd.jobKey);
      if (!t) return false;
      m.raiseIncident(t, 'job-failed', cmd.message, { step: 'job', jobKey: cmd.jobKey });
      return true;
    }
    case 'trigger':
      return trigger(m, cmd.key, cmd.vars, cmd.deliveryId);
    case 'childCompleted': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'call' && t.wait.childKey === cmd.childKey);
      if (!t) return false;
      // Output mappings read the child's variables either way; without them only propagateAll passes them on.
      const el = m.el(t.elementId);
      const vars = el.outputs.length || el.call!.propagateAllChildVariables ? cmd.vars : {};
      m.guarded(t, { step: 'leave', vars }, () => m.leave(t, vars));
      return true;
    }
    case 'childError': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'call' && t.wait.childKey === cmd.childKey);
      if (!t) return false;
      if (catchError(m, t, cmd.code, cmd.vars, false)) return true; // terminating the call activity cancels the child
      if (m.ctx.parentKey) {
        m.emit({ type: 'parent.error', parentKey: m.ctx.parentKey, childKey: m.ctx.instanceKey, code: cmd.code, variables: cmd.vars, origin: cmd.origin });
      } else {
        m.emit({ type: 'origin.unhandled', origin: cmd.origin, code: cmd.code });
      }
      return true;
    }
    case 'childEscalation': {
      const t = waitingOn(m, (t) => t.wait?.kind === 'call' && t.wait.childKey === cmd.childKey);
      if (!t || (cmd.id && !markSeen(t.wait as { seen?: string[] }, cmd.id))) return false;
      catchChildEscalation(m, t, cmd.code); // each catch guards its own step
      return true;
    }
    case 'errorUnhandled': {
      const t = waitingOn(m, (t) => t.id === cmd.origin.tokenId && t.wait?.kind === 'thrownError');
      if (!t) return false;
      // Resolving re-runs the element: a job is created again, an error end event throws again.
      m.raiseIncident(t, 'unhandled-error', unhandledMessage(cmd.code, t.elementId, true), { step: 'activate' });
      return true;
    }
    case 'cancel': {
      for (const t of m.state.tokens.filter((t) => t.scope === 'root')) m.terminate(t);
      m.endInstance('cancelled'); // disarms the process's event sub-processes
      return true;
    }
    case 'setVariables':
      Object.assign(m.state.vars, cmd.vars);
      return true;
    case 'migrate':
      cmd.rows = migrateTokens(m, cmd);
      return true;
    case 'resolveIncident': {
      const t = m.state.tokens.find((t) => t.state === 'incident' && t.incident?.id === cmd.incidentId);
      if (!t) return false;
      const retry = t.incident!.retry;
      delete t.incident;
      m.emit({ type: 'incident.resolve', incidentId: cmd.incidentId });
      const listener = t.wait?.kind === 'job' ? t.wait.listener : undefined;
      const exec = t.wait?.kind === 'job' ? t.wait.exec : undefined;
      if (retry.step === 'activate' && retry.trigger) {
        t.state = 'waiting';
        m.guarded(t, retry, () => activateEventSub(m, t, retry.trigger!));
      } else if (retry.step === 'activate') t.state = 'ready';
      else if (retry.step === 'listener' && exec) m.guarded(t, retry, () => runExecListener(m, t, exec));
      else if (retry.step === 'listener' && !listener && !exec) m.guarded(t, retry, () => restartListeners(m, t));
      else if (retry.step === 'listener' && listener) m.guarded(t, retry, () => runListener(m, t, listener));
      else if (retry.step === 'job') {
        t.state = 'waiting';
        m.emit({ type: 'job.retry', jobKey: retry.jobKey, retries: 1, variables: listener ? listenerVariables(m, t, listener) : m.context(t) });
      } else if (retry.step === 'leave') {
        t.state = 'waiting';
        m.guarded(t, retry, () => m.leave(t, retry.vars));
      }
      return true;
    }
  }
}
