// One instance for the monitor: where it is, the path it took, its timeline, incidents and open tasks, and
// its variables — minus those whose form field belongs to a case section the reader may not read. Withheld
// values never leave the server; the response names them so the page can say "not shown".
import { NotFoundError } from '../../domain/errors';
import type { CaseSection } from '../../domain/cases/case-section';
import type { IncidentView, InstancePath, InstanceView, UserTaskView, Variables } from '../../ports/workflow-engine.port';
import { auditActor, canViewCase, readable, type Actor } from '../cases/case-access';
import { canMonitor, requireMonitor, type MonitorDeps } from './monitor-access';

export interface InstanceDetail extends Omit<InstanceView, 'variables'> {
  variables: Variables;
  withheldVariables: { key: string; sections: CaseSection[] }[];
  /** The instance's case belongs to a team the reader is not in: no variables are shown (as for its record). */
  caseOfAnotherTeam: boolean;
  path: InstancePath;
  incidents: IncidentView[];
  openTasks: Pick<UserTaskView, 'key' | 'elementId' | 'name' | 'assignee' | 'candidateGroups' | 'createdAt'>[];
  /** What the reader may do here (the page shows only these controls). */
  actions: { cancel: boolean; resolve: boolean; migrate: boolean; message: boolean };
}

export async function getInstanceDetail(deps: MonitorDeps, actor: Actor, instanceKey: string): Promise<InstanceDetail> {
  requireMonitor(deps.policy, actor);
  const instance = await deps.engine.getInstance(instanceKey);
  if (!instance) throw new NotFoundError(`No process instance ${instanceKey}`, 'INSTANCE_NOT_FOUND');
  const [path, incidents, tasks, sections] = await Promise.all([
    deps.engine.getInstancePath(instanceKey),
    deps.engine.listIncidents({ instanceKey }),
    deps.engine.listUserTasks({ instanceKey, state: 'open' }),
    deps.variableSections(),
  ]);
  const readableSections = readable(deps.policy, actor);
  const caseId = instance.businessKey;
  const team = caseId && deps.teamOfCase ? await deps.teamOfCase(caseId) : undefined;
  // Another team's case record needs "break glass" with a reason; the monitor offers no such door, so none
  // of that child's data shows here (admins, in no team, see no child's data at all).
  const caseOfAnotherTeam = team !== undefined && !canViewCase(deps.policy, actor, { id: caseId!, team });
  const variables: Variables = {};
  const withheldVariables: InstanceDetail['withheldVariables'] = [];
  for (const [key, value] of Object.entries(instance.variables)) {
    const of = sections.get(key) ?? [];
    if (!caseOfAnotherTeam && of.every((s) => readableSections.includes(s))) variables[key] = value;
    else withheldVariables.push({ key, sections: [...of] });
  }
  await deps.audit.record({
    actor: auditActor(actor), action: 'instance.read', recordType: 'process-instance', recordId: instanceKey,
    sections: caseOfAnotherTeam ? [] : readableSections,
    ...(withheldVariables.length ? { after: { withheldVariables: withheldVariables.map((w) => w.key), ...(caseOfAnotherTeam ? { caseOfAnotherTeam } : {}) } } : {}),
  });
  const running = instance.state === 'active' || instance.state === 'incident';
  return {
    ...instance,
    variables,
    withheldVariables,
    caseOfAnotherTeam,
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
