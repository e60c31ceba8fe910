// A completed task's answers grow the case record: each value goes to the section its form field names,
// as an amendment linked to the submission. Re-running it for the same submission (a retried
// completion) changes nothing, because each section remembers which submissions it has applied.
// A fresh submission (this request's unique insert stored it) cannot have been applied yet, so the
// check — a scan of all amendments on FerretDB, 120 ms at 200 cases — is only made for a retry.
// The sections are written together (one read of the case, one insert, one case update); a section
// someone else changed meanwhile is written again on its own, as writeCaseSection does.
import type { AmendmentSource, CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseSection } from '../../domain/cases/case-section';
import type { CaseRecord, SectionValues } from '../../domain/cases/case-record';
import { splitBySection } from '../../domain/cases/form-sections';
import type { FormSubmission } from '../../domain/forms/form-version';
import type { FormDefinition } from '../../forms-core';
import type { CaseRepository, SectionAppend } from '../../ports/case-repository.port';
import type { CaseAuditSink } from './case-access';
import { planSectionWrite, writeCaseSection } from './write-case-section';

export interface ApplySubmissionDeps {
  cases: CaseRepository;
  audit?: CaseAuditSink;
}

export async function applySubmissionToCase(
  deps: ApplySubmissionDeps,
  submission: FormSubmission & { caseId: string },
  form: Pick<FormDefinition, 'components'>,
  opts: {
    fresh?: boolean;
    /** Takes the audit write instead of waiting for it here, to wait for it together with its own. */
    auditPending?: (recorded: Promise<unknown>) => void;
    /** The case as read while the submission was being stored (a stale read only means a retried section). */
    record?: Promise<CaseRecord | undefined>;
  } = {},
): Promise<CaseAmendment[]> {
  const patches: [CaseSection, SectionValues][] = [];
  for (const [section, patch] of splitBySection(form, submission.data)) {
    if (opts.fresh || !(await deps.cases.hasAppliedSubmission(submission.caseId, section, submission.id))) patches.push([section, patch]);
  }
  if (!patches.length) return [];
  // A process may carry a business key that is not a case of this service (e.g. started by an
  // integration): the submission is still stored and the task completes; there is no record to grow.
  const record = await (opts.record ?? deps.cases.findById(submission.caseId));
  if (!record) return [];

  const source: AmendmentSource = {
    kind: 'submission', submissionId: submission.id, formId: submission.formId, formVersion: submission.version,
    ...(submission.taskId ? { taskId: submission.taskId } : {}),
  };
  const writes: (SectionAppend & { patch: SectionValues })[] = [];
  for (const [section, patch] of patches) {
    const planned = planSectionWrite(record, { section, patch, by: submission.submittedBy, at: submission.submittedAt, source });
    if (planned) writes.push({ ...planned, patch });
  }
  const together = await deps.cases.appendAmendments(writes.map(({ patch: _p, ...w }) => w));
  const applied = writes.slice(0, together).map((w) => w.amendment);
  for (const w of writes.slice(together)) {
    const amendment = await writeCaseSection(deps, {
      caseId: submission.caseId, section: w.amendment.section, patch: w.patch, by: submission.submittedBy, at: submission.submittedAt, source,
    });
    if (amendment) applied.push(amendment);
  }

  if (applied.length && deps.audit) {
    const recorded = deps.audit.record({
      actor: { id: submission.submittedBy }, action: 'case.write', recordType: 'case', recordId: submission.caseId,
      sections: applied.map((a) => a.section),
      after: { submissionId: submission.id, formId: submission.formId, fields: applied.flatMap((a) => a.changes.map((c) => `${a.section}.${c.field}`)) },
    });
    if (opts.auditPending) opts.auditPending(recorded);
    else await recorded;
  }
  return applied;
}
