// Form submissions and drafts over the versioned forms the workflow module deployed.
import type { Connection } from 'mongoose';
import { MongoDraftRepository } from '../../adapters/mongo/form-draft.repository';
import type { FormRepository, SubmissionRepository } from '../../ports/form-repository.port';
import type { FormActor } from '../../domain/forms/form-version';
import { createFormsRouters } from '../../http/forms-routers';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { SystemModule } from './module';
import type { CaseGuard } from '../../application/consent/case-guard';
import type { UserRepository } from '../../ports/user-repository.port';

export interface FormsModuleDeps {
  conn: Connection;
  forms: FormRepository;
  submissions: SubmissionRepository;
  clock: Clock;
  audit: AuditLog;
  canSeeCase?(actor: FormActor, caseId: string): Promise<boolean>;
  caseOfTask?(actor: FormActor, taskId: string): Promise<string | undefined>;
  caseIdOfTask?(taskId: string): Promise<string | undefined>;
  variablesFor?(ref: { formId: string; taskId?: string; caseId?: string }): Promise<Record<string, unknown> | undefined>;
  /** Drafts and answers on a restricted case are refused (application/consent/case-guard.ts). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
  /** Who deployed a form version, by name (people by name, never by id). */
  users?: Pick<UserRepository, 'findById'>;
}

export interface FormsModule extends SystemModule {
  drafts: MongoDraftRepository;
}

export function createFormsModule(deps: FormsModuleDeps): FormsModule {
  const drafts = new MongoDraftRepository(deps.conn);
  return { drafts, apiRouters: createFormsRouters({ ...deps, drafts, currentUser }) };
}
