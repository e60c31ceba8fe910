// What the monitor use cases share: the engine operations they call, the permission table, the audit log,
// and who may look at running instances at all (anyone who may act on them: cancel, resolve, migrate). Which
// instances they may look at is the case rule's answer (instance-scope.ts).
import { ForbiddenError } from '../../domain/errors';
import type { VariableSections } from './variable-sections';
import type { CaseGuard } from '../consent/case-guard';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { AccessPolicy, Actor, CaseAuditSink, CaseScopeDeps } from '../cases/case-access';

export type MonitorEngine = Pick<
  WorkflowEngine,
  | 'listInstances' | 'countActiveElements' | 'getInstance' | 'getInstancePath' | 'listIncidents' | 'listUserTasks'
  | 'cancelInstance' | 'resolveIncident' | 'publishMessage' | 'messageRecipients' | 'migrateInstance' | 'listDeployments'
  | 'getDeploymentResource' | 'notShown'
>;

export interface MonitorDeps {
  engine: MonitorEngine;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  /** Which case section each process variable belongs to, read from the deployed forms' fields. */
  variableSections(): Promise<VariableSections>;
  /** The team of each case (CaseRepository.labelsOf): what the case rule needs. */
  cases: CaseScopeDeps['cases'];
  /**
   * A restricted case (UK GDPR Art 18) is changed by nobody but the DPO — the monitor's actions on its
   * instances (cancel, retry an incident, migrate, message) included (application/consent/case-guard.ts).
   */
  caseGuard?: Pick<CaseGuard, 'assertMayChange' | 'restrictionRefusal'>;
}

const MONITOR_ACTIONS = ['cancel-instance', 'resolve-incident', 'migrate-instance'] as const;

export const canMonitor = (policy: AccessPolicy, actor: Actor) => MONITOR_ACTIONS.some((a) => policy.can(actor, a));

export function requireMonitor(policy: AccessPolicy, actor: Actor): void {
  if (!canMonitor(policy, actor)) {
    throw new ForbiddenError('Your role does not allow you to monitor process instances (managers and administrators can)', 'ACTION_NOT_ALLOWED');
  }
}
