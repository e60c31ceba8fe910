// The one way section values change: diff against the latest values, append an amendment numbered
// revision + 1, move the section. If someone else appended that number first, reload and reapply the
// patch (patches are field-wise, so the later writer's fields simply land on top). Items of collections
// are patched the same way, item by item (case-collections.ts): a write never touches items it does not name.
import { ConflictError } from '../../domain/errors';
import { diffSection, type AmendmentSource, type CaseAmendment } from '../../domain/cases/case-amendment';
import { diffItems, type Collections, type ItemPatch } from '../../domain/cases/case-collections';
import { mergeLabels, type CaseRecord, type FieldLabels, type SectionState, type SectionValues, type ValueSource } from '../../domain/cases/case-record';
import type { CaseSection } from '../../domain/cases/case-section';
import { identityFromPersonal, identityKeys } from '../../domain/cases/person-identity';
import type { CaseRepository, SectionAppend } from '../../ports/case-repository.port';

export interface SectionWrite {
  caseId: string;
  section: CaseSection;
  patch: SectionValues;
  /** Items of the section's collections to add or amend. */
  items?: ItemPatch[];
  /** Form labels of the values written, kept for readers. */
  labels?: FieldLabels;
  by: string;
  at: string;
  source: AmendmentSource;
}

const ATTEMPTS = 5;

export async function writeCaseSection(deps: { cases: CaseRepository }, w: SectionWrite): Promise<CaseAmendment | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const record = await deps.cases.findById(w.caseId);
    if (!record) throw new ConflictError(`Case ${w.caseId} no longer exists`, 'CASE_GONE');
    const planned = planSectionWrite(record, w);
    if (!planned) return undefined;
    try {
      await deps.cases.appendAmendment(planned.amendment, planned.next, planned.identity);
      return planned.amendment;
    } catch (e) {
      if (!(e instanceof ConflictError && e.code === 'SECTION_CHANGED')) throw e;
    }
  }
  throw new ConflictError('This section is being changed by others right now; try again', 'SECTION_BUSY');
}

/** The amendment (numbered revision + 1) and the section's next state a patch makes; undefined when it changes nothing. */
export function planSectionWrite(record: CaseRecord, w: Omit<SectionWrite, 'caseId'>): SectionAppend | undefined {
  const state = record.sections[w.section];
  const flat = diffSection(state?.values ?? {}, w.patch);
  const items = diffItems(state?.collections, w.items ?? []);
  const changes = [...flat.changes, ...items.changes];
  if (!changes.length) return undefined;
  const after = flat.after;
  const seq = (state?.revision ?? 0) + 1;
  const collections = items.changes.length || state?.collections ? items.after : undefined;
  const amendment: CaseAmendment = {
    caseId: record.id, section: w.section, seq, at: w.at, by: w.by, source: w.source, changes, after, ...(collections ? { afterCollections: collections } : {}),
  };
  const labels = mergeLabels(state?.labels, w.labels);
  const next: SectionState = {
    values: after, revision: seq, updatedAt: w.at, updatedBy: w.by, sources: nextSources(state, amendment),
    ...(collections ? { collections: withItemSources(collections, amendment) } : {}), ...(labels ? { labels } : {}),
  };
  return { amendment, next, ...(w.section === 'personal' ? { identity: identityOf(record, after) } : {}) };
}

function sourceOf(a: CaseAmendment): ValueSource {
  const src = a.source.kind === 'submission'
    ? { submissionId: a.source.submissionId, formId: a.source.formId, formVersion: a.source.formVersion, ...(a.source.taskId ? { taskId: a.source.taskId } : {}) }
    : {};
  return { at: a.at, by: a.by, amendmentSeq: a.seq, ...src };
}

function nextSources(state: SectionState | undefined, a: CaseAmendment): SectionState['sources'] {
  const sources = { ...(state?.sources ?? {}) };
  for (const c of a.changes) {
    if (c.collection) continue;
    if (c.value === undefined) delete sources[c.field];
    else sources[c.field] = sourceOf(a);
  }
  return sources;
}

/** Sources per item field: only the items and fields this amendment changed move. */
function withItemSources(collections: Collections, a: CaseAmendment): Collections {
  const out: Collections = {};
  for (const [name, items] of Object.entries(collections)) {
    out[name] = items.map((item) => {
      const mine = a.changes.filter((c) => c.collection === name && c.item === item.id);
      if (!mine.length) return item;
      const sources = { ...item.sources };
      for (const c of mine) {
        if (c.value === undefined) delete sources[c.field];
        else sources[c.field] = sourceOf(a);
      }
      return { ...item, sources };
    });
  }
  return out;
}

/** The identity kept beside the record follows the personal section (a corrected name or NHS number). */
export function identityOf(record: Pick<CaseRecord, 'identity'> | undefined, personal: SectionValues): CaseRecord['identity'] | undefined {
  const person = identityFromPersonal(personal);
  if (!person) return record?.identity;
  return { ...identityKeys(person), displayName: `${person.givenName} ${person.familyName}`.trim() };
}
