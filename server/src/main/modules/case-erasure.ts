// Assembles eraseCase's dependencies from the modules that own each store, so the erasure reaches the same
// repository instances (and so the same in-memory indexes) the rest of the server uses: the queue index,
// the outbox's live notices, the case labels and identity index, the audit's key cache, the engine's cache.
import type { EraseCaseDeps } from '../../application/retention/erase-case';
import { MongoTombstoneRepository } from '../../adapters/mongo/case-tombstone.repository';
import { MongoSubmissionRepository } from '../../adapters/mongo/form-submission.repository';
import type { CaseStores } from '../../application/retention/erase-case-stores';
import type { Clock } from '../../ports/clock.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import type { EscalationSystemModule } from './escalation.module';
import type { FormsModule } from './forms.module';
import type { SecurityModule } from './security.module';
import type { TasksModule } from './tasks.module';
import type { WorkflowModule } from './workflow.module';

export interface CaseErasureParts {
  security: SecurityModule;
  workflow: WorkflowModule;
  tasks: TasksModule;
  forms: FormsModule;
  /** The shared submissions repository; a fresh one on the same connection otherwise (it keeps nothing in memory). */
  submissions?: CaseStores['submissions'];
  escalation: EscalationSystemModule;
  clock: Clock;
  /** Further stores that hold case data (e.g. consent records), erased with the case. */
  others?: CaseStores['others'];
  /** Documents filed on the case and their bytes (documents.module.ts). */
  documents?: { erasure: { eraseOfCase(caseId: string): Promise<number> } };
}

export function caseErasureDeps(parts: CaseErasureParts, holds: LegalHoldChecker): EraseCaseDeps {
  const conn = parts.tasks.cases.cases.db;
  return {
    holds,
    caseReader: parts.tasks.cases,
    tombstones: new MongoTombstoneRepository(conn),
    audit: parts.security.audit,
    clock: parts.clock,
    stores: {
      engine: parts.workflow.engine,
      tasks: parts.tasks.tasks,
      outbox: parts.escalation.mailErasure.outbox,
      caughtMail: parts.escalation.mailErasure.caughtMail,
      drafts: parts.forms.drafts,
      submissions: parts.submissions ?? new MongoSubmissionRepository(conn),
      savedFilters: parts.tasks.savedFilters,
      auditDetails: parts.security.audit,
      cases: parts.tasks.cases,
      others: [...(parts.others ?? []), ...(parts.documents ? [parts.documents.erasure] : [])],
    },
  };
}
