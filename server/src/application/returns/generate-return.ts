// Generates a quarter's case-level return: the layout in force for the quarter, the records built from the
// case records, the file checked against the layout, stored as a new draft version (earlier versions, and
// a submitted one, stay as they were). Audited: who generated which version, with its counts.
import { createHash } from 'node:crypto';
import { BusinessError, ConflictError, ForbiddenError, ValidationError } from '../../domain/errors';
import { addCase, emptyReturn } from '../../domain/returns/build-return-records';
import { formsRead, layoutForPeriod, type ReturnLayout } from '../../domain/returns/return-layout';
import { latestSubmissionIds } from '../../domain/returns/return-values';
import type { CaseRecord } from '../../domain/cases/case-record';
import { parseQuarter } from '../../domain/returns/return-quarter';
import { returnVersionId, type ReturnVersion } from '../../domain/returns/return-version';
import { checkAgainstLayout, writeReturnXml } from '../../domain/returns/return-xml';
import type { ReturnCaseSource, ReturnRepository } from '../../ports/return-repository.port';
import { auditActor, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';

export interface GenerateReturnDeps {
  returns: Pick<ReturnRepository, 'insert' | 'lastVersion'>;
  source: ReturnCaseSource;
  layouts(): Promise<readonly ReturnLayout[]>;
  policy: AccessPolicy;
  audit: CaseAuditSink;
  now(): Date;
  /** Today's London civil date. */
  today(): string;
}

const READ_AT_ONCE = 20;

export function requireReturns(policy: AccessPolicy, actor: Actor): void {
  if (!policy.can(actor, 'submit-returns')) throw new ForbiddenError('Returns are prepared and submitted by data officers', 'RETURNS_FORBIDDEN');
}

export async function generateReturn(deps: GenerateReturnDeps, actor: Actor, quarterId: string): Promise<ReturnVersion> {
  requireReturns(deps.policy, actor);
  const quarter = parseQuarter(quarterId);
  if (quarter.start > deps.today()) throw new ValidationError('That quarter has not started yet', { quarter: 'Choose this quarter or an earlier one' }, 'QUARTER_IN_FUTURE');
  const layout = layoutForPeriod(await deps.layouts(), quarter.start);
  if (!layout) throw new ValidationError(`No return layout covers ${quarter.words}`, { quarter: 'Choose a quarter from the first one the layouts in processes/returns cover' }, 'NO_RETURN_LAYOUT');

  // Cases are read a few at a time, in the order of their ids, and dropped once their records are built:
  // memory holds the records, not 20,000 case records.
  const built = emptyReturn();
  const forms = formsRead(layout);
  const ids = [...(await deps.source.candidateIds(quarter))].sort((a, b) => a.localeCompare(b));
  for (let i = 0; i < ids.length; i += READ_AT_ONCE) {
    const read = await Promise.all(ids.slice(i, i + READ_AT_ONCE).map((id) => deps.source.findById(id)));
    for (const c of read) if (c) addCase(built, layout, quarter, { ...c, submissions: await submissionsOf(deps.source, c, forms) });
  }
  const errors = checkAgainstLayout(layout, built.children);
  // Never expected: the builder fills records from the same layout. Refused rather than stored, with what failed.
  if (errors.length) throw new BusinessError('RETURN_INVALID', `The file does not match the layout ${layout.version}: ${errors.slice(0, 5).join('; ')}`);
  const xml = writeReturnXml(layout, quarter, built.children);

  const version = (await deps.returns.lastVersion(quarter.id)) + 1;
  const stored: ReturnVersion = {
    id: returnVersionId(quarter.id, version), quarter: quarter.id, version, layoutId: layout.id, layoutVersion: layout.version,
    status: 'draft', generatedAt: deps.now().toISOString(), generatedBy: actor.id,
    counts: built.counts, problems: built.problems, caseIds: built.caseIds,
    fileName: `${layout.id}-${quarter.id}-v${version}.xml`, sha256: createHash('sha256').update(xml).digest('hex'), xml,
  };
  try {
    await deps.returns.insert(stored);
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError('Someone generated this quarter\'s return at the same moment: look at the versions and generate again if you need to', 'RETURN_VERSION_TAKEN');
    throw e;
  }
  await deps.audit.record({
    actor: auditActor(actor), action: 'return.generated', recordType: 'return', recordId: stored.id,
    after: { quarter: quarter.id, layoutVersion: layout.version, ...built.counts, problems: built.problems.length, sha256: stored.sha256 },
  });
  return stored;
}

/** The answers of the case's latest submission of each form the layout reads (one read by id each). */
async function submissionsOf(source: ReturnCaseSource, c: CaseRecord, forms: readonly string[]): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (!forms.length) return out;
  for (const [form, id] of Object.entries(latestSubmissionIds(c, forms))) {
    const found = await source.submission(id);
    if (found?.formId === form) out[form] = found.data;
  }
  return out;
}
