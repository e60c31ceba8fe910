// Who may record, withdraw and read consents. A purpose belongs to the case section its facts live in, so
// the permission table decides without a new rule: prevention → personal, a victim's RJ → victims (a
// restricted tab: only victim workers and managers), sharing with an agency → agencies.
import type { ConsentPurpose, ConsentRecord } from '../../domain/consent/consent-record';
import type { ConsentRepository } from '../../ports/consent-repository.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { CaseRecord } from '../../domain/cases/case-record';
import { PURPOSE_LABELS } from '../../domain/consent/consent-record';
import { readable, writable, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import type { CaseGuard } from './case-guard';

export interface ConsentDeps {
  consents: ConsentRepository;
  cases: Pick<CaseRepository, 'findById'>;
  policy: AccessPolicy;
  clock: Clock;
  engine: Pick<WorkflowEngine, 'publishMessage'>;
  audit?: CaseAuditSink;
  caseGuard?: CaseGuard;
}

export const PURPOSE_SECTION: Readonly<Record<ConsentPurpose, string>> = {
  'prevention-work': 'personal',
  'restorative-justice': 'victims',
  'agency-sharing': 'agencies',
};

export function requireConsentWrite(deps: Pick<ConsentDeps, 'policy'>, actor: Actor, purpose: ConsentPurpose): void {
  if (!(writable(deps.policy, actor) as string[]).includes(PURPOSE_SECTION[purpose])) {
    throw new ForbiddenError(`Your role does not allow you to record consent to ${PURPOSE_LABELS[purpose]}`, 'ACTION_NOT_ALLOWED');
  }
}

/** The records of purposes whose section the actor may read (a case manager sees no victim's consent). */
export function readableRecords(deps: Pick<ConsentDeps, 'policy'>, actor: Actor, records: ConsentRecord[]): ConsentRecord[] {
  const sections = readable(deps.policy, actor) as string[];
  return records.filter((r) => sections.includes(PURPOSE_SECTION[r.purpose]));
}

/**
 * The DPO's reach: a restriction is the service's answer to a person, whichever team holds their case, so
 * the action (restrict-processing, checked first) is the authority here, not team membership; it is audited.
 */
export async function loadAnyCase(deps: Pick<ConsentDeps, 'cases'>, caseId: string): Promise<CaseRecord> {
  const record = await deps.cases.findById(caseId);
  if (!record) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  return record;
}
