// The case record in words (issue 18): every value with its label from the deployed forms, options by
// their labels, people by name, forms by title, and the header's facts at a glance. Built from the view
// get-case.ts already filtered to the reader's sections, so nothing withheld can reach the words.
import { caseSections, sectionLabel, type CaseSection } from '../../domain/cases/case-section';
import type { CaseRecord, FieldLabels, SectionState, ValueSource } from '../../domain/cases/case-record';
import { recordHeader, type RecordHeader } from '../../domain/cases/case-header';
import { valueWords, type ValueWords } from '../../domain/cases/value-words';
import { spellOutKey, type CatalogueField, type FieldCatalogue } from '../../domain/forms/field-catalogue';
import { INPUT_TYPES } from '../../forms-core/form.types';
import type { FormCatalogue } from './field-catalogue';
import { nameIn } from './people-names';

export interface SourceWords { at: string; text: string; taskId?: string }
export interface FieldWords { key: string; label: string; value: ValueWords; source?: SourceWords }
export interface ItemWords { id: string; label: string; fields: FieldWords[] }
export interface CollectionWords { name: string; title: string; items: ItemWords[] }
export interface SectionWords { fields: FieldWords[]; collections: CollectionWords[] }
export interface SubmissionWords { submissionId: string; formTitle: string; taskId?: string; at: string; by: string; sections: string[] }

export interface OpenTaskWords { id: string; name: string; dueDate?: string; assignee?: string }
export type BannerWords = { kind: 'legal-hold' | 'reduced'; text: string; since?: string };

export interface CaseHeaderWords extends RecordHeader {
  name: string;
  dateOfBirth: string;
  reference: string;
  team: string;
  status: string;
  pathway?: string;
  allocatedWorker?: string;
  openTaskCount: number;
  /** Open tasks, soonest due first (at most ten). */
  openTasks: OpenTaskWords[];
  banners: BannerWords[];
}

/** Fields a reader may correct in a section they may write: flat fields, and item fields per collection. */
export interface CorrectableFields { fields: CatalogueField[]; items: Record<string, CatalogueField[]> }

export interface CaseWords {
  header: CaseHeaderWords;
  sections: Partial<Record<CaseSection, SectionWords>>;
  submissions: SubmissionWords[];
  correctable: Partial<Record<CaseSection, CorrectableFields>>;
}

export interface WordsInput {
  record: CaseRecord;
  sections: Partial<Record<CaseSection, SectionState>>;
  submissions: { submissionId: string; formId: string; taskId?: string; at: string; by: string; sections: CaseSection[] }[];
  readable: CaseSection[];
  writable: CaseSection[];
  catalogue: FormCatalogue;
  names: Map<string, string>;
  openTasks: { items: OpenTaskWords[]; total: number };
  holds: { reason: string }[];
  today: string;
}

// Forms-core's one list of input types, less expression (its value is computed from the form's other answers,
// never typed) and filepicker (its files are the Documents tab's): neither is offered for correcting by hand.
const CORRECTABLE_TYPES: ReadonlySet<string> = new Set(INPUT_TYPES.filter((t) => t !== 'expression' && t !== 'filepicker'));

export function labelOfField(catalogue: FieldCatalogue, stored: FieldLabels | undefined, section: CaseSection, key: string, collection?: string): string {
  const known = collection ? catalogue[section]?.items[collection]?.[key] : catalogue[section]?.fields[key];
  const storedLabel = collection ? stored?.items?.[collection]?.[key] : stored?.fields?.[key];
  return known?.label ?? storedLabel ?? (collection ? undefined : fieldAnywhere(catalogue, section, key)?.label) ?? spellOutKey(key);
}

/** `itemAddedSeq`: for an item's value, the amendment that added the item (its values' earliest). */
function sourceWords(src: ValueSource | undefined, input: WordsInput, itemAddedSeq?: number): SourceWords | undefined {
  if (!src) return undefined;
  if (src.formId) {
    const title = input.catalogue.formTitles[src.formId] ?? spellOutKey(src.formId);
    return { at: src.at, text: `From ${title}, by ${nameIn(input.names, src.by)}`, ...(src.taskId ? { taskId: src.taskId } : {}) };
  }
  // The referral's own values, written when the case was opened (a value refiled since keeps that source).
  const atReferral = src.at === input.record.createdAt;
  // A value written when its item was added was not corrected ("Added by Cara Case"); a later change was.
  const how = atReferral ? 'Recorded at referral' : src.amendmentSeq === itemAddedSeq ? 'Added' : 'Corrected';
  return { at: src.at, text: `${how} by ${nameIn(input.names, src.by)}` };
}

/**
 * A flat field of the section, or — when no form asks it in this section — the same key in another section:
 * the referral page files "Referred by" (referralSource) under Personal while the intake's form asks it under
 * Offending, and one key means one thing across forms (collection-field-keys.test.ts holds forms to that).
 */
export function fieldAnywhere(catalogue: FieldCatalogue, section: CaseSection, key: string) {
  return catalogue[section]?.fields[key] ?? Object.values(catalogue).find((s) => s?.fields[key])?.fields[key];
}

const addedSeq = (sources: Record<string, ValueSource>): number => Math.min(...Object.values(sources).map((x) => x.amendmentSeq));

function sectionWords(section: CaseSection, state: SectionState, input: WordsInput): SectionWords {
  const cat = input.catalogue.fields[section];
  const fields = Object.entries(state.values ?? {}).map(([key, value]) => ({
    key, label: labelOfField(input.catalogue.fields, state.labels, section, key),
    value: valueWords(value, fieldAnywhere(input.catalogue.fields, section, key)),
    ...(state.sources?.[key] ? { source: sourceWords(state.sources[key], input) } : {}),
  }));
  const collections = Object.entries(state.collections ?? {}).map(([name, items]) => ({
    name, title: spellOutKey(name),
    items: items.map((item) => ({
      id: item.id, label: item.label ?? spellOutKey(name),
      fields: Object.entries(item.values).filter(([k]) => k !== 'id').map(([key, value]) => ({
        key, label: labelOfField(input.catalogue.fields, state.labels, section, key, name), value: valueWords(value, cat?.items[name]?.[key]),
        ...(item.sources?.[key] ? { source: sourceWords(item.sources[key], input, addedSeq(item.sources)) } : {}),
      })),
    })),
  }));
  return { fields, collections };
}

function correctable(section: CaseSection, catalogue: FieldCatalogue): CorrectableFields {
  const cat = catalogue[section];
  const inputs = (m: Record<string, CatalogueField> | undefined) => distinctLabels(Object.values(m ?? {}).filter((f) => CORRECTABLE_TYPES.has(f.type)));
  return { fields: inputs(cat?.fields), items: Object.fromEntries(Object.entries(cat?.items ?? {}).map(([name, m]) => [name, inputs(m)])) };
}

/** Two forms may label different keys alike ("Notes"): the list to pick from must still tell them apart. */
function distinctLabels(fields: CatalogueField[]): CatalogueField[] {
  const seen = new Map<string, number>();
  for (const f of fields) seen.set(f.label, (seen.get(f.label) ?? 0) + 1);
  return fields.map((f) => ((seen.get(f.label) ?? 0) > 1 ? { ...f, label: `${f.label} (${spellOutKey(f.key).toLowerCase()})` } : f));
}

export function presentCaseWords(input: WordsInput): CaseWords {
  const { record } = input;
  const sections: Partial<Record<CaseSection, SectionWords>> = {};
  for (const s of caseSections()) if (input.sections[s]) sections[s] = sectionWords(s, input.sections[s]!, input);
  const banners: BannerWords[] = input.holds.map((h) => ({ kind: 'legal-hold', text: `Legal hold: ${h.reason}. Nothing on this case may be deleted while the hold stands.` }));
  const header = recordHeader(record, input.catalogue.fields, input.today, input.readable);
  if (header.reduced) {
    banners.push({ kind: 'reduced', since: header.reduced.reducedAt, text: 'Reduced to a basic record by the retention schedule: only the child\'s identity, orders and outcomes, and key dates are kept.' });
  }
  return {
    header: {
      ...header,
      name: record.identity.displayName, dateOfBirth: record.identity.dateOfBirth, reference: record.id, team: record.team,
      status: record.status === 'open' ? 'Open' : 'Closed',
      ...(record.pathway ? { pathway: valueWords(record.pathway, input.catalogue.fields.offending?.fields.pathway).text.replace(/^[a-z]/, (c) => c.toUpperCase()) } : {}),
      ...(record.caseManagerId ? { allocatedWorker: nameIn(input.names, record.caseManagerId) } : {}),
      openTaskCount: input.openTasks.total, openTasks: input.openTasks.items, banners,
    },
    sections,
    submissions: input.submissions.map((s) => ({
      submissionId: s.submissionId, formTitle: input.catalogue.formTitles[s.formId] ?? spellOutKey(s.formId), at: s.at,
      by: nameIn(input.names, s.by) ?? '', sections: s.sections.map((x) => sectionLabel(x)), ...(s.taskId ? { taskId: s.taskId } : {}),
    })),
    correctable: Object.fromEntries(input.writable.filter((s) => input.readable.includes(s)).map((s) => [s, correctable(s, input.catalogue.fields)])),
  };
}

/** Every user id the words will name: value sources, submissions, the allocated worker. */
export function peopleOf(record: CaseRecord, sections: Partial<Record<CaseSection, SectionState>>): string[] {
  const ids: string[] = record.caseManagerId ? [record.caseManagerId] : [];
  for (const state of Object.values(sections)) {
    if (!state) continue;
    for (const s of Object.values(state.sources ?? {})) ids.push(s.by);
    for (const items of Object.values(state.collections ?? {})) for (const i of items) for (const s of Object.values(i.sources ?? {})) ids.push(s.by);
  }
  return ids;
}
