// The amendment history in words (issue 18): "Date of birth changed from 14 March 2010 to 15 March 2010
// by Cara Case on 2 December 2026, 09:30. Reason: …" — the server resolves labels, option labels, names
// and form titles; the client puts the sentence together and formats the dates in the one date format.
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import { sectionLabel, type CaseSection } from '../../domain/cases/case-section';
import type { FieldLabels } from '../../domain/cases/case-record';
import { valueWords, type ValueWords } from '../../domain/cases/value-words';
import { spellOutKey } from '../../domain/forms/field-catalogue';
import type { FormCatalogue } from './field-catalogue';
import { nameIn } from './people-names';
import { fieldAnywhere, labelOfField } from './present-case-words';

export interface ChangeWords {
  label: string;
  /** For a collection item's field: the item ("Youth rehabilitation order made on …") and its collection. */
  item?: string;
  collection?: string;
  added?: true;
  previous?: ValueWords;
  value?: ValueWords;
}

export type HowWords =
  | { kind: 'referral' }
  | { kind: 'manual'; reason: string }
  | { kind: 'submission'; formTitle: string; taskId?: string };

export interface AmendmentWords {
  section: CaseSection;
  sectionLabel: string;
  seq: number;
  at: string;
  by: string;
  how: HowWords;
  changes: ChangeWords[];
}

/** An item's name today ("Victim 2"), for changes recorded without one: by section, collection and item id. */
export type ItemNames = (section: CaseSection, collection: string, itemId: string) => string | undefined;

export function presentAmendment(a: CaseAmendment, catalogue: FormCatalogue, names: Map<string, string>, stored?: FieldLabels, itemNames?: ItemNames): AmendmentWords {
  const how: HowWords = a.source.kind === 'submission'
    ? { kind: 'submission', formTitle: catalogue.formTitles[a.source.formId] ?? spellOutKey(a.source.formId), ...(a.source.taskId ? { taskId: a.source.taskId } : {}) }
    : a.source.kind === 'manual' ? { kind: 'manual', reason: a.source.reason } : { kind: 'referral' };
  const cat = catalogue.fields[a.section];
  return {
    section: a.section, sectionLabel: sectionLabel(a.section), seq: a.seq, at: a.at, by: nameIn(names, a.by) ?? '', how,
    changes: a.changes.filter((c) => !(c.collection && c.field === 'id')).map((c) => {
      // A value an older referral filed in another section than its form's is said with that form's options too.
      const field = c.collection ? cat?.items[c.collection]?.[c.field] : fieldAnywhere(catalogue.fields, a.section, c.field);
      return {
        label: labelOfField(catalogue.fields, stored, a.section, c.field, c.collection),
        ...(c.collection ? { collection: spellOutKey(c.collection), item: c.itemLabel ?? (c.item ? itemNames?.(a.section, c.collection, c.item) : undefined) ?? spellOutKey(c.collection) } : {}),
        ...(c.added ? { added: true as const } : {}),
        ...(c.previous !== undefined ? { previous: valueWords(c.previous, field) } : {}),
        ...(c.value !== undefined ? { value: valueWords(c.value, field) } : {}),
      };
    }),
  };
}
