// What happens when a token arrives at an element. Every FEEL evaluation happens before any effect or state
// change, so a failing expression leaves the token exactly where it was (with an incident).
import type { UserTaskView } from '../../../ports/workflow-engine.port';
import { resolveList, resolveString, resolveValue } from '../model/feel-expressions';
import type { ElementDef } from '../model/process-model';
import { callDecision } from '../dmn/call-decision';
import { activateGateway } from './gateways';
import { armBoundaries, armEvent, rootHolder, throwError } from './triggers';
import { armEventSubs } from './event-subprocesses';
import { throwEscalation, throwSignal } from './throw-events';
import { throwCompensation } from './compensation';
import { startMultiInstance } from './multi-instance';
import { startListeners } from './task-listeners';
import { hasExecListeners, prepareStartListeners } from './execution-listeners';
import type { Token } from './instance-state';
import { StepFailure, type TokenMachine } from './token-machine';

export function activate(m: TokenMachine, token: Token): void {
  const el = m.el(token.elementId);
  if (!el) throw new StepFailure(`element '${token.elementId}' does not exist in this version`);
  if (el.loop && !token.inner && !token.mi) return startMultiInstance(m, token, el);
  // A joining gateway runs its start listeners once the join is complete (gateways.ts).
  const joins = (el.kind === 'parallelGateway' || el.kind === 'inclusiveGateway') && el.incoming.length > 1;
  if (!token.prepared && !joins && hasExecListeners(m, token, 'start')) return startElementListeners(m, token, el);
  if (el.kind.endsWith('Gateway')) return activateGateway(m, token, el);
  // With start listeners, the input mappings were applied before them (startElementListeners).
  const locals = !token.prepared && el.inputs.length ? m.mapVariables(el.inputs, m.context(token)) : undefined;
  const ctx = m.context(token, locals);
  switch (el.kind) {
    case 'startEvent': {
      // The process's own start: the process scope is now active, so its event sub-processes are armed.
      const arm = el.parentId === m.model.processId ? armEventSubs(m, rootHolder(m), m.model.eventSubIds, ctx) : () => undefined;
      return enter(m, token, locals, () => { m.leave(token); arm(); });
    }
    case 'boundaryEvent':
      return enter(m, token, locals, () => m.leave(token));
    case 'intermediateThrowEvent':
      if (el.job) return startJob(m, token, el, locals, ctx); // a message throw event: its worker sends
      if (el.event?.type === 'signal') return enter(m, token, locals, () => { throwSignal(m, el, ctx, locals); m.leave(token); });
      if (el.event?.type === 'escalation') return enter(m, token, locals, () => { if (throwEscalation(m, token, el)) m.leave(token); });
      if (el.event?.type === 'compensation') return enter(m, token, locals, () => throwCompensation(m, token, el));
      return enter(m, token, locals, () => m.leave(token));
    case 'endEvent':
      if (el.job) return startJob(m, token, el, locals, ctx); // a message end event: ends when the job completes
      return endEvent(m, token, el, locals, ctx);
    case 'manualTask':
    case 'task':
      return enter(m, token, locals, () => m.leave(token)); // nothing to run: Camunda 8 passes through them too
    case 'receiveTask': {
      const arm = armEvent(m, token, el, el.id, 'self', ctx);
      const boundaries = armBoundaries(m, token, el, ctx);
      return enter(m, token, locals, () => { token.state = 'waiting'; token.wait = { kind: 'event' }; arm(); boundaries(); });
    }
    case 'intermediateCatchEvent': {
      if (el.event?.type === 'link') return enter(m, token, locals, () => m.leave(token)); // reached from its link throw
      const arm = armEvent(m, token, el, el.id, 'self', ctx);
      return enter(m, token, locals, () => { token.state = 'waiting'; token.wait = { kind: 'event' }; arm(); });
    }
    case 'userTask': {
      const task = userTaskView(m, token, el, ctx);
      const boundaries = armBoundaries(m, token, el, ctx);
      return enter(m, token, locals, () => {
        token.state = 'waiting';
        boundaries();
        if (startListeners(m, token, { phase: 'creating', task })) return;
        token.wait = { kind: 'userTask', taskKey: task.key };
        m.emit({ type: 'task.create', task });
      });
    }
    case 'businessRuleTask': {
      if (el.job) return startJob(m, token, el, locals, ctx);
      // Evaluated before anything changes: a failing decision leaves the token here with an incident.
      const result = callDecision(el, ctx, m.ctx.decisions, m.ctx.now);
      return enter(m, token, locals, () => m.leave(token, result));
    }
    case 'serviceTask':
    case 'sendTask':
      return startJob(m, token, el, locals, ctx);
    case 'scriptTask': {
      if (el.job) return startJob(m, token, el, locals, ctx);
      // Evaluated before anything changes: a failing script leaves the token here with an incident.
      const result = { [el.script!.resultVariable]: resolveValue(el.script!.expression, ctx) };
      return enter(m, token, locals, () => m.leave(token, result));
    }
    case 'subProcess': {
      const boundaries = armBoundaries(m, token, el, ctx);
      const eventSubs = armEventSubs(m, token, el.eventSubIds, ctx);
      return enter(m, token, locals, () => {
        token.state = 'waiting';
        token.wait = { kind: 'scope' };
        boundaries();
        eventSubs();
        m.spawn(el.startId!, token.id);
      });
    }
    case 'callActivity': {
      const processId = resolveString(el.call!.processId, ctx);
      if (!processId) throw new StepFailure(`called process id of '${el.id}' evaluated to nothing`);
      const variables = el.call!.propagateAllParentVariables ? ctx : { ...(locals ?? {}) };
      const childKey = `${m.ctx.instanceKey}.c${token.id}`;
      const boundaries = armBoundaries(m, token, el, ctx);
      return enter(m, token, locals, () => {
        token.state = 'waiting';
        token.wait = { kind: 'call', childKey };
        m.emit({ type: 'child.start', childKey, processId, variables, tokenId: token.id });
        boundaries();
      });
    }
  }
}

/** Zeebe: input mappings first, then the start listeners (which see them), then the element's expressions. */
function startElementListeners(m: TokenMachine, token: Token, el: ElementDef): void {
  prepareStartListeners(m, token, el.inputs.length ? m.mapVariables(el.inputs, m.context(token)) : undefined)();
}

/** Elements implemented as a job (service and send tasks, message throw and end events): wait for its worker. */
function startJob(m: TokenMachine, token: Token, el: ElementDef, locals: Record<string, unknown> | undefined, ctx: Record<string, unknown>): void {
  const type = resolveString(el.job!.type, ctx);
  const retries = Number(resolveValue(el.job!.retries, ctx));
  if (!type) throw new StepFailure(`job type of '${el.id}' evaluated to nothing`);
  const key = `${m.ctx.instanceKey}.j${token.id}`;
  const boundaries = armBoundaries(m, token, el, ctx);
  enter(m, token, locals, () => {
    token.state = 'waiting';
    token.wait = { kind: 'job', jobKey: key };
    const job = { key, type, retries: Number.isFinite(retries) ? retries : 3, elementId: el.id, tokenId: token.id, headers: el.headers, variables: ctx };
    m.emit({ type: 'job.create', job });
    boundaries();
  });
}

function enter(m: TokenMachine, token: Token, locals: Record<string, unknown> | undefined, then: () => void): void {
  if (locals) token.vars = { ...(token.vars ?? {}), ...locals };
  m.record(token.elementId, 'activated');
  then();
}

function endEvent(m: TokenMachine, token: Token, el: ElementDef, locals: Record<string, unknown> | undefined, ctx: Record<string, unknown>): void {
  const ev = el.event;
  if (ev?.type === 'signal') return enter(m, token, locals, () => { throwSignal(m, el, ctx, locals); m.leave(token); });
  if (ev?.type === 'escalation') return enter(m, token, locals, () => { if (throwEscalation(m, token, el)) m.leave(token); });
  if (ev?.type === 'compensation') return enter(m, token, locals, () => throwCompensation(m, token, el));
  if (ev?.type === 'error') {
    enter(m, token, locals, () => undefined);
    return throwError(m, token, ev.errorCode ?? '', {}, true);
  }
  if (ev?.type === 'terminate') {
    return enter(m, token, locals, () => {
      for (const other of m.state.tokens.filter((t) => t.scope === token.scope && t !== token)) m.terminate(other);
      m.leave(token);
    });
  }
  enter(m, token, locals, () => m.leave(token));
}

function userTaskView(m: TokenMachine, token: Token, el: ElementDef, ctx: Record<string, unknown>): UserTaskView {
  const u = el.userTask!;
  const priority = u.priority === undefined ? 50 : Number(resolveValue(u.priority, ctx));
  const view: UserTaskView = {
    key: `${m.ctx.instanceKey}.u${token.id}`,
    instanceKey: m.ctx.instanceKey,
    processId: m.ctx.processId,
    processVersion: m.ctx.version,
    elementId: el.id,
    name: el.name ?? el.id,
    candidateGroups: resolveList(u.candidateGroups, ctx),
    candidateUsers: resolveList(u.candidateUsers, ctx),
    ...optional('assignee', resolveString(u.assignee, ctx)),
    ...optional('dueDate', isoDate(resolveString(u.dueDate, ctx), el.id, 'dueDate')),
    ...optional('followUpDate', isoDate(resolveString(u.followUpDate, ctx), el.id, 'followUpDate')),
    ...optional('formId', u.formId ?? u.formKey),
    priority: Number.isFinite(priority) ? priority : 50,
    headers: el.headers,
    createdAt: m.ctx.now.toISOString(),
    state: 'open',
  };
  return view;
}

function isoDate(value: string | undefined, elementId: string, what: string): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new StepFailure(`${what} of '${elementId}' is not a date: '${value}'`);
  return d.toISOString();
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
