// The manager workspace's process definitions over the engine port: versions, lint, deploy, diff.
// Deploys are audited through the security module's audit log.
import { bpmnDiffer } from '../../adapters/bpmn/bpmn-differ';
import { createProcessesRouter } from '../../http/processes.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';

export interface ProcessAdminModuleDeps {
  engine: WorkflowEngine;
  audit: AuditLog;
}

export function createProcessAdminModule(deps: ProcessAdminModuleDeps): SystemModule {
  return { apiRouters: { '/processes': createProcessesRouter({ ...deps, differ: bpmnDiffer, currentUser }) } };
}
