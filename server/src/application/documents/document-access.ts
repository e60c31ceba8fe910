// Who may see and file documents on a case. A document is filed on one section of the record and follows
// that section's rule, as the PIA asks ("access restricted by tabs on a case record"): reading it needs the
// role to read both Documents and its section (a Health letter is for roles that read Health), filing one
// needs write on both. The case itself is reached by the one case rule (cases/case-access.ts): the
// actor's teams, or another team's case read with a break-glass reason (audited, flagged).
import type { CaseRecord } from '../../domain/cases/case-record';
import { isCaseSection, sectionLabel, type CaseSection } from '../../domain/cases/case-section';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { DocumentStore } from '../../ports/document-store.port';
import { canViewCase, readable, requireAction, writable, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import type { CaseGuard } from '../consent/case-guard';

export interface DocumentDeps {
  documents: DocumentStore;
  cases: Pick<CaseRepository, 'findById'>;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  clock: Clock;
  /** People by name for the list ("Cara Case"), never an id. */
  nameOf(userId: string): Promise<string>;
  /** The largest file accepted, in bytes (DOCUMENT_MAX_MB). */
  maxBytes: number;
  newId?: () => string;
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
}

/** The permission table's own section for documents (policies/permission-table.ts). */
const DOCUMENTS = 'documents';

export function sectionOf(value: string | undefined): CaseSection {
  if (!isCaseSection(value)) throw new ValidationError('Choose the section of the record the document belongs to', { section: 'Choose a section of the case record' }, 'UNKNOWN_SECTION');
  return value;
}

/** The sections whose documents the actor may read (none without the Documents section). */
export function documentSectionsReadable(policy: AccessPolicy, actor: Actor): CaseSection[] {
  return policy.readableSections(actor).includes(DOCUMENTS) ? readable(policy, actor) : [];
}

export function documentSectionsWritable(policy: AccessPolicy, actor: Actor): CaseSection[] {
  return policy.writableSections(actor).includes(DOCUMENTS) ? writable(policy, actor) : [];
}

export function requireReadableSection(policy: AccessPolicy, actor: Actor, section: CaseSection): void {
  if (!documentSectionsReadable(policy, actor).includes(section)) {
    throw new ForbiddenError(`Your role may not see documents of the ${sectionLabel(section)} section`, 'SECTION_NOT_READABLE');
  }
}

export function requireWritableSection(policy: AccessPolicy, actor: Actor, section: CaseSection): void {
  if (!documentSectionsWritable(policy, actor).includes(section)) {
    throw new ForbiddenError(`Your role may not add documents to the ${sectionLabel(section)} section`, 'SECTION_NOT_WRITABLE');
  }
}

export interface ReachedCase {
  record: CaseRecord;
  /** Set when the case is another team's, opened with a break-glass reason: audited and flagged. */
  breakGlass?: string;
}

/** The case as the case rule lets the actor read it; another team's case answers "not found" without a reason. */
export async function loadCaseToRead(deps: Pick<DocumentDeps, 'cases' | 'policy'>, actor: Actor, caseId: string, reason?: string): Promise<ReachedCase> {
  requireAction(deps.policy, actor, 'view-cases', 'open case records');
  const record = await deps.cases.findById(caseId);
  if (record && canViewCase(deps.policy, actor, record)) return { record };
  if (!record || !deps.policy.can(actor, 'break-glass')) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  if (!reason?.trim()) {
    throw new ForbiddenError('This case belongs to another team. Give a reason to open it; the access is recorded and shown to managers.', 'BREAK_GLASS_REASON_REQUIRED');
  }
  return { record, breakGlass: reason.trim() };
}

/** A case of the actor's teams only: filing a document never crosses teams. */
export async function loadCaseToFile(deps: Pick<DocumentDeps, 'cases' | 'policy'>, actor: Actor, caseId: string): Promise<CaseRecord> {
  requireAction(deps.policy, actor, 'view-cases', 'add documents to case records');
  const record = await deps.cases.findById(caseId);
  if (!record || !canViewCase(deps.policy, actor, record)) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  return record;
}
