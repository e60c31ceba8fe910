// Moving a running instance from one version of its process to a later one: a pure rewrite of the saved
// token state. The rules are deliberately conservative — anything whose meaning could change under the
// instance (its element's type, scope, multi-instance shape, the job it waits on, the timer or message it
// waits for) is refused with a reason naming the element, because a silently wrong instance is worse than
// one left on its old version.
import { BusinessError } from '../../../domain/errors';
import type { ElementDef, ProcessModel } from '../model/process-model';
import type { InstanceState, Token } from './instance-state';
import type { TokenMachine } from './token-machine';

export interface MigrationProblem { elementId?: string; message: string }

/** Rows outside the instance document that name an element: rewritten once the state is saved. */
export interface MigratedRows {
  tasks: { key: string; elementId: string; name: string }[];
  jobs: { key: string; elementId: string }[];
  /** Timers and message subscriptions, keyed as armed on the tokens. */
  triggers: { key: string; kind: 'timer' | 'message'; elementId: string }[];
  incidents: { id: string; elementId: string }[];
}

export interface MigrationSpec {
  source: ProcessModel;
  target: ProcessModel;
  fromVersion: number;
  toVersion: number;
  /** Source element id → target element id; ids present in both versions map to themselves. */
  mapping: Record<string, string>;
}

/** Carries the target model in memory (commands are never stored); the command fills in `rows`. */
export interface MigrateCommand {
  kind: 'migrate';
  target: ProcessModel;
  toVersion: number;
  mapping: Record<string, string>;
  rows?: MigratedRows;
}

export interface MigrationPlan { problems: MigrationProblem[]; applied: Record<string, string> }

export class MigrationRefusedError extends BusinessError {
  constructor(readonly problems: MigrationProblem[]) {
    super('MIGRATION_REFUSED', `Migration refused: ${problems.map((p) => p.message).join('; ')}`);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const label = (el: ElementDef) => `'${el.id}' (${el.kind})`;

/** Checks every live token and what it waits on; `applied` is the mapping actually used. */
export function planMigration(state: InstanceState, spec: MigrationSpec): MigrationPlan {
  const { source, target, toVersion } = spec;
  const problems: MigrationProblem[] = [];
  const applied: Record<string, string> = {};
  for (const [from, to] of Object.entries(spec.mapping)) {
    if (!source.elements[from]) problems.push({ elementId: from, message: `mapping names '${from}', which is not an element of version ${spec.fromVersion}` });
    if (!target.elements[to]) problems.push({ elementId: from, message: `mapping target '${to}' is not an element of version ${toVersion}` });
  }
  // Event sub-processes are armed on their scopes (the process's on the instance itself): not mapped here yet.
  for (const [model, v] of [[source, spec.fromVersion], [target, toVersion]] as const) {
    const subs = Object.values(model.elements).filter((e) => e.eventSub).map((e) => e.id);
    if (subs.length) problems.push({ elementId: subs[0], message: `version ${v} has event sub-processes (${subs.join(', ')}), which migration does not map yet` });
  }
  if (problems.length) return { problems, applied };
  const resolve = (id: string) => spec.mapping[id] ?? (target.elements[id] ? id : undefined);
  const tokenById = new Map(state.tokens.map((t) => [t.id, t]));

  for (const token of state.tokens) {
    const src = source.elements[token.elementId];
    const at = (message: string) => problems.push({ elementId: token.elementId, message });
    if (!src && token.elementId === source.processId) { at('the process is running its end execution listeners: migrate it once they have completed'); continue; }
    if (!src) { at(`the instance is at '${token.elementId}', which its own version does not define`); continue; }
    if (token.state === 'incident') { at(`${label(src)} has an open incident: resolve it before migrating`); continue; }
    if (token.wait?.kind === 'job' && token.wait.exec) { at(`${label(src)} is running an execution listener: migrate it once the listener has completed`); continue; }
    const toId = resolve(src.id);
    if (!toId) { at(`active element ${label(src)} does not exist in version ${toVersion} and is not mapped`); continue; }
    const tgt = target.elements[toId];
    applied[src.id] = toId;
    if (tgt.kind !== src.kind) { at(`${label(src)} would become a ${tgt.kind} ('${toId}'): an element's type cannot change`); continue; }
    if (!same(src.loop, tgt.loop)) { at(`multi-instance definition of ${label(src)} differs in '${toId}'`); continue; }
    const scope = token.scope === 'root' ? undefined : tokenById.get(token.scope);
    const innerOfBody = scope && scope.elementId === token.elementId;
    const expectedParent = !scope ? target.processId : innerOfBody ? tgt.parentId : resolve(scope.elementId);
    if (tgt.parentId !== expectedParent) {
      at(`${label(src)} would move from scope '${src.parentId}' to '${tgt.parentId}': sub-process scope changes are not migrated`);
      continue;
    }
    checkWait(token, src, tgt, at);
    checkTriggers(token, src, tgt, spec, resolve, applied, innerOfBody === true, at);
    if (token.wait?.kind === 'join') checkJoin(token, src, tgt, spec, at);
  }
  return { problems, applied };
}

function checkWait(token: Token, src: ElementDef, tgt: ElementDef, at: (m: string) => void): void {
  const w = token.wait;
  if (w?.kind === 'job' && !w.listener && !same(src.job, tgt.job)) {
    at(`${label(src)} waits on a job of type '${src.job?.type}', but '${tgt.id}' defines ${tgt.job ? `'${tgt.job.type}'` : 'no job'}`);
  }
  if (w?.kind === 'job' && w.listener && !same(src.userTask?.listeners, tgt.userTask?.listeners)) {
    at(`${label(src)} is running a task listener and '${tgt.id}' defines different listeners`);
  }
  if (w?.kind === 'call' && !same(src.call, tgt.call)) at(`${label(src)} waits on a called process that '${tgt.id}' defines differently`);
}

function checkTriggers(
  token: Token, src: ElementDef, tgt: ElementDef, spec: MigrationSpec, resolve: (id: string) => string | undefined,
  applied: Record<string, string>, inner: boolean, at: (m: string) => void,
): void {
  const armedTargets = new Set<string>();
  for (const a of token.armed ?? []) {
    const from = spec.source.elements[a.elementId];
    const toId = resolve(a.elementId);
    const to = toId ? spec.target.elements[toId] : undefined;
    if (!from || !to) { at(`${label(src)} waits on ${a.kind} '${a.elementId}', which version ${spec.toVersion} does not have and is not mapped`); continue; }
    applied[from.id] = to.id;
    armedTargets.add(to.id);
    if (to.kind !== from.kind || !same(from.event, to.event) || from.cancelActivity !== to.cancelActivity) {
      at(`${label(src)} waits on a ${a.kind} ('${from.id}') whose definition differs in version ${spec.toVersion} ('${to.id}')`);
    } else if (a.role === 'boundary' && to.attachedTo !== tgt.id) {
      at(`boundary ${a.kind} '${from.id}' would no longer be attached to '${tgt.id}'`);
    } else if (a.role === 'self' && to.id !== tgt.id) {
      at(`${label(src)} waits on its own ${a.kind}, which cannot map elsewhere`);
    }
  }
  if (inner) return; // boundary events belong to the multi-instance body, checked on its token
  const mustArm = tgt.kind === 'eventBasedGateway'
    ? tgt.outgoing.map((f) => spec.target.flows[f].target)
    : token.wait?.kind === 'join' ? [] : tgt.boundaryIds.filter((b) => ['timer', 'message'].includes(spec.target.elements[b].event?.type ?? ''));
  for (const id of mustArm) {
    if (!armedTargets.has(id)) at(`version ${spec.toVersion} adds ${spec.target.elements[id].event?.type ?? 'an'} event '${id}' to '${tgt.id}', which the running instance has not armed`);
  }
}

/** A token waiting at a join counts for the flow it came by: the join must count the same flows. */
function checkJoin(token: Token, src: ElementDef, tgt: ElementDef, spec: MigrationSpec, at: (m: string) => void): void {
  const flow = token.via ? spec.target.flows[token.via] : undefined;
  if (!flow || flow.target !== tgt.id) at(`${label(src)} was reached by flow '${token.via}', which does not lead to '${tgt.id}' in version ${spec.toVersion}`);
  else if (!same([...src.incoming].sort(), [...tgt.incoming].sort())) at(`join ${label(src)} waits for different incoming flows in '${tgt.id}'`);
}

/** The `migrate` command: refuses (throws) or rewrites the tokens and switches the machine to the target. */
export function migrateTokens(m: TokenMachine, spec: Omit<MigrationSpec, 'source' | 'fromVersion'>): MigratedRows {
  const full: MigrationSpec = { ...spec, source: m.model, fromVersion: m.ctx.version };
  const plan = planMigration(m.state, full);
  if (plan.problems.length) throw new MigrationRefusedError(plan.problems);
  const rows: MigratedRows = { tasks: [], jobs: [], triggers: [], incidents: [] };
  const map = (id: string) => plan.applied[id] ?? id;
  for (const token of m.state.tokens) {
    token.elementId = map(token.elementId);
    const tgt = spec.target.elements[token.elementId];
    for (const a of token.armed ?? []) {
      a.elementId = map(a.elementId);
      rows.triggers.push({ key: a.key, kind: a.kind, elementId: a.elementId });
    }
    const w = token.wait;
    if (w?.kind === 'userTask') rows.tasks.push({ key: w.taskKey, elementId: tgt.id, name: tgt.name ?? tgt.id });
    if (w?.kind === 'job') rows.jobs.push({ key: w.jobKey, elementId: tgt.id });
    if (w?.kind === 'job' && w.listener) {
      w.listener.task = { ...w.listener.task, elementId: tgt.id, name: tgt.name ?? tgt.id, processVersion: spec.toVersion };
      if (w.listener.phase === 'completing') rows.tasks.push({ key: w.listener.task.key, elementId: tgt.id, name: tgt.name ?? tgt.id });
    }
  }
  m.ctx.model = spec.target;
  m.ctx.version = spec.toVersion;
  return rows;
}
