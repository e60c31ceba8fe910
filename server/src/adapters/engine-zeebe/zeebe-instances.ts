// Process instances through /v2/process-instances, /v2/variables and /v2/element-instances: start, cancel,
// set variables, migrate, and the monitor's reads. What Zeebe's search cannot show (a business key, the
// sequence flows taken) is left empty rather than made up.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { NotFoundError } from '../../domain/errors';
import type { InstanceSummary, InstanceView, MigrationRequest, MigrationResult, Variables } from '../../ports/workflow-engine.port';
import type { ZeebeDeployer } from './zeebe-deployer';
import { detailOf } from './zeebe-deployer';
import { NOW, statusOf, type ZeebeApi } from './zeebe-client';
import { INSTANCE_STATE_FILTER, instanceState, variableValue } from './zeebe-mapping';

const PAGE = 1000;

export class ZeebeInstances {
  constructor(private readonly api: ZeebeApi, private readonly deployer: ZeebeDeployer, private readonly tenantId?: string) {}

  async start(processId: string, variables: Variables, version?: number) {
    const res: any = await this.api.createProcessInstance({
      processDefinitionId: processId, ...(version ? { processDefinitionVersion: version } : {}), variables,
      ...(this.tenantId ? { tenantId: this.tenantId } : {}),
    } as never);
    return { instanceKey: String(res.processInstanceKey), processId: res.processDefinitionId, version: res.processDefinitionVersion };
  }

  async cancel(instanceKey: string): Promise<void> {
    try {
      await this.api.cancelProcessInstance({ processInstanceKey: instanceKey } as never);
    } catch (e) {
      if (statusOf(e) === 404 && (await this.summary(instanceKey))) return; // already ended
      throw e;
    }
  }

  async setVariables(instanceKey: string, variables: Variables): Promise<void> {
    await this.api.createElementInstanceVariables({ elementInstanceKey: instanceKey, variables } as never);
  }

  async get(instanceKey: string): Promise<InstanceView | undefined> {
    const p = await this.summary(instanceKey);
    if (!p) return undefined;
    const [vars, elements] = await Promise.all([this.variables(instanceKey), this.elements(instanceKey)]);
    return {
      key: p.key, processId: p.processId, version: p.version, ...(p.parentKey ? { parentKey: p.parentKey } : {}), state: p.state,
      activeElementIds: elements.filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS').map((e) => e.elementId),
      variables: vars,
      timeline: elements.filter((e) => e.type !== 'PROCESS').flatMap((e) => [
        { at: e.startDate, elementId: e.elementId, elementType: portElementType(e.type), event: 'activated' as const },
        ...(e.endDate ? [{ at: e.endDate, elementId: e.elementId, elementType: portElementType(e.type), event: e.state === 'TERMINATED' ? 'terminated' as const : 'completed' as const }] : []),
      ]),
      startedAt: p.startedAt, ...(p.endedAt ? { endedAt: p.endedAt } : {}),
    };
  }

  async list(filter: { processId: string; version?: number; state?: InstanceSummary['state']; offset?: number; limit?: number }) {
    const res: any = await this.api.searchProcessInstances({
      filter: { processDefinitionId: filter.processId, ...(filter.version ? { processDefinitionVersion: filter.version } : {}), ...(filter.state ? INSTANCE_STATE_FILTER[filter.state] : {}) },
      sort: [{ field: 'startDate', order: 'DESC' }], page: { from: filter.offset ?? 0, limit: filter.limit ?? 50 },
    } as never, NOW);
    const items: InstanceSummary[] = (res.items ?? []).map(toSummary);
    const cases: any = items.length ? await this.api.searchVariables({ filter: { name: 'caseId', processInstanceKey: { $in: items.map((i) => i.key) } }, page: { limit: PAGE } } as never, NOW) : { items: [] };
    for (const v of cases.items ?? []) {
      const item = items.find((i) => i.key === String(v.processInstanceKey) && String(v.scopeKey) === i.key);
      const value = variableValue(v);
      if (item && typeof value === 'string') item.caseId = value;
    }
    return { items, total: Number(res.page?.totalItems ?? items.length) };
  }

  async migrate(instanceKey: string, request: MigrationRequest): Promise<MigrationResult> {
    const p = await this.summary(instanceKey);
    if (!p) throw new NotFoundError(`instance '${instanceKey}' not found`, 'INSTANCE_NOT_FOUND');
    const base = { instanceKey, processId: p.processId, fromVersion: p.version, toVersion: request.toVersion, dryRun: !!request.dryRun };
    const target = await this.deployer.definitionKey(p.processId, request.toVersion);
    if (!target) return { ...base, migrated: false, problems: [{ message: `version ${request.toVersion} of '${p.processId}' is not deployed` }], applied: {} };
    const active = (await this.elements(instanceKey)).filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS').map((e) => String(e.elementId));
    const applied = Object.fromEntries(active.map((id) => [id, request.mapping?.[id] ?? id]));
    if (request.dryRun) return { ...base, migrated: false, problems: [], applied };
    try {
      await this.api.migrateProcessInstance({
        processInstanceKey: instanceKey, targetProcessDefinitionKey: target,
        mappingInstructions: Object.entries(applied).map(([sourceElementId, targetElementId]) => ({ sourceElementId, targetElementId })),
      } as never);
    } catch (e) {
      if (statusOf(e) === 400 || statusOf(e) === 409) return { ...base, migrated: false, problems: [{ message: detailOf(e) }], applied };
      throw e;
    }
    return { ...base, migrated: true, problems: [], applied };
  }

  async summary(instanceKey: string): Promise<InstanceSummary | undefined> {
    try {
      return toSummary(await this.api.getProcessInstance({ processInstanceKey: instanceKey } as never, NOW));
    } catch (e) {
      if (statusOf(e) === 404 || statusOf(e) === 400) return undefined;
      throw e;
    }
  }

  /** The instance's own variables (its root scope), not those local to its elements. */
  private async variables(instanceKey: string): Promise<Variables> {
    const res: any = await this.api.searchVariables({ filter: { processInstanceKey: instanceKey, scopeKey: instanceKey }, page: { limit: PAGE } } as never, NOW);
    return Object.fromEntries((res.items ?? []).map((v: any) => [v.name, variableValue(v)]));
  }

  async elements(instanceKey: string): Promise<any[]> {
    const res: any = await this.api.searchElementInstances({ filter: { processInstanceKey: instanceKey }, page: { limit: PAGE } } as never, NOW);
    return res.items ?? [];
  }
}

function toSummary(p: any): InstanceSummary {
  return {
    key: String(p.processInstanceKey), processId: p.processDefinitionId, version: p.processDefinitionVersion,
    ...(p.parentProcessInstanceKey ? { parentKey: String(p.parentProcessInstanceKey) } : {}),
    state: instanceState(p), activeElementIds: [], startedAt: p.startDate, ...(p.endDate ? { endedAt: p.endDate } : {}),
  };
}

/** Zeebe's element type (END_EVENT) as the port names it, after the BPMN element (endEvent), as the embedded engine does. */
export const portElementType = (type: unknown) => String(type).toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
