// What every source of a case's chronology is given, and what it returns. A source turns its own records
// into entries in words; it reads only what belongs to this case, and leaves out (or marks with a
// section) what reveals a section the reader may not see. The use case merges, filters and pages.
import type { ChronologyEntry, ChronologyKind } from '../../../domain/cases/chronology-entry';
import type { CaseRecord } from '../../../domain/cases/case-record';
import type { CaseSection } from '../../../domain/cases/case-section';
import type { Actor } from '../case-access';
import type { FormCatalogue } from '../field-catalogue';

export interface ChronologyContext {
  record: CaseRecord;
  actor: Actor;
  readable: CaseSection[];
  catalogue: FormCatalogue;
  /** Display names of user ids (never the id). */
  names(ids: Iterable<string | undefined>): Promise<Map<string, string>>;
  /** The reader may see the audit's own detail (a break-glass reason): roles with view-audit. */
  mayViewAudit: boolean;
}

export interface ChronologySource {
  kind: ChronologyKind;
  entries(ctx: ChronologyContext): Promise<ChronologyEntry[]>;
}

/**
 * The section an entry about a form reveals: the form's first section, or `null` when it also writes a
 * section the reader may not see (the entry is then left out: "Health screening completed" says enough).
 */
export function formSectionFor(ctx: ChronologyContext, formId: string | undefined): CaseSection | undefined | null {
  const sections = formId ? ctx.catalogue.formSections[formId] ?? [] : [];
  if (sections.some((s) => !ctx.readable.includes(s))) return null;
  return sections[0];
}

/** Caps on what one chronology read loads from each store (a case's whole life fits well inside them). */
export const CHRONOLOGY_LIMITS = { amendments: 2000, tasks: 1000, instances: 100, emails: 2000, audit: 500 } as const;
