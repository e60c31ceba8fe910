// The operations the fake answers, each by asking the embedded engine behind it. Records are built with
// exactly the 8.8 fields (the server checks them against the response schemas before sending).
import type { WorkflowEngine } from '../../../server/src/ports/workflow-engine.port';
import type { FakeJobs } from './fake-jobs';
import type { FakeKeys } from './fake-keys';
import { FakeHttpError } from './zeebe-fake.server';
import { TASK_ROUTES } from './fake-task-routes';

export interface FakeContext { inner: WorkflowEngine; keys: FakeKeys; jobs: FakeJobs; forms: Map<string, { version: number; content: string }> }
export interface Route { method: string; path: string; op: string; status?: number; run(ctx: FakeContext, req: { params: Record<string, string>; body: any }): Promise<unknown> }

export const TENANT = '<default>';
const page = (items: unknown[]) => ({ items, page: { totalItems: items.length } });
export const notFound = (what: string) => new FakeHttpError(404, 'NOT_FOUND', `${what} not found`);

export function instanceOf(ctx: FakeContext, key: string): string {
  const id = ctx.keys.inner('instance', key);
  if (!id) throw notFound(`process instance with key '${key}'`);
  return id;
}

export function definitionOf(ctx: FakeContext, key: string): { processId: string; version: number } {
  const id = ctx.keys.inner('definition', key);
  if (!id) throw notFound(`process definition with key '${key}'`);
  const at = id.lastIndexOf('@');
  return { processId: id.slice(0, at), version: Number(id.slice(at + 1)) };
}

export const definitionKey = (ctx: FakeContext, processId: string, version: number) => ctx.keys.key('definition', `${processId}@${version}`);

export async function processInstanceRecord(ctx: FakeContext, innerKey: string) {
  const i = await ctx.inner.getInstance(innerKey);
  if (!i) throw notFound(`process instance '${innerKey}'`);
  const incidents = await ctx.inner.listIncidents({ instanceKey: innerKey, state: 'open' });
  return {
    processDefinitionId: i.processId, processDefinitionName: i.processId, processDefinitionVersion: i.version,
    startDate: i.startedAt, ...(i.endedAt ? { endDate: i.endedAt } : {}),
    state: i.state === 'completed' ? 'COMPLETED' : i.state === 'cancelled' ? 'TERMINATED' : 'ACTIVE',
    hasIncident: incidents.length > 0, tenantId: TENANT, processInstanceKey: ctx.keys.key('instance', i.key),
    processDefinitionKey: definitionKey(ctx, i.processId, i.version),
    ...(i.parentKey ? { parentProcessInstanceKey: ctx.keys.key('instance', i.parentKey) } : {}),
  };
}

const ELEMENT_TYPES = new Set(['SUB_PROCESS', 'EVENT_SUB_PROCESS', 'START_EVENT', 'INTERMEDIATE_CATCH_EVENT', 'INTERMEDIATE_THROW_EVENT', 'BOUNDARY_EVENT', 'END_EVENT', 'SERVICE_TASK', 'RECEIVE_TASK', 'USER_TASK', 'MANUAL_TASK', 'TASK', 'EXCLUSIVE_GATEWAY', 'INCLUSIVE_GATEWAY', 'PARALLEL_GATEWAY', 'EVENT_BASED_GATEWAY', 'CALL_ACTIVITY', 'BUSINESS_RULE_TASK', 'SCRIPT_TASK', 'SEND_TASK']);
const elementType = (kind: string) => {
  const t = kind.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return ELEMENT_TYPES.has(t) ? t : 'UNKNOWN';
};

/** Element instances rebuilt from the embedded timeline: each activation, ended by the next end of that element. */
async function elementInstances(ctx: FakeContext, innerKey: string) {
  const i = await ctx.inner.getInstance(innerKey);
  if (!i) return [];
  const open = new Map<string, any[]>();
  const out: any[] = [];
  i.timeline.forEach((e, n) => {
    if (e.event === 'taken' || e.elementType === 'process') return;
    if (e.event === 'activated') {
      const rec = {
        processDefinitionId: i.processId, startDate: e.at, elementId: e.elementId, elementName: e.elementId, type: elementType(e.elementType),
        state: 'ACTIVE', hasIncident: false, tenantId: TENANT, elementInstanceKey: ctx.keys.key('element', `${innerKey}#${n}`),
        processInstanceKey: ctx.keys.key('instance', innerKey), processDefinitionKey: definitionKey(ctx, i.processId, i.version),
      };
      out.push(rec);
      open.set(e.elementId, [...(open.get(e.elementId) ?? []), rec]);
      return;
    }
    const rec = open.get(e.elementId)?.shift();
    if (rec) Object.assign(rec, { endDate: e.at, state: e.event === 'terminated' ? 'TERMINATED' : 'COMPLETED' });
  });
  // What the instance says is active wins over the timeline (a migrated element keeps running).
  for (const rec of out) if (rec.state === 'ACTIVE' && !i.activeElementIds.includes(rec.elementId)) rec.state = i.state === 'cancelled' ? 'TERMINATED' : 'COMPLETED';
  return out;
}

async function allInstanceKeys(ctx: FakeContext): Promise<string[]> {
  const ids = [...new Set((await ctx.inner.listDeployments()).map((d) => d.processId))];
  const lists = await Promise.all(ids.map((processId) => ctx.inner.listInstances({ processId, limit: 10_000 })));
  return lists.flatMap((l) => l.items.map((i) => i.key));
}

const keysIn = (v: any): string[] | undefined => (v === undefined ? undefined : typeof v === 'string' ? [v] : v.$in ?? (v.$eq ? [v.$eq] : []));

/** The 8.8 deployment records of DMN files: each file's decision requirements and decisions, at the inner engine's versions. */
async function decisionRecords(ctx: FakeContext, files: { name: string; content: string }[]): Promise<unknown[]> {
  const all = files.length ? (await ctx.inner.listDecisionDeployments?.()) ?? [] : [];
  return files.flatMap((file) => {
    const graphId = /<(?:[\w-]+:)?definitions\b[^>]*?\sid="([^"]+)"/.exec(file.content)?.[1];
    const d = all.filter((x) => x.decisionRequirementsId === graphId).sort((a, b) => b.version - a.version)[0];
    if (!d) return [];
    const decisionRequirementsKey = ctx.keys.key('definition', `drg:${d.decisionRequirementsId}@${d.version}`);
    const common = { version: d.version, tenantId: TENANT, decisionRequirementsId: d.decisionRequirementsId, decisionRequirementsKey };
    return [
      { decisionRequirements: { ...common, resourceName: file.name } },
      ...d.decisionIds.map((id) => ({ decisionDefinition: { ...common, decisionDefinitionId: id, decisionDefinitionKey: ctx.keys.key('definition', `decision:${id}@${d.version}`) } })),
    ];
  });
}

const INSTANCE_ROUTES: Route[] = [
  { method: 'GET', path: '/topology', op: 'getTopology', run: async () => ({
    brokers: [{ nodeId: 0, host: '127.0.0.1', port: 26501, partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }], version: '8.8.0' }],
    clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: '8.8.0', lastCompletedChangeId: '-1',
  }) },
  { method: 'POST', path: '/deployments', op: 'createDeployment', run: async (ctx, { body }) => {
    const files: File[] = body.resources;
    const resources = await Promise.all(files.map(async (f) => ({ name: f.name, content: await f.text() })));
    // DMN files too: the engine behind the fake evaluates their decisions, as the cluster would.
    const deployed = await ctx.inner.deploy(resources.filter((r) => r.name.endsWith('.bpmn') || r.name.endsWith('.dmn')));
    const decisions = await decisionRecords(ctx, resources.filter((r) => r.name.endsWith('.dmn')));
    const forms = resources.filter((r) => r.name.endsWith('.form')).map((r) => {
      // As Zeebe: the same content as the latest version is that version; anything else is the next one.
      const formId = String(JSON.parse(r.content).id ?? r.name);
      const latest = ctx.forms.get(formId);
      const version = latest?.content === r.content ? latest.version : (latest?.version ?? 0) + 1;
      ctx.forms.set(formId, { version, content: r.content });
      return { form: { formId, version, resourceName: r.name, tenantId: TENANT, formKey: ctx.keys.key('form', `${formId}@${version}`) } };
    });
    return {
      deploymentKey: ctx.keys.fresh('deployment'), tenantId: TENANT,
      deployments: [...deployed.map((d) => ({ processDefinition: { processDefinitionId: d.processId, processDefinitionVersion: d.version, resourceName: d.resourceName, tenantId: TENANT, processDefinitionKey: definitionKey(ctx, d.processId, d.version) } })), ...forms, ...decisions],
    };
  } },
  { method: 'POST', path: '/process-definitions/search', op: 'searchProcessDefinitions', run: async (ctx, { body }) => {
    const f = body?.filter ?? {};
    const all = (await ctx.inner.listDeployments(typeof f.processDefinitionId === 'string' ? f.processDefinitionId : undefined))
      .filter((d) => f.version === undefined || d.version === f.version);
    const items = all.map((d) => ({ name: d.name ?? d.processId, resourceName: d.resourceName, version: d.version, processDefinitionId: d.processId, tenantId: TENANT, processDefinitionKey: definitionKey(ctx, d.processId, d.version), hasStartForm: false }));
    const from = body?.page?.from ?? 0;
    return { items: items.slice(from, from + (body?.page?.limit ?? 100)), page: { totalItems: items.length } };
  } },
  { method: 'GET', path: '/process-definitions/{processDefinitionKey}/xml', op: 'getProcessDefinitionXml', run: async (ctx, { params }) => {
    const d = definitionOf(ctx, params.processDefinitionKey);
    return (await ctx.inner.getDeploymentResource(d.processId, d.version)) ?? '';
  } },
  { method: 'POST', path: '/process-definitions/{processDefinitionKey}/statistics/element-instances', op: 'getProcessDefinitionStatistics', run: async (ctx, { params }) => {
    const d = definitionOf(ctx, params.processDefinitionKey);
    const counts = await ctx.inner.countActiveElements(d.processId, d.version);
    return { items: counts.elements.map((e) => ({ elementId: e.elementId, active: e.active, canceled: 0, incidents: e.incidents, completed: 0 })) };
  } },
  { method: 'POST', path: '/process-instances', op: 'createProcessInstance', run: async (ctx, { body }) => {
    const r = await ctx.inner.startInstance(body.processDefinitionId, body.variables ?? {}, body.processDefinitionVersion > 0 ? { version: body.processDefinitionVersion } : {});
    return { processDefinitionId: r.processId, processDefinitionVersion: r.version, tenantId: TENANT, variables: {}, processDefinitionKey: definitionKey(ctx, r.processId, r.version), processInstanceKey: ctx.keys.key('instance', r.instanceKey) };
  } },
  { method: 'GET', path: '/process-instances/{processInstanceKey}', op: 'getProcessInstance', run: (ctx, { params }) => processInstanceRecord(ctx, instanceOf(ctx, params.processInstanceKey)) },
  { method: 'POST', path: '/process-instances/search', op: 'searchProcessInstances', run: async (ctx, { body }) => {
    const f = body?.filter ?? {};
    const keys = f.processDefinitionKey ? await (async () => {
      const d = definitionOf(ctx, f.processDefinitionKey);
      return (await ctx.inner.listInstances({ processId: d.processId, version: d.version, limit: 10_000 })).items.map((i) => i.key);
    })() : f.processDefinitionId ? (await ctx.inner.listInstances({ processId: f.processDefinitionId, ...(f.processDefinitionVersion ? { version: f.processDefinitionVersion } : {}), limit: 10_000 })).items.map((i) => i.key) : await allInstanceKeys(ctx);
    const records = (await Promise.all(keys.map((k) => processInstanceRecord(ctx, k))))
      .filter((r) => (f.state === undefined || r.state === f.state) && (f.hasIncident === undefined || r.hasIncident === f.hasIncident));
    const from = body?.page?.from ?? 0;
    return { items: records.slice(from, from + (body?.page?.limit ?? 100)), page: { totalItems: records.length } };
  } },
  { method: 'POST', path: '/process-instances/{processInstanceKey}/cancellation', op: 'cancelProcessInstance', run: async (ctx, { params }) => {
    const id = instanceOf(ctx, params.processInstanceKey);
    const i = await ctx.inner.getInstance(id);
    if (!i || i.state === 'completed' || i.state === 'cancelled') throw notFound(`active process instance '${params.processInstanceKey}'`);
    await ctx.inner.cancelInstance(id);
    return undefined;
  } },
  { method: 'POST', path: '/process-instances/{processInstanceKey}/migration', op: 'migrateProcessInstance', run: async (ctx, { params, body }) => {
    const target = definitionOf(ctx, body.targetProcessDefinitionKey);
    const mapping = Object.fromEntries(body.mappingInstructions.map((m: any) => [m.sourceElementId, m.targetElementId]));
    const r = await ctx.inner.migrateInstance(instanceOf(ctx, params.processInstanceKey), { toVersion: target.version, mapping });
    if (!r.migrated) throw new FakeHttpError(400, 'INVALID_ARGUMENT', r.problems.map((p) => p.message).join('; '));
    return undefined;
  } },
  { method: 'GET', path: '/process-instances/{processInstanceKey}/sequence-flows', op: 'getProcessInstanceSequenceFlows', run: async (ctx, { params }) => {
    const id = instanceOf(ctx, params.processInstanceKey);
    const path = await ctx.inner.getInstancePath(id);
    const i = await ctx.inner.getInstance(id);
    return { items: (path?.takenFlowIds ?? []).map((flow) => ({ sequenceFlowId: flow, processInstanceKey: params.processInstanceKey, processDefinitionKey: definitionKey(ctx, i!.processId, i!.version), processDefinitionId: i!.processId, elementId: flow, tenantId: TENANT })) };
  } },
  { method: 'POST', path: '/element-instances/search', op: 'searchElementInstances', run: async (ctx, { body }) => {
    const key = body?.filter?.processInstanceKey;
    return page(key ? await elementInstances(ctx, instanceOf(ctx, key)) : []);
  } },
  { method: 'PUT', path: '/element-instances/{elementInstanceKey}/variables', op: 'createElementInstanceVariables', run: async (ctx, { params, body }) => {
    await ctx.inner.setVariables(instanceOf(ctx, params.elementInstanceKey), body.variables);
    return undefined;
  } },
  { method: 'POST', path: '/variables/search', op: 'searchVariables', run: async (ctx, { body }) => {
    const f = body?.filter ?? {};
    const keys = (keysIn(f.processInstanceKey)?.map((k) => instanceOf(ctx, k))) ?? await allInstanceKeys(ctx);
    const items = (await Promise.all(keys.map(async (id) => {
      const i = await ctx.inner.getInstance(id);
      const key = ctx.keys.key('instance', id);
      return Object.entries(i?.variables ?? {}).map(([name, value]) => ({
        name, value: JSON.stringify(value), isTruncated: false, tenantId: TENANT, variableKey: ctx.keys.key('variable', `${id}:${name}`), scopeKey: key, processInstanceKey: key,
      }));
    }))).flat().filter((v) => (f.name === undefined || v.name === f.name) && (f.value === undefined || v.value === f.value) && (f.scopeKey === undefined || keysIn(f.scopeKey)!.includes(v.scopeKey)));
    return page(items);
  } },
];

export const ROUTES: Route[] = [...INSTANCE_ROUTES, ...TASK_ROUTES];
