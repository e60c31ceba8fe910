// A completed task's answers grow the case record: each value goes to the section its form field names,
// as an amendment linked to the submission. Re-running it for the same submission (a retried or
// recovered completion) applies only the sections still missing — one read of the submission's
// amendments, a scan on FerretDB, so a fresh submission (this request's unique insert stored it, nothing
// can have been applied yet) skips it — and repairs a section whose amendment was stored just before a
// crash but not yet written to the record. The sections are written together (one read of the case, one
// insert, one case update); a section someone else changed meanwhile is written again on its own, as
// writeCaseSection does. The `case.write` audit event covers every section the submission amended, now
// or in an earlier attempt, under a key of the submission: recorded once, whichever attempt gets there.
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
    /** Takes the audit write (and the sections it names) instead of waiting for it here, to wait for it together with its own. */
    auditPending?: (recorded: Promise<unknown>, sections: CaseSection[]) => void;
    /** The case as read while the submission was being stored (a stale read only means a retried section). */
    record?: Promise<CaseRecord | undefined>;
  } = {},
): Promise<CaseAmendment[]> {
  const earlier = opts.fresh ? [] : await deps.cases.amendmentsOfSubmission(submission.caseId, submission.id);
  const split = [...splitBySection(form, submission.data)];
  const patches = split.filter(([section]) => !earlier.some((a) => a.section === section));
  // A process may carry a business key that is not a case of this service (e.g. started by an
  // integration): the submission is still stored and the task completes; there is no record to grow.
  const record = patches.length || earlier.length ? await (opts.record ?? deps.cases.findById(submission.caseId)) : undefined;
  if (!record) return [];
  for (const a of earlier) if ((record.sections[a.section]?.revision ?? 0) < a.seq) await deps.cases.repairSection(record.id, a.section);

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

  const amended = [...earlier, ...applied];
  if (amended.length && deps.audit) {
    const sections = split.map(([section]) => section).filter((section) => amended.some((a) => a.section === section));
    const recorded = deps.audit.record({
      key: `${submission.id}:case.write`,
      actor: { id: submission.submittedBy }, action: 'case.write', recordType: 'case', recordId: submission.caseId, sections,
      after: {
        submissionId: submission.id, formId: submission.formId,
        fields: sections.flatMap((s) => amended.filter((a) => a.section === s).flatMap((a) => a.changes.map((c) => `${s}.${c.field}`))),
      },
    });
    if (opts.auditPending) opts.auditPending(recorded, sections);
    else await recorded;
  }
  return applied;
}
