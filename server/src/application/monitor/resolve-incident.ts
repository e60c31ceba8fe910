// Resolving an incident retries the step that failed (a job gets one more attempt, an expression is
// evaluated again); if it fails again a new incident opens. The operator fixes the cause first. The
// incident's instance must be within the actor's reach (instance-scope.ts): another team's is not found.
import { NotFoundError } from '../../domain/errors';
import type { IncidentView } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import { loadInstanceInReach } from './instance-scope';
import type { MonitorDeps } from './monitor-access';

export async function resolveIncident(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'audit' | 'cases' | 'caseGuard'>, actor: Actor, incidentId: string,
): Promise<{ incident: IncidentView; resolved: true }> {
  requireAction(deps.policy, actor, 'resolve-incident', 'resolve incidents');
  const incident = (await deps.engine.listIncidents({ state: 'open' })).find((i) => i.id === incidentId);
  if (!incident) throw new NotFoundError(`No open incident ${incidentId}`, 'INCIDENT_NOT_FOUND');
  const { caseId } = await loadInstanceInReach(deps, actor, incident.instanceKey).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError(`No open incident ${incidentId}`, 'INCIDENT_NOT_FOUND') : e;
  });
  // A retry moves the case's work on: not while its processing is restricted (the incident stays open).
  await deps.caseGuard?.assertMayChange(actor, caseId, 'retry this incident');
  await deps.engine.resolveIncident(incidentId);
  await deps.audit.record({
    actor: auditActor(actor), action: 'incident.resolve', recordType: 'process-instance', recordId: incident.instanceKey,
    before: { incidentId, elementId: incident.elementId, type: incident.type, message: incident.message.slice(0, 200), ...(caseId ? { caseId } : {}) },
  });
  return { incident: { ...incident, state: 'resolved' }, resolved: true };
}
