// Consent records, their withdrawal and the restriction of processing (application/consent). The case guard
// it builds is handed to the tasks, cases and forms use cases, which ask it before changing a case.
import type { Connection } from 'mongoose';
import { MongoConsentRepository } from '../../adapters/mongo/consent.repository';
import { readConsentPurposes } from '../../adapters/bpmn/consent-purpose.reader';
import { createCaseGuard, type CaseGuard } from '../../application/consent/case-guard';
import type { ConsentDeps } from '../../application/consent/consent-access';
import { consentViewOf, type CaseConsentView } from '../../application/consent/get-case-consent';
import { recordConsentFromForm, type ConsentSubmission } from '../../application/consent/record-consent-from-form';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import type { Actor } from '../../application/cases/case-access';
import type { FormDefinition } from '../../forms-core/form.types';
import { createConsentRouter } from '../../http/consent.routes';
import type { ActorDeps } from '../../http/actor-request';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';

export interface ConsentModule extends SystemModule {
  consents: MongoConsentRepository;
  caseGuard: CaseGuard;
  consentOf(actor: Actor, caseId: string): Promise<CaseConsentView>;
  captureConsents(schema: FormDefinition, s: ConsentSubmission, variables: Record<string, unknown> | undefined): Promise<unknown>;
  /** The routes need the case repository, which the tasks module creates after this one. */
  routers(cases: ConsentDeps['cases'], currentActor?: ActorDeps['currentActor']): SystemModule['apiRouters'];
}

export async function createConsentModule(deps: { conn: Connection; engine: WorkflowEngine; audit: AuditLog; clock: Clock }): Promise<ConsentModule> {
  const consents = new MongoConsentRepository(deps.conn);
  await consents.init();
  const caseGuard = createCaseGuard({ consents, engine: deps.engine, readPurposes: readConsentPurposes });
  return {
    consents,
    caseGuard,
    consentOf: (actor, caseId) => consentViewOf({ consents, policy: tableAccessPolicy }, actor, caseId),
    captureConsents: (schema, s, variables) => recordConsentFromForm({ consents, clock: deps.clock, audit: deps.audit }, schema, s, variables),
    routers: (cases, currentActor = currentUser) => ({
      '/cases/:caseId': createConsentRouter({
        consents, cases, policy: tableAccessPolicy, clock: deps.clock, engine: deps.engine, audit: deps.audit, caseGuard, currentActor,
      }),
    }),
  };
}
