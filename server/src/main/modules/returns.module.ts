// The quarterly case-level return (issue 21): layouts from processes/returns, versions in the `returns`
// collection, the cases drawn from the cases list's rows (those with an outcome or order, or opened in the
// quarter) and read one by one by `_id` — never a filtered scan of the cases collection.
import path from 'node:path';
import type { Connection } from 'mongoose';
import { loadReturnLayouts } from '../../adapters/files/return-layout.loader';
import type { MongoCaseRepository } from '../../adapters/mongo/case.repository';
import { MongoReturnRepository } from '../../adapters/mongo/return.repository';
import type { MongoUserRepository } from '../../adapters/mongo/user.repository';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { civilDateOf } from '../../domain/calendar/london-time';
import type { ReturnLayout } from '../../domain/returns/return-layout';
import { createReturnsRouter } from '../../http/returns.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseSearchIndex } from '../../ports/case-search.port';
import type { Clock } from '../../ports/clock.port';
import type { SubmissionRepository } from '../../ports/form-repository.port';
import type { ReturnCaseSource } from '../../ports/return-repository.port';
import type { SystemModule } from './module';

export interface ReturnsModuleDeps {
  conn: Connection;
  rootDir: string;
  cases: MongoCaseRepository;
  caseSearch: CaseSearchIndex;
  submissions: Pick<SubmissionRepository, 'get'>;
  users: MongoUserRepository;
  audit: AuditLog;
  clock: Clock;
}

export interface ReturnsModule extends SystemModule {
  returns: MongoReturnRepository;
  /** Case erasure's step: drafts that hold the case go (submitted files stay: docs/returns.md). */
  eraser: { eraseOfCase(caseId: string): Promise<number> };
}

export function createReturnsModule(deps: ReturnsModuleDeps): ReturnsModule {
  const returns = new MongoReturnRepository(deps.conn);
  let layouts: Promise<ReturnLayout[]> | undefined;
  const source: ReturnCaseSource = {
    async candidateIds(period) {
      const opened = (at: string) => { const d = civilDateOf(new Date(at), 'Europe/London'); return d >= period.start && d <= period.end; };
      return (await deps.caseSearch.rows()).filter((r) => r.disposals.length > 0 || opened(r.createdAt)).map((r) => r.id);
    },
    findById: (id) => deps.cases.findById(id),
    submission: (id) => deps.submissions.get(id),
  };
  const now = () => deps.clock.now();
  return {
    returns,
    eraser: { eraseOfCase: (caseId) => returns.eraseDraftsOfCase(caseId) },
    apiRouters: {
      '/returns': createReturnsRouter({
        currentActor: currentUser, returns, source, cases: deps.cases, users: deps.users, policy: tableAccessPolicy, audit: deps.audit, now,
        today: () => civilDateOf(now(), 'Europe/London'),
        layouts: () => (layouts ??= loadReturnLayouts(path.join(deps.rootDir, 'processes', 'returns'))),
      }),
    },
    async start() {
      await returns.init();
      // A malformed layout stops the start, naming the file and field, rather than the first generation.
      layouts = loadReturnLayouts(path.join(deps.rootDir, 'processes', 'returns'));
      await layouts;
    },
  };
}
