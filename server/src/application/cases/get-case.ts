// Reading a case returns only the sections the actor's roles may read, and names the ones withheld so
// the client can say "not shown" instead of pretending they are empty. Withheld data never leaves the
// server: the filtering happens here, not in the UI. Collections (victims, orders…) come as lists of items,
// each with its id, a label and the sources of its values.
import type { CaseConsentView } from '../consent/get-case-consent';
import type { CaseRecord, CaseSummary, SectionState } from '../../domain/cases/case-record';
import { summariseCase } from '../../domain/cases/case-record';
import { defaultItemLabel, type Collections } from '../../domain/cases/case-collections';
import { caseSections, type CaseSection } from '../../domain/cases/case-section';
import type { CaseRepository } from '../../ports/case-repository.port';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { auditActor, canViewCase, readable, requireAction, restrictionCorrection, writable, type AccessPolicy, type Actor, type CaseAuditSink, type RestrictionLookup } from './case-access';
import { caseWords, type CaseWordsDeps } from './case-words';
import type { CaseWords } from './present-case-words';

export interface SubmissionLink {
  submissionId: string;
  formId: string;
  formVersion: number;
  taskId?: string;
  at: string;
  by: string;
  sections: CaseSection[];
}

export interface CaseView extends CaseSummary {
  createdAt: string;
  createdBy: string;
  sections: Partial<Record<CaseSection, SectionState>>;
  readableSections: CaseSection[];
  withheldSections: CaseSection[];
  /** Submissions that set at least one value in a readable section, newest first. */
  submissions: SubmissionLink[];
  /** Consent standings and any restriction of processing, for the case header (application/consent). */
  consent?: CaseConsentView;
  /** The record in words (labels, option labels, names, header facts), when the words' sources are wired. */
  words?: CaseWords;
}

export interface GetCaseDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  audit?: CaseAuditSink;
  consentOf?(actor: Actor, caseId: string): Promise<CaseConsentView>;
  /** The DPO reads a restricted case of any team to correct it (case-access.ts, restrictionCorrection). */
  caseGuard?: RestrictionLookup;
  /** Form labels, names, open tasks and holds for the record in words (case-words.ts). */
  words?: CaseWordsDeps;
}

/**
 * `reason` opens a case outside the actor's teams ("break glass"): allowed for roles with that action,
 * recorded with the reason and flagged for managers. Without a reason such a case is refused, and the
 * refusal says a reason is needed only to those who could give one. The DPO opens a restricted case of any
 * team without one, to correct it (case-access.ts, restrictionCorrection): flagged too, the restriction named.
 */
export async function getCase(deps: GetCaseDeps, actor: Actor, caseId: string, reason?: string): Promise<CaseView> {
  requireAction(deps.policy, actor, 'view-cases', 'open case records');
  const record = await deps.cases.findById(caseId);
  const mayBreakGlass = deps.policy.can(actor, 'break-glass');
  const correction = record && !canViewCase(deps.policy, actor, record) ? await restrictionCorrection(deps, actor, record.id) : undefined;
  if (!record || (!canViewCase(deps.policy, actor, record) && !mayBreakGlass && !correction)) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  const breakGlass = !canViewCase(deps.policy, actor, record) && !correction;
  if (breakGlass && !reason?.trim()) {
    throw new ForbiddenError('This case belongs to another team. Give a reason to open it; the access is recorded and shown to managers.', 'BREAK_GLASS_REASON_REQUIRED');
  }
  const view = presentCase(record, readable(deps.policy, actor));
  await deps.audit?.record({
    actor: auditActor(actor), action: 'case.read', recordType: 'case', recordId: record.id, sections: view.readableSections,
    ...(reason?.trim() || correction ? { reason: reason?.trim() || correction } : {}), ...(breakGlass || correction ? { flagged: true } : {}),
  });
  const words = deps.words ? await caseWords(deps.words, record, view, writable(deps.policy, actor)) : undefined;
  const worded = words ? { ...view, words } : view;
  return deps.consentOf ? { ...worded, consent: await deps.consentOf(actor, record.id) } : worded;
}

export function presentCase(record: CaseRecord, readableSections: CaseSection[]): CaseView {
  const sections: Partial<Record<CaseSection, SectionState>> = {};
  for (const s of readableSections) {
    const state = record.sections[s];
    if (state) sections[s] = state.collections ? { ...state, collections: labelled(state.collections) } : state;
  }
  return {
    ...summariseCase(record),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    sections,
    readableSections,
    withheldSections: caseSections().filter((s) => !readableSections.includes(s)),
    submissions: submissionLinks(sections),
  };
}

/** Every item carries a label (the form's itemLabel, else "Victim 2"), so readers never show a bare id. */
function labelled(collections: Collections): Collections {
  return Object.fromEntries(Object.entries(collections).map(([name, items]) => [
    name, items.map((item, i) => ({ ...item, label: item.label ?? defaultItemLabel(name, i + 1) })),
  ]));
}

function submissionLinks(sections: Partial<Record<CaseSection, SectionState>>): SubmissionLink[] {
  const links = new Map<string, SubmissionLink>();
  for (const [section, state] of Object.entries(sections) as [CaseSection, SectionState][]) {
    const itemSources = Object.values(state.collections ?? {}).flatMap((items) => items.flatMap((i) => Object.values(i.sources ?? {})));
    for (const src of [...Object.values(state.sources ?? {}), ...itemSources]) {
      if (!src.submissionId || !src.formId) continue;
      const link = links.get(src.submissionId) ?? {
        submissionId: src.submissionId, formId: src.formId, formVersion: src.formVersion ?? 0,
        ...(src.taskId ? { taskId: src.taskId } : {}), at: src.at, by: src.by, sections: [],
      };
      if (!link.sections.includes(section)) link.sections.push(section);
      links.set(src.submissionId, link);
    }
  }
  return [...links.values()].sort((a, b) => b.at.localeCompare(a.at));
}
