// Documents on a case (issue 18): the store (two collections read by _id), the routes, and what erasure
// and reduction call to remove a case's documents with the rest of its data.
import type { Connection } from 'mongoose';
import { MongoDocumentStore } from '../../adapters/mongo/case-document.store';
import type { DocumentDeps } from '../../application/documents/document-access';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { createDocumentsRouter } from '../../http/documents.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { CaseGuard } from '../../application/consent/case-guard';
import type { SystemModule } from './module';

export interface DocumentsModule extends SystemModule {
  store: MongoDocumentStore;
  /** For erasure and reduction (retention/erase-case-stores.ts `others`): every document of the case. */
  erasure: { eraseOfCase(caseId: string): Promise<number> };
}

export function createDocumentsModule(deps: {
  conn: Connection; cases: Pick<CaseRepository, 'findById'>; users: Pick<UserRepository, 'findById'>;
  audit: AuditLog; clock: Clock; caseGuard: CaseGuard; maxMegabytes: number;
}): DocumentsModule {
  const store = new MongoDocumentStore(deps.conn);
  const documentDeps: DocumentDeps = {
    documents: store, cases: deps.cases, policy: tableAccessPolicy, audit: deps.audit, clock: deps.clock, caseGuard: deps.caseGuard,
    maxBytes: Math.floor(deps.maxMegabytes * 1024 * 1024),
    nameOf: async (id) => (await deps.users.findById(id))?.displayName ?? 'A former member of staff',
  };
  return {
    store,
    erasure: { eraseOfCase: (caseId) => store.eraseOfCase(caseId) },
    apiRouters: { '/cases/:caseId/documents': createDocumentsRouter({ ...documentDeps, currentActor: currentUser }) },
  };
}
