// User tasks, messages, jobs and incidents of the fake (see fake-routes.ts).
import { ConflictError, NotFoundError } from '../../../server/src/domain/errors';
import { TaskChangeDeniedError, type UserTaskView } from '../../../server/src/ports/workflow-engine.port';
import { definitionKey, instanceOf, notFound, TENANT, type FakeContext, type Route } from './fake-routes';
import { FakeHttpError } from './zeebe-fake.server';

const page = (items: unknown[]) => ({ items, page: { totalItems: items.length } });
const STATES: Record<UserTaskView['state'], string> = { open: 'CREATED', completed: 'COMPLETED', cancelled: 'CANCELED' };
const TO_STATE: Record<string, UserTaskView['state']> = { CREATED: 'open', COMPLETED: 'completed', CANCELED: 'cancelled' };

function taskOf(ctx: FakeContext, key: string): string {
  const id = ctx.keys.inner('task', key);
  if (!id) throw notFound(`user task with key '${key}'`);
  return id;
}

function userTaskRecord(ctx: FakeContext, t: UserTaskView) {
  return {
    name: t.name, state: STATES[t.state], ...(t.assignee ? { assignee: t.assignee } : {}), elementId: t.elementId,
    candidateGroups: t.candidateGroups, candidateUsers: t.candidateUsers, processDefinitionId: t.processId, creationDate: t.createdAt,
    ...(t.completedAt ? { completionDate: t.completedAt } : {}), ...(t.followUpDate ? { followUpDate: t.followUpDate } : {}), ...(t.dueDate ? { dueDate: t.dueDate } : {}),
    tenantId: TENANT, processDefinitionVersion: t.processVersion, customHeaders: t.headers, priority: t.priority,
    userTaskKey: ctx.keys.key('task', t.key), elementInstanceKey: ctx.keys.key('element', `${t.key}#task`), processName: t.processId,
    processDefinitionKey: definitionKey(ctx, t.processId, t.processVersion), processInstanceKey: ctx.keys.key('instance', t.instanceKey),
    ...(t.formId ? { formKey: ctx.keys.key('form', t.formId) } : {}),
  };
}

/** The embedded engine's refusals as the 8.8 gateway words them. */
async function asCommand(run: () => Promise<unknown>): Promise<undefined> {
  try {
    await run();
    return undefined;
  } catch (e) {
    if (e instanceof TaskChangeDeniedError) throw new FakeHttpError(409, 'INVALID_STATE', `Command rejected: the transition was denied by a task listener: ${e.reason}`);
    if (e instanceof NotFoundError) throw new FakeHttpError(404, 'NOT_FOUND', e.message);
    if (e instanceof ConflictError) throw new FakeHttpError(409, 'INVALID_STATE', e.message);
    throw e;
  }
}

async function activatedJob(ctx: FakeContext, p: { job: any }, worker: string, timeout: number) {
  const { job } = p;
  const instance = await ctx.inner.getInstance(job.instanceKey);
  const { listenerEventType, ...headers } = job.headers ?? {};
  const { userTask, ...variables } = job.variables ?? {};
  const listener = typeof listenerEventType === 'string';
  const task = listener && userTask?.userTaskKey ? { ...(await ctx.inner.getUserTask(userTask.userTaskKey)), ...userTask } : undefined;
  return {
    type: job.type, processDefinitionId: job.processId, processDefinitionVersion: instance?.version ?? 1, elementId: job.elementId,
    customHeaders: headers, worker, retries: ctx.jobs.retriesSet.get(job.key) ?? job.retries, deadline: Date.now() + timeout,
    variables: listener ? variables : job.variables, tenantId: TENANT, jobKey: ctx.keys.key('job', job.key),
    processInstanceKey: ctx.keys.key('instance', job.instanceKey), processDefinitionKey: definitionKey(ctx, job.processId, instance?.version ?? 1),
    elementInstanceKey: ctx.keys.key('element', `${job.instanceKey}#${job.elementId}`),
    kind: listener ? 'TASK_LISTENER' : 'BPMN_ELEMENT', listenerEventType: listener ? listenerEventType.toUpperCase() : 'UNSPECIFIED',
    ...(task ? { userTask: {
      action: task.action ?? '', assignee: task.assignee ?? null, candidateGroups: task.candidateGroups ?? [], candidateUsers: task.candidateUsers ?? [],
      changedAttributes: task.changedAttributes ?? [], dueDate: task.dueDate ?? null, followUpDate: task.followUpDate ?? null,
      ...(task.formId ? { formKey: ctx.keys.key('form', task.formId) } : {}), priority: task.priority ?? 50, userTaskKey: ctx.keys.key('task', task.userTaskKey),
    } } : {}),
  };
}

function parkedOf(ctx: FakeContext, key: string) {
  const id = ctx.keys.inner('job', key);
  const p = id ? ctx.jobs.get(id) : undefined;
  if (!p || !p.activated) throw notFound(`activated job with key '${key}'`);
  return p;
}

async function incidentRecord(ctx: FakeContext, i: any) {
  const instance = await ctx.inner.getInstance(i.instanceKey);
  return {
    processDefinitionId: instance?.processId ?? 'unknown', errorType: i.type === 'job-failed' ? 'JOB_NO_RETRIES' : i.type === 'io-mapping-error' ? 'IO_MAPPING_ERROR' : i.type === 'unhandled-error' ? 'UNHANDLED_ERROR_EVENT' : 'EXTRACT_VALUE_ERROR',
    errorMessage: i.message, elementId: i.elementId, creationTime: i.createdAt, state: i.state === 'open' ? 'ACTIVE' : 'RESOLVED', tenantId: TENANT,
    incidentKey: ctx.keys.key('incident', i.id), processInstanceKey: ctx.keys.key('instance', i.instanceKey),
    ...(i.type === 'job-failed' ? { jobKey: ctx.keys.key('job', `incident:${i.id}`) } : {}),
  };
}

export const TASK_ROUTES: Route[] = [
  { method: 'POST', path: '/user-tasks/search', op: 'searchUserTasks', run: async (ctx, { body }) => {
    const f = body?.filter ?? {};
    const tasks = await ctx.inner.listUserTasks({ ...(f.processInstanceKey ? { instanceKey: instanceOf(ctx, f.processInstanceKey) } : {}), ...(f.state ? { state: TO_STATE[f.state] } : {}) });
    const from = body?.page?.from ?? 0;
    return page(tasks.map((t) => userTaskRecord(ctx, t)).slice(from, from + (body?.page?.limit ?? 100)));
  } },
  { method: 'GET', path: '/user-tasks/{userTaskKey}', op: 'getUserTask', run: async (ctx, { params }) => {
    const t = await ctx.inner.getUserTask(taskOf(ctx, params.userTaskKey));
    if (!t) throw notFound(`user task with key '${params.userTaskKey}'`);
    return userTaskRecord(ctx, t);
  } },
  { method: 'POST', path: '/user-tasks/{userTaskKey}/completion', op: 'completeUserTask', run: (ctx, { params, body }) =>
    asCommand(() => ctx.inner.completeUserTask(taskOf(ctx, params.userTaskKey), body?.variables ?? {}, { by: 'zeebe-rest' })) },
  { method: 'POST', path: '/user-tasks/{userTaskKey}/assignment', op: 'assignUserTask', run: (ctx, { params, body }) =>
    asCommand(() => ctx.inner.assignUserTask(taskOf(ctx, params.userTaskKey), body.assignee, { by: 'zeebe-rest', ...(body.action ? { action: body.action } : {}) })) },
  { method: 'DELETE', path: '/user-tasks/{userTaskKey}/assignee', op: 'unassignUserTask', run: (ctx, { params }) =>
    asCommand(() => ctx.inner.assignUserTask(taskOf(ctx, params.userTaskKey), null, { by: 'zeebe-rest' })) },
  { method: 'PATCH', path: '/user-tasks/{userTaskKey}', op: 'updateUserTask', run: (ctx, { params, body }) =>
    asCommand(() => ctx.inner.updateUserTask(taskOf(ctx, params.userTaskKey), body?.changeset ?? {}, { by: 'zeebe-rest', ...(body?.action ? { action: body.action } : {}) })) },
  // 200 only when a subscription or a message start event took the message; otherwise 404, and nothing is
  // buffered (the specification: "The message is not buffered").
  { method: 'POST', path: '/messages/correlation', op: 'correlateMessage', run: async (ctx, { body }) => {
    const { instanceKeys } = await ctx.inner.messageRecipients(body.name, body.correlationKey ?? '');
    const r = await ctx.inner.publishMessage(body.name, body.correlationKey ?? '', body.variables ?? {});
    if (!r.correlated) throw notFound(`subscription for message '${body.name}' with correlation key '${body.correlationKey}'`);
    return { tenantId: TENANT, messageKey: ctx.keys.fresh('message'), ...(instanceKeys[0] ? { processInstanceKey: ctx.keys.key('instance', instanceKeys[0]) } : {}) };
  } },
  // A message id deduplicates only "during the lifetime of the message (if `timeToLive` is set)", as the
  // specification says: without a time to live the same id may be published again.
  { method: 'POST', path: '/messages/publication', op: 'publishMessage', run: async (ctx, { body }) => {
    const ttlMs = Number(body.timeToLive ?? 0);
    const r = await ctx.inner.publishMessage(body.name, body.correlationKey ?? '', body.variables ?? {}, { ttlMs, ...(body.messageId && ttlMs > 0 ? { messageId: body.messageId } : {}) });
    if (r.duplicate) throw new FakeHttpError(409, 'ALREADY_EXISTS', `a message with id '${body.messageId}' was already published`);
    return { tenantId: TENANT, messageKey: ctx.keys.fresh('message') };
  } },
  { method: 'POST', path: '/message-subscriptions/search', op: 'searchMessageSubscriptions', run: async (ctx, { body }) => {
    const f = body?.filter ?? {};
    const { instanceKeys } = await ctx.inner.messageRecipients(f.messageName, f.correlationKey ?? '');
    return page(instanceKeys.map((k) => ({ messageSubscriptionKey: ctx.keys.key('subscription', `${k}:${f.messageName}`), processInstanceKey: ctx.keys.key('instance', k), messageSubscriptionState: 'CREATED', messageName: f.messageName, correlationKey: f.correlationKey ?? '', tenantId: TENANT })));
  } },
  { method: 'POST', path: '/jobs/activation', op: 'activateJobs', run: async (ctx, { body }) => {
    ctx.jobs.watch(body.type);
    const parked = ctx.jobs.activate(body.type, body.maxJobsToActivate);
    return { jobs: await Promise.all(parked.map((p) => activatedJob(ctx, p, body.worker ?? '', Number(body.timeout)))) };
  } },
  { method: 'POST', path: '/jobs/{jobKey}/completion', op: 'completeJob', run: async (ctx, { params, body }) => {
    const { type: _type, ...result } = body?.result ?? {};
    parkedOf(ctx, params.jobKey).settle({ kind: 'complete', ...(body?.variables ? { variables: body.variables } : {}), ...(body?.result ? { result } : {}) });
    return undefined;
  } },
  { method: 'POST', path: '/jobs/{jobKey}/failure', op: 'failJob', run: async (ctx, { params, body }) => {
    parkedOf(ctx, params.jobKey).settle({ kind: 'fail', message: body?.errorMessage ?? '', retries: body?.retries ?? 0, ...(body?.retryBackOff ? { backoffMs: Number(body.retryBackOff) } : {}) });
    return undefined;
  } },
  { method: 'POST', path: '/jobs/{jobKey}/error', op: 'throwJobError', run: async (ctx, { params, body }) => {
    parkedOf(ctx, params.jobKey).settle({ kind: 'bpmnError', code: body.errorCode, ...(body.errorMessage ? { message: body.errorMessage } : {}), ...(body.variables ? { variables: body.variables } : {}) });
    return undefined;
  } },
  { method: 'PATCH', path: '/jobs/{jobKey}', op: 'updateJob', run: async (ctx, { params, body }) => {
    const id = ctx.keys.inner('job', params.jobKey);
    if (!id) throw notFound(`job with key '${params.jobKey}'`);
    if (typeof body.changeset?.retries === 'number') ctx.jobs.retriesSet.set(id, body.changeset.retries);
    return undefined;
  } },
  { method: 'GET', path: '/incidents/{incidentKey}', op: 'getIncident', run: async (ctx, { params }) => {
    const id = ctx.keys.inner('incident', params.incidentKey);
    const i = (await ctx.inner.listIncidents()).find((x) => x.id === id);
    if (!i) throw notFound(`incident with key '${params.incidentKey}'`);
    return await incidentRecord(ctx, i);
  } },
  { method: 'POST', path: '/incidents/search', op: 'searchIncidents', run: async (ctx, { body }) => {
    const f = body?.filter ?? {};
    const list = await ctx.inner.listIncidents({ ...(f.processInstanceKey ? { instanceKey: instanceOf(ctx, f.processInstanceKey) } : {}), ...(f.state ? { state: f.state === 'ACTIVE' ? 'open' : 'resolved' } : {}) });
    return page(await Promise.all(list.map((i) => incidentRecord(ctx, i))));
  } },
  { method: 'POST', path: '/incidents/{incidentKey}/resolution', op: 'resolveIncident', run: async (ctx, { params }) => {
    const id = ctx.keys.inner('incident', params.incidentKey);
    if (!id) throw notFound(`incident with key '${params.incidentKey}'`);
    return asCommand(() => ctx.inner.resolveIncident(id));
  } },
];
