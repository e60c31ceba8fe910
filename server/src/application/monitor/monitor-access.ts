// What the monitor use cases share: the engine operations they call, the permission table, the audit log,
// and who may look at running instances at all (anyone who may act on them: cancel, resolve, migrate).
import { ForbiddenError } from '../../domain/errors';
import type { VariableSections } from './variable-sections';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { AccessPolicy, Actor, CaseAuditSink } from '../cases/case-access';

export type MonitorEngine = Pick<
  WorkflowEngine,
  | 'listInstances' | 'countActiveElements' | 'getInstance' | 'getInstancePath' | 'listIncidents' | 'listUserTasks'
  | 'cancelInstance' | 'resolveIncident' | 'publishMessage' | 'migrateInstance' | 'listDeployments' | 'getDeploymentResource'
>;

export interface MonitorDeps {
  engine: MonitorEngine;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  /** Which case section each process variable belongs to, read from the deployed forms' fields. */
  variableSections(): Promise<VariableSections>;
  /** Team owning a case (instances carry their case as business key); undefined when unknown. */
  teamOfCase?(caseId: string): Promise<string | undefined>;
}

const MONITOR_ACTIONS = ['cancel-instance', 'resolve-incident', 'migrate-instance'] as const;

export const canMonitor = (policy: AccessPolicy, actor: Actor) => MONITOR_ACTIONS.some((a) => policy.can(actor, a));

export function requireMonitor(policy: AccessPolicy, actor: Actor): void {
  if (!canMonitor(policy, actor)) {
    throw new ForbiddenError('Your role does not allow you to monitor process instances (managers and administrators can)', 'ACTION_NOT_ALLOWED');
  }
}
