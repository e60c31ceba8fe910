// One instance for the monitor: where it is, the path it took, its timeline, incidents and open tasks, and
// its variables — minus those whose form field belongs to a case section the reader may not read. Withheld
// values never leave the server; the response names them so the page can say "not shown". An instance of
// another team's case (a called child as much as its parent) is not found (instance-scope.ts).
import type { CaseSection } from '../../domain/cases/case-section';
import type { IncidentView, InstancePath, InstanceView, UserTaskView, Variables } from '../../ports/workflow-engine.port';
import { auditActor, readable, type Actor } from '../cases/case-access';
import { loadInstanceInReach } from './instance-scope';
import { canMonitor, requireMonitor, type MonitorDeps } from './monitor-access';

export interface InstanceDetail extends Omit<InstanceView, 'variables'> {
  /** The case the instance works on (its `caseId` variable, or its caller's). */
  caseId?: string;
  variables: Variables;
  withheldVariables: { key: string; sections: CaseSection[] }[];
  path: InstancePath;
  incidents: IncidentView[];
  openTasks: Pick<UserTaskView, 'key' | 'elementId' | 'name' | 'assignee' | 'candidateGroups' | 'createdAt'>[];
  /** What the reader may do here (the page shows only these controls). */
  actions: { cancel: boolean; resolve: boolean; migrate: boolean; message: boolean };
}

export async function getInstanceDetail(deps: MonitorDeps, actor: Actor, instanceKey: string): Promise<InstanceDetail> {
  requireMonitor(deps.policy, actor);
  const { instance, caseId } = await loadInstanceInReach(deps, actor, instanceKey);
  const [path, incidents, tasks, sections] = await Promise.all([
    deps.engine.getInstancePath(instanceKey),
    deps.engine.listIncidents({ instanceKey }),
    deps.engine.listUserTasks({ instanceKey, state: 'open' }),
    deps.variableSections(),
  ]);
  const readableSections = readable(deps.policy, actor);
  const variables: Variables = {};
  const withheldVariables: InstanceDetail['withheldVariables'] = [];
  for (const [key, value] of Object.entries(instance.variables)) {
    const of = sections.get(key) ?? [];
    if (of.every((s) => readableSections.includes(s))) variables[key] = value;
    else withheldVariables.push({ key, sections: [...of] });
  }
  await deps.audit.record({
    actor: auditActor(actor), action: 'instance.read', recordType: 'process-instance', recordId: instanceKey, sections: readableSections,
    ...(caseId || withheldVariables.length ? { after: { ...(caseId ? { caseId } : {}), ...(withheldVariables.length ? { withheldVariables: withheldVariables.map((w) => w.key) } : {}) } } : {}),
  });
  const running = instance.state === 'active' || instance.state === 'incident';
  return {
    ...instance,
    ...(caseId ? { caseId } : {}),
    variables,
    withheldVariables,
    path: path ?? { completedElementIds: [], takenFlowIds: [], activeElementIds: instance.activeElementIds },
    incidents,
    openTasks: tasks.map((t) => ({ key: t.key, elementId: t.elementId, name: t.name, assignee: t.assignee, candidateGroups: t.candidateGroups, createdAt: t.createdAt })),
    actions: {
      cancel: running && deps.policy.can(actor, 'cancel-instance'),
      resolve: incidents.some((i) => i.state === 'open') && deps.policy.can(actor, 'resolve-incident'),
      migrate: running && deps.policy.can(actor, 'migrate-instance'),
      message: running && canMonitor(deps.policy, actor) && deps.policy.can(actor, 'send-message'),
    },
  };
}
