// The documents of a case the actor may see, in words: name, type, section, size, who filed it and when
// (by name). Documents of sections the actor's role may not read are left out and counted as withheld, so
// the page can say some are not shown rather than pretend there are none. Audited as a read of the case.
import { DOCUMENT_CATEGORY_LABELS, sizeInWords, type CaseDocument } from '../../domain/documents/case-document';
import { ACCEPT_ATTRIBUTE, ALLOWED_KINDS_WORDS, FILE_KINDS } from '../../domain/documents/document-types';
import { sectionLabel, type CaseSection } from '../../domain/cases/case-section';
import { auditActor, type Actor } from '../cases/case-access';
import { documentSectionsReadable, documentSectionsWritable, loadCaseToRead, requireReadableSection, sectionOf, type DocumentDeps } from './document-access';

export interface DocumentView {
  id: string;
  section: CaseSection;
  sectionLabel: string;
  name: string;
  /** What the bytes are: "PDF", "JPG"… */
  fileType: string;
  category: string;
  categoryLabel: string;
  description?: string;
  size: number;
  sizeLabel: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface DocumentList {
  documents: DocumentView[];
  /** How many documents of sections the actor may not read exist (none named). */
  withheld: number;
  /** Sections the actor may file documents on (the upload form offers only these). */
  writableSections: CaseSection[];
  /** What the upload form says and checks before sending: the size limit and the allowed kinds. */
  limits: { maxBytes: number; maxSize: string; kinds: string; accept: string };
}

export async function presentDocument(deps: Pick<DocumentDeps, 'nameOf'>, d: CaseDocument): Promise<DocumentView> {
  return {
    id: d.id, section: d.section, sectionLabel: sectionLabel(d.section), name: d.name, fileType: FILE_KINDS[d.kind].label,
    category: d.category, categoryLabel: DOCUMENT_CATEGORY_LABELS[d.category] ?? d.category,
    ...(d.description ? { description: d.description } : {}),
    size: d.size, sizeLabel: sizeInWords(d.size), uploadedBy: await deps.nameOf(d.uploadedBy), uploadedAt: d.uploadedAt,
  };
}

export async function listDocuments(
  deps: DocumentDeps, actor: Actor, input: { caseId: string; section?: string; reason?: string },
): Promise<DocumentList> {
  const only = input.section === undefined ? undefined : sectionOf(input.section);
  if (only) requireReadableSection(deps.policy, actor, only);
  const { record, breakGlass } = await loadCaseToRead(deps, actor, input.caseId, input.reason);
  const sections = documentSectionsReadable(deps.policy, actor);
  const all = await deps.documents.listOfCase(record.id);
  const visible = all.filter((d) => sections.includes(d.section));
  const shown = only ? visible.filter((d) => d.section === only) : visible;
  await deps.audit.record({
    actor: auditActor(actor), action: 'document.list', recordType: 'case', recordId: record.id, sections: only ? [only] : sections,
    after: { documents: shown.length }, ...(breakGlass ? { reason: breakGlass, flagged: true } : {}),
  });
  const newestFirst = [...shown].sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
  return {
    documents: await Promise.all(newestFirst.map((d) => presentDocument(deps, d))),
    withheld: all.length - visible.length,
    writableSections: breakGlass ? [] : documentSectionsWritable(deps.policy, actor),
    limits: { maxBytes: deps.maxBytes, maxSize: sizeInWords(deps.maxBytes), kinds: ALLOWED_KINDS_WORDS, accept: ACCEPT_ATTRIBUTE },
  };
}
