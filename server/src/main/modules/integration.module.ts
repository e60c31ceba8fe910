// Service accounts and the integration API (issue 22, README "Interfaces"): administrators manage accounts
// at /api/admin/service-accounts; systems call /api/integration with bearer tokens; people decide the
// referrals held as possible duplicates at /api/held-referrals. Inbound referrals use
// the referral page's own use cases (createCase, startCaseProcess) with the tasks module's case store.
import type { Connection } from 'mongoose';
import { MongoServiceAccountRepository } from '../../adapters/mongo/service-account.repository';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { createProcessStartForms } from '../../application/cases/process-start-forms';
import type { CaseGuard } from '../../application/consent/case-guard';
import { readStartDeclaration } from '../../adapters/bpmn/start-form.reader';
import { createHeldReferralsRouter } from '../../http/integration-held-referrals.routes';
import { createIntegrationRouter } from '../../http/integration.routes';
import { currentUser } from '../../http/session-user';
import { createServiceAccountsRouter } from '../../http/service-accounts.routes';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { ServiceAccountDeps } from '../../application/service-accounts/service-account-admin';
import type { SystemModule } from './module';

export interface IntegrationModuleDeps {
  conn: Connection;
  audit: AuditLog;
  clock: Clock;
  cases: CaseRepository;
  engine: WorkflowEngine;
  forms: FormRepository;
  users: UserRepository;
  caseGuard?: CaseGuard;
  /** The second administrator's approval of a new account that reads case data (the permissions module). */
  approvals?: ServiceAccountDeps['approvals'];
}

export function createIntegrationModule(deps: IntegrationModuleDeps): SystemModule {
  const store = new MongoServiceAccountRepository(deps.conn);
  const tokens = { accounts: store, audit: deps.audit, clock: deps.clock, ...(deps.approvals ? { approvals: deps.approvals } : {}) };
  const startForms = createProcessStartForms({ engine: deps.engine, readStart: readStartDeclaration });
  const referralDeps = {
    referrals: store, cases: deps.cases, policy: tableAccessPolicy, clock: deps.clock, audit: deps.audit,
    engine: deps.engine, forms: deps.forms, startForms, people: deps.users, ...(deps.caseGuard ? { caseGuard: deps.caseGuard } : {}),
  };
  return {
    apiRouters: {
      '/admin/service-accounts': createServiceAccountsRouter(tokens),
      '/integration': createIntegrationRouter({ ...referralDeps, tokens }),
      // People decide the referrals held as possible duplicates.
      '/held-referrals': createHeldReferralsRouter({ ...referralDeps, accounts: store, currentActor: currentUser }),
    },
  };
}
