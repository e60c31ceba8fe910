// The history tab: amendments of the sections the actor may read (a case manager never sees what a
// health amendment changed, not even its previous value).
import { ValidationError } from '../../domain/errors';
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import { isCaseSection, type CaseSection } from '../../domain/cases/case-section';
import { defaultItemLabel } from '../../domain/cases/case-collections';
import type { CaseRepository } from '../../ports/case-repository.port';
import { auditActor, loadVisibleCase, readable, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import type { CaseWordsDeps } from './case-words';
import { namesOf } from './people-names';
import { presentAmendment, type AmendmentWords } from './present-amendments';

export interface ListAmendmentsInput {
  caseId: string;
  section?: string;
  offset: number;
  limit: number;
}

export async function listCaseAmendments(
  deps: { cases: CaseRepository; policy: AccessPolicy; audit?: CaseAuditSink; words?: Pick<CaseWordsDeps, 'catalogue' | 'users'> },
  actor: Actor,
  input: ListAmendmentsInput,
): Promise<{ items: CaseAmendment[]; withheldSections: string[]; words?: AmendmentWords[] }> {
  // As for the record itself: a role without case access (admins) gets no history, not even an empty one.
  requireAction(deps.policy, actor, 'view-cases', 'open case records');
  const record = await loadVisibleCase(deps, actor, input.caseId);
  const mayRead = readable(deps.policy, actor);
  if (input.section !== undefined && !isCaseSection(input.section)) {
    throw new ValidationError(`Unknown section "${input.section}"`, { section: 'Not a section of a case record' }, 'UNKNOWN_SECTION');
  }
  const sections = input.section ? mayRead.filter((s) => s === input.section) : mayRead;
  const items = sections.length ? await deps.cases.listAmendments(record.id, sections, { offset: input.offset, limit: input.limit }) : [];
  await deps.audit?.record({ actor: auditActor(actor), action: 'case.read-history', recordType: 'case', recordId: record.id, sections });
  const withheldSections = input.section && !sections.length ? [input.section] : [];
  if (!deps.words) return { items, withheldSections };
  // In words: labels from the deployed forms (else as stored on the section), option labels, names.
  const [catalogue, names] = await Promise.all([deps.words.catalogue.get(), namesOf(deps.words, items.map((a) => a.by))]);
  const itemNames = (section: CaseSection, collection: string, id: string) => {
    const list = record.sections[section]?.collections?.[collection] ?? [];
    const at = list.findIndex((i) => i.id === id);
    return at < 0 ? undefined : list[at].label ?? defaultItemLabel(collection, at + 1);
  };
  const words = items.map((a) => presentAmendment(a, catalogue, names, record.sections[a.section]?.labels, itemNames));
  return { items, withheldSections, words };
}
