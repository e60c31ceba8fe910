// Shared by the process administration use cases: what they need, who may use them, and how a deploy
// is summarised in the audit log. Viewing and deploying process definitions are both the
// 'deploy-process' action of the permission table (team managers and admins): a version's XML shows
// how the service works internally, which practitioners do not need to see.
import { ForbiddenError, ValidationError } from '../../domain/errors';
import { can } from '../../domain/policies';
import type { AuditLog } from '../../ports/audit-log.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';

export interface ProcessActor {
  id: string;
  username?: string;
  roles: readonly string[];
}

export interface ProcessAdminDeps {
  engine: Pick<WorkflowEngine, 'deploy' | 'listDeployments' | 'getDeploymentResource' | 'checkDeployment' | 'listDecisionDeployments'>;
  audit: Pick<AuditLog, 'record'>;
}

export function requireProcessAdmin(actor: ProcessActor): void {
  if (!can(actor, 'deploy-process')) {
    throw new ForbiddenError(
      `Your roles (${actor.roles.join(', ') || 'none'}) do not allow viewing or deploying process definitions; team managers and admins may.`,
      'PROCESS_ADMIN_FORBIDDEN',
    );
  }
}

export const auditActor = (a: ProcessActor) => ({ id: a.id, ...(a.username ? { username: a.username } : {}), roles: [...a.roles] });

// Ids as Zeebe accepts them (an XML NCName); anything else cannot name a deployed process.
const PROCESS_ID = /^[A-Za-z_][\w.-]{0,199}$/;

export function checkProcessId(processId: string): string {
  if (!PROCESS_ID.test(processId)) {
    throw new ValidationError('Not a process id', { processId: 'A process id starts with a letter or _ and has only letters, digits, _, - and .' }, 'PROCESS_ID_INVALID');
  }
  return processId;
}

/** The ids of the executable processes a BPMN file declares, read from its text (before any parsing). */
export function processIdsIn(xml: string): string[] {
  const ids: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w-]+:)?process\b([^>]*)>/g)) {
    const attrs = m[1];
    if (/\bisExecutable\s*=\s*["']false["']/.test(attrs)) continue;
    const id = /\bid\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1];
    if (id) ids.push(id);
  }
  return ids;
}

/** The resource name a deploy is stored and reported under: the file name Camunda Modeler would use. */
export const resourceNameFor = (xml: string): string => `${processIdsIn(xml)[0] ?? 'process'}.bpmn`;
