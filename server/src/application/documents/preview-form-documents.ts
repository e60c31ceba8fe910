// What a form's documentPreview components show: the documents their dataSource names (a process variable
// holding document references, such as an earlier task's filepicker answer), resolved by the server for the
// reader — only documents of the task's case in sections they may read, each as a link to the documents
// download route with its name, type and size. The references themselves (with every file's name) never go
// to the page. Showing them is a consultation of the case: audited, with the sections shown.
import { sizeInWords } from '../../domain/documents/case-document';
import { FILE_KINDS } from '../../domain/documents/document-types';
import { buildScope, evaluateFeel, isPlainObject, walkComponents, type FormComponent, type FormDefinition } from '../../forms-core';
import { auditActor, type Actor, type CaseAuditSink } from '../cases/case-access';
import type { CaseDocument } from '../../domain/documents/case-document';
import { contentRoute, readableDocuments, type FormDocumentsDeps } from './check-form-documents';

export interface DocumentLink {
  documentId: string;
  name: string;
  /** "PDF", "JPG"… */
  fileType: string;
  size: number;
  sizeLabel: string;
  href: string;
}

/** Per documentPreview, keyed by its dataSource expression (two previews of the same data show the same). */
export type DocumentPreviews = Record<string, DocumentLink[]>;

/** The distinct dataSources of the form's documentPreviews. */
function previewSources(components: FormComponent[]): string[] {
  const out = new Set<string>();
  walkComponents(components, (c) => {
    if (isPlainObject(c) && c.type === 'documentPreview' && typeof c.dataSource === 'string') out.add(c.dataSource);
  });
  return [...out];
}

/** Document ids a dataSource's value names: a list of references, or one reference. */
function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((r) => (isPlainObject(r) && typeof r.documentId === 'string' ? [r.documentId] : []));
}

export async function previewFormDocuments(
  deps: FormDocumentsDeps & { audit?: CaseAuditSink }, actor: Actor, form: FormDefinition, caseId: string | undefined,
  loadVariables: () => Promise<Record<string, unknown> | undefined>,
): Promise<DocumentPreviews | undefined> {
  const sources = previewSources(form.components);
  if (!sources.length) return undefined;
  const variables = await loadVariables(); // an instance read only for a form that previews documents
  const found = caseId ? await readableDocuments(deps, actor, caseId) : new Map<string, CaseDocument>();
  const scope = buildScope(variables, {});
  const previews: DocumentPreviews = {};
  const sections = new Set<string>();
  for (const source of sources) {
    const docs = [...new Set(idsOf(evaluateFeel(source, scope)))].flatMap((id) => found.get(id) ?? []);
    previews[source] = docs.map((d) => {
      sections.add(d.section);
      return { documentId: d.id, name: d.name, fileType: FILE_KINDS[d.kind].label, size: d.size, sizeLabel: sizeInWords(d.size), href: contentRoute(d.caseId, d.id) };
    });
  }
  const shown = Object.values(previews).flat();
  if (caseId && shown.length) {
    await deps.audit?.record({
      actor: auditActor(actor), action: 'document.list', recordType: 'case', recordId: caseId, sections: [...sections],
      after: { documents: shown.length, via: 'task form' },
    });
  }
  return previews;
}
