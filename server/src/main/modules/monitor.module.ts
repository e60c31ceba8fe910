// The manager's instance monitor and migration: routes over the engine port, the permission table, the
// audit log, and the deployed forms (which say which case section each variable belongs to).
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { variableSectionsFromForms } from '../../application/monitor/variable-sections';
import { createMonitorRouters } from '../../http/instances.routes';
import { currentUser } from '../../http/session-user';
import type { CaseScopeDeps } from '../../application/cases/case-access';
import type { MonitorDeps } from '../../application/monitor/monitor-access';
import type { AuditLog } from '../../ports/audit-log.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';

export interface MonitorModuleDeps {
  engine: WorkflowEngine;
  forms: Pick<FormRepository, 'listLatest' | 'getVersion'>;
  audit: AuditLog;
  /** The team of each case, for the case rule (the tasks module's case repository). */
  cases: CaseScopeDeps['cases'];
  /** Refuses actions on a restricted case's instances (the consent module's case guard). */
  caseGuard?: MonitorDeps['caseGuard'];
}

export function createMonitorModule(deps: MonitorModuleDeps): SystemModule {
  return {
    apiRouters: createMonitorRouters({
      engine: deps.engine, policy: tableAccessPolicy, audit: deps.audit, currentActor: currentUser,
      variableSections: variableSectionsFromForms(deps.forms), cases: deps.cases, caseGuard: deps.caseGuard,
    }),
  };
}
