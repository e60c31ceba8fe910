// form-js's filepicker and documentPreview against the case's documents store. A filepicker's answer is a
// list of document references shaped like Camunda 8.8's (documentId, storeId, contentHash, endpoint,
// metadata{contentType, fileName, size}), so a model written for Camunda reads `files[1].metadata.fileName`
// as it would there. The file itself goes up first through the documents upload route; the answer only
// names it. This module checks the shape (both sides); whether each named document is one of the case's,
// readable by the person, filed on the field's section, is the server's check (application/documents).
// Camunda's own discriminator key "camunda.document.type" is accepted and dropped: the embedded database
// (FerretDB) refuses field names containing ".", and these documents are not in Camunda's store anyway.
import * as yup from 'yup';
import { isInput, isPlainObject, joinPath, labelOf, ownSegments, getIn } from './form-tree';
import type { FormComponent } from './form.types';

/** Where a filepicker without a section of its own (or of its group) files its documents. */
export const DEFAULT_FILE_SECTION = 'plans';
/** Names this product's documents store in a reference (Camunda names its own store there). */
export const DOCUMENT_STORE_ID = 'case-documents';
export const CAMUNDA_DOCUMENT_TYPE_KEY = 'camunda.document.type';

export interface DocumentReference {
  documentId: string;
  storeId: string;
  contentHash?: string;
  /** The download route of the document (Camunda's documentPreview reads `endpoint`). */
  endpoint?: string;
  metadata: { contentType: string; fileName: string; size: number };
}

const REFERENCE_KEYS = new Set(['documentId', 'storeId', 'contentHash', 'endpoint', 'metadata', CAMUNDA_DOCUMENT_TYPE_KEY]);
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isFilepicker = (c: FormComponent): boolean => c.type === 'filepicker';

/** form-js's `multiple` once resolved (form-resolve.ts evaluates a FEEL one): only true allows several. */
export const allowsMany = (c: FormComponent): boolean => c.multiple === true;

/** The file name a document reference gives (metadata.fileName), if it gives one: answers are shown by it. */
export function fileNameOf(reference: unknown): string | undefined {
  const name = isPlainObject(reference) && isPlainObject(reference.metadata) ? reference.metadata.fileName : undefined;
  return name === undefined || name === null ? undefined : String(name);
}

/** Why one item of a filepicker's answer is not a document reference; undefined when it is one. */
function referenceProblem(x: unknown): string | undefined {
  if (!isPlainObject(x)) return 'must list files as document references';
  const extra = Object.keys(x).find((k) => !REFERENCE_KEYS.has(k));
  if (extra) return `has "${extra}", which is not part of a document reference`;
  if (typeof x.documentId !== 'string' || !DOCUMENT_ID.test(x.documentId)) return 'names a file by an id that is not one';
  if (x[CAMUNDA_DOCUMENT_TYPE_KEY] !== undefined && x[CAMUNDA_DOCUMENT_TYPE_KEY] !== 'camunda') return 'names a document type other than "camunda"';
  if (x.metadata !== undefined && !isPlainObject(x.metadata)) return 'has metadata that is not an object';
  return undefined;
}

export interface FileFieldEnv {
  /** False where no case's documents store stands behind the form (a start form, a standalone form). */
  acceptFiles?: boolean;
}

export function filesSchema(c: FormComponent, env: FileFieldEnv): yup.AnySchema {
  const label = labelOf(c);
  // One test, first problem wins: a list of two forged references is told about the forgery, not also its length.
  let s = yup.array()
    .typeError(`${label} must be a list of files`)
    .transform((v, orig) => (orig === '' || orig === null ? undefined : v))
    // The discriminator is dropped here, before anything is stored (see above); another value is reported below.
    .transform((list: unknown) => (Array.isArray(list) ? list.map((x) => (isPlainObject(x) && x[CAMUNDA_DOCUMENT_TYPE_KEY] === 'camunda' ? withoutKey(x, CAMUNDA_DOCUMENT_TYPE_KEY) : x)) : list))
    .test('files', function (list) {
      if (!list?.length) return true;
      for (const x of list) {
        const problem = referenceProblem(x);
        if (problem) return this.createError({ message: `${label} ${problem}` });
      }
      if (!allowsMany(c) && list.length > 1) return this.createError({ message: `${label} takes one file: remove the others` });
      return env.acceptFiles === true || this.createError({ message: `${label}: files can be added only in a task form of a case` });
    });
  if (c.validate?.required) s = s.required(`Select a file for ${label}`).min(1, `Select a file for ${label}`);
  return s as unknown as yup.AnySchema;
}

const withoutKey = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

/** Whether a file of this name and type is one `accept` (".pdf,image/*", as an <input accept>) allows. */
export function acceptsFile(accept: unknown, fileName: string, contentType: string): boolean {
  if (typeof accept !== 'string' || !accept.trim()) return true;
  const name = fileName.toLowerCase();
  const type = contentType.toLowerCase().split(';')[0].trim();
  return accept.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean).some((token) => {
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

export interface FileAnswer {
  /** The yup-style path of the answer: `evidence`, `group_path.letters`, `rows[0].scan`. */
  path: string;
  component: FormComponent;
  section: string;
  references: unknown[];
}

/** Every filepicker answer in validated data, with the section its documents are filed on. */
export function fileAnswers(components: FormComponent[], data: Record<string, unknown>): FileAnswer[] {
  const out: FileAnswer[] = [];
  const visit = (list: FormComponent[], local: unknown, base: string, section: string | undefined) => {
    for (const c of list) {
      if (!isPlainObject(c)) continue;
      const own = typeof c.properties?.section === 'string' ? c.properties.section : section;
      const segments = ownSegments(c);
      if (isInput(c)) {
        const value = getIn(local, segments);
        if (isFilepicker(c) && Array.isArray(value)) out.push({ path: segments.reduce(joinPath, base), component: c, section: own ?? DEFAULT_FILE_SECTION, references: value });
      } else if (c.type === 'dynamiclist') {
        const rows = getIn(local, segments);
        const at = segments.reduce(joinPath, base);
        if (Array.isArray(rows)) rows.forEach((row, i) => visit(c.components ?? [], row, joinPath(at, i), own));
      } else if (Array.isArray(c.components)) {
        visit(c.components, segments.length ? getIn(local, segments) : local, segments.reduce(joinPath, base), own);
      }
    }
  };
  visit(components, data, '', undefined);
  return out;
}

/** A copy of the data with each filepicker answer replaced (the server writes the store's own references). */
export function replaceFileAnswers(data: Record<string, unknown>, answers: FileAnswer[], replace: (a: FileAnswer) => unknown[]): Record<string, unknown> {
  let out: unknown = data;
  for (const a of answers) out = setPath(out, pathSegments(a.path), replace(a));
  return out as Record<string, unknown>;
}

const pathSegments = (path: string): Array<string | number> =>
  path.split(/\.|(?=\[)/).map((s) => (s.startsWith('[') ? Number(s.slice(1, -1)) : s));

function setPath(value: unknown, [head, ...rest]: Array<string | number>, replacement: unknown): unknown {
  if (head === undefined) return replacement;
  if (typeof head === 'number') {
    const copy = Array.isArray(value) ? [...value] : [];
    copy[head] = setPath(copy[head], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = isPlainObject(value) ? { ...value } : {};
  copy[head] = setPath(copy[head], rest, replacement);
  return copy;
}
