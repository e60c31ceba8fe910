// A completed task's answers grow the case record: each value goes to the section its form field names,
// as an amendment linked to the submission. Re-running it for the same submission (a retried or
// recovered completion) applies only the sections still missing — one read of the submission's
// amendments, a scan on FerretDB, so a fresh submission (this request's unique insert stored it, nothing
// can have been applied yet) skips it — and repairs a section whose amendment was stored just before a
// crash but not yet written to the record. The sections are written together (one read of the case, one
// insert, one case update); a section someone else changed meanwhile is written again on its own, as
// writeCaseSection does. The `case.write` audit event covers every section the submission amended, now
// or in an earlier attempt, under a key of the submission: recorded once, whichever attempt gets there.
// A task's completion records that event itself, side by side with its `task.complete` (amendCase below).
// Collection items (victims, orders…) arrive with their ids already in the stored answers (assigned
// before the submission was stored, complete-task.ts), so every attempt amends the same items; the audit
// names each item's field as `victims[<id>].rjConsent`.
import type { AuditEventInput } from '../../domain/audit/audit-event';
import type { AmendmentSource, CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseSection } from '../../domain/cases/case-section';
import { changePath } from '../../domain/cases/case-collections';
import type { CaseRecord, FieldLabels } from '../../domain/cases/case-record';
import { itemFieldLabels } from '../../domain/cases/form-collection-items';
import { splitSubmission, type SectionPatch } from '../../domain/cases/form-sections';
import { describeFields } from '../../forms-core/form-sections';
import type { FormSubmission } from '../../domain/forms/form-version';
import type { FormDefinition } from '../../forms-core';
import type { CaseRepository, SectionAppend } from '../../ports/case-repository.port';
import type { CaseAuditSink } from './case-access';
import { submissionItemIds } from './item-ids';
import { planSectionWrite, writeCaseSection } from './write-case-section';

export interface ApplySubmissionDeps {
  cases: CaseRepository;
  audit?: CaseAuditSink;
}

export interface AmendOptions {
  /** This attempt stored the submission itself: nothing of it can have been applied yet (no lookup). */
  fresh?: boolean;
  /** The case as read while the submission was being stored (a stale read only means a retried section). */
  record?: CaseRecord;
}

export interface AmendedCase {
  /** The amendments this attempt stored. */
  applied: CaseAmendment[];
  /** The `case.write` event owed for every section the submission amended (any attempt); absent: none. */
  caseWrite?: AuditEventInput & { key: string; sections: CaseSection[] };
}

/** Grows the case and records its `case.write` audit event; returns the amendments this attempt stored. */
export async function applySubmissionToCase(
  deps: ApplySubmissionDeps, submission: FormSubmission & { caseId: string }, form: Pick<FormDefinition, 'components'>, opts: AmendOptions = {},
): Promise<CaseAmendment[]> {
  const { applied, caseWrite } = await amendCase(deps, submission, form, opts);
  if (caseWrite) await deps.audit?.record(caseWrite);
  return applied;
}

/** Grows the case and says which `case.write` event is owed, for a caller that records it with its own. */
export async function amendCase(
  deps: Pick<ApplySubmissionDeps, 'cases'>, submission: FormSubmission & { caseId: string }, form: Pick<FormDefinition, 'components'>, opts: AmendOptions = {},
): Promise<AmendedCase> {
  const earlier = opts.fresh ? [] : await deps.cases.amendmentsOfSubmission(submission.caseId, submission.id);
  const split = [...splitSubmission(form, submission.data, submissionItemIds(submission.id))];
  const patches = split.filter(([section]) => !earlier.some((a) => a.section === section));
  // A process may carry a business key that is not a case of this service (e.g. started by an
  // integration): the submission is still stored and the task completes; there is no record to grow.
  const record = patches.length || earlier.length ? opts.record ?? await deps.cases.findById(submission.caseId) : undefined;
  if (!record) return { applied: [] };
  for (const a of earlier) if ((record.sections[a.section]?.revision ?? 0) < a.seq) await deps.cases.repairSection(record.id, a.section);

  const source: AmendmentSource = {
    kind: 'submission', submissionId: submission.id, formId: submission.formId, formVersion: submission.version,
    ...(submission.taskId ? { taskId: submission.taskId } : {}),
  };
  const labels = labelsOf(form);
  const writes: (SectionAppend & { patch: SectionPatch })[] = [];
  for (const [section, patch] of patches) {
    const planned = planSectionWrite(record, {
      section, patch: patch.values, items: patch.items, labels: labels.get(section), by: submission.submittedBy, at: submission.submittedAt, source,
    });
    if (planned) writes.push({ ...planned, patch });
  }
  const together = await deps.cases.appendAmendments(writes.map(({ patch: _p, ...w }) => w));
  const applied = writes.slice(0, together).map((w) => w.amendment);
  for (const w of writes.slice(together)) {
    const amendment = await writeCaseSection(deps, {
      caseId: submission.caseId, section: w.amendment.section, patch: w.patch.values, items: w.patch.items, labels: labels.get(w.amendment.section),
      by: submission.submittedBy, at: submission.submittedAt, source,
    });
    if (amendment) applied.push(amendment);
  }

  const amended = [...earlier, ...applied];
  if (!amended.length) return { applied };
  const sections = split.map(([section]) => section).filter((section) => amended.some((a) => a.section === section));
  return {
    applied,
    caseWrite: {
      key: `${submission.id}:case.write`,
      actor: { id: submission.submittedBy }, action: 'case.write', recordType: 'case', recordId: submission.caseId, sections,
      after: {
        submissionId: submission.id, formId: submission.formId,
        fields: sections.flatMap((s) => amended.filter((a) => a.section === s).flatMap((a) => a.changes.map((c) => `${s}.${changePath(c)}`))),
      },
    },
  };
}

/** Labels of the values a form writes, per section: top-level fields by key, item fields by collection. */
function labelsOf(form: Pick<FormDefinition, 'components'>): Map<CaseSection, FieldLabels> {
  const out = new Map<CaseSection, FieldLabels>();
  for (const [section, items] of itemFieldLabels(form)) out.set(section, { items });
  for (const f of describeFields({ id: '', components: form.components })) {
    if (!f.section || f.path.includes('.') || f.path.includes('[')) continue;
    const labels = out.get(f.section as CaseSection) ?? {};
    (labels.fields ??= {})[f.path] ??= f.label;
    out.set(f.section as CaseSection, labels);
  }
  return out;
}
