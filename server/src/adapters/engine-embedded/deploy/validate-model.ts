// Deploy-time checks on a compiled model: every FEEL expression parses, static timer values are valid ISO,
// and no variable is named fields/content/properties (reserved: they clash with engine message fields).
import { feelSyntaxProblem, isFeel, resolveValue } from '../model/feel-expressions';
import { RESERVED_VARIABLES, type ElementDef, type ProcessModel } from '../model/process-model';
import { planTimer, TIMER_FUNCTIONS } from '../model/timer-definitions';
import type { ProblemList } from './deploy-problems';
import { checkExecutionListeners } from './execution-listener-checks';

function checkFeel(value: string | undefined, what: string, elementId: string, problems: ProblemList, alwaysFeel = false): void {
  if (value === undefined || (!alwaysFeel && !isFeel(value))) return;
  const problem = feelSyntaxProblem(value);
  if (problem) problems.add(`invalid FEEL in ${what} of '${elementId}': ${problem} in '${value}'`, elementId);
}

function checkTarget(name: string | undefined, what: string, elementId: string, problems: ProblemList): void {
  if (!name) return;
  const root = name.split('.')[0];
  if (RESERVED_VARIABLES.includes(root)) {
    problems.add(`variable name '${root}' in ${what} of '${elementId}' is reserved (fields, content and properties are not allowed)`, elementId);
  }
}

function checkElement(el: ElementDef, model: ProcessModel, problems: ProblemList): void {
  for (const m of el.inputs) { checkFeel(m.source, 'input mapping', el.id, problems); checkTarget(m.target, 'input mapping', el.id, problems); }
  for (const m of el.outputs) { checkFeel(m.source, 'output mapping', el.id, problems); checkTarget(m.target, 'output mapping', el.id, problems); }
  if (el.job) { checkFeel(el.job.type, 'job type', el.id, problems); checkFeel(el.job.retries, 'job retries', el.id, problems); }
  if (el.userTask) {
    const u = el.userTask;
    for (const [k, v] of Object.entries({ assignee: u.assignee, candidateGroups: u.candidateGroups, candidateUsers: u.candidateUsers, dueDate: u.dueDate, followUpDate: u.followUpDate, priority: u.priority })) {
      checkFeel(v, k, el.id, problems);
    }
  }
  if (el.loop) {
    checkFeel(el.loop.inputCollection, 'inputCollection', el.id, problems, true);
    checkFeel(el.loop.outputElement, 'outputElement', el.id, problems, true);
    checkFeel(el.loop.completionCondition, 'completionCondition', el.id, problems, true);
    checkTarget(el.loop.inputElement, 'inputElement', el.id, problems);
    checkTarget(el.loop.outputCollection, 'outputCollection', el.id, problems);
  }
  if (el.call) checkFeel(el.call.processId, 'called process id', el.id, problems);
  if (el.script) {
    if (!isFeel(el.script.expression)) problems.add(`the script of '${el.id}' must be a FEEL expression starting with '='`, el.id);
    else checkFeel(el.script.expression, 'script', el.id, problems);
    checkTarget(el.script.resultVariable, 'resultVariable', el.id, problems);
  }
  if (el.decision) {
    checkFeel(el.decision.decisionId, 'decision id', el.id, problems);
    checkTarget(el.decision.resultVariable, 'resultVariable', el.id, problems);
  }
  const ev = el.event;
  if (ev?.message?.correlationKey) checkFeel(ev.message.correlationKey, 'correlation key', el.id, problems, true);
  // An event sub-process's message start waits inside a running instance, so it correlates by key too.
  const eventSubStart = el.kind === 'startEvent' && !!model.elements[el.parentId]?.eventSub;
  const catches = eventSubStart || (el.kind !== 'startEvent' && el.kind !== 'endEvent' && el.kind !== 'intermediateThrowEvent');
  if (ev?.type === 'message' && catches && !ev.message?.correlationKey) {
    problems.add(`message '${ev.message?.name}' used by '${el.id}' needs a zeebe:subscription correlationKey`, el.id);
  }
  if (ev?.signal) checkFeel(ev.signal, 'signal name', el.id, problems);
  // A process's signal start is looked up by name when a signal is broadcast, before any instance exists.
  if (ev?.type === 'signal' && el.kind === 'startEvent' && el.parentId === model.processId && isFeel(ev.signal!)) {
    problems.add(`signal start event '${el.id}' needs a fixed signal name, not an expression: no instance exists yet to evaluate it in`, el.id);
  }
  if (ev?.timer) {
    if (isFeel(ev.timer.value)) checkFeel(ev.timer.value, 'timer', el.id, problems);
    else {
      try { planTimer(ev.timer.kind, ev.timer.value, new Date()); } catch (e) { problems.add(`invalid timer on '${el.id}': ${(e as Error).message}`, el.id); }
    }
  }
}

export function validateModel(model: ProcessModel, problems: ProblemList): void {
  for (const el of Object.values(model.elements)) {
    checkElement(el, model, problems);
    checkExecutionListeners(el, problems);
  }
  for (const l of [...Object.values(model.elements).flatMap((e) => (e.listeners ?? []).map((x) => [e.id, x] as const)), ...(model.listeners ?? []).map((x) => [model.processId, x] as const)]) {
    checkFeel(l[1].type, 'execution listener type', l[0], problems);
    checkFeel(l[1].retries, 'execution listener retries', l[0], problems);
  }
  for (const flow of Object.values(model.flows)) {
    if (flow.condition !== undefined) checkFeel(flow.condition, 'condition', flow.id, problems, true);
  }
  resolveStartTimers(model, problems);
  if (!model.noneStartId && !model.messageStarts.length && !model.timerStarts.length && !model.signalStarts?.length) {
    problems.add(`process '${model.processId}' has no start event`, model.processId);
  }
}

/**
 * Zeebe evaluates timer start expressions once, at deploy, without process variables (there is no instance
 * yet). The result replaces the expression in the stored model, so the scheduler only ever sees static values.
 */
function resolveStartTimers(model: ProcessModel, problems: ProblemList): void {
  for (const ts of model.timerStarts) {
    if (!isFeel(ts.timer.value) || feelSyntaxProblem(ts.timer.value)) continue; // syntax already reported
    try {
      const value = resolveValue(ts.timer.value, { ...TIMER_FUNCTIONS });
      if (typeof value !== 'string' || !value.trim()) throw new Error(`expected a ${ts.timer.kind} but got ${value === null ? 'null' : typeof value}`);
      planTimer(ts.timer.kind, value, new Date());
      ts.timer = { ...ts.timer, value };
    } catch (e) {
      problems.add(`invalid timer on start event '${ts.elementId}' (evaluated at deploy, without variables): ${(e as Error).message}`, ts.elementId);
    }
  }
}
