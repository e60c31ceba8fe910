// What the schools' data use cases share: the stores, the case rule, and who may review. Reviewing and
// importing both need what amending the Education section needs (view-cases and the section writable):
// the school's data ends up there, so no one gets at it by a side door.
import { ForbiddenError } from '../../domain/errors';
import type { Clock } from '../../ports/clock.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { SchoolImportStore } from '../../ports/school-import-store.port';
import { requireAction, writable, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import type { CaseGuard } from '../consent/case-guard';

export interface SchoolImportDeps {
  cases: CaseRepository;
  store: SchoolImportStore;
  policy: AccessPolicy;
  clock: Clock;
  audit: CaseAuditSink;
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
  /** People's names for the review list. */
  nameOf(userId: string): Promise<string>;
  newId?: () => string;
}

export function requireEducationWriter(policy: AccessPolicy, actor: Actor, what: string): void {
  requireAction(policy, actor, 'view-cases', what);
  if (!writable(policy, actor).includes('education')) throw new ForbiddenError(`Your role may not change the Education section, so it cannot ${what}`, 'SECTION_NOT_WRITABLE');
}
