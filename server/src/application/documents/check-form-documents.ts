// A task form's filepicker answers, checked before anything is stored: each reference must name a document of
// THIS case that the person may read, filed on the field's section (so a file's name never lands in a section
// whose readers may not see its document), of a kind the field accepts. The answer stored is rebuilt from the
// store (id, hash, name, type, size), never the client's copy, so metadata cannot be forged. The file itself
// went up through the documents upload route (upload-document.ts: limits, sniffing, audit), not here.
import { sectionLabel } from '../../domain/cases/case-section';
import { FILE_KINDS } from '../../domain/documents/document-types';
import type { CaseDocument } from '../../domain/documents/case-document';
import {
  acceptsFile, buildScope, DOCUMENT_STORE_ID, fileAnswers, isPlainObject, labelOf, replaceFileAnswers, resolveComponent,
  type DocumentReference, type FieldErrors, type FormDefinition,
} from '../../forms-core';
import type { DocumentStore } from '../../ports/document-store.port';
import type { AccessPolicy, Actor } from '../cases/case-access';
import { documentSectionsReadable } from './document-access';

export interface FormDocumentsDeps {
  documents: Pick<DocumentStore, 'listOfCase'>;
  policy: AccessPolicy;
}

export interface CheckedFormDocuments {
  value: Record<string, unknown>;
  errors: FieldErrors;
}

/** Where the page downloads the document (the documents route, which asks the case rule again). */
export const contentRoute = (caseId: string, documentId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/content`;

export function referenceOf(d: CaseDocument): DocumentReference {
  return {
    documentId: d.id, storeId: DOCUMENT_STORE_ID, contentHash: d.sha256, endpoint: contentRoute(d.caseId, d.id),
    metadata: { contentType: FILE_KINDS[d.kind].contentType, fileName: d.name, size: d.size },
  };
}

/**
 * The case's documents the actor may open, by id (one read: the store keeps a case's list in one record). Another
 * case's document, an invented id and one of a section the person may not read are all simply not in it.
 */
export async function readableDocuments(deps: FormDocumentsDeps, actor: Actor, caseId: string): Promise<Map<string, CaseDocument>> {
  const readable = documentSectionsReadable(deps.policy, actor);
  return new Map((await deps.documents.listOfCase(caseId)).filter((d) => d.caseId === caseId && readable.includes(d.section)).map((d) => [d.id, d]));
}

export async function checkFormDocuments(
  deps: FormDocumentsDeps, actor: Actor, form: FormDefinition, caseId: string | undefined, value: Record<string, unknown>,
  variables?: Record<string, unknown>,
): Promise<CheckedFormDocuments> {
  const answers = fileAnswers(form.components, value).filter((a) => a.references.length);
  if (!answers.length) return { value, errors: {} };
  const errors: FieldErrors = {};
  if (!caseId) {
    for (const a of answers) errors[a.path] = `${labelOf(a.component)}: files can be added only in a task form of a case`;
    return { value, errors };
  }
  const found = await readableDocuments(deps, actor, caseId);
  const scope = buildScope(variables, value);
  for (const a of answers) {
    const label = labelOf(a.component);
    const accept = resolveComponent(a.component, scope).accept;
    const problems: string[] = [];
    for (const r of a.references) {
      const d = found.get(isPlainObject(r) ? String(r.documentId) : '');
      if (!d) problems.push(`${label}: one of the files is not a document of this case you may open; choose the file again`);
      else if (d.section !== a.section) problems.push(`${label}: “${d.name}” is filed on the ${sectionLabel(d.section)} section, and this question files on ${sectionLabel(a.section)}`);
      else if (!acceptsFile(accept, d.name, FILE_KINDS[d.kind].contentType)) problems.push(`${label} accepts only ${accept}: “${d.name}” is not one`);
    }
    if (problems.length) errors[a.path] = [...new Set(problems)].join('; ');
  }
  if (Object.keys(errors).length) return { value, errors };
  const canonical = replaceFileAnswers(value, answers, (a) => {
    const seen = new Set<string>();
    // The same file listed twice is one file.
    return a.references.map((r) => found.get(String((r as Record<string, unknown>).documentId))!).filter((d) => !seen.has(d.id) && seen.add(d.id)).map(referenceOf);
  });
  return { value: canonical, errors };
}
