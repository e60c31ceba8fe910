// Schools' data (issue 22): a school's CSV becomes proposals a reviewer accepts into the Education section.
// The store's collections, the routes, and what case erasure calls to remove a case's proposals and UPN.
import type { Connection } from 'mongoose';
import { MongoSchoolImportStore } from '../../adapters/mongo/school-import.store';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import type { CaseGuard } from '../../application/consent/case-guard';
import { createSchoolImportsRouter } from '../../http/school-imports.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { SystemModule } from './module';

export interface SchoolsModule extends SystemModule {
  store: MongoSchoolImportStore;
  eraser: { eraseOfCase(caseId: string): Promise<number> };
}

export function createSchoolsModule(deps: {
  conn: Connection; cases: CaseRepository; users: Pick<UserRepository, 'findById'>; audit: AuditLog; clock: Clock; caseGuard: CaseGuard;
}): SchoolsModule {
  const store = new MongoSchoolImportStore(deps.conn);
  const router = createSchoolImportsRouter({
    currentActor: currentUser, cases: deps.cases, store, policy: tableAccessPolicy, clock: deps.clock, audit: deps.audit, caseGuard: deps.caseGuard,
    nameOf: async (id) => (await deps.users.findById(id))?.displayName ?? 'A former member of staff',
  });
  return {
    store,
    eraser: { eraseOfCase: (caseId) => store.eraseOfCase(caseId) },
    apiRouters: { '/school-imports': router },
    start: () => store.init(),
  };
}
